"""The brief of a storyline, on both backends, over a hand-made corpus of invented articles
(no model): every line cites statements or events of that storyline only, what happened is in
date order with one happening reported twice on one line, a negated or planned event is never
said to have happened, a dispute's two sides appear with their sources, and hostile article
text stays text in Markdown and in HTML."""

from __future__ import annotations

import json
import re

import pytest
from markdown_it import MarkdownIt

from onrecord.analysis import brief as brief_module
from onrecord.analysis.brief import Brief, BriefLine, build_brief
from onrecord.analysis.brief_render import http_url, render_brief, render_html, render_markdown
from onrecord.errors import QueryError
from onrecord.models import (
    Article,
    ArticleRecord,
    Entity,
    Event,
    Participant,
    Statement,
    TimeExpr,
)
from onrecord.store import Corpus

SCRIPT = "<script>alert(1)</script>"
MD_LINK = "[safe](javascript:alert(1))"
FORMULA = "=cmd|' /C calc'!A0"

# (outlet, published, url, text): the Orm reservoir story, told by four outlets over five days
RESERVOIR = [
    ("Harbor Wire", "2024-06-03", "https://harborwire.example/orm/1",
     "Residents of Orm protested outside the Orm Reservoir plant on Monday. Mayor Lena Brandt "
     "said that the chlorine level in the tap water of Orm was safe to drink and that the "
     "plant had passed every inspection. The city did not close the Orm Reservoir plant."),
    ("Valley Post", "2024-06-04", "https://valleypost.example/orm-water",
     "Hundreds of residents protested at the Orm Reservoir plant on Monday. Chief engineer "
     "Tomas Ruiz said the chlorine level in the tap water of Orm was not safe to drink until the "
     "filters were replaced. Officials said the filters had been ordered from abroad. The "
     "council will meet the engineers of the Orm Reservoir plant on Friday."),
    ("Coast Times", "2024-06-06", "https://coasttimes.example/orm",
     "Mayor Lena Brandt conceded on Thursday that the water from the Orm Reservoir was unsafe "
     "to drink for young children. Workers replaced the filters at the Orm Reservoir plant on "
     "Thursday, Lena Brandt said."),
    (f"Evil {SCRIPT} News", "2024-06-07", "javascript:alert(1)",
     f"Blogger Mallory {SCRIPT} said the Orm Reservoir water was {MD_LINK} and *poisoned* "
     f"{FORMULA} in Orm, where crowds gathered outside the Orm Reservoir plant."),
]
LAUNCH = [
    ("Gulf Observer", "2024-06-04", "https://gulfobserver.example/sedna",
     "The Sedna Point Space Agency postponed the launch of its weather satellite after a valve "
     "failed. Mission director Ilse Marrow said the rocket would be rolled back to the hangar."),
    ("Island Times", "2024-06-06", "https://islandtimes.example/sedna",
     "The weather satellite lifted off from Sedna Point and reached orbit. Ilse Marrow said "
     "the Sedna Point Space Agency had fixed the faulty valve."),
]


def _span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    at = text.index(words, after)
    return at, at + len(words)


