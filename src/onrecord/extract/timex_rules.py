"""The rules that turn one time expression into a TIMEX3 value (TimeML / TempEval-3 conventions).

Each rule is a pure function ``(text, Context) -> Normalized | None`` over the expression's
cleaned text (lower case, no periods, modifiers already peeled off by
:func:`onrecord.extract.times.normalize_time`) and a :class:`Context`: the publication date
(``anchor``), the tense of the governing verb and the discourse ``reference`` date.
:func:`dispatch` tries the context's rules in order and the first that matches decides; the
order, with the rules for durations and sets, is :data:`onrecord.extract.times.RULES`.

Values: ``2020-01-13`` day, ``2020-W02`` week, ``2020-W02-WE`` weekend, ``2019-12`` month,
``2019-Q3`` quarter, ``2019-H1`` half, ``2019-SU`` season, ``2019`` year, ``199`` decade,
``19`` century, ``2020-01-13TMO`` part of day, ``2020-01-14T15:00`` clock time, ``P2W`` /
``PXM`` / ``PT3H`` durations, ``XXXX-WXX-1`` / ``P1D`` sets, ``PAST_REF`` / ``PRESENT_REF`` /
``FUTURE_REF``. Without an anchor, what needs one gets ``X`` placeholders (``XXXX-12-29``).
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["Context", "Normalized", "Rule", "dispatch", "parse_number", "quarter_value"]


def _index(spec: str, start: int = 1) -> dict[str, int]:
    """``"jan january|feb february"`` -> ``{"jan": 1, "january": 1, "feb": 2, ...}``."""
    return {w: i for i, group in enumerate(spec.split("|"), start) for w in group.split()}


def invert(table: dict[str, str]) -> dict[str, str]:
    """``{"APPROX": "about|around"}`` -> ``{"about": "APPROX", "around": "APPROX"}``."""
    return {phrase: value for value, phrases in table.items() for phrase in phrases.split("|")}


# --- vocabulary --------------------------------------------------------------------------

MONTHS = _index(
    "january jan|february feb|march mar|april apr|may|june jun|july jul|august aug"
    "|september sept sep|october oct|november nov|december dec"
)
WEEKDAYS = _index(
    "monday mon|tuesday tues tue|wednesday wed|thursday thurs thu|friday fri|saturday sat"
    "|sunday sun",
    0,
)
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = invert(
    {"MO": "morning|mornings|dawn|daybreak", "AF": "afternoon|afternoons",
     "EV": "evening|evenings|dusk", "NI": "night|nights|overnight"}  # fmt: skip
)
_UNITS = invert(
    {"S": "second", "MIN": "minute", "H": "hour", "D": "day|night", "W": "week",
     "WE": "weekend", "FN": "fortnight", "M": "month", "Q": "quarter", "Y": "year",
     "DE": "decade", "CE": "century|centurie", "ML": "millennium|millennia"}  # fmt: skip
)
_SMALL = _index(
    "a an one|two couple|three|four|five|six|seven|eight|nine|ten|eleven|twelve dozen|thirteen"
    "|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
) | {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
     "eighty": 80, "ninety": 90, "zero": 0}  # fmt: skip
_ORDINALS = _index(
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    "|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
) | {"thirtieth": 30}
_VAGUE = {"few", "several", "many", "some", "dozens", "hundreds", "thousands", "number", "the"}
_DECADE_WORDS = _index("twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties", 2)
# Holidays: on a fixed day, on the n-th weekday of a month, or some days from Easter.
_FIXED_HOLIDAYS = {
    name: (month, day)
    for names, month, day in [
        ("christmas|christmas day", 12, 25), ("christmas eve", 12, 24), ("boxing day", 12, 26),
        ("new years|new years day", 1, 1), ("new years eve", 12, 31), ("halloween", 10, 31),
        ("independence day|the fourth of july|fourth of july", 7, 4), ("bastille day", 7, 14),
        ("veterans day", 11, 11), ("valentines day", 2, 14),
    ]
    for name in names.split("|")
}  # fmt: skip
_NTH_HOLIDAYS = {  # (month, weekday, n-th of the month; -1 the last)
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3),
    "martin luther king jr day": (1, 0, 3), "presidents day": (2, 0, 3),
    "mothers day": (5, 6, 2), "fathers day": (6, 6, 3), "columbus day": (10, 0, 2),
}  # fmt: skip
_EASTER_HOLIDAYS = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2}
HOLIDAYS = [*_FIXED_HOLIDAYS, *_NTH_HOLIDAYS, *_EASTER_HOLIDAYS, "election day"]


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


def _season_of(d: date) -> tuple[int, str]:
    if d.month <= 2:
        return d.year - 1, "WI"
    return d.year, ("SP", "SU", "FA", "WI")[(d.month - 3) // 3]


def decade_value(decade: int) -> Normalized:
    return Normalized("DATE", str(decade), date(decade * 10, 1, 1), date(decade * 10 + 9, 12, 31))


def century_value(c: int) -> Normalized:
    return Normalized("DATE", f"{c:02d}", date(max(c * 100, 1), 1, 1), date(c * 100 + 99, 12, 31))


def _shift_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, monthrange(y, m + 1)[1]))


def _shift(base: date, n: int, unit: str) -> Normalized:
    """``base`` moved by ``n`` units, at the granularity of the unit (weeks count in days)."""
    if unit in ("D", "W", "FN", "WE"):
        return day_value(base + timedelta(days=n * {"D": 1, "W": 7, "FN": 14, "WE": 7}[unit]))
    if unit in ("M", "Q"):
        d = _shift_months(base, n * (3 if unit == "Q" else 1))
        return month_value(d.year, d.month) if unit == "M" else quarter_value(d.year, _q(d))
    return year_value(base.year + n * {"Y": 1, "DE": 10, "CE": 100, "ML": 1000}.get(unit, 1))


def _q(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _holiday(name: str, year: int) -> date | None:
    if name in _FIXED_HOLIDAYS:
        return date(year, *_FIXED_HOLIDAYS[name])
    if name in _EASTER_HOLIDAYS:  # the anonymous Gregorian computus
        a, b, c = year % 19, year // 100, year % 100
        h = (19 * a + b - b // 4 - (b - (8 * b + 13) // 25) + 15) % 30
        ell = (32 + 2 * (b % 4) + 2 * (c // 4) - h - c % 4) % 7
        m = (a + 11 * h + 19 * ell) // 433
        month = (h + ell - 7 * m + 90) // 25
        easter = date(year, month, (h + ell - 7 * m + 33 * month + 19) % 32)
        return easter + timedelta(days=_EASTER_HOLIDAYS[name])
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
        elif w in _SMALL:
            current += _SMALL[w]
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




def _year_of(s: str) -> int | None:
    """A written year: ``1998``, ``'98``, ``nineteen ninety six``, ``two thousand``."""
    if re.fullmatch(r"\d{3,4}", s):
        return int(s)
    if re.fullmatch(r"'\d\d", s):
        return 1900 + int(s[1:])
    parts = s.split()
    if len(parts) >= 2 and parts[0] in ("nineteen", "eighteen") and parts[1] != "hundred":
        rest = parse_number(" ".join(parts[1:]))
        if rest is not None and rest < 100:
            return _SMALL[parts[0]] * 100 + int(rest)
    n = parse_number(s)
    return int(n) if n is not None and n >= 1000 and n == int(n) else None




