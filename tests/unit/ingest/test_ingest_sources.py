"""The loaders: one article (raising), or many (Discarded records instead of errors)."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from onrecord.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
    UnsupportedLanguageError,
)
from onrecord.ingest import load_article, load_path, load_sources, load_text, sources
from onrecord.models import Article, Discarded

STORY = (
    "Harbour police said on Friday they had seized 300 kilograms of cocaine hidden in a "
    "shipment of bananas, the largest haul at the port this year.\n\n"
    "“The smugglers were counting on the volume of traffic,” inspector Lotte Varga said."
)
OTHER_STORY = (
    "The national weather service warned of flooding in the river valley on Sunday after two "
    "days of heavy rain, and told residents to move their cars to higher ground."
)


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_load_article_text_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "seizure.txt", f"Police seize cocaine in banana shipment\n\n{STORY}")
    article = load_article(path)
    assert article.title == "Police seize cocaine in banana shipment"
    assert article.text == STORY
    assert article.origin == str(path)
    assert article.language == "en"
    assert article.published is None


def test_load_article_html_gz(tmp_path: Path, port_strike_html: str) -> None:
    path = _write(tmp_path / "page.html.gz", gzip.compress(port_strike_html.encode()))
    article = load_article(path)
    assert article.title == "Dock workers strike over pay"
    assert article.published == "2023-04-11"


def test_published_override_replaces_the_detected_date(
    tmp_path: Path, port_strike_html: str
) -> None:
    html = _write(tmp_path / "page.html", port_strike_html)
    text = _write(tmp_path / "story.txt", STORY)
    feed = _write(tmp_path / "feed.jsonl", json.dumps({"text": STORY, "published": "2001-01-01"}))
    assert load_article(html, published="2023-05-01").published == "2023-05-01"
    assert load_article(text, published="2023-05-01T10:00:00Z").published == "2023-05-01"
    (article,) = load_path(feed, published="2023-05-01")
    assert isinstance(article, Article) and article.published == "2023-05-01"


def test_bad_published_override_raises_at_once(tmp_path: Path) -> None:
    with pytest.raises(MalformedInputError, match="not an ISO date"):
        load_path(tmp_path / "anything.txt", published="yesterday")
    with pytest.raises(MalformedInputError):
        load_sources([tmp_path], published="2020-02-30")


@pytest.mark.parametrize(
    ("content", "error", "reason"),
    [
        (b"", EmptyInputError, "empty input"),
        (b"  \n\n\t ", EmptyInputError, "input is only whitespace"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, BinaryInputError, "PNG image"),
        (b"Text\x00with\x00NULs", BinaryInputError, "NUL bytes"),
        (gzip.compress(STORY.encode())[:-12], MalformedInputError, "truncated or corrupt gzip"),
    ],
)
def test_load_article_bad_input(
    tmp_path: Path, content: bytes, error: type[InputError], reason: str
) -> None:
    path = _write(tmp_path / "bad.txt", content)
    with pytest.raises(error, match=reason):
        load_article(path)


def test_load_article_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_article(tmp_path / "missing.txt")


def test_load_article_not_english(tmp_path: Path, german_text: str) -> None:
    path = _write(tmp_path / "de.txt", german_text)
    with pytest.raises(UnsupportedLanguageError, match="language detected as de"):
        load_article(path)


def test_load_article_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, STORY.encode("cp1252", errors="strict").replace(b"\n", b"\r\n"))
    article = load_article("-")
    assert article.text == STORY
    assert article.origin == "-"


def test_load_article_jsonl_with_one_record(tmp_path: Path) -> None:
    path = _write(tmp_path / "one.jsonl", json.dumps({"text": STORY}) + "\n")
    article = load_article(path)
    assert article.text == STORY
    assert article.origin == f"{path}#1"


def test_load_article_jsonl_with_one_bad_record(tmp_path: Path) -> None:
    path = _write(tmp_path / "one.jsonl", json.dumps({"title": "no body"}) + "\n")
    with pytest.raises(MalformedInputError, match="neither a 'text' nor an 'html'"):
        load_article(path)


def test_load_article_jsonl_with_many_records(tmp_path: Path) -> None:
    lines = [json.dumps({"text": STORY}), json.dumps({"text": OTHER_STORY})]
    path = _write(tmp_path / "two.jsonl", "\n".join(lines))
    with pytest.raises(MalformedInputError, match="2 records .* use load_path"):
        load_article(path)


def test_load_path_jsonl_with_a_bad_line(tmp_path: Path, spanish_text: str) -> None:
    lines = [
        json.dumps({"text": STORY}),
        "{not json",
        json.dumps({"text": spanish_text}),
        json.dumps({"text": OTHER_STORY}),
    ]
    path = _write(tmp_path / "feed.jsonl", "\n".join(lines))
    results = list(load_path(path))
    assert [type(r) for r in results] == [Article, Discarded, Discarded, Article]
    bad_json = results[1]
    assert isinstance(bad_json, Discarded)
    assert (bad_json.doc_id, bad_json.stage) == (f"{path}#2", "ingest")
    assert results[2] == Discarded(
        f"{path}#3", "language", "language detected as es, only English is analysed for now"
    )


def test_load_path_never_raises_for_bad_content(tmp_path: Path) -> None:
    path = _write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (result,) = load_path(path)
    assert result == Discarded(str(path), "ingest", "binary data, not text: looks like a PNG image")


def test_load_sources_over_a_directory(tmp_path: Path, russian_text: str) -> None:
    root = tmp_path / "inbox"
    _write(root / "b_story.txt", STORY)
    _write(root / "a_nested" / "weather.txt", OTHER_STORY)
    _write(root / "c_empty.txt", "")
    _write(root / "d_russian.txt", russian_text)
    _write(root / ".hidden.txt", STORY)
    _write(root / ".cache" / "copy.txt", STORY)
    missing = tmp_path / "missing.txt"
    results = list(load_sources([root, missing]))
    assert [r.origin if isinstance(r, Article) else r.doc_id for r in results] == [
        str(root / "a_nested" / "weather.txt"),
        str(root / "b_story.txt"),
        str(root / "c_empty.txt"),
        str(root / "d_russian.txt"),
        str(missing),
    ]
    assert [type(r) for r in results] == [Article, Article, Discarded, Discarded, Discarded]
    assert results[2] == Discarded(str(root / "c_empty.txt"), "ingest", "empty input")
    assert isinstance(results[3], Discarded) and results[3].stage == "language"
    assert results[4] == Discarded(str(missing), "ingest", "no such file or directory")


def test_load_sources_reads_stdin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _stdin(monkeypatch, OTHER_STORY.encode())
    path = _write(tmp_path / "story.txt", STORY)
    results = list(load_sources(["-", path]))
    assert [r.origin for r in results if isinstance(r, Article)] == ["-", str(path)]


def test_load_text_sniffs_html_and_text(port_strike_html: str) -> None:
    assert load_text(port_strike_html).title == "Dock workers strike over pay"
    article = load_text(STORY, origin="paste", published="2024-06-30", source="Clipboard")
    assert (article.origin, article.published, article.source) == (
        "paste",
        "2024-06-30",
        "Clipboard",
    )
    assert article.text == STORY


def test_load_text_errors(monkeypatch: pytest.MonkeyPatch, russian_text: str) -> None:
    with pytest.raises(EmptyInputError):
        load_text(" \n ")
    with pytest.raises(UnsupportedLanguageError):
        load_text(russian_text)
    monkeypatch.setattr(sources, "MAX_BYTES", 100)
    with pytest.raises(InputTooLargeError):
        load_text(STORY)


def test_error_messages_are_one_line(tmp_path: Path) -> None:
    lines = ["{", "[]", '{"text": 1}', json.dumps({"html": "<p>x</p>"})]
    path = _write(tmp_path / "bad.jsonl", "\n".join(lines))
    _write(tmp_path / "bin.dat", bytes(range(256)) * 4)
    for result in load_sources([tmp_path]):
        assert isinstance(result, Discarded)
        assert result.reason and "\n" not in result.reason
    assert path.exists()


def test_a_quoted_glob_pattern_is_expanded(tmp_path: Path) -> None:
    news = tmp_path / "news" / "march"
    news.mkdir(parents=True)
    for day in ("03", "04"):
        (news / f"2025-03-{day}-harbour.txt").write_text(
            f"KESSEL — Harbour master Ines Vale said the quay would reopen on March {day} after "
            "repairs to its two cranes, which were damaged in a storm last month.\n",
            encoding="utf-8")
    (news / "notes.md").write_text("not matched", encoding="utf-8")
    loaded = list(load_sources([str(tmp_path / "news" / "**" / "*.txt"),
                                str(tmp_path / "nothing-*.txt")]))
    articles = [a for a in loaded if isinstance(a, Article)]
    assert [a.published for a in articles] == ["2025-03-03", "2025-03-04"]
    missing = [d for d in loaded if isinstance(d, Discarded)]
    assert len(missing) == 1 and missing[0].reason == "no file matches"