def _record(outlet: str, published: str, url: str, text: str) -> ArticleRecord:
    """An invented article's record: its people and places where they are written, a statement
    for each 'X said/conceded ...' written into it, and its events and times."""
    names = ["Lena Brandt", "Tomas Ruiz", f"Mallory {SCRIPT}", "Ilse Marrow"]
    places = [("Orm Reservoir", "FAC"), ("Orm", "GPE"), ("Sedna Point", "LOC"),
              ("Sedna Point Space Agency", "ORG")]
    entities = [Entity(f"p{n}", name, "PERSON", tuple((m.start(), m.end()) for m in
                                                      re.finditer(re.escape(name), text)))
                for n, name in enumerate(names) if name in text]
    entities += [Entity(f"g{n}", place, kind,
                        tuple((m.start(), m.end()) for m in
                              re.finditer(rf"\b{re.escape(place)}\b", text)))
                 for n, (place, kind) in enumerate(places) if place in text]
    statements = []
    for speaker, cue, content, sourcing in [
        ("Lena Brandt", "said", "that the chlorine level in the tap water of Orm was safe to "
         "drink and that the plant had passed every inspection", "named"),
        ("Tomas Ruiz", "said", "the chlorine level in the tap water of Orm was not safe to drink "
         "until the filters were replaced", "named"),
        ("Officials", "said", "the filters had been ordered from abroad", "anonymous"),
        ("Lena Brandt", "conceded", "that the water from the Orm Reservoir was unsafe to drink "
         "for young children", "named"),
        (f"Mallory {SCRIPT}", "said", f"the Orm Reservoir water was {MD_LINK} and *poisoned* "
         f"{FORMULA} in Orm", "named"),
        ("Ilse Marrow", "said", "the rocket would be rolled back to the hangar", "named"),
        ("Ilse Marrow", "said", "the Sedna Point Space Agency had fixed the faulty valve",
         "named"),
    ]:
        if content not in text or f"{speaker} {cue}" not in text:
            continue
        who = next((e for e in entities if e.name == speaker), None)
        start, end = _span(text, content)
        cue_at = text.index(f"{speaker} {cue}") + len(speaker) + 1
        statements.append(Statement(
            f"s{start}", content, (start, end), "indirect", sourcing,  # type: ignore[arg-type]
            speaker=who.id if who else None, speaker_text=speaker,
            speaker_span=_span(text, speaker), cue={"said": "say"}.get(cue, "concede"),
            cue_span=(cue_at, cue_at + len(cue)), date=published))
    times, events = [], []
    for n, (trigger, kind, status, source, actor, target) in enumerate([
        ("protested", "PROTEST", "occurred", "Residents", "CVL", "the Orm Reservoir plant"),
        ("protested", "PROTEST", "occurred", "residents", "CVL", "the Orm Reservoir plant"),
        ("close", "COERCE", "negated", "The city", None, "the Orm Reservoir plant"),
        ("meet", "CONSULT", "planned", "The council", None, "the engineers"),
        ("replaced", "AID", "occurred", "Workers", None, "the filters"),
        ("postponed", "REDUCE", "occurred", "The Sedna Point Space Agency", None, "the launch"),
        ("lifted off", "MOBILIZE", "occurred", "The weather satellite", None, None),
    ]):
        if source not in text or trigger not in text:
            continue
        time = None
        day = re.search(r"on (Monday|Thursday|Friday)", text[text.index(trigger):])
        if day and day.group(1) == "Monday":  # the Monday of both reports: 2024-06-03
            at = text.index(trigger) + day.start(1)
            times.append(TimeExpr(f"t{n}", "Monday", (at, at + 6), "DATE", "2024-06-03",
                                  "2024-06-03", "2024-06-03"))
            time = f"t{n}"
        events.append(Event(f"v{n}", kind, "14", trigger, _span(text, trigger), status,
                            source=Participant(source, actor=actor),
                            target=Participant(target) if target else None, time=time))
    article = Article.create(text, title=f"{outlet} on {published}", source=outlet,
                             published=published, origin=f"{outlet}-{published}.txt", url=url)
    return ArticleRecord(article, tuple(entities), tuple(statements), tuple(times),
                         tuple(events))


@pytest.fixture
def corpus(corpus_db):
    with Corpus(corpus_db) as opened:
        for row in sorted(RESERVOIR + LAUNCH, key=lambda r: r[1]):
            assert opened.add(_record(*row))
        yield opened


def _storyline_of(corpus: Corpus, outlet: str) -> str:
    return str(corpus.query("SELECT storyline_id FROM articles WHERE source = ?", (outlet,))[0][0])


def _walk(lines: tuple[BriefLine, ...]) -> list[BriefLine]:
    return [x for line in lines for x in (line, *_walk(line.lines))]


def _brief(corpus: Corpus) -> Brief:
    return build_brief(corpus, _storyline_of(corpus, "Harbor Wire"))


