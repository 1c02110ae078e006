"""Plain-text boilerplate: captions before the dateline, site furniture, wire credits."""

from __future__ import annotations

import pytest

from onrecord.ingest.boilerplate import is_dateline, remove_boilerplate

BODY = (
    "The finance ministry said on Monday that it would delay the sale of its stake in the "
    "national airline until the end of the year, citing weak demand.\n\n"
    "“Nobody is going to pay a fair price in this market,” the minister told parliament."
)


@pytest.mark.parametrize(
    "paragraph",
    [
        "WASHINGTON — The Senate voted on Friday.",
        "ATHENS (AP) — Greek firefighters battled a blaze.",
        "LONDON, March 3 (Reuters) - Britain's economy grew.",
        "BEIRUT, Lebanon (AP) — Protesters gathered.",
        "NEW YORK, Jan. 14, 2020 (AP) -- Stocks fell.",
        "Washington (CNN) — The House passed the bill.",
        "(Reuters) — The company said it would cut jobs.",
        "SAN JUAN, Puerto Rico – The storm weakened overnight.",
    ],
)
def test_datelines(paragraph: str) -> None:
    assert is_dateline(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The Senate voted on Friday — by a wide margin.",
        "Officials said the talks — which began in May — had stalled.",
        "BREAKING: The Senate voted on Friday.",
        "“We are ready,” she said.",
    ],
)
def test_not_datelines(paragraph: str) -> None:
    assert not is_dateline(paragraph)


def test_caption_before_dateline_is_removed(ferry_text: str, ferry_body: str) -> None:
    cleaned = remove_boilerplate(ferry_text)
    assert "A video shows smoke" not in cleaned
    assert cleaned.startswith("Harbour authority suspends ferry service after engine fire\n\n")
    assert cleaned.endswith(ferry_body)


def test_whole_article_is_kept_byte_for_byte(ferry_text: str, ferry_body: str) -> None:
    cleaned = remove_boilerplate(ferry_text)
    assert ferry_body in cleaned
    assert "In other news from the coast" in cleaned  # merely mentions news: kept
    assert "contributed to this report" not in cleaned
    assert "In Other News" not in cleaned and "Load More" not in cleaned


def test_caption_without_a_title() -> None:
    text = (
        "Watch: rescue crews lift a stranded hiker from the ridge.\n\n"
        "DENVER (AP) — A hiker stranded for two nights on a ridge was rescued on Sunday."
    )
    assert remove_boilerplate(text).startswith("DENVER (AP) —")


def test_video_label_caption_is_removed_even_without_a_period() -> None:
    text = (
        "Budget talks collapse\n\nVIDEO: Lawmakers leave the chamber after the vote\n\n"
        "OTTAWA — Budget talks collapsed on Wednesday after the two parties failed to agree."
    )
    assert remove_boilerplate(text) == (
        "Budget talks collapse\n\n"
        "OTTAWA — Budget talks collapsed on Wednesday after the two parties failed to agree."
    )


def test_no_dateline_keeps_the_first_paragraph() -> None:
    assert remove_boilerplate(BODY) == BODY


def test_byline_before_dateline_is_kept() -> None:
    text = "By Jane Mercer\n\nLIMA, Peru (AP) — The government declared a state of emergency."
    assert remove_boilerplate(text) == text


@pytest.mark.parametrize(
    "furniture",
    [
        "In Other News\nLoad More",
        "Advertisement",
        "Share this article",
        "Subscribe to our newsletter",
        "Sign up for our morning briefing to get the day's top stories.",
        "Follow us on Twitter and Facebook",
        "Click here to read more stories from the region.",
        "Associated Press writers Tomas Breen, Alia Haddad and Rui Costa contributed to this "
        "report.",
        "Reporting by Anneke Smit in Rotterdam; Editing by Jon Barrow",
        "(Reporting by Lena Fischer; additional reporting by Omar Said; Writing by Kate Holm)",
        "Kwame Mensah contributed reporting from Accra.",
        "Copyright 2024 The Harbour Gazette. All rights reserved.",
    ],
)
def test_trailing_furniture_is_removed(furniture: str) -> None:
    assert remove_boilerplate(f"{BODY}\n\n{furniture}\n") == BODY


def test_trailing_stack_of_furniture() -> None:
    text = (
        f"{BODY}\n\nReporting by Anneke Smit; Editing by Jon Barrow\n\nShare this article\n"
        "Follow us on Instagram\n\nRelated Stories\nAirline sale delayed again\n"
        "Minister faces questions over budget\nLoad More\n"
    )
    assert remove_boilerplate(text) == BODY


def test_advertisement_inside_the_body() -> None:
    first, second = BODY.split("\n\n")
    text = f"{first}\n\nAdvertisement\n\n{second}"
    assert remove_boilerplate(text) == BODY


@pytest.mark.parametrize(
    "paragraph",
    [
        "The news of the sale spread quickly, and related shares fell 4% by the close.",
        "Reporting by the ministry's own auditors showed that the airline lost money for "
        "nine years in a row before the pandemic.",
        "Related talks with the unions are expected to resume next week, the ministry said.",
        "Sign up for the new pension scheme closes on Friday, officials said.",
    ],
)
def test_real_paragraphs_are_kept(paragraph: str) -> None:
    text = f"{BODY}\n\n{paragraph}"
    assert remove_boilerplate(text) == text


def test_follow_prompt_in_the_middle_is_kept() -> None:
    text = f"Follow us on Twitter, the protesters urged passers-by.\n\n{BODY}"
    assert remove_boilerplate(text) == text


def test_blank_line_runs_are_collapsed() -> None:
    first, second = BODY.split("\n\n")
    assert remove_boilerplate(f"\n\n{first}\n\n\n\n\n{second}\n\n\n") == BODY


def test_crlf_newlines() -> None:
    assert remove_boilerplate(BODY.replace("\n", "\r\n") + "\r\n\r\nLoad More\r\n") == BODY