# --- the rules ---------------------------------------------------------------------------


def _alt(words: object) -> str:
    escaped = [re.escape(str(w)) for w in words]  # type: ignore[attr-defined]
    return "|".join(sorted(escaped, key=len, reverse=True))


_MON = rf"(?P<mon>{_alt(MONTHS)})"
WEEKDAY_RE = rf"(?P<wd>{_alt(WEEKDAYS)})"
_DAYNUM = (
    rf"(?P<day>[12]\d|3[01]|0?[1-9]|{_alt(_ORDINALS)}|thirty first"
    r"|twenty (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))(?:st|nd|rd|th)?"
)
_YEAR = r"(?P<year>\d{4}|'\d\d|(?:nineteen|eighteen|two thousand)(?: [a-z]+){0,2})"
_REL_YEAR = r"(?P<relyear>this|last|next) year"
NUMBER_RE = (
    r"(?P<num>\d+ 1/2|\d+ (?:to|or) \d+|[\d.,]+|(?:a |an )?(?:[a-z]+ ){0,3}?(?:"
    + _alt([*_SMALL, "hundred", "thousand", "couple of", "few", "several", "many", "some",
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
_DAYLIKE = re.compile(r"[\dX]{4}-(?:[\dX]{2}-[\dX]{2}|WXX-\d)")
_NO_DAY = Normalized("DATE", "XXXX-XX-XX")


def _year_from(m: re.Match[str], anchor: date | None) -> int | None:
    """The year a match names (``year`` or ``relyear`` group), else None."""
    if m.groupdict().get("year"):
        y = _year_of(m["year"])
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
    return sum(_ORDINALS.get(p, _SMALL.get(p, 0)) for p in word.split())


_Candidate = tuple[date, Normalized]


def _around(anchor: date, make: Callable[[int], _Candidate | None]) -> list[_Candidate]:
    """The candidates ``make`` builds for the year before, of, and after the anchor."""
    years = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1) if 1 <= y <= 9999]
    return [c for y in years if (c := make(y))]


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
    """``Dec 29``, ``Friday, Oct 23, 1998``, ``the 29th of December``, ``2019-12-29``."""
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


_DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
            "the day after tomorrow": 2, "tonight": 0, "last night": -1,
            "overnight": 0}  # fmt: skip