def test_every_line_cites_statements_or_events_of_its_storyline_only(corpus):
    sid = _storyline_of(corpus, "Harbor Wire")
    assert _storyline_of(corpus, "Gulf Observer") != sid  # two storylines
    assert {_storyline_of(corpus, r[0]) for r in RESERVOIR} == {sid}
    items = {(kind, str(a), str(i)) for kind, table in (("statement", "statements"),
                                                        ("event", "events"))
             for a, i in corpus.query(f"SELECT t.article_id, t.id FROM {table} t JOIN articles"
                                      " a ON a.id = t.article_id WHERE a.storyline_id = ?",
                                      (sid,))}
    ours = {str(r[0]) for r in corpus.query("SELECT id FROM articles WHERE storyline_id = ?",
                                            (sid,))}
    brief = build_brief(corpus, sid[:8])
    assert brief.storyline_id == sid and brief.articles == len(RESERVOIR)
    body = [line for s in brief.sections if s.key != "header" for line in _walk(s.lines)]
    assert len(body) >= 8
    for line in body:
        cited = {(s.kind, s.article_id, s.item_id) for s in line.sources}
        assert cited and cited <= items, (line.label, line.text)
    header = _walk(brief.section("header").lines)
    assert header and all(line.sources and {s.article_id for s in line.sources} <= ours
                          for line in header)


def test_what_happened_is_in_date_order_with_one_happening_on_one_line(corpus):
    happened = _brief(corpus).section("happened").lines
    assert [line.label.removeprefix("by ") for line in happened] == sorted(
        line.label.removeprefix("by ") for line in happened)
    protests = [line for line in happened if "protested" in line.text]
    assert len(protests) == 1  # two articles' reports of Monday's protest, one line
    (protest,) = protests
    assert protest.label == "2024-06-03" and "reported in 2 articles" in protest.text
    assert {s.outlet for s in protest.sources} == {"Harbor Wire", "Valley Post"}
    assert any("replaced the filters" in line.text for line in happened)


def test_a_negated_or_planned_event_is_never_said_to_have_happened(corpus):
    brief = _brief(corpus)
    happened = " ".join(line.text for line in brief.section("happened").lines)
    assert "close" not in happened and "meet" not in happened
    undone = {line.text.split(":")[0]: line for line in brief.section("undone").lines}
    assert "close the Orm Reservoir plant" in undone["did not happen, as reported"].text
    assert "meet the engineers" in undone["planned, not done when reported"].text


def test_a_dispute_sets_out_both_sides_with_their_sources(corpus):
    disputes = _brief(corpus).section("disputes").lines
    contradictions = [d for d in disputes if d.label == "Contradiction"]
    assert contradictions
    sides = {line.label: line for d in contradictions for line in d.lines}
    assert {"Lena Brandt", "Tomas Ruiz"} <= set(sides)
    for name, outlet, words in (("Lena Brandt", "Harbor Wire", "tap water of Orm was safe to"),
                                ("Tomas Ruiz", "Valley Post", "was not safe to drink until")):
        claim = sides[name]
        assert words in claim.text and claim.text.startswith(f"{name} (say), 2024-06-0")
        assert claim.sources and outlet in {s.outlet for s in claim.sources}
        assert all(s.kind == "statement" and s.url and s.url.startswith("https://")
                   for s in claim.sources)


def test_speakers_are_said_plainly_to_be_named_or_anonymous(corpus, monkeypatch):
    brief = _brief(corpus)
    sourcing = {line.label: line for line in brief.section("header").lines}["Sourcing"]
    assert sourcing.text == "5 statements: 4 named, 1 anonymous (20%)"
    assert sourcing.sources[0].outlet == "Valley Post"  # the article quoting "Officials"
    claims = {line.label: line for line in brief.section("claims").lines}
    assert claims["Officials"].text.startswith("anonymous source")
    assert claims["Lena Brandt"].text.startswith("named source: 2 statements in 2 articles")
    quoted = [line.text for line in claims["Lena Brandt"].lines]
    assert len(quoted) == 2 and all("“" in text for text in quoted)
    # with room for one speaker only, the most quoted unnamed source is still shown
    monkeypatch.setitem(brief_module.SHOWN, "speakers", 1)
    (only,) = _brief(corpus).section("claims").lines
    assert only.label == "Officials"


