"""Disputes over the API (``/api/disputes``, ``/api/disputes/{id}``) and as web pages
(``/disputes``, ``/disputes/{id}``): the water stories make one contradiction (the mayor
against the engineer) and one shift (the mayor's account); a second, hostile pair of claims
about a dam carries a script in its content, which must come out escaped."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from onrecord.server.app import create_app
from onrecord.store import Corpus

from .conftest import SCRIPT, TOKEN, _water
from .test_web import _assert_escaped, _page

DAM_A = f"Warden Ola Berg said the dam at the reservoir {SCRIPT} was safe to use during the floods."
DAM_B = "Inspector Kai Noor said the dam at the reservoir was not safe to use during the floods."


def _content(text: str) -> str:
    return text[text.index(" said ") + 6:-1]


@pytest.fixture
def hostile_client(corpus_path: str, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    """The test corpus and a contradiction about a dam whose first claim holds a script."""
    with Corpus(corpus_path) as corpus:
        corpus.add(_water(DAM_A, "Ola Berg", _content(DAM_A), "2024-07-01", source="Dam News"))
        corpus.add(_water(DAM_B, "Kai Noor", _content(DAM_B), "2024-07-02",
                          source="Lake Daily"))
    monkeypatch.setenv("ONRECORD_TOKEN", TOKEN)
    return TestClient(create_app(corpus_path))


def _names(dispute):
    return [p["name"] for p in dispute["parties"]]


def _by_kind(found, kind):
    return next(d for d in found if d["kind"] == kind)


def test_the_list_has_a_contradiction_and_a_shift_with_parties_and_links(client, get_ok):
    found = get_ok(client, "/api/disputes")
    assert {d["kind"] for d in found} == {"contradiction", "shift"}
    fight = _by_kind(found, "contradiction")
    assert sorted(_names(fight)) == ["Lena Brandt", "Tomas Ruiz"]
    assert {"reservoir", "safe"} <= set(fight["matter"])
    assert fight["latest"] == "2024-06-04" and 0.5 <= fight["score"] <= 1
    claims = [c for p in fight["parties"] for c in p["claims"]]
    assert {c["outlet"] for c in claims} == {"Harbor Wire", "Valley Post"}
    assert len(claims) == 2
    assert all(c["echoes"] == 0 and c["content"] and c["span"] for c in claims)
    assert len(fight["parties"]) == 2
    assert all(p["outlets"] == 1 and p["holders"] == [p["name"]] for p in fight["parties"])
    [link] = fight["links"]
    keys = {(c["article_id"], c["statement_id"]) for c in claims}
    assert {tuple(link["a"]), tuple(link["b"])} == keys and link["evidence"]
    shift = _by_kind(found, "shift")
    [party] = shift["parties"]
    assert party["name"] == "Lena Brandt"
    assert [c["date"] for c in party["claims"]] == ["2024-06-03", "2024-06-06"]
    assert "unsafe" in party["claims"][1]["content"]


def test_the_list_filters(client, get_ok):
    assert [d["kind"] for d in get_ok(client, "/api/disputes", kind="shift")] == ["shift"]
    fights = get_ok(client, "/api/disputes", kind="contradiction")
    assert [d["kind"] for d in fights] == ["contradiction"]
    ruiz = get_ok(client, "/api/disputes", speaker="Ruiz")
    assert ruiz and all("Tomas Ruiz" in _names(d) for d in ruiz)
    assert [d["kind"] for d in get_ok(client, "/api/disputes", matter="filters")] == [
        "contradiction"]
    assert get_ok(client, "/api/disputes", matter="volcano") == []
    assert get_ok(client, "/api/disputes", since="2024-06-05") == []
    assert get_ok(client, "/api/disputes", min_score=1.0) == []
    assert len(get_ok(client, "/api/disputes", limit=1)) == 1


@pytest.mark.parametrize("path", ["/api/disputes?kind=lie", "/api/disputes?min_score=2",
                                  "/api/disputes?limit=0"])
def test_bad_parameters_are_422(client, path):
    response = client.get(path)
    assert response.status_code == 422 and response.json()["detail"]


@pytest.mark.parametrize("path", ["/api/disputes?since=yesterday",
                                  "/api/disputes?until=2024-02-30"])
def test_bad_dates_are_400(client, path):
    response = client.get(path)
    assert response.status_code == 400 and "must be a date like" in response.json()["detail"]


def test_one_dispute_by_id(client, get_ok):
    for listed in get_ok(client, "/api/disputes"):
        assert get_ok(client, f"/api/disputes/{listed['id']}") == listed


def test_an_unknown_dispute_is_404_and_a_malformed_id_400(client):
    response = client.get("/api/disputes/0123456789ab")
    assert response.status_code == 404
    assert response.json()["detail"] == "no dispute has id '0123456789ab'"
    for bad in ("0123456789AB", "0123456789a", "0123456789abc", "zzzzzzzzzzzz"):
        response = client.get(f"/api/disputes/{bad}")
        assert response.status_code == 400, bad
        assert "12 lowercase hexadecimal digits" in response.json()["detail"]


def test_the_schema_documents_disputes(client):
    schema = client.get("/openapi.json").json()
    listing = schema["paths"]["/api/disputes"]["get"]["responses"]["200"]
    assert listing["content"]["application/json"]["schema"]["items"]["$ref"].endswith(
        "/DisputeOut")
    one = schema["paths"]["/api/disputes/{dispute_id}"]["get"]["responses"]
    assert {"200", "400", "404"} <= set(one)
    models = schema["components"]["schemas"]
    assert {"parties", "links", "matter", "latest"} <= set(models["DisputeOut"]["properties"])
    assert {"echoes", "side", "content"} <= set(models["ClaimOut"]["properties"])


def test_the_list_page(client, get_ok):
    html = _page(client, "/disputes")
    _assert_escaped(html)
    assert '<a href="/disputes">Disputes</a>' in html
    for d in get_ok(client, "/api/disputes"):
        assert f'href="/disputes/{d["id"]}"' in html
    assert 'class="finding dispute contradiction"' in html
    assert 'class="finding dispute shift"' in html
    assert "Lena Brandt" in html and "Tomas Ruiz" in html
    shifts = _page(client, "/disputes?kind=shift")
    assert 'class="finding dispute shift"' in shifts
    assert 'class="finding dispute contradiction"' not in shifts
    assert "No dispute found." in _page(client, "/disputes?min_score=1")
    assert "No dispute found." in _page(client, "/disputes?matter=volcano")
    _page(client, "/disputes?kind=lie", status=400)
    _page(client, "/disputes?min_score=high", status=400)
    _page(client, "/disputes?since=yesterday", status=400)


def test_a_contradiction_page_sets_the_parties_side_by_side(client, get_ok):
    fight = _by_kind(get_ok(client, "/api/disputes"), "contradiction")
    html = _page(client, f"/disputes/{fight['id']}")
    _assert_escaped(html)
    assert '<div class="columns parties">' in html
    assert html.count('<section class="party">') == 2
    assert "<h2>Lena Brandt</h2>" in html and "<h2>Tomas Ruiz</h2>" in html
    assert ", ".join(fight["matter"]) in html
    for party in fight["parties"]:
        for c in party["claims"]:
            assert c["content"] in html and c["outlet"] in html and c["date"] in html
            assert f'<a href="/articles/{c["article_id"]}">' in html
            assert f'<a class="speaker" href="/speakers/{c["speaker_id"]}">' in html
    assert "0 echoes" in html and "Evidence: " in html


def test_a_shift_page_tells_the_account_in_date_order(client, get_ok):
    shift = _by_kind(get_ok(client, "/api/disputes"), "shift")
    html = _page(client, f"/disputes/{shift['id']}")
    assert "The account of Lena Brandt over time" in html
    account = html[html.index('<ol class="plain account">'):]
    first, later = (c["content"] for c in shift["parties"][0]["claims"])
    assert account.index(first) < account.index(later)
    assert account.index("2024-06-03") < account.index("2024-06-06")
    assert account.count('<li class="claim">') == 2


def test_unknown_and_malformed_dispute_pages(client):
    assert "no dispute has id" in _page(client, "/disputes/0123456789ab", status=404)
    assert "12 lowercase hexadecimal digits" in _page(client, "/disputes/NOPE", status=400)


def test_a_script_in_a_claim_is_escaped(hostile_client, get_ok):
    dam = next(d for d in get_ok(hostile_client, "/api/disputes") if "dam" in d["matter"])
    assert sorted(_names(dam)) == ["Kai Noor", "Ola Berg"]
    assert any(SCRIPT in c["content"] for p in dam["parties"] for c in p["claims"])
    for path in ("/disputes", f"/disputes/{dam['id']}"):
        html = _page(hostile_client, path)
        _assert_escaped(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
