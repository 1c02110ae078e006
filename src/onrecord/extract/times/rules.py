"""The rules that turn one time expression into a TIMEX3 value (TimeML / TempEval-3 conventions).

Each rule is a pure function ``(text, Context) -> Normalized | None`` over the expression's
cleaned text (lower case, no periods, modifiers already peeled off by
:func:`onrecord.extract.times.extract.normalize_time`) and a :class:`Context`: the publication date
(``anchor``), the tense of the governing verb and the discourse ``reference`` date.
:func:`dispatch` tries the context's rules in order and the first that matches decides; the
order is :data:`onrecord.extract.times.extract.RULES`. This module holds the shared patterns and the
rules for named calendar dates (months and days, weekdays, holidays, quarters, seasons, decades,
years), durations and sets; the rules for deictic and relative expressions and times of day are
in :mod:`onrecord.extract.times.relative`.

Values: ``2020-01-13`` day, ``2020-W02`` week, ``2020-W02-WE`` weekend, ``2019-12`` month,
``2019-Q3`` quarter, ``2019-H1`` half, ``2019-SU`` season, ``2019`` year, ``199`` decade,
``19`` century, ``2020-01-13TMO`` part of day, ``2020-01-14T15:00`` clock time, ``P2W`` /
``PXM`` / ``PT3H`` durations, ``XXXX-WXX-1`` / ``P1D`` sets, ``PAST_REF`` / ``PRESENT_REF`` /
``FUTURE_REF``. Without an anchor, what needs one gets ``X`` placeholders (``XXXX-12-29``).
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from datetime import date, timedelta

from onrecord.extract.times.calendar import (
    DECADE_WORDS,
    FIXED_HOLIDAYS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SMALL_NUMBERS,
    WEEKDAYS,
    Context,
    Normalized,
    century_value,
    day_value,
    decade_value,
    half_value,
    holiday_date,
    month_value,
    parse_number,
    phrase_table,
    quarter_of,
    quarter_value,
    season_of,
    season_value,
    unit_code,
    week_value,
    year_of,
    year_value,
)

__all__ = [
    "NUMBER_RE", "UNIT_RE", "WEEKDAY_RE", "dispatch", "duration_value", "rule_decade_century",
    "rule_duration", "rule_holiday", "rule_month", "rule_month_day", "rule_quarter",
    "rule_season", "rule_set", "rule_weekday", "rule_year",
]  # fmt: skip

# --- shared patterns and helpers ---------------------------------------------------------


def _alt(words: object) -> str:
    escaped = [re.escape(str(w)) for w in words]  # type: ignore[attr-defined]
    return "|".join(sorted(escaped, key=len, reverse=True))


_MON = rf"(?P<mon>{_alt(MONTHS)})"
WEEKDAY_RE = rf"(?P<wd>{_alt(WEEKDAYS)})"
_DAYNUM = (
    rf"(?P<day>[12]\d|3[01]|0?[1-9]|{_alt(ORDINALS)}|thirty first"
    r"|twenty (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))(?:st|nd|rd|th)?"
)
_YEAR = r"(?P<year>\d{4}|'\d\d|(?:nineteen|eighteen|two thousand)(?: [a-z]+){0,2})"
_REL_YEAR = r"(?P<relyear>this|last|next) year"
NUMBER_RE = (
    r"(?P<num>\d+ 1/2|\d+ (?:to|or) \d+|[\d.,]+|(?:a |an )?(?:[a-z]+ ){0,3}?(?:"
    + _alt([*SMALL_NUMBERS, "hundred", "thousand", "couple of", "few", "several", "many", "some",
            "half", "dozens of", "hundreds of", "thousands of", "a number of"])  # fmt: skip
    + "))"
)
UNIT_RE = (
    r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?"
    r"|quarters?|years?|decades?|century|centuries|millennium|millennia)"
)
_BACK = {"last", "past", "previous", "this past", "the previous", "the past", "the last"}
_FWD = {"next", "coming", "this coming", "following", "the following", "the next", "the coming"}
_BIAS_DAYS = 300  # a tense wins over the nearest reading when at most ten months away


def _year_from(m: re.Match[str], anchor: date | None) -> int | None:
    """The year a match names (``year`` or ``relyear`` group), else None."""
    if m.groupdict().get("year"):
        y = year_of(m["year"])
        if y is None or not 1000 <= y <= 2999:
            raise ValueError("not a year")
        return y
    if m.groupdict().get("relyear"):
        if anchor is None:
            raise ValueError("relative year without anchor")
        return anchor.year + {"this": 0, "last": -1, "next": 1}[m["relyear"]]
    return None


def _nearest(cands: list[tuple[date, Normalized]], anchor: date, tense: str | None) -> Normalized:
    """The candidate nearest the anchor; a past (future) clause prefers the one before (after)
    it unless that lies more than ten months away."""
    if tense == "past":
        past = [c for c in cands if c[0] <= anchor]
        latest = max(past, key=lambda c: c[0]) if past else None
        if latest and (anchor - latest[0]).days <= _BIAS_DAYS:
            return latest[1]
    if tense == "future":
        future = [c for c in cands if c[0] >= anchor]
        soonest = min(future, key=lambda c: c[0]) if future else None
        if soonest and (soonest[0] - anchor).days <= _BIAS_DAYS:
            return soonest[1]
    return min(cands, key=lambda c: (abs((c[0] - anchor).days), c[0] > anchor))[1]


def _day_of_month(word: str) -> int:
    word = re.sub(r"(?<=\d)(st|nd|rd|th)$", "", word)
    if word.isdigit():
        return int(word)
    return sum(ORDINALS.get(p, SMALL_NUMBERS.get(p, 0)) for p in word.split())


_Candidate = tuple[date, Normalized]


def _around(anchor: date, make: Callable[[int], _Candidate | None]) -> list[_Candidate]:
    """The candidates ``make`` builds for the year before, of, and after the anchor."""
    years = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1) if 1 <= y <= 9999]
    return [c for y in years if (c := make(y))]


# --- named calendar dates ----------------------------------------------------------------


_MONTH_DAY = re.compile(
    rf"(?:{WEEKDAY_RE} ?,? )?(?:the )?(?:{_MON} {_DAYNUM}|"
    + _DAYNUM.replace("<day>", "<day2>")
    + " (?:of )?"
    + _MON.replace("<mon>", "<mon2>")
    + rf")(?: ?,? (?:{_YEAR}|{_REL_YEAR}))?"
)
_NUMERIC_DATE = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d\d?)-(?P<d>\d\d?)|(?P<m2>\d\d?)/(?P<d2>\d\d?)/(?P<y2>\d{4})"
)


def rule_month_day(s: str, ctx: Context) -> Normalized | None:
    """``Dec 29``, ``Friday, Oct 23, 1998``, ``the 29th of December``, ``2019-12-29``;
    ``the week of March 6`` is the week of that day."""
    if s.startswith("the week of "):
        inner = rule_month_day(s[12:], ctx)
        return week_value(inner.start) if inner is not None and inner.start else None
    num = _NUMERIC_DATE.fullmatch(s)
    if num:
        y, m, d = (num["y"], num["m"], num["d"]) if num["y"] else (num["y2"], num["m2"], num["d2"])
        return day_value(date(int(y), int(m), int(d)))
    match = _MONTH_DAY.fullmatch(s)
    if not match:
        return None
    month = MONTHS[match["mon"] or match["mon2"]]
    day = _day_of_month(match["day"] or match["day2"])
    year = _year_from(match, ctx.anchor)
    if year is not None:
        return day_value(date(year, month, day))
    if ctx.anchor is None:
        date(2000, month, day)  # validates the day
        return Normalized("DATE", f"XXXX-{month:02d}-{day:02d}")

    def make(y: int) -> _Candidate | None:
        if day > monthrange(y, month)[1]:
            return None
        return date(y, month, day), day_value(date(y, month, day))

    return _nearest(_around(ctx.anchor, make), ctx.anchor, ctx.tense)


_MONTH = re.compile(
    rf"(?:(?P<q>last|next|this|this past|past|this coming|coming) )?{_MON}"
    rf"(?: ?,? (?:of )?(?:{_YEAR}|{_REL_YEAR}))?"
)


def rule_month(s: str, ctx: Context) -> Normalized | None:
    """``September``, ``last April``, ``December 2019``, ``June of last year``."""
    match = _MONTH.fullmatch(s)
    if not match:
        return None
    month = MONTHS[match["mon"]]
    year = _year_from(match, ctx.anchor)
    if year is not None:
        return month_value(year, month)
    if ctx.anchor is None:
        return Normalized("DATE", f"XXXX-{month:02d}")
    a, q = ctx.anchor, match["q"]
    if q == "this":
        return month_value(a.year, month)
    if q in _BACK:
        return month_value(a.year if month < a.month else a.year - 1, month)
    if q in _FWD:
        return month_value(a.year if month > a.month else a.year + 1, month)
    cands = _around(a, lambda y: (date(y, month, 1), month_value(y, month)))
    return _nearest(cands, a.replace(day=1), ctx.tense)


_WEEKDAY = re.compile(
    r"(?:(?P<q>last|next|this|this coming|this past|coming|past|previous|the previous"
    rf"|the following|following|the next) )?{WEEKDAY_RE}"
)


def rule_weekday(s: str, ctx: Context) -> Normalized | None:
    """``Monday``, ``last Friday``, ``next Tuesday``; a bare weekday is the most recent one
    (the anchor itself when it falls on that day), or the next one in a future clause."""
    match = _WEEKDAY.fullmatch(s)
    if not match:
        return None
    wd, q = WEEKDAYS[match["wd"]], match["q"]
    base = ctx.ref if q in ("the previous", "the following") else ctx.anchor
    if base is None:
        return Normalized("DATE", f"XXXX-WXX-{wd + 1}")
    aw = base.weekday()
    if q in _BACK:
        return day_value(base - timedelta(days=(aw - wd) % 7 or 7))
    if q in _FWD:
        return day_value(base + timedelta(days=(wd - aw) % 7 or 7))
    if q == "this":
        return day_value(base + timedelta(days=wd - aw))
    if ctx.tense == "future":
        return day_value(base + timedelta(days=(wd - aw) % 7))
    return day_value(base - timedelta(days=(aw - wd) % 7))


_HOLIDAY = re.compile(
    r"(?:(?P<q>last|next|this) )?(?P<name>.+?)(?P<week> week)?(?: (?:of )?(?P<year>\d{4}))?"
)


def rule_holiday(s: str, ctx: Context) -> Normalized | None:
    """``Christmas``, ``last Thanksgiving``, ``Easter 2019``, ``Election Day``, ``Easter week``."""
    match = _HOLIDAY.fullmatch(s)
    name = match["name"].replace("'", "") if match else ""
    if not match or holiday_date(name, 2000) is None:
        return None
    pick = week_value if match["week"] else day_value
    if match["year"]:
        return pick(holiday_date(name, int(match["year"])) or date.min)
    a = ctx.anchor
    if a is None:
        fixed = FIXED_HOLIDAYS.get(name)
        return Normalized("DATE", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else "XXXX-XX-XX")
    cands = _around(a, lambda y: (d, pick(d)) if (d := holiday_date(name, y)) else None)
    if match["q"] == "last":
        return max((c for c in cands if c[0] < a), key=lambda c: c[0])[1]
    if match["q"] == "next":
        return min((c for c in cands if c[0] > a), key=lambda c: c[0])[1]
    return _nearest(cands, a, ctx.tense)


_QUARTER = re.compile(
    rf"(?:the )?(?:(?:{_YEAR}|{_REL_YEAR}|fiscal|latest|current|same|comparable|calendar)(?:'s)? )*"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last) (?:fiscal )?"
    r"(?P<unit>quarter|half)(?: of (?:the )?(?:fiscal )?(?:(?P<year2>\d{4})"
    r"|(?P<rel2>this|last|next) year))?|q(?P<qn>[1-4])(?: (?P<year3>\d{4}))?"
)


_YEAR_PERIOD = re.compile(r"the (?P<year>\d{4}) (?P<unit>period|quarter)")


def rule_quarter(s: str, ctx: Context) -> Normalized | None:
    """``the third quarter``, ``third quarter of 1989``, ``last year's fourth quarter``, ``Q3``."""
    match = _QUARTER.fullmatch(s)
    if not match:
        period = _YEAR_PERIOD.fullmatch(s)  # "the 1988 period": which quarter, the article says
        if period is None:
            return None
        named = int(period["year"])
        if period["unit"] == "period" or ctx.anchor is None:
            return year_value(named)
        return quarter_value(named, quarter_of(ctx.anchor) - 1 or 4)  # the one last reported
    unit = match["unit"] or "quarter"
    word = match["ord"] or ""
    n = int(match["qn"] or 0) or ORDINALS.get({"1st": "first", "2nd": "second", "3rd": "third",
                                                "4th": "fourth"}.get(word, word), 0)  # fmt: skip
    if word in ("final", "last"):
        n = 4 if unit == "quarter" else 2
    if n > (4 if unit == "quarter" else 2):
        return None
    year = _year_from(match, ctx.anchor)
    if match["year2"] or match["year3"]:
        year = int(match["year2"] or match["year3"])
    elif match["rel2"] and ctx.anchor:
        year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[match["rel2"]]
    if year is None and unit == "half":
        return None  # "the second half" is usually a match, not a date
    if year is None:
        if ctx.anchor is None:
            return Normalized("DATE", f"XXXX-Q{n}")
        year = ctx.anchor.year
        if n > quarter_of(ctx.anchor) and ctx.tense != "future":
            year -= 1  # a quarter not yet begun, spoken of in the past: last year's
    return quarter_value(year, n) if unit == "quarter" else half_value(year, n)