def rule_deictic_day(s: str, ctx: Context) -> Normalized | None:
    """``today``, ``yesterday``, ``tomorrow``, ``tonight``, ``last night``."""
    if s not in _DEICTIC:
        return None
    night = s in ("tonight", "last night", "overnight")
    if ctx.anchor is None:
        return Normalized("TIME", "XXXX-XX-XXTNI") if night else _NO_DAY
    day = ctx.anchor + timedelta(days=_DEICTIC[s])
    return Normalized("TIME", f"{day.isoformat()}TNI", day, day) if night else day_value(day)


_HOLIDAY = re.compile(
    r"(?:(?P<q>last|next|this) )?(?P<name>.+?)(?P<week> week)?(?: (?:of )?(?P<year>\d{4}))?"
)


def rule_holiday(s: str, ctx: Context) -> Normalized | None:
    """``Christmas``, ``last Thanksgiving``, ``Easter 2019``, ``Election Day``, ``Easter week``."""
    match = _HOLIDAY.fullmatch(s)
    name = match["name"].replace("'", "") if match else ""
    if not match or _holiday(name, 2000) is None:
        return None
    pick = week_value if match["week"] else day_value
    if match["year"]:
        return pick(_holiday(name, int(match["year"])) or date.min)
    a = ctx.anchor
    if a is None:
        fixed = _FIXED_HOLIDAYS.get(name)
        return Normalized("DATE", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else "XXXX-XX-XX")
    cands = _around(a, lambda y: (d, pick(d)) if (d := _holiday(name, y)) else None)
    if match["q"] == "last":
        return max((c for c in cands if c[0] < a), key=lambda c: c[0])[1]
    if match["q"] == "next":
        return min((c for c in cands if c[0] > a), key=lambda c: c[0])[1]
    return _nearest(cands, a, ctx.tense)


_POD_RE = re.compile(r"(?P<rest>.+?) (?P<pod>morning|afternoon|evening|night|overnight)")
_POD_ALONE = re.compile(r"(?:the |in the )?(?P<pod>morning|afternoon|evening)")
_POD_DAY = re.compile(
    r"(?P<pod>morning|afternoon|evening|night) (?P<rest>yesterday|today|tomorrow|.*day)"
)


_POD_REST = {"last": "yesterday", "the previous": "the previous day",
             "previous": "the previous day", "the next": "the next day",
             "the following": "the following day"}  # fmt: skip


