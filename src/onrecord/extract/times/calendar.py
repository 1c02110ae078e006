"""Time-expression vocabulary, value types and calendar arithmetic (TIMEX3 values).

The word tables (months, weekdays, seasons, parts of day, units, number words, ordinals,
holidays), read once from ``extract/times/data/calendar.txt`` (:func:`phrase_table` reads the
room's data files for the other modules too), :class:`Normalized` (a TIMEX3 type and value with
an inclusive date range) and the :class:`Context` a normalisation rule sees, the constructors
of calendar values (day, week, month, quarter, half, season, year, decade, century), moving a
date by a number of units, the date of a holiday in a given year, and parsing of written numbers
and years.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from onrecord.datafiles import data_sections

__all__ = [
    "DECADE_WORDS", "FIXED_HOLIDAYS", "HOLIDAYS", "MONTHS", "ORDINALS", "PARTS_OF_DAY", "SEASONS",
    "SMALL_NUMBERS", "WEEKDAYS", "Context", "Normalized", "Rule", "century_value", "day_value",
    "decade_value", "half_value", "holiday_date", "month_value", "parse_number", "phrase_table",
    "quarter_of", "quarter_value", "season_of", "season_value", "shift", "shift_months",
    "unit_code", "week_value", "year_of", "year_value",
]  # fmt: skip


# --- vocabulary (read once from extract/times/data/calendar.txt) -------------------------


@cache
def _sections(name: str) -> dict[str, list[str]]:
    return data_sections(name, room="times")


def phrase_table(name: str, section: str) -> dict[str, str]:
    """phrase -> VALUE from the ``"VALUE: phrase, phrase"`` lines of one [section] of
    ``extract/times/data/<name>``, in file order (a line without ``VALUE:`` goes on with the
    one above)."""
    entries: list[tuple[str, list[str]]] = []
    for line in _sections(name)[section]:
        value, colon, phrases = line.partition(": ")
        if colon:
            entries.append((value, []))
        elif entries:
            phrases = line
        else:
            raise ValueError(f"{name}: [{section}]: {line!r} before any 'VALUE:'")
        entries[-1][1].extend(p.strip() for p in phrases.split(",") if p.strip())
    return {phrase: value for value, phrases in entries for phrase in phrases}


def _numbers(section: str) -> dict[str, int]:
    return {phrase: int(n) for phrase, n in phrase_table("calendar.txt", section).items()}


MONTHS = _numbers("months")
WEEKDAYS = {day: n - 1 for day, n in _numbers("weekdays").items()}  # Monday 0, as date.weekday()
SEASONS = phrase_table("calendar.txt", "seasons")
PARTS_OF_DAY = phrase_table("calendar.txt", "parts_of_day")
_UNITS = phrase_table("calendar.txt", "units")
SMALL_NUMBERS = _numbers("numbers")
ORDINALS = _numbers("ordinals")
_VAGUE = set(" ".join(_sections("calendar.txt")["vague_quantities"]).split())
DECADE_WORDS = _numbers("decades")
# Holidays: on a fixed day, on the n-th weekday of a month (-1 the last), or some days from
# Easter.
FIXED_HOLIDAYS = {  # "december 25" -> (12, 25)
    name: (MONTHS[when.split()[0]], int(when.split()[1]))
    for name, when in phrase_table("calendar.txt", "fixed_holidays").items()
}
_NTH_HOLIDAYS = {  # "4 thursday november" -> (11, 3, 4): month, weekday, n-th (-1 the last)
    name: (MONTHS[month], WEEKDAYS[weekday], -1 if nth == "last" else int(nth))
    for name, (nth, weekday, month) in (
        (name, when.split())
        for name, when in phrase_table("calendar.txt", "nth_weekday_holidays").items()
    )
}
_EASTER_HOLIDAYS = _numbers("easter_holidays")
HOLIDAYS = [*FIXED_HOLIDAYS, *_NTH_HOLIDAYS, *_EASTER_HOLIDAYS, "election day"]


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised time expression: TIMEX3 ``type`` and ``value``, an inclusive date range."""

    type: str  # DATE | TIME | DURATION | SET
    value: str
    start: date | None = None
    end: date | None = None
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may know besides the text; ``rules`` resolve parts ("Monday" in "Monday
    morning") through :func:`dispatch`."""

    anchor: date | None
    tense: str | None
    reference: date | None
    rules: Sequence[Rule] = ()

    @property
    def ref(self) -> date | None:
        """The date relative expressions count from: the discourse reference, else the anchor."""
        return self.reference or self.anchor


Rule = Callable[["str", "Context"], "Normalized | None"]

# --- calendar values ---------------------------------------------------------------------


def day_value(d: date) -> Normalized:
    return Normalized("DATE", d.isoformat(), d, d)


def month_value(y: int, m: int) -> Normalized:
    return Normalized("DATE", f"{y:04d}-{m:02d}", date(y, m, 1), date(y, m, monthrange(y, m)[1]))


def year_value(y: int) -> Normalized:
    return Normalized("DATE", f"{y:04d}", date(y, 1, 1), date(y, 12, 31))


def week_value(d: date, weekend: bool = False) -> Normalized:
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    value = f"{iso.year:04d}-W{iso.week:02d}"
    if weekend:
        return Normalized("DATE", f"{value}-WE", monday + timedelta(5), monday + timedelta(6))
    return Normalized("DATE", value, monday, monday + timedelta(6))


def quarter_value(y: int, q: int) -> Normalized:
    last = 3 * q
    start, end = date(y, last - 2, 1), date(y, last, monthrange(y, last)[1])
    return Normalized("DATE", f"{y:04d}-Q{q}", start, end)


def half_value(y: int, h: int) -> Normalized:
    return Normalized("DATE", f"{y:04d}-H{h}", date(y, 6 * h - 5, 1), date(y, 6 * h, 29 + h))


def season_value(y: int, code: str) -> Normalized:
    """``y``-SP is March-May of ``y``; ``y``-WI runs from December ``y`` to February ``y+1``."""
    first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    end_y, end_m = (y + 1, 2) if code == "WI" else (y, first + 2)
    end = date(end_y, end_m, monthrange(end_y, end_m)[1])
    return Normalized("DATE", f"{y:04d}-{code}", date(y, first, 1), end)


def season_of(d: date) -> tuple[int, str]:
    if d.month <= 2:
        return d.year - 1, "WI"
    return d.year, ("SP", "SU", "FA", "WI")[(d.month - 3) // 3]


def decade_value(decade: int) -> Normalized:
    return Normalized("DATE", str(decade), date(decade * 10, 1, 1), date(decade * 10 + 9, 12, 31))


def century_value(c: int) -> Normalized:
    return Normalized("DATE", f"{c:02d}", date(max(c * 100, 1), 1, 1), date(c * 100 + 99, 12, 31))


def shift_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, monthrange(y, m + 1)[1]))


