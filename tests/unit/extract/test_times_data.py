"""The times room's vocabulary reads from its data files whole: every month and weekday, the
holidays' dates, the modifiers' TIMEX3 values."""

from __future__ import annotations

from datetime import date

import pytest

from onrecord.extract.times import calendar, extract


def test_calendar_words_cover_the_calendar():
    assert sorted(set(calendar.MONTHS.values())) == list(range(1, 13))
    assert sorted(set(calendar.WEEKDAYS.values())) == list(range(7))
    assert calendar.MONTHS["sept"] == 9 and calendar.WEEKDAYS["thurs"] == 3
    assert calendar.SMALL_NUMBERS["dozen"] == 12 and calendar.SMALL_NUMBERS["zero"] == 0
    assert calendar.ORDINALS["thirtieth"] == 30 and calendar.DECADE_WORDS["nineties"] == 9
    assert calendar.SEASONS["fall"] == "FA" and calendar.PARTS_OF_DAY["overnight"] == "NI"
    assert calendar.unit_code("centuries") == "CE" and calendar.unit_code("weeks") == "W"
    assert calendar.parse_number("a few") is None  # "few" is a vague quantity


def test_holidays_fall_on_their_days():
    assert calendar.FIXED_HOLIDAYS["the fourth of july"] == (7, 4)
    assert calendar.holiday_date("thanksgiving", 2020) == date(2020, 11, 26)  # 4th Thursday
    assert calendar.holiday_date("memorial day", 2021) == date(2021, 5, 31)  # last Monday
    assert calendar.holiday_date("good friday", 2024) == date(2024, 3, 29)  # Easter - 2
    assert "election day" in calendar.HOLIDAYS


def test_modifier_words_carry_timex3_values():
    assert extract.REF_WORDS["nowadays"] == "PRESENT_REF"
    assert extract._MOD_PREFIX["upwards of"] == "MORE_THAN" and extract._MOD_PREFIX["only"] == ""
    assert extract._POS_PREFIX["the latter part of"] == "END"
    assert extract._MOD_SUFFIX["and beyond"] == "ON_OR_AFTER"


def test_a_phrase_line_before_any_value_is_an_error(monkeypatch):
    monkeypatch.setattr(calendar, "_sections", lambda name: {"s": ["today", "0: now"]})
    with pytest.raises(ValueError, match=r"calendar.txt: \[s\]: 'today' before any 'VALUE:'"):
        calendar.phrase_table("calendar.txt", "s")
    monkeypatch.setattr(calendar, "_sections", lambda name: {"s": ["0: a, b,", "c"]})
    assert calendar.phrase_table("calendar.txt", "s") == {"a": "0", "b": "0", "c": "0"}