def rule_part_of_day(s: str, ctx: Context) -> Normalized | None:
    """``Monday morning``, ``this morning``, ``afternoon yesterday``, ``the next morning``."""
    match = _POD_RE.fullmatch(s) or _POD_DAY.fullmatch(s)
    alone = _POD_ALONE.fullmatch(s)
    if not match and not alone:
        return None
    rest = match["rest"] if match else "the"
    pod = (match or alone)["pod"]  # type: ignore[index]
    rest = _POD_REST.get(rest, rest)
    if rest in ("this", "that", "the", "in the", "same", "the same"):
        anchor = ctx.anchor if rest == "this" else ctx.ref
        base: Normalized | None = day_value(anchor) if anchor else _NO_DAY
    else:
        base = dispatch(rest, ctx)
    if base is None or not _DAYLIKE.fullmatch(base.value):
        return None
    return Normalized("TIME", f"{base.value}T{PARTS_OF_DAY[pod]}", base.start, base.end)


_CLOCK = (
    r"(?:(?P<h>\d{1,2})(?::(?P<min>\d\d))? ?(?P<ap>am|pm|a m|p m)|(?P<h24>\d{1,2}):(?P<m24>\d\d)"
    r"|(?P<word>noon|midnight|midday)"
    r"|(?P<hoc>\d{1,2}) (?:o'clock|in the (?P<part>morning|afternoon|evening|night)))"
    r"(?: (?:[ecmp][sd]t|gmt|utc|z|local time|local|eastern time|et|bst|cet))?"
)
_CLOCK_FIRST = re.compile(rf"(?:at )?{_CLOCK}(?: ?,? (?:on )?(?P<rest>.+))?")
_CLOCK_LAST = re.compile(rf"(?P<rest>.+?) ?,? (?:at )?{_CLOCK}")


def rule_clock(s: str, ctx: Context) -> Normalized | None:
    """``3 pm``, ``10:35 am``, ``noon Thursday``, ``5 pm EST, Nov 9``, ``Monday at 9 am``."""
    match = _CLOCK_FIRST.fullmatch(s) or _CLOCK_LAST.fullmatch(s)
    if not match:
        return None
    if match["word"]:
        hour, minute = {"noon": 12, "midday": 12, "midnight": 24}[match["word"]], 0
    elif match["h24"]:
        hour, minute = int(match["h24"]), int(match["m24"])
    else:
        hour, minute = int(match["h"] or match["hoc"]), int(match["min"] or 0)
        if (match["ap"] or "").startswith("p") or match["part"] in ("afternoon", "evening"):
            hour = hour + 12 if hour < 12 else hour
        elif (match["ap"] or "").startswith("a") and hour == 12:
            hour = 0
    if hour > 24 or minute > 59:
        return None
    if match["rest"]:
        base = dispatch(match["rest"], ctx)
    else:
        base = day_value(ctx.ref) if ctx.ref else _NO_DAY
    if base is None or not _DAYLIKE.match(base.value):
        return None
    value = f"{base.value.split('T')[0]}T{hour:02d}:{minute:02d}"
    return Normalized("TIME", value, base.start, base.end)


_OFFSET = re.compile(
    rf"(?:the )?(?:comparable |same )?(?:{NUMBER_RE} )?(?:more )?{UNIT_RE}(?: or so)?"
    r" (?P<dir>ago|earlier|later|before|after|afterwards?|from now|hence|previously|prior|back"
    r"|on|in the future|since)"
    r"(?: (?:(?P<ord>first|second|third|fourth) )?(?P<what>quarter|period))?"
)
_BACKWARD = {"ago", "earlier", "before", "previously", "prior", "back", "since"}


