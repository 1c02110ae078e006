"""Plain-text articles: title detection and the body that is left."""

from __future__ import annotations

import pytest

from onrecord.errors import EmptyInputError
from onrecord.ingest.text import parse_text, split_title
from onrecord.models import content_id

LEDE = (
    "The regional water board ordered households in three districts to boil their tap water "
    "on Saturday after tests found traces of bacteria in a reservoir."
)
SECOND = "“It is a precaution, not a cause for panic,” board chairman Idris Kaya said."


def test_title_is_taken_from_the_first_line() -> None:
    article = parse_text(f"Boil-water notice for three districts\n\n{LEDE}\n\n{SECOND}\n", "a.txt")
    assert article.title == "Boil-water notice for three districts"
    assert article.text == f"{LEDE}\n\n{SECOND}"
    assert article.id == content_id("article", article.text)
    assert article.origin == "a.txt"


def test_question_headline_is_a_title() -> None:
    title, body = split_title(f"Is the reservoir safe to drink from?\n\n{LEDE}")
    assert title == "Is the reservoir safe to drink from?"
    assert body == LEDE


def test_headline_ending_in_an_abbreviation_is_a_title() -> None:
    title, _ = split_title(f"Water board widens notice across the U.S.\n\n{LEDE}")
    assert title == "Water board widens notice across the U.S."


def test_first_line_that_is_a_sentence_is_not_a_title() -> None:
    text = f"Households were told to boil their water.\n\n{LEDE}"
    article = parse_text(text, "a.txt")
    assert article.title is None
    assert article.text == text


def test_long_first_line_is_not_a_title() -> None:
    article = parse_text(f"{LEDE[:-1]}\n\n{SECOND}", "a.txt")
    assert article.title is None


def test_first_line_without_a_blank_line_after_is_not_a_title() -> None:
    text = f"Boil-water notice for three districts\n{LEDE}"
    assert parse_text(text, "a.txt").title is None


def test_dateline_paragraph_is_not_a_title() -> None:
    text = "ANKARA (AP) — Water board issues notice\n\nMore details later."
    assert parse_text(text, "a.txt").title is None


def test_title_only_text_has_no_title() -> None:
    article = parse_text("Boil-water notice for three districts\n", "a.txt")
    assert article.title is None
    assert article.text == "Boil-water notice for three districts"


def test_given_title_wins_and_its_repeat_is_removed() -> None:
    text = f"Boil-water notice for three districts\n{LEDE}"
    article = parse_text(text, "a.txt", title="Boil-water notice for three districts")
    assert article.title == "Boil-water notice for three districts"
    assert article.text == LEDE


def test_given_title_keeps_a_different_first_line() -> None:
    text = f"Water warning\n\n{LEDE}"
    article = parse_text(text, "a.txt", title="Boil-water notice for three districts")
    assert article.title == "Boil-water notice for three districts"
    assert article.text == text


def test_metadata_is_passed_through() -> None:
    article = parse_text(
        LEDE, "feed.jsonl#3", url="https://example.org/water", source="Example", byline="K. Ito"
    )
    assert (article.url, article.source, article.byline) == (
        "https://example.org/water",
        "Example",
        "K. Ito",
    )


def test_boilerplate_is_removed(ferry_text: str, ferry_body: str) -> None:
    article = parse_text(ferry_text, "ferry.txt")
    assert article.title == "Harbour authority suspends ferry service after engine fire"
    assert article.text == ferry_body


@pytest.mark.parametrize("text", ["", "  \n\n  ", "Load More\nAdvertisement\n"])
def test_no_text(text: str) -> None:
    with pytest.raises(EmptyInputError):
        parse_text(text, "a.txt")