_SEASON = re.compile(
    r"(?:(?P<q>this|last|next|this past|past|that|coming|the) )?"
    rf"(?P<season>spring|summer|autumn|fall|winter)(?: (?:of )?{_YEAR})?"
)


def rule_season(s: str, ctx: Context) -> Normalized | None:
    """``last summer``, ``this fall``, ``the winter of 1994``."""
    match = _SEASON.fullmatch(s)
    if not match:
        return None
    code, q = SEASONS[match["season"]], match["q"]
    year = _year_from(match, ctx.anchor)
    if year is not None:
        return season_value(year, code)
    a = ctx.anchor
    if a is None:
        return Normalized("DATE", f"XXXX-{code}")
    if q == "last":
        return season_value(a.year - 1, code)
    if q in ("this", "that"):
        return season_value(a.year - 1 if code == "WI" and a.month <= 2 else a.year, code)
    now = season_value(*season_of(a)).start or a
    cands = _around(a, lambda y: (season_value(y, code).start or a, season_value(y, code)))
    if q in ("next", "coming"):
        return min((c for c in cands if c[0] > now), key=lambda c: c[0])[1]
    return _nearest(cands, now, "past" if q in ("this past", "past") else ctx.tense or "past")


_DECADE = re.compile(
    r"(?:the )?(?:(?P<cent>1\d|20)(?P<d>\d)0 ?'?s|'(?P<d2>\d)0s"
    rf"|(?:nineteen )?(?P<word>{_alt(DECADE_WORDS)}))"
)
_CENTURY = re.compile(
    rf"(?:the )?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{_alt(ORDINALS)}|twenty first)) century"
)