def rule_offset(s: str, ctx: Context) -> Normalized | None:
    """``two weeks ago``, ``20 years ago``, ``two days later``, ``a year earlier``, ``days ago``,
    and earnings news' ``the year-ago quarter`` (the quarter just reported, a year back)."""
    match = _OFFSET.fullmatch(s)
    unit = unit_code(match["unit"]) if match else None
    if not match or unit is None:
        return None
    back = match["dir"] in _BACKWARD
    if match["num"]:
        n = parse_number(match["num"])
    else:
        n = None if match["unit"].endswith("s") else 1.0
    adjective = not match["num"] and n == 1  # "the year-earlier quarter": the one just reported
    from_anchor = adjective or match["dir"] in ("ago", "from now", "hence", "in the future")
    base = ctx.anchor if from_anchor else ctx.ref
    if n is None or (base is None and unit in ("S", "MIN", "H")):
        return Normalized("DATE", "PAST_REF" if back else "FUTURE_REF")
    if base is None:
        masks = {"D": "XXXX-XX-XX", "W": "XXXX-XX-XX", "M": "XXXX-XX"}
        return Normalized("DATE", masks.get(unit, "XXXX"))
    if unit in ("S", "MIN", "H"):
        hours = n * {"S": 1 / 3600, "MIN": 1 / 60, "H": 1}[unit]
        return day_value(base + timedelta(hours=-hours if back else hours))
    if n != int(n):
        return None
    result = _shift(base, -int(n) if back else int(n), unit)
    if match["what"] and unit == "Y" and result.start:
        last = _shift_months(base, -3)
        q = _ORDINALS[match["ord"]] if match["ord"] else _q(last)
        return quarter_value(last.year - int(n) if not match["ord"] else result.start.year, q)
    return result


_ANAPHOR = re.compile(
    r"(?:the )?(?P<q>next|following|previous|preceding|prior|same|that|this very)"
    r" (?P<unit>day|week|weekend|month|year)"
    r"|(?:the )?(?P<unit2>day|week|month|year|night) (?P<q2>before|after|earlier|later)"
)
_STEPS = {"next": 1, "following": 1, "after": 1, "later": 1, "previous": -1, "preceding": -1,
          "prior": -1, "before": -1, "earlier": -1}  # fmt: skip


def rule_anaphor(s: str, ctx: Context) -> Normalized | None:
    """``the next day``, ``the following week``, ``that year``, ``the day before``."""
    match = _ANAPHOR.fullmatch(s)
    if not match:
        return None
    q, unit = match["q"] or match["q2"], match["unit"] or match["unit2"]
    if q == "next" and unit != "day":
        return None  # "the next week" is a duration, "next week" a deictic
    step, base = _STEPS.get(q, 0), ctx.ref
    if base is None:
        masks = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX"}
        return Normalized("DATE", masks.get(unit, "XXXX-XX-XX"))
    if unit == "night":
        d = base + timedelta(days=step)
        return Normalized("TIME", f"{d.isoformat()}TNI", d, d)
    if unit in ("week", "weekend"):
        return week_value(base + timedelta(days=7 * step), weekend=unit == "weekend")
    return _shift(base, step, {"day": "D", "month": "M", "year": "Y"}[unit])


_UNIT_DEICTIC = re.compile(
    r"(?P<the>the )?(?:(?P<q>this|last|next|past|previous|coming|current|present|latest|same"
    r"|the current) )?(?:(?P<fiscal>fiscal|calendar) )?"
    r"(?P<unit>week|weekend|month|year|quarter|decade|century|year end|month end)"
)
_LETTERS = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE",
            "century": "CE"}  # fmt: skip
_MASKS = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX",
          "decade": "XXX", "century": "XX", "year end": "XXXX-12-31",
          "month end": "XXXX-XX-XX"}  # fmt: skip


