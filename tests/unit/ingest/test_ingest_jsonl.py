"""JSON Lines: one article per line; a bad line is Discarded and the rest go on."""

from __future__ import annotations

import json

from onrecord.ingest.jsonl import parse_jsonl
from onrecord.models import Article, Discarded

STORY_A = (
    "The school board voted on Monday to keep the town's two primary schools open for "
    "another year, reversing a plan to merge them."
)
STORY_B = (
    "A regional airline said on Tuesday it would cancel 40 flights a week through the winter "
    "because of a shortage of pilots."
)


def _line(**record: object) -> str:
    return json.dumps(record)


def test_malformed_line_in_the_middle_does_not_stop_the_others() -> None:
    text = "\n".join(
        [
            _line(text=STORY_A, url="https://example.org/schools", published="2022-05-02"),
            '{"text": "An unterminated string}',
            _line(text=STORY_B, title="Airline cuts winter flights", source="Example News"),
        ]
    )
    results = list(parse_jsonl(text, "feed.jsonl"))
    assert [type(r) for r in results] == [Article, Discarded, Article]
    first, bad, last = results
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(bad, Discarded)
    assert first.text == STORY_A
    assert first.origin == "feed.jsonl#1"
    assert first.url == "https://example.org/schools"
    assert first.published == "2022-05-02"
    assert (bad.doc_id, bad.stage) == ("feed.jsonl#2", "ingest")
    assert bad.reason.startswith("not valid JSON")
    assert last.origin == "feed.jsonl#3"
    assert (last.title, last.source) == ("Airline cuts winter flights", "Example News")


def test_blank_lines_are_skipped_but_counted() -> None:
    text = "\n\n" + _line(text=STORY_A) + "\n   \n" + _line(text=STORY_B) + "\n"
    origins = [r.origin for r in parse_jsonl(text, "f") if isinstance(r, Article)]
    assert origins == ["f#3", "f#5"]


def test_bad_records_say_why() -> None:
    lines = [
        "[1, 2, 3]",
        '"just a string"',
        _line(url="https://example.org/x", title="No body"),
        _line(text="   "),
        _line(text=STORY_A, url=42),
        _line(text=STORY_A, published="last Tuesday"),
        _line(text=7),
    ]
    reasons = [r.reason for r in parse_jsonl("\n".join(lines), "f") if isinstance(r, Discarded)]
    assert reasons == [
        "a JSON array, not an object",
        "a JSON string, not an object",
        "the record has neither a 'text' nor an 'html' field",
        "the record's text is empty",
        "field 'url' must be a string, not a JSON number",
        "published date 'last Tuesday' is not an ISO date (expected YYYY-MM-DD)",
        "field 'text' must be a string, not a JSON number",
    ]


def test_html_record(port_strike_html: str) -> None:
    text = _line(html=port_strike_html, url="https://gazette.example/port")
    (article,) = parse_jsonl(text, "pages.jsonl")
    assert isinstance(article, Article)
    assert article.title == "Dock workers strike over pay"
    assert article.url == "https://gazette.example/port"
    assert article.origin == "pages.jsonl#1"


def test_html_record_without_an_article_is_discarded() -> None:
    text = _line(html="<html><body><nav>Home</nav></body></html>")
    (result,) = parse_jsonl(text, "pages.jsonl")
    assert result == Discarded("pages.jsonl#1", "ingest", "no article text found in the HTML")


def test_text_wins_over_html() -> None:
    text = _line(text=STORY_A, html="<p>ignored</p>")
    (article,) = parse_jsonl(text, "f")
    assert isinstance(article, Article) and article.text == STORY_A


def test_published_datetime_keeps_its_date() -> None:
    (article,) = parse_jsonl(_line(text=STORY_B, published="2022-11-08T22:15:00-05:00"), "f")
    assert isinstance(article, Article) and article.published == "2022-11-08"