def rule_decade_century(s: str, ctx: Context) -> Normalized | None:
    """``the 1990s``, ``the '80s``, ``the nineties``, ``the 20th century``."""
    match = _DECADE.fullmatch(s)
    if match:
        if match["cent"]:
            return decade_value(int(match["cent"]) * 10 + int(match["d"]))
        digit = int(match["d2"]) if match["d2"] else DECADE_WORDS[match["word"]]
        return decade_value(190 + digit)
    match = _CENTURY.fullmatch(s)
    if not match:
        return None
    n = int(match["n"] or 0) or ORDINALS.get(match["w"], 21)
    return century_value(n - 1)


_YEAR_RE = re.compile(rf"(?:(?:the )?(?:(?:fiscal|calendar|financial) )?(?:year )?|fy ?)?{_YEAR}")


def rule_year(s: str, ctx: Context) -> Normalized | None:
    """``2007``, ``fiscal 1989``, ``the year 2000``, ``nineteen ninety-six``."""
    y = year_of(match["year"]) if (match := _YEAR_RE.fullmatch(s)) else None
    return year_value(y) if y is not None and 1000 <= y <= 2999 else None


# --- durations and sets ------------------------------------------------------------------


_FRACTION = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60),
             "MIN": ("S", 60)}  # fmt: skip


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: ``P2W``, ``PXM``, ``PT3H``, ``P20Y`` (two decades), ``P1Y6M``."""
    if unit in ("Q", "FN", "WE", "DE", "CE", "ML") and n is not None:
        factor, unit = {"Q": (3, "M"), "FN": (2, "W"), "WE": (2, "D"), "DE": (10, "Y"),
                        "CE": (100, "Y"), "ML": (1000, "Y")}[unit]  # fmt: skip
        n *= factor
    if n is not None and n != int(n) and unit in _FRACTION:
        smaller, factor = _FRACTION[unit]
        part = duration_value(round((n - int(n)) * factor), smaller)
        if not int(n):
            return part
        whole = duration_value(int(n), unit)
        return whole + (part[2:] if part.startswith("PT") and "T" in whole else part[1:])
    letter = {"S": "S", "MIN": "M", "H": "H"}.get(unit)
    unit = {"FN": "W", "Q": "M"}.get(unit, unit) if n is None else unit
    amount = "X" if n is None else (str(int(n)) if n == int(n) else f"{n:g}")
    return f"PT{amount}{letter}" if letter else f"P{amount}{unit}"


_SET_WORDS = phrase_table("calendar.txt", "set_words")  # "daily" -> "P1D"
_SET = re.compile(
    rf"(?:every|each|per|(?:once|twice|(?:{NUMBER_RE}) times) (?:a|an|per|every))"
    r" (?P<other>other )?"
    r"(?:(?P<n>[\w.]+) )?(?P<what>[a-z]+)(?: (?P<pod>morning|afternoon|evening|night)s?)?"
)
_WD_PLURAL = re.compile(
    rf"(?:on )?{WEEKDAY_RE}(?:s(?: (?P<pod>morning|afternoon|evening|night)s?)?"
    r"| (?P<pod2>morning|afternoon|evening|night)s)"
)


def rule_set(s: str, ctx: Context) -> Normalized | None:
    """``every Monday``, ``each year``, ``daily``, ``twice a week``, ``Tuesday nights``."""
    if s in _SET_WORDS:
        return Normalized("SET", _SET_WORDS[s])
    plural = _WD_PLURAL.fullmatch(s)
    match = _SET.fullmatch(s)
    what = plural["wd"] if plural else match["what"] if match else ""
    pod = (plural and (plural["pod"] or plural["pod2"])) or (match and match["pod"])
    if what in WEEKDAYS:
        part = f"T{PARTS_OF_DAY[pod]}" if pod else ""
        return Normalized("SET", f"XXXX-WXX-{WEEKDAYS[what] + 1}{part}")
    if not match:
        return None
    if what in MONTHS or what in SEASONS:
        period = f"{MONTHS[what]:02d}" if what in MONTHS else SEASONS[what]
        return Normalized("SET", f"XXXX-{period}")
    unit = unit_code(what)
    n = parse_number(match["n"]) if match["n"] else 1.0
    n = (n or 1) * 2 if match["other"] else n
    if unit == "Q":
        return Normalized("SET", "PXQ" if n is None else f"P{n:g}Q")
    return Normalized("SET", duration_value(n, unit)) if unit else None


_DURATION = re.compile(
    r"(?:the )?(?:(?P<q>past|last|next|first|final|coming|previous|following|remaining|latest"
    r"|additional|further|ensuing|intervening|succeeding|preceding|another|an additional|recent"
    rf"|early|initial) )?(?:{NUMBER_RE} )?(?:(?:more|additional|full|straight|consecutive"
    rf"|long|trading|business|working|calendar|whole|entire) )?{UNIT_RE}"
    r"(?P<half> and a half)?(?: (?P<tail>long|ahead|old|or two))?"
)


def rule_duration(s: str, ctx: Context) -> Normalized | None:
    """``two weeks``, ``months``, ``decades``, ``the past two years``, ``a three year``."""
    match = _DURATION.fullmatch(s)
    if not match or match["tail"] == "old":
        return None  # "a 37-year-old" is an age
    word, q, num = match["unit"], match["q"], match["num"]
    unit = unit_code(word)
    plural = word.endswith("s") or word == "millennia"
    if unit is None or (plural and not num and word == "nights"):
        return None
    if q == "past" and plural and not num:
        return Normalized("DATE", "PAST_REF")
    if num:
        n = parse_number(num)
    elif plural:
        n = None
    elif q or match["tail"] == "ahead":
        n = 1.0
    else:
        return None  # a bare singular unit ("day") is not a duration
    if match["half"] and n is not None:
        n += 0.5
    return Normalized("DURATION", "P2D" if unit == "WE" and n == 1 else duration_value(n, unit))


def dispatch(s: str, ctx: Context) -> Normalized | None:
    """The first of ``ctx.rules`` that normalises ``s``."""
    for rule in ctx.rules:
        result = rule(s, ctx)
        if result is not None:
            return result
    return None