def test_a_section_over_its_cap_says_how_many_more(corpus, monkeypatch):
    monkeypatch.setitem(brief_module.SHOWN, "happened", 1)
    monkeypatch.setitem(brief_module.SHOWN, "speakers", 2)
    brief = _brief(corpus)
    assert len(brief.section("happened").lines) == 1
    assert brief.section("happened").more == "and 1 more event (see the timeline)"
    speakers = len({line.label for line in _brief_uncapped(corpus, monkeypatch)})
    assert speakers > 2
    assert brief.section("claims").more == (f"and {speakers - 2} more speakers (see the "
                                            "speakers)")


def _brief_uncapped(corpus, monkeypatch) -> tuple[BriefLine, ...]:
    monkeypatch.setitem(brief_module.SHOWN, "speakers", 50)
    return _brief(corpus).section("claims").lines


def test_hostile_text_stays_text_in_markdown(corpus):
    text = render_markdown(_brief(corpus))
    assert SCRIPT not in text and "\\[safe\\](javascript" in text and "=cmd\\|" in text
    # read as CommonMark (with tables): the article's words make no tag, link or emphasis
    page = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)
    assert "Mallory &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert f"{MD_LINK} and *poisoned* =cmd|" in page.replace("&quot;", '"').replace("&#x27;", "'")
    assert "<script" not in page and "<em>" not in page and "<table" not in page
    links = re.findall(r'<a href="([^"]*)"', page)
    assert links and all(h.startswith("https://") for h in links)
    assert "https://valleypost.example/orm-water" in links


def test_hostile_text_is_escaped_in_html(corpus):
    page = render_html(_brief(corpus))
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("javascript:") == 1  # the quoted words, as text: never a link
    links = re.findall(r'<a href="([^"]*)"', page)
    assert links and all(h.startswith(("https://", "#source-")) for h in links)
    assert "https://harborwire.example/orm/1" in links


def test_json_is_the_brief_as_data(corpus):
    brief = _brief(corpus)
    data = json.loads(render_brief(brief, "json"))
    assert data == brief.to_json() and data["schema"] == "onrecord-brief/1"
    assert [s["key"] for s in data["sections"]] == ["header", "happened", "undone", "claims",
                                                    "disputes"]


def test_an_unknown_storyline_is_a_clear_error(corpus):
    with pytest.raises(QueryError, match="no storyline matches id '0123456789'"):
        build_brief(corpus, "0123456789")


@pytest.mark.parametrize(("url", "kept"), [
    ("https://a.example/x", True), (" HTTP://a.example ", True), ("javascript:alert(1)", False),
    ("data:text/html,x", False), ("", False), (None, False)])
def test_only_http_links_are_kept(url, kept):
    assert (http_url(url) is not None) is kept


def test_an_event_is_told_by_the_sentence_that_reports_it_one_line_a_sentence(corpus_db):
    text = ("Protesters blocked the bridge at Kell and burned tyres on Monday. "
            "Police later cleared the road.")
    events = tuple(Event(f"v{n}", kind, "14", trigger, _span(text, trigger), "occurred",
                         source=Participant(source), target=Participant(target))
                   for n, (trigger, kind, source, target) in enumerate([
                       ("blocked", "PROTEST", "Protesters", "the bridge"),
                       ("burned", "PROTEST", "Protesters", "tyres"),
                       ("cleared", "COERCE", "Police", "the road")]))
    article = Article.create(text, title="Kell bridge blocked", source="Valley Post",
                             published="2024-07-01", origin="kell.txt")
    with Corpus(corpus_db) as opened:
        assert opened.add(ArticleRecord(article, events=events))
        happened = build_brief(opened, article.id).section("happened").lines
    assert [line.text for line in happened] == [
        "“Protesters blocked the bridge at Kell and burned tyres on Monday.” (PROTEST: "
        "Protesters → the bridge; PROTEST: Protesters → tyres)",
        "“Police later cleared the road.” (COERCE: Police → the road)"]
    assert [[s.item_id for s in line.sources] for line in happened] == [["v0", "v1"], ["v2"]]