def shift(base: date, n: int, unit: str) -> Normalized:
    """``base`` moved by ``n`` units, at the granularity of the unit (weeks count in days)."""
    if unit in ("D", "W", "FN", "WE"):
        return day_value(base + timedelta(days=n * {"D": 1, "W": 7, "FN": 14, "WE": 7}[unit]))
    if unit in ("M", "Q"):
        d = shift_months(base, n * (3 if unit == "Q" else 1))
        return month_value(d.year, d.month) if unit == "M" else quarter_value(d.year, quarter_of(d))
    return year_value(base.year + n * {"Y": 1, "DE": 10, "CE": 100, "ML": 1000}.get(unit, 1))


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def holiday_date(name: str, year: int) -> date | None:
    if name in FIXED_HOLIDAYS:
        return date(year, *FIXED_HOLIDAYS[name])
    if name in _EASTER_HOLIDAYS:  # the anonymous Gregorian computus (Meeus)
        a, b, c = year % 19, year // 100, year % 100
        g = (b - (b + 8) // 25 + 1) // 3
        h = (19 * a + b - b // 4 - g + 15) % 30
        ell = (32 + 2 * (b % 4) + 2 * (c // 4) - h - c % 4) % 7
        m = (a + 11 * h + 22 * ell) // 451
        month, day = divmod(h + ell - 7 * m + 114, 31)
        return date(year, month, day + 1) + timedelta(days=_EASTER_HOLIDAYS[name])
    if name == "election day":  # the Tuesday after the first Monday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    if name in _NTH_HOLIDAYS:
        month, weekday, nth = _NTH_HOLIDAYS[name]
        if nth < 0:
            last = date(year, month, monthrange(year, month)[1])
            return last - timedelta(days=(last.weekday() - weekday) % 7)
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return None


# --- text helpers ------------------------------------------------------------------------

def parse_number(s: str) -> float | None:
    """``"two"`` -> 2, ``"twenty four"`` -> 24, ``"2 1/2"``, ``"a"`` -> 1; ``"few"`` -> None."""
    s = s.strip()
    try:
        return float(s.replace(",", ""))
    except ValueError:
        pass
    words = [w for w in re.split(r"[\s-]+", s) if w not in ("and", "of", "")]
    if len(words) > 1 and words[0] in ("a", "an") and words[1] != "half":
        words = words[1:]  # "a three-year", "a couple", "a dozen"
    if words[:1] == ["half"] and words[1:] in (["a"], ["an"]):
        return 0.5
    if len(words) == 2 and words[0].isdigit() and words[1] == "1/2":
        return int(words[0]) + 0.5
    total = current = 0.0
    seen = False
    for i, w in enumerate(words):
        if w in _VAGUE:
            return None
        if w in ("a", "an") and words[i + 1 : i + 2] == ["half"]:
            continue
        if w == "half":
            current += 0.5
        elif w in SMALL_NUMBERS:
            current += SMALL_NUMBERS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "thousand":
            total, current = total + (current or 1) * 1000, 0
        elif w.isdigit():
            current += int(w)
        else:
            return None
        seen = True
    return total + current if seen else None


def unit_code(word: str) -> str | None:
    """``"weeks"`` -> ``"W"``, ``"minute"`` -> ``"MIN"``, ``"decades"`` -> ``"DE"``."""
    return _UNITS.get("centurie" if word == "centuries" else word.rstrip("s"))


def year_of(s: str) -> int | None:
    """A written year: ``1998``, ``'98``, ``nineteen ninety six``, ``two thousand``."""
    if re.fullmatch(r"\d{3,4}", s):
        return int(s)
    if re.fullmatch(r"'\d\d", s):
        return 1900 + int(s[1:])
    parts = s.split()
    if len(parts) >= 2 and parts[0] in ("nineteen", "eighteen") and parts[1] != "hundred":
        rest = parse_number(" ".join(parts[1:]))
        if rest is not None and rest < 100:
            return SMALL_NUMBERS[parts[0]] * 100 + int(rest)
    n = parse_number(s)
    return int(n) if n is not None and n >= 1000 and n == int(n) else None