def rule_unit_deictic(s: str, ctx: Context) -> Normalized | None:
    """``last week``, ``this year``, ``next month``, ``the weekend``, ``the latest quarter``."""
    match = _UNIT_DEICTIC.fullmatch(s)
    if not match:
        return None
    q, unit, the = match["q"], match["unit"], bool(match["the"])
    if the and q in ("past", "last", "next", "coming") and unit in _LETTERS:
        letter = _LETTERS[unit]
        amount = {"Q": "3M", "DE": "10Y", "CE": "100Y"}.get(letter, f"1{letter}")
        return Normalized("DURATION", f"P{amount}")
    fiscal_year = the and unit == "year" and match["fiscal"]
    if q is None and unit in ("week", "month", "year", "decade", "century"):
        if not fiscal_year:
            return None  # "the week", "the year" alone are too vague for this version
    a = ctx.anchor
    if a is None:
        return Normalized("DATE", _MASKS.get(unit, "XXXX"))
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(q or "", 0)
    if unit == "year end":
        return day_value(date(a.year, 12, 31))
    if unit == "month end":
        return day_value(date(a.year, a.month, monthrange(a.year, a.month)[1]))
    if unit == "weekend":
        if q in (None, "this", "same"):
            step = 0 if a.weekday() >= 5 or ctx.tense == "future" else -1
        return week_value(a + timedelta(days=7 * step), weekend=True)
    if unit == "week":
        return week_value(a + timedelta(days=7 * step))
    if unit == "quarter":
        step = -1 if q in (None, "latest") or (q == "last" and the) else step
        return _shift(a, step, "Q")
    if unit == "decade":
        return decade_value(a.year // 10 + step)
    if unit == "century":
        return century_value(a.year // 100 + step)
    if unit == "month":
        return _shift(a, step, "M")
    return year_value(a.year + (-1 if q == "latest" else step))


_QUARTER = re.compile(
    rf"(?:the )?(?:(?:{_YEAR}|{_REL_YEAR}|fiscal|latest|current|same|comparable|calendar)(?:'s)? )*"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last) (?:fiscal )?"
    r"(?P<unit>quarter|half)(?: of (?:the )?(?:fiscal )?(?:(?P<year2>\d{4})"
    r"|(?P<rel2>this|last|next) year))?|q(?P<qn>[1-4])(?: (?P<year3>\d{4}))?"
)


def rule_quarter(s: str, ctx: Context) -> Normalized | None:
    """``the third quarter``, ``third quarter of 1989``, ``last year's fourth quarter``, ``Q3``."""
    match = _QUARTER.fullmatch(s)
    if not match:
        return None
    unit = match["unit"] or "quarter"
    word = match["ord"] or ""
    n = int(match["qn"] or 0) or _ORDINALS.get({"1st": "first", "2nd": "second", "3rd": "third",
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
        if n > _q(ctx.anchor) and ctx.tense != "future":
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
    now = season_value(*_season_of(a)).start or a
    cands = _around(a, lambda y: (season_value(y, code).start or a, season_value(y, code)))
    if q in ("next", "coming"):
        return min((c for c in cands if c[0] > now), key=lambda c: c[0])[1]
    return _nearest(cands, now, "past" if q in ("this past", "past") else ctx.tense or "past")


_DECADE = re.compile(
    r"(?:the )?(?:(?P<cent>1\d|20)(?P<d>\d)0 ?'?s|'(?P<d2>\d)0s"
    rf"|(?:nineteen )?(?P<word>{_alt(_DECADE_WORDS)}))"
)
_CENTURY = re.compile(
    rf"(?:the )?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{_alt(_ORDINALS)}|twenty first)) century"
)


def rule_decade_century(s: str, ctx: Context) -> Normalized | None:
    """``the 1990s``, ``the '80s``, ``the nineties``, ``the 20th century``."""
    match = _DECADE.fullmatch(s)
    if match:
        if match["cent"]:
            return decade_value(int(match["cent"]) * 10 + int(match["d"]))
        digit = int(match["d2"]) if match["d2"] else _DECADE_WORDS[match["word"]]
        return decade_value(190 + digit)
    match = _CENTURY.fullmatch(s)
    if not match:
        return None
    n = int(match["n"] or 0) or _ORDINALS.get(match["w"], 21)
    return century_value(n - 1)


_YEAR_RE = re.compile(rf"(?:(?:the )?(?:(?:fiscal|calendar|financial) )?(?:year )?|fy ?)?{_YEAR}")


def rule_year(s: str, ctx: Context) -> Normalized | None:
    """``2007``, ``fiscal 1989``, ``the year 2000``, ``nineteen ninety-six``."""
    y = _year_of(match["year"]) if (match := _YEAR_RE.fullmatch(s)) else None
    return year_value(y) if y is not None and 1000 <= y <= 2999 else None


def dispatch(s: str, ctx: Context) -> Normalized | None:
    """The first of ``ctx.rules`` that normalises ``s``."""
    for rule in ctx.rules:
        result = rule(s, ctx)
        if result is not None:
            return result
    return None
