"""The read endpoints under /api: status, shape, filters and paging (hand-made corpus)."""

from __future__ import annotations

from onrecord.models import SCHEMA


def test_articles_are_paged_and_filtered(client, get_ok):
    page = get_ok(client, "/api/articles", limit=3)
    assert page["total"] == 8 and page["limit"] == 3 and page["offset"] == 0
    assert len(page["items"]) == 3
    first = page["items"][0]
    assert set(first) == {"id", "title", "outlet", "url", "published", "story_id",
                          "statements", "events"}
    dates = [a["published"] for a in get_ok(client, "/api/articles")["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    rest = get_ok(client, "/api/articles", limit=3, offset=3)["items"]
    assert not {a["id"] for a in rest} & {a["id"] for a in page["items"]}
    june4 = get_ok(client, "/api/articles", since="2024-06-04", until="2024-06-04")
    assert june4["total"] == 4 and {a["published"] for a in june4["items"]} == {"2024-06-04"}
    coast = get_ok(client, "/api/articles", outlet="coast times")["items"]
    assert [a["title"] for a in coast] == ["Depot struck"]
    assert coast[0]["events"] == 1 and coast[0]["statements"] == 1


def test_article_is_the_json_contract(client, ids, get_ok):
    record = get_ok(client, f"/api/articles/{ids['strike']}")
    assert record["schema"] == SCHEMA
    assert set(record) >= {"article", "entities", "statements", "times", "events"}
    assert record["article"]["id"] == ids["strike"]
    assert record["events"][0]["type"] == "ASSAULT" and record["times"][0]["value"] == "2024-06-11"
    text = record["article"]["text"]
    s, e = record["statements"][0]["content_span"]
    assert text[s:e] == record["statements"][0]["content"]
    assert get_ok(client, f"/api/articles/{ids['strike'][:8]}")["article"]["id"] == ids["strike"]


def test_entities_list_filter_and_detail(client, ids, get_ok):
    people = get_ok(client, "/api/entities", kind="PERSON")
    assert {p["kind"] for p in people} == {"PERSON"}
    assert people[0]["name"] == "Lena Brandt" and people[0]["statements"] == 2
    assert [p["id"] for p in get_ok(client, "/api/entities", name="Ruiz")] == [ids["ruiz"]]
    assert get_ok(client, "/api/entities", name="Nobody Here") == []
    places = get_ok(client, "/api/entities", kind="fac")
    assert [p["name"] for p in places] == ["Orm Reservoir"]
    assert len(get_ok(client, "/api/entities", limit=2, offset=1)) == 2
    brandt = get_ok(client, f"/api/entities/{ids['brandt']}")
    assert brandt["name"] == "Lena Brandt" and brandt["articles"] == 2
    said = brandt["statements_said"]
    assert [s["date"] for s in said] == ["2024-06-03", "2024-06-06"]
    assert all(s["speaker_id"] == ids["brandt"] for s in said)


def test_statements_by_speaker_dates_and_paging(client, ids, get_ok):
    rows = get_ok(client, "/api/statements")
    assert len(rows) == 8
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    brandt = get_ok(client, "/api/statements", speaker="Brandt")
    assert {r["speaker"] for r in brandt} == {"Lena Brandt"} and len(brandt) == 2
    officials = get_ok(client, "/api/statements", speaker="officials")
    assert [r["sourcing"] for r in officials] == ["anonymous"]
    assert len(get_ok(client, "/api/statements", since="2024-06-05")) == 3
    assert len(get_ok(client, "/api/statements", until="2024-06")) == 8
    assert len(get_ok(client, "/api/statements", limit=2, offset=7)) == 1


def test_events_by_actor_and_target(client, get_ok):
    events = get_ok(client, "/api/events")
    assert [(e["source_actor"], e["target_actor"], e["date"]) for e in events] == [
        ("USAMIL", "IRN", "2024-06-11")]
    assert get_ok(client, "/api/events", actor="USA", target="IRN") == events
    assert get_ok(client, "/api/events", actor="IRN") == []
    assert get_ok(client, "/api/events", since="2024-06-12") == []


def test_timeline_merges_events_and_statements(client, get_ok):
    items = get_ok(client, "/api/timeline")
    assert {i["item"] for i in items} == {"event", "statement"}
    dates = [i["date"] for i in items]
    assert dates == sorted(dates)
    event = next(i for i in items if i["item"] == "event")
    statement = next(i for i in items if i["item"] == "statement")
    assert "trigger" in event and "content" not in event
    assert "content" in statement and "trigger" not in statement
    assert {i["item"] for i in get_ok(client, "/api/timeline", actor="USA")} == {"event"}
    assert {i["item"] for i in get_ok(client, "/api/timeline", only="statements")} == {
        "statement"}
    assert len(get_ok(client, "/api/timeline", limit=2, offset=1)) == 2


def test_contradictions_and_shifts(client, get_ok):
    found = get_ok(client, "/api/contradictions")
    kinds = {f["kind"] for f in found}
    assert kinds == {"contradiction", "shift"}
    pair = next(f for f in found if f["kind"] == "contradiction")
    assert {pair["a"]["speaker"], pair["b"]["speaker"]} == {"Lena Brandt", "Tomas Ruiz"}
    assert pair["evidence"] and 0.5 <= pair["score"] <= 1
    assert pair["a"]["outlet"] and pair["a"]["date"]
    shifts = get_ok(client, "/api/contradictions", kind="shift")
    assert [f["a"]["speaker"] for f in shifts] == ["Lena Brandt"]
    ruiz = get_ok(client, "/api/contradictions", speaker="Ruiz")
    assert ruiz and all("Tomas Ruiz" in (f["a"]["speaker"], f["b"]["speaker"]) for f in ruiz)
    assert get_ok(client, "/api/contradictions", since="2024-06-05") == []
    assert get_ok(client, "/api/contradictions", min_score=1.0) == []


def test_search_finds_statements_and_articles(client, get_ok):
    hits = get_ok(client, "/api/search", q="reservoir filters")
    assert {h["type"] for h in hits} == {"statement", "article"}
    statement = next(h for h in hits if h["type"] == "statement")
    assert statement["speaker"] == "Tomas Ruiz"
    article = next(h for h in hits if h["type"] == "article")
    assert article["snippet"] and "content" not in article
    assert get_ok(client, "/api/search", q="zeppelin") == []


def test_sourcing_by_outlet_and_by_article(client, get_ok):
    outlets = {r["outlet"]: r for r in get_ok(client, "/api/sourcing")}
    assert outlets["Coast Times"]["anonymous"] == 1
    assert outlets["Coast Times"]["anonymous_share"] == 1.0
    assert outlets["Valley Post"]["articles"] == 4 and outlets["Valley Post"]["named"] == 4
    by_article = get_ok(client, "/api/sourcing", by="article")
    assert len(by_article) == 8 and all("article_id" in r for r in by_article)


def test_openapi_schema_has_typed_responses(client, get_ok):
    schema = get_ok(client, "/openapi.json")
    paths = schema["paths"]
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/entities",
                 "/api/entities/{entity_id}", "/api/statements", "/api/events",
                 "/api/timeline", "/api/contradictions", "/api/search", "/api/sourcing"):
        ok = paths[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert ok, path
    assert "post" in paths["/api/articles"]
    assert {"RecordOut", "StatementRow", "FindingOut", "ArticlePage"} <= set(
        schema["components"]["schemas"])
    assert not any(p == "/" or p.startswith("/speakers") for p in paths)  # pages: no schema
