"""Deciding html / jsonl / text: content first, the extension only as a tie-breaker."""

from __future__ import annotations

import pytest

from onrecord.ingest.sniff import sniff_kind

PROSE = (
    "The council met on Tuesday.\n\nMembers said the budget, which is < 2% higher than last "
    "year's, would pass.\n"
)
JSONL = '{"text": "First story."}\n{"text": "Second story.", "url": "https://example.org/2"}\n'


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>Hi</p></body></html>",
        "  \n<!doctype HTML>\n<html lang='en'>",
        "<html><head><title>Story</title></head>",
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">',
        "<!-- saved from url=(0041)https://example.org/ -->\n<!DOCTYPE html>\n<html>",
        "\ufeff<!DOCTYPE html><html>",
    ],
)
def test_html_by_its_start(text: str) -> None:
    assert sniff_kind(text, None) == "html"


def test_html_fragment_with_many_tags() -> None:
    fragment = "".join(f"<p>Paragraph {i} of the <b>story</b>.</p>\n" for i in range(6))
    assert sniff_kind(fragment, "story.txt") == "html"


def test_prose_with_angle_brackets_is_text() -> None:
    assert sniff_kind(PROSE, None) == "text"


def test_content_beats_extension() -> None:
    assert sniff_kind(PROSE, "page.html") == "text"
    assert sniff_kind("<!DOCTYPE html><html></html>", "notes.txt") == "html"
    assert sniff_kind(JSONL, "dump.txt") == "jsonl"


def test_extension_breaks_a_tie_for_a_few_tags() -> None:
    text = "The minister spoke.<br>Then she left."
    assert sniff_kind(text, "page.html.gz") == "html"
    assert sniff_kind(text, "page.txt") == "text"
    assert sniff_kind(text, None) == "text"


def test_jsonl_every_line_an_object() -> None:
    assert sniff_kind(JSONL, None) == "jsonl"
    assert sniff_kind("\n" + JSONL + "\n\n", "x") == "jsonl"


def test_jsonl_with_a_malformed_line_in_the_middle() -> None:
    text = '{"text": "One."}\n{"text": broken\n{"text": "Three."}\n'
    assert sniff_kind(text, None) == "jsonl"


def test_jsonl_extension_rescues_a_broken_first_line() -> None:
    text = '{"text": oops\n{"text": "Two."}\n'
    assert sniff_kind(text, "feed.jsonl") == "jsonl"
    assert sniff_kind(text, "feed.txt") == "text"


def test_json_arrays_are_not_jsonl() -> None:
    assert sniff_kind("[1, 2, 3]\n[4]\n", None) == "text"


def test_plain_text() -> None:
    assert sniff_kind("WASHINGTON — The Senate voted 51-49 on Friday.", "story") == "text"
