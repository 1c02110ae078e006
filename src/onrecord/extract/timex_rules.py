"""Rules that normalise one time expression to a TIMEX3 value (TimeML / TempEval-3 conventions).

:func:`normalize_time` is pure: it sees only the expression's text, the publication date
(``anchor``), the tense of the governing verb and a discourse ``reference`` date. It cleans the
text, peels off modifiers ("about", "early", "the end of", "or so"), a clock time or a part of
day, and then tries the rules in :data:`RULES` in order; the first that matches decides.
Extend it by adding a rule function ``(str, _Ctx) -> Normalized | None`` to :data:`RULES`.

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
from dataclasses import dataclass, replace
from datetime import date, timedelta

# --- vocabulary --------------------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "dawn": "MO", "daybreak": "MO", "dusk": "EV", "nights": "NI", "mornings": "MO",
    "afternoons": "AF", "evenings": "EV",
}  # fmt: skip
_UNITS = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "DE", "century": "CE", "centurie": "CE", "millennium": "ML", "millennia": "ML",
}  # fmt: skip
_SMALL = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "couple": 2, "dozen": 12,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_VAGUE = {"few", "several", "many", "some", "dozens", "hundreds", "thousands", "number", "the"}
_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip
REF_WORDS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF",
    "currently": "PRESENT_REF", "current": "PRESENT_REF", "presently": "PRESENT_REF",
    "at present": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "the present": "PRESENT_REF", "at the moment": "PRESENT_REF", "for now": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
    "the past": "PAST_REF", "in the past": "PAST_REF", "the recent past": "PAST_REF",
    "more recently": "PAST_REF", "most recently": "PAST_REF", "until recently": "PAST_REF",
    "earlier": "PAST_REF", "once": "PAST_REF", "soon": "FUTURE_REF", "the future": "FUTURE_REF",
    "future": "FUTURE_REF", "the near future": "FUTURE_REF", "the distant future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF", "the coming days": "FUTURE_REF", "later": "FUTURE_REF",
    "shortly": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
}  # fmt: skip

# Prefix modifiers (TimeML ``mod``): approximations and comparisons.
_MOD_PREFIX = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "an estimated": "APPROX", "circa": "APPROX", "nearly": "LESS_THAN",
    "almost": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "under": "LESS_THAN", "just under": "LESS_THAN", "barely": "LESS_THAN",
    "not quite": "LESS_THAN", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS", "more than": "MORE_THAN", "over": "MORE_THAN",
    "just over": "MORE_THAN", "well over": "MORE_THAN", "upwards of": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "only": "", "just": "",
}  # fmt: skip
_MOD_SUFFIX = {
    "or so": "APPROX", "or more": "EQUAL_OR_MORE", "or less": "EQUAL_OR_LESS",
    "or later": "ON_OR_AFTER", "or earlier": "ON_OR_BEFORE", "and beyond": "ON_OR_AFTER",
}
# Position modifiers: where inside the period.
_POS_PREFIX = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "beginning of": "START", "start of": "START", "the first part of": "START",
    "the dawn of": "START", "mid": "MID", "middle of": "MID", "the middle of": "MID",
    "late": "END", "later": "END", "the end of": "END", "end of": "END", "the close of": "END",
    "the latter part of": "END", "the last part of": "END", "the turn of": "END",
    "the rest of": "END", "the remainder of": "END",
}  # fmt: skip
_PREPOSITIONS = (
    "on", "in", "at", "by", "since", "until", "till", "during", "from", "of", "within",
    "throughout", "through", "for", "as of", "to", "into", "before", "after",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised time expression: TIMEX3 ``type`` and ``value``, an inclusive date range."""

    type: str  # DATE | TIME | DURATION | SET
    value: str
    start: date | None = None
    end: date | None = None
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class _Ctx:
    anchor: date | None
    tense: str | None
    reference: date | None

    @property
    def ref(self) -> date | None:
        """The date relative expressions count from: the discourse reference, else the anchor."""
        return self.reference or self.anchor


Rule = Callable[[str, _Ctx], "Normalized | None"]

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
    if weekend:
        value = f"{iso.year:04d}-W{iso.week:02d}-WE"
        return Normalized("DATE", value, monday + timedelta(5), monday + timedelta(6))
    return Normalized("DATE", f"{iso.year:04d}-W{iso.week:02d}", monday, monday + timedelta(6))


def quarter_value(y: int, q: int) -> Normalized:
    last = 3 * q
    return Normalized(
        "DATE", f"{y:04d}-Q{q}", date(y, last - 2, 1), date(y, last, monthrange(y, last)[1])
    )


def half_value(y: int, h: int) -> Normalized:
    return Normalized("DATE", f"{y:04d}-H{h}", date(y, 6 * h - 5, 1), date(y, 6 * h, 30 + h - 1))


def season_value(y: int, code: str) -> Normalized:
    """``y``-SP is March-May of ``y``; ``y``-WI runs from December ``y`` to February ``y+1``."""
    first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    start = date(y, first, 1)
    end_y, end_m = (y + 1, 2) if code == "WI" else (y, first + 2)
    return Normalized("DATE", f"{y:04d}-{code}", start, date(end_y, end_m, monthrange(end_y, end_m)[1]))


def _season_of(d: date) -> tuple[int, str]:
    if d.month <= 2:
        return d.year - 1, "WI"
    return d.year, ("SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[d.month - 3]


def decade_value(decade: int) -> Normalized:
    y = decade * 10
    return Normalized("DATE", str(decade), date(y, 1, 1), date(y + 9, 12, 31))


def century_value(c: int) -> Normalized:
    y = max(c * 100, 1)
    return Normalized("DATE", f"{c:02d}", date(y, 1, 1), date(c * 100 + 99, 12, 31))


def _shift_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    return date(y, m + 1, min(d.day, monthrange(y, m + 1)[1]))


def _unknown(value: str, type_: str = "DATE") -> Normalized:
    return Normalized(type_, value)


def _granularity_shift(base: date, n: int, unit: str) -> Normalized:
    """``base`` moved by ``n`` units, at the granularity of the unit (weeks count in days)."""
    if unit in ("D", "W", "FN"):
        days = n * {"D": 1, "W": 7, "FN": 14}[unit]
        return day_value(base + timedelta(days=days))
    if unit == "M":
        d = _shift_months(base, n)
        return month_value(d.year, d.month)
    if unit == "Q":
        d = _shift_months(base, 3 * n)
        return quarter_value(d.year, (d.month - 1) // 3 + 1)
    years = n * {"Y": 1, "DE": 10, "CE": 100, "ML": 1000}.get(unit, 1)
    return year_value(base.year + years)


# --- text helpers ------------------------------------------------------------------------

_WS = re.compile(r"\s+")
_DOTS = re.compile(r"(?<!\d)\.|\.(?!\d)")
_HYPHEN = re.compile(r"(?<=[a-z0-9'])-(?=[a-z])|(?<=[a-z])-(?=[0-9'])")
_EDGE = " ,;:!?\"()[]{}*"


def clean(text: str) -> str:
    """Lower-case, drop periods (``p.m.`` -> ``pm``) and word hyphens, collapse spaces."""
    s = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    s = _DOTS.sub("", s)
    s = _HYPHEN.sub(" ", s)
    s = _WS.sub(" ", s).strip(_EDGE)
    if s.endswith("'s"):
        s = s[:-2]
    return s


def parse_number(s: str) -> float | None:
    """``"two"`` -> 2, ``"twenty four"`` -> 24, ``"1.5"``, ``"a"`` -> 1; vague (``"few"``) -> None."""
    s = s.strip()
    if not s:
        return None
    try:
        return float(s.replace(",", ""))
    except ValueError:
        pass
    words = [w for w in re.split(r"[\s-]+", s) if w not in ("and", "of")]
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w in _VAGUE:
            return None
        if w == "half":
            current = current + 0.5 if seen else 0.5
            seen = True
        elif w in _SMALL:
            current += _SMALL[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
            seen = True
        elif w.isdigit():
            current += int(w)
            seen = True
        else:
            return None
    return total + current if seen else None


def _unit(word: str) -> str | None:
    w = word.rstrip("s") if word not in ("centuries",) else "centurie"
    return _UNITS.get(w)


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: ``P2W``, ``PXM``, ``PT3H``, ``P2DE``; quarters become months."""
    if unit == "Q":
        return "PXM" if n is None else f"P{_num(n * 3)}M"
    if unit == "FN":
        return "PXW" if n is None else f"P{_num(n * 2)}W"
    if unit == "WE":
        return "PXWE" if n is None else f"P{_num(n * 2)}D"
    letter = {"S": "S", "MIN": "M", "H": "H"}.get(unit)
    amount = "X" if n is None else _num(n)
    return f"PT{amount}{letter}" if letter else f"P{amount}{unit}"


def _num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _year_of(s: str) -> int | None:
    """A written year: ``1998``, ``'98``, ``nineteen ninety-six``, ``two thousand``."""
    s = s.strip()
    if re.fullmatch(r"\d{3,4}", s):
        return int(s)
    m = re.fullmatch(r"'(\d\d)", s)
    if m:
        return 1900 + int(m.group(1))
    parts = s.replace("-", " ").split()
    if len(parts) >= 2 and parts[0] in _SMALL and parts[0] in ("nineteen", "eighteen", "twenty"):
        rest = parse_number(" ".join(parts[1:]))
        if rest is not None and rest < 100 and parts[1] != "thousand":
            return _SMALL[parts[0]] * 100 + int(rest)
    n = parse_number(s)
    if n is not None and n >= 1000 and n == int(n):
        return int(n)
    return None


# --- modifier peeling --------------------------------------------------------------------


def _peel(s: str, table: dict[str, str], suffix: bool = False) -> tuple[str | None, str]:
    for key in sorted(table, key=len, reverse=True):
        if suffix and s.endswith(" " + key):
            return table[key] or None, s[: -len(key) - 1].strip()
        if not suffix and (s.startswith(key + " ") or (key == "mid" and s.startswith("mid "))):
            return table[key] or None, s[len(key) + 1 :].strip()
    return None, s


def _strip_prepositions(s: str) -> str:
    for p in _PREPOSITIONS:
        if s.startswith(p + " ") and len(s) > len(p) + 1:
            return s[len(p) + 1 :]
    return s


def narrow(n: Normalized, mod: str | None) -> Normalized:
    """Apply a position mod (START / MID / END) to the date range: its first, middle or last third."""
    if mod not in ("START", "MID", "END") or n.start is None or n.end is None:
        return n
    days = (n.end - n.start).days + 1
    if days < 3:
        return n
    third = days // 3
    if mod == "START":
        return replace(n, end=n.start + timedelta(days=third - 1))
    if mod == "END":
        return replace(n, start=n.end - timedelta(days=third - 1))
    return replace(n, start=n.start + timedelta(days=third), end=n.end - timedelta(days=third))


# --- the rules ---------------------------------------------------------------------------


def _alt(words: object) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


_MON = rf"(?P<mon>{_alt(MONTHS)})"
_WD = rf"(?P<wd>{_alt(WEEKDAYS)})"
_DAYNUM = (
    rf"(?P<day>[12]\d|3[01]|0?[1-9]|{_alt(_ORDINALS)}|thirty first"
    r"|twenty (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))(?:st|nd|rd|th)?"
)
_YEAR = r"(?P<year>\d{4}|'\d\d|(?:nineteen|eighteen|twenty|two thousand)(?: [a-z]+){0,2})"
_REL_YEAR = r"(?P<relyear>this|last|next) year"
_NUMS = r"(?P<num>[\d.,]+|(?:a |an )?(?:[a-z]+ ){0,3}?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|couple(?: of)?|few|several|many|some|half|dozens of|hundreds of|thousands of|a number of))"
_UNIT_RE = r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|century|centuries|millennium|millennia)"
_QUAL_BACK = {"last", "past", "previous", "this past", "the previous", "the past", "the last"}
_QUAL_FWD = {"next", "coming", "this coming", "following", "the following", "the next", "the coming"}


def _year_from(m: re.Match[str], anchor: date | None) -> int | None:
    """The year a match names explicitly (``year`` or ``relyear`` group), else None."""
    groups = m.groupdict()
    if groups.get("year"):
        y = _year_of(groups["year"])
        if y is None or not 1000 <= y <= 2999:
            raise ValueError("not a year")
        return y
    rel = groups.get("relyear")
    if rel and anchor is not None:
        return anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
    if rel:
        raise ValueError("relative year without anchor")
    return None


def _nearest(candidates: list[tuple[date, Normalized]], anchor: date, tense: str | None) -> Normalized:
    """The candidate period nearest the anchor; a past (future) clause prefers the one before
    (after) it unless that one lies more than half a year away."""
    best = min(candidates, key=lambda c: (abs((c[0] - anchor).days), c[0] > anchor))
    if tense == "past":
        past = [c for c in candidates if c[0] <= anchor]
        if past and (anchor - max(past, key=lambda c: c[0])[0]).days <= _BIAS_DAYS:
            return max(past, key=lambda c: c[0])[1]
    if tense == "future":
        future = [c for c in candidates if c[0] >= anchor]
        if future and (min(future, key=lambda c: c[0])[0] - anchor).days <= _BIAS_DAYS:
            return min(future, key=lambda c: c[0])[1]
    return best[1]


_BIAS_DAYS = 183


def _day_of_month(word: str) -> int:
    word = re.sub(r"(?<=\d)(st|nd|rd|th)$", "", word)
    if word.isdigit():
        return int(word)
    parts = word.split()
    return sum(_ORDINALS.get(p, _SMALL.get(p, 0)) for p in parts)


_MONTH_DAY = re.compile(
    rf"(?:{_WD} ?,? )?(?:the )?(?:{_MON} {_DAYNUM}|"
    + _DAYNUM.replace("<day>", "<day2>")
    + " (?:of )?"
    + _MON.replace("<mon>", "<mon2>")
    + rf")(?: ?,? (?:{_YEAR}|{_REL_YEAR}))?"
)
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d?)-(?P<d>\d\d?)|(?P<m2>\d\d?)/(?P<d2>\d\d?)/(?P<y2>\d{4})")


def rule_month_day(s: str, ctx: _Ctx) -> Normalized | None:
    """``Dec 29``, ``Friday, Oct 23, 1998``, ``the 29th of December``, ``2019-12-29``."""
    iso = _ISO.fullmatch(s)
    if iso:
        y, m, d = (iso["y"], iso["m"], iso["d"]) if iso["y"] else (iso["y2"], iso["m2"], iso["d2"])
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
    a = ctx.anchor
    cands = []
    for y in (a.year - 1, a.year, a.year + 1):
        if day <= monthrange(y, month)[1]:
            cands.append((date(y, month, day), day_value(date(y, month, day))))
    return _nearest(cands, a, ctx.tense)


_MONTH = re.compile(rf"(?:(?P<q>last|next|this|this past|past|this coming|coming) )?{_MON}(?: ?,? (?:of )?(?:{_YEAR}|{_REL_YEAR}))?")


def rule_month(s: str, ctx: _Ctx) -> Normalized | None:
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
    if q in _QUAL_BACK:
        return month_value(a.year if month < a.month else a.year - 1, month)
    if q in _QUAL_FWD:
        return month_value(a.year if month > a.month else a.year + 1, month)
    here = date(a.year, a.month, 1)
    cands = [(date(y, month, 1), month_value(y, month)) for y in (a.year - 1, a.year, a.year + 1)]
    return _nearest(cands, here, ctx.tense)


_WEEKDAY = re.compile(rf"(?:(?P<q>last|next|this|this coming|this past|coming|past|previous|the previous|the following|following|the next|early|late) )?{_WD}")


def rule_weekday(s: str, ctx: _Ctx) -> Normalized | None:
    """``Monday``, ``last Friday``, ``next Tuesday``: the tense decides past or future."""
    match = _WEEKDAY.fullmatch(s)
    if not match:
        return None
    wd, q = WEEKDAYS[match["wd"]], match["q"]
    base = ctx.reference if q in ("the previous", "the following") else ctx.anchor
    if base is None:
        return Normalized("DATE", f"XXXX-WXX-{wd + 1}")
    aw = base.weekday()
    if q in _QUAL_BACK:
        return day_value(base - timedelta(days=(aw - wd) % 7 or 7))
    if q in _QUAL_FWD:
        return day_value(base + timedelta(days=(wd - aw) % 7 or 7))
    if q == "this":
        return day_value(base + timedelta(days=wd - aw))
    if ctx.tense == "future":
        return day_value(base + timedelta(days=(wd - aw) % 7))
    return day_value(base - timedelta(days=(aw - wd) % 7))


_DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
            "the day after tomorrow": 2, "tonight": 0, "last night": -1, "overnight": 0}  # fmt: skip
_POD_RE = re.compile(r"(?P<rest>.+?) (?P<pod>morning|afternoon|evening|night|overnight)")


def rule_deictic_day(s: str, ctx: _Ctx) -> Normalized | None:
    """``today``, ``yesterday``, ``tomorrow``, ``tonight``, ``last night``."""
    if s not in _DEICTIC:
        return None
    night = s in ("tonight", "last night", "overnight")
    if ctx.anchor is None:
        return Normalized("TIME" if night else "DATE", "XXXX-XX-XXTNI" if night else "XXXX-XX-XX")
    day = ctx.anchor + timedelta(days=_DEICTIC[s])
    if night:
        return Normalized("TIME", f"{day.isoformat()}TNI", day, day)
    return day_value(day)


_DAYLIKE = re.compile(r"[\dX]{4}-(?:[\dX]{2}-[\dX]{2}|WXX-\d)")


def _with_pod(base: Normalized | None, code: str) -> Normalized | None:
    if base is None or not _DAYLIKE.fullmatch(base.value):
        return None
    return Normalized("TIME", f"{base.value}T{code}", base.start, base.end)


def rule_part_of_day(s: str, ctx: _Ctx) -> Normalized | None:
    """``Monday morning``, ``this morning``, ``yesterday afternoon``, ``the next morning``."""
    match = _POD_RE.fullmatch(s)
    if match:
        code, rest = PARTS_OF_DAY[match["pod"]], match["rest"]
        if rest in ("this", "that", "the", "in the", "same"):
            base: Normalized | None = (
                day_value(ctx.ref) if ctx.ref else Normalized("DATE", "XXXX-XX-XX")
            )
            if rest == "this" and ctx.anchor:
                base = day_value(ctx.anchor)
        elif rest in ("last", "the previous", "previous"):
            rest = "yesterday" if rest == "last" else "the previous day"
            base = _dispatch(rest, ctx)
        else:
            rest = {"the next": "the next day", "the following": "the following day"}.get(rest, rest)
            base = _dispatch(rest, ctx)
        return _with_pod(base, code)
    if s in ("morning", "afternoon", "evening", "the morning", "the afternoon", "the evening"):
        base = day_value(ctx.ref) if ctx.ref else Normalized("DATE", "XXXX-XX-XX")
        return _with_pod(base, PARTS_OF_DAY[s.split()[-1]])
    return None


_CLOCK = r"(?P<h>\d{1,2})(?::(?P<min>\d\d))? ?(?P<ap>am|pm|a m|p m)|(?P<h24>\d{1,2}):(?P<min24>\d\d)|(?P<word>noon|midnight|midday)|(?P<hoc>\d{1,2}) (?:o'clock|in the (?P<part>morning|afternoon|evening|night))"
_TZ = r"(?: (?:[ecmp][sd]t|gmt|utc|z|local time|local|eastern time|et|bst|cet))?"
_CLOCK_FIRST = re.compile(rf"(?:at )?(?:{_CLOCK}){_TZ}(?: ?,? (?:on )?(?P<rest>.+))?")
_CLOCK_LAST = re.compile(rf"(?P<rest>.+?) ?,? (?:at )?(?:{_CLOCK}){_TZ}")


def rule_clock(s: str, ctx: _Ctx) -> Normalized | None:
    """``3 pm``, ``10:35 am``, ``noon Thursday``, ``5 pm EST, Nov 9``, ``Monday at 9 am``."""
    match = _CLOCK_FIRST.fullmatch(s) or _CLOCK_LAST.fullmatch(s)
    if not match:
        return None
    if match["word"]:
        hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[match["word"]], None
        hour, minute = hh
    elif match["h24"]:
        hour, minute = int(match["h24"]), int(match["min24"])
    else:
        hour = int(match["h"] or match["hoc"])
        minute = int(match["min"] or 0)
        if (match["ap"] or "").startswith("p") or match["part"] in ("afternoon", "evening", "night"):
            hour = hour + 12 if hour < 12 else hour
        elif (match["ap"] or "").startswith("a") and hour == 12:
            hour = 0
    if hour > 24 or minute > 59:
        return None
    if match["rest"]:
        base = _dispatch(match["rest"], ctx)
    else:
        base = day_value(ctx.ref) if ctx.ref else Normalized("DATE", "XXXX-XX-XX")
    if base is None or not _DAYLIKE.match(base.value):
        return None
    day = base.value.split("T")[0]
    return Normalized("TIME", f"{day}T{hour:02d}:{minute:02d}", base.start, base.end)


_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
              "hourly": "PT1H", "nightly": "P1D", "quarterly": "P1Q", "biweekly": "P2W",
              "semiannually": "P6M", "fortnightly": "P2W"}  # fmt: skip
_SET = re.compile(rf"(?:every|each|per|(?:once|twice|(?:{_NUMS}) times) (?:a|an|per|every)) (?P<other>other )?(?:(?P<n>[\w.]+) )?(?P<what>[a-z]+)(?: (?P<pod>morning|afternoon|evening|night)s?)?")
_WD_PLURAL = re.compile(
    rf"(?:on )?{_WD}(?:s(?: (?P<pod>morning|afternoon|evening|night)s?)?"
    r"| (?P<pod2>morning|afternoon|evening|night)s)"
)


def rule_set(s: str, ctx: _Ctx) -> Normalized | None:
    """``every Monday``, ``each year``, ``daily``, ``twice a week``, ``Tuesday nights``."""
    if s in _SET_WORDS:
        return Normalized("SET", _SET_WORDS[s])
    plural = _WD_PLURAL.fullmatch(s)
    if plural:
        pod_word = plural["pod"] or plural["pod2"]
        pod = PARTS_OF_DAY[pod_word] if pod_word else ""
        return Normalized("SET", f"XXXX-WXX-{WEEKDAYS[plural['wd']] + 1}" + (f"T{pod}" if pod else ""))
    match = _SET.fullmatch(s)
    if not match:
        return None
    what = match["what"]
    n = parse_number(match["n"]) if match["n"] else 1.0
    if match["other"]:
        n = (n or 1) * 2
    if what in WEEKDAYS:
        pod = f"T{PARTS_OF_DAY[match['pod']]}" if match["pod"] else ""
        return Normalized("SET", f"XXXX-WXX-{WEEKDAYS[what] + 1}{pod}")
    if what in MONTHS:
        return Normalized("SET", f"XXXX-{MONTHS[what]:02d}")
    if what in SEASONS:
        return Normalized("SET", f"XXXX-{SEASONS[what]}")
    unit = _unit(what)
    if unit is None:
        return None
    if unit == "Q":
        return Normalized("SET", "PXQ" if n is None else f"P{_num(n)}Q")
    return Normalized("SET", duration_value(n, unit))


_OFFSET = re.compile(rf"(?:{_NUMS} )?(?:more )?{_UNIT_RE}(?: or so)? (?P<dir>ago|earlier|later|before|after|afterwards?|from now|hence|previously|prior|back|on|in the future|since)")
_ADJ_AGO = re.compile(r"(?:the )?(?:comparable |same )?(?P<unit>year|quarter|month) (?:ago|earlier)(?: (?:(?P<ord>first|second|third|fourth) )?(?:fiscal )?(?P<what>quarter|period|nine months|six months|half|month|year))?")


def rule_offset(s: str, ctx: _Ctx) -> Normalized | None:
    """``two weeks ago``, ``20 years ago``, ``two days later``, ``a year earlier``, ``months ago``."""
    adj = _ADJ_AGO.fullmatch(s)
    if adj:
        return _year_ago(adj, ctx)
    match = _OFFSET.fullmatch(s)
    if not match:
        return None
    direction = match["dir"]
    back = direction in ("ago", "earlier", "before", "previously", "prior", "back", "since")
    unit = _unit(match["unit"])
    if unit is None:
        return None
    if match["num"]:
        n = parse_number(match["num"])
    else:
        n = None if match["unit"].endswith("s") else 1.0
    if n is None:
        return _unknown("PAST_REF" if back else "FUTURE_REF")
    base = ctx.anchor if direction in ("ago", "from now", "hence", "in the future") else ctx.ref
    if unit in ("S", "MIN", "H"):
        if base is None:
            return _unknown("PAST_REF" if back else "FUTURE_REF")
        hours = n * {"S": 1 / 3600, "MIN": 1 / 60, "H": 1}[unit]
        return day_value(base + timedelta(hours=-hours if back else hours))
    if n != int(n):
        return None
    steps = -int(n) if back else int(n)
    if base is None:
        return _unknown("XXXX-XX-XX" if unit in ("D", "W", "FN") else "XXXX-XX" if unit == "M" else "XXXX")
    return _granularity_shift(base, steps, "D" if unit == "WE" else unit)


def _year_ago(m: re.Match[str], ctx: _Ctx) -> Normalized | None:
    """Financial ``the year-ago quarter``: the quarter just reported, one year back."""
    a = ctx.anchor
    if a is None:
        return _unknown("XXXX")
    what = m["what"]
    if what in (None, "year") and m["unit"] == "year":
        return year_value(a.year - 1)
    if m["ord"]:
        return quarter_value(a.year - 1, _ORDINALS[m["ord"]])
    q = (a.month - 1) // 3  # the last completed quarter
    y = a.year - 1 if q else a.year - 2
    return quarter_value(y, q or 4)


_ANAPHOR = re.compile(r"(?:the )?(?P<q>next|following|previous|preceding|prior|same|that|this very) (?P<unit>day|week|weekend|month|year)|(?:the )?(?P<unit2>day|week|month|year|night) (?P<q2>before|after|earlier|later)")


def rule_anaphor(s: str, ctx: _Ctx) -> Normalized | None:
    """``the next day``, ``the following week``, ``that year``, ``the day before``."""
    match = _ANAPHOR.fullmatch(s)
    if not match:
        return None
    q = match["q"] or match["q2"]
    unit = match["unit"] or match["unit2"]
    if q == "next" and unit != "day":
        return None  # "the next week" is a duration, "next week" a deictic
    step = {"next": 1, "following": 1, "after": 1, "later": 1, "previous": -1, "preceding": -1,
            "prior": -1, "before": -1, "earlier": -1}.get(q, 0)  # fmt: skip
    base = ctx.ref
    if base is None:
        mask = {"day": "XXXX-XX-XX", "night": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE"}
        return _unknown(mask.get(unit, "XXXX-XX" if unit == "month" else "XXXX"))
    if unit in ("day", "night"):
        d = base + timedelta(days=step)
        return day_value(d) if unit == "day" else Normalized("TIME", f"{d.isoformat()}TNI", d, d)
    if unit in ("week", "weekend"):
        return week_value(base + timedelta(days=7 * step), weekend=unit == "weekend")
    if unit == "month":
        d = _shift_months(base, step)
        return month_value(d.year, d.month)
    return year_value(base.year + step)


_UNIT_DEICTIC = re.compile(r"(?P<the>the )?(?:(?P<q>this|last|next|past|previous|coming|current|present|latest|same|the current) )?(?:(?P<fiscal>fiscal|calendar) )?(?P<unit>week|weekend|month|year|quarter|decade|century|half|year end|month end)")


def rule_unit_deictic(s: str, ctx: _Ctx) -> Normalized | None:
    """``last week``, ``this year``, ``next month``, ``the weekend``, ``the latest quarter``."""
    match = _UNIT_DEICTIC.fullmatch(s)
    if not match:
        return None
    q, unit, the = match["q"], match["unit"], bool(match["the"])
    if unit in ("year end", "month end"):
        return _end_of(unit.split()[0], ctx)
    if the and q in ("past", "last", "next", "coming") and unit not in ("weekend",):
        letter = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE",
                  "century": "CE", "half": "H"}[unit]  # fmt: skip
        value = {"Q": "P3M", "H": "P6M"}.get(letter, f"P1{letter}")
        return Normalized("DURATION", value)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(q or "", 0)
    a = ctx.anchor
    if q is None and unit not in ("weekend", "quarter") and not (the and unit == "year" and match["fiscal"]):
        return None  # "the week", "the year" alone are too vague for a first version
    if a is None:
        mask = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX",
                "half": "XXXX-HX", "decade": "XXX", "century": "XX"}  # fmt: skip
        return _unknown(mask.get(unit, "XXXX"))
    if unit == "weekend":
        if q is None or q == "this" or q == "same":
            back = ctx.tense != "future"
            step = 0 if a.weekday() >= 5 else (-1 if back else 0)
        return week_value(a + timedelta(days=7 * step), weekend=True)
    if unit == "week":
        return week_value(a + timedelta(days=7 * step))
    if unit == "month":
        d = _shift_months(a, step)
        return month_value(d.year, d.month)
    if unit == "quarter":
        if q in (None, "latest") or (q == "last" and the):
            step = -1
        d = _shift_months(a, 3 * step)
        return quarter_value(d.year, (d.month - 1) // 3 + 1)
    if unit == "half":
        d = _shift_months(a, 6 * step)
        return half_value(d.year, 1 if d.month <= 6 else 2)
    if unit == "decade":
        return decade_value(a.year // 10 + step)
    if unit == "century":
        return century_value(a.year // 100 + step)
    return year_value(a.year + (-1 if q == "latest" else step))


def _end_of(unit: str, ctx: _Ctx) -> Normalized:
    a = ctx.anchor
    if a is None:
        return _unknown("XXXX-12-31" if unit == "year" else "XXXX-XX-XX")
    if unit == "year":
        return day_value(date(a.year, 12, 31))
    return day_value(date(a.year, a.month, monthrange(a.year, a.month)[1]))


_QUARTER = re.compile(
    rf"(?:the )?(?:(?:{_YEAR}|{_REL_YEAR}|fiscal|latest|current|same|comparable|calendar) )*"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last) (?:fiscal )?(?P<unit>quarter|half)"
    r"(?: of (?:the )?(?:fiscal )?(?:(?P<year2>\d{4})|(?P<relyear2>this|last|next) year))?"
    r"|q(?P<qn>[1-4])(?: (?P<year3>\d{4}))?"
)


def rule_quarter(s: str, ctx: _Ctx) -> Normalized | None:
    """``the third quarter``, ``third quarter of 1989``, ``last year's fourth quarter``, ``Q3``."""
    match = _QUARTER.fullmatch(s)
    if not match:
        return None
    if match["qn"]:
        n, unit = int(match["qn"]), "quarter"
    else:
        word, unit = match["ord"], match["unit"]
        n = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}.get(word) or _ORDINALS.get(word, 0)
        if word in ("final", "last"):
            n = 4 if unit == "quarter" else 2
    if n > (4 if unit == "quarter" else 2):
        return None
    year = _year_from(match, ctx.anchor)
    if match["year2"] or match["year3"]:
        year = int(match["year2"] or match["year3"])
    elif match["relyear2"] and ctx.anchor:
        year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[match["relyear2"]]
    if year is None and unit == "half" and not match["qn"]:
        return None  # "the second half" is usually a match, not a date
    if year is None:
        if ctx.anchor is None:
            return _unknown(f"XXXX-{'Q' if unit == 'quarter' else 'H'}{n}")
        year = ctx.anchor.year
        current = (ctx.anchor.month - 1) // 3 + 1 if unit == "quarter" else (ctx.anchor.month - 1) // 6 + 1
        if n > current and ctx.tense != "future":
            year -= 1
    return quarter_value(year, n) if unit == "quarter" else half_value(year, n)


_SEASON = re.compile(rf"(?:(?P<q>this|last|next|this past|past|that|coming|the) )?(?P<season>spring|summer|autumn|fall|winter)(?: (?:of )?{_YEAR})?")


def rule_season(s: str, ctx: _Ctx) -> Normalized | None:
    """``last summer``, ``this fall``, ``the winter of 1994``."""
    match = _SEASON.fullmatch(s)
    if not match:
        return None
    code, q = SEASONS[match["season"]], match["q"]
    year = _year_from(match, ctx.anchor)
    if year is not None:
        return season_value(year, code)
    if ctx.anchor is None:
        return _unknown(f"XXXX-{code}")
    a = ctx.anchor
    if q == "last":
        return season_value(a.year - 1, code)
    if q in ("this", "that"):
        return season_value(a.year if code != "WI" or a.month > 2 else a.year - 1, code)
    cands = [(season_value(y, code).start or a, season_value(y, code)) for y in (a.year - 1, a.year, a.year + 1)]
    now_start = season_value(*_season_of(a)).start or a
    tense = "past" if q in ("this past", "past") else "future" if q in ("next", "coming") else ctx.tense
    if q == "next":
        cands = [c for c in cands if c[0] > now_start]
    return _nearest(cands, now_start, tense or "past")


_DECADE = re.compile(r"(?:the )?(?:(?P<cent>1\d|20)(?P<d>\d)0 ?'?s|'(?P<d2>\d)0s|(?:nineteen )?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))")
_CENTURY = re.compile(rf"(?:the )?(?P<n>\d{{1,2}})(?:st|nd|rd|th) century|(?:the )?(?P<w>{_alt(_ORDINALS)}|twenty first) century")


def rule_decade_century(s: str, ctx: _Ctx) -> Normalized | None:
    """``the 1990s``, ``the '80s``, ``the nineties``, ``the 20th century``."""
    match = _DECADE.fullmatch(s)
    if match:
        if match["cent"]:
            return decade_value(int(match["cent"]) * 10 + int(match["d"]))
        digit = int(match["d2"]) if match["d2"] else _DECADE_WORDS[match["word"]]
        return decade_value(190 + digit)
    match = _CENTURY.fullmatch(s)
    if match:
        n = int(match["n"]) if match["n"] else (21 if match["w"] == "twenty first" else _ORDINALS[match["w"]])
        return century_value(n - 1)
    return None


_YEAR_RE = re.compile(rf"(?:(?:the )?(?:(?:fiscal|calendar|financial) )?(?:year )?|fy ?)?{_YEAR}")


def rule_year(s: str, ctx: _Ctx) -> Normalized | None:
    """``2007``, ``fiscal 1989``, ``the year 2000``, ``nineteen ninety-six``."""
    match = _YEAR_RE.fullmatch(s)
    if not match:
        return None
    y = _year_of(match["year"])
    if y is None or not 1000 <= y <= 2999:
        return None
    return year_value(y)


_DURATION = re.compile(rf"(?:the )?(?:(?P<q>past|last|next|first|final|coming|previous|following|remaining|latest|additional|further|ensuing|intervening|succeeding|preceding|another|an additional|recent|early|initial) )?(?:{_NUMS} )?(?:(?:more|additional|full|straight|consecutive|long|trading|business|working|calendar|whole|entire) )?{_UNIT_RE}(?: (?P<tail>long|ahead|old|or two))?")


def rule_duration(s: str, ctx: _Ctx) -> Normalized | None:
    """``two weeks``, ``months``, ``decades``, ``the past two years``, ``a three year``."""
    match = _DURATION.fullmatch(s)
    if not match or match["tail"] == "old":
        return None
    word, q, num = match["unit"], match["q"], match["num"]
    unit = _unit(word)
    if unit is None:
        return None
    plural = word.endswith("s") or word in ("centuries", "millennia")
    if q in ("recent", "past") and plural and not num:
        return _unknown("PAST_REF")
    if num:
        n = parse_number(num)
    elif plural:
        n = None
    elif q or match["tail"] == "ahead":
        n = 1.0
    else:
        return None  # a bare singular unit ("day") is not a duration
    if unit == "WE":
        return Normalized("DURATION", "P2D" if n == 1 else duration_value(n, unit))
    return Normalized("DURATION", duration_value(n, unit))


def _dispatch(s: str, ctx: _Ctx) -> Normalized | None:
    for rule in RULES:
        result = rule(s, ctx)
        if result is not None:
            return result
    return None


RULES: list[Rule] = [
    rule_deictic_day,
    rule_set,
    rule_offset,
    rule_anaphor,
    rule_month_day,
    rule_weekday,
    rule_month,
    rule_quarter,
    rule_unit_deictic,
    rule_season,
    rule_decade_century,
    rule_year,
    rule_duration,
    rule_part_of_day,
    rule_clock,
]


def normalize_time(
    text: str,
    anchor: date | None,
    *,
    tense: str | None = None,
    reference: date | None = None,
) -> Normalized | None:
    """Normalise one time expression; ``None`` when it is not one these rules understand.

    ``anchor`` is the publication date; ``reference`` the last date mentioned before the
    expression (what "two days later" counts from; for a bare clock time, the date of its
    clause); ``tense`` ("past" | "present" | "future") decides whether "Monday" or "Dec. 29"
    lies before or after the anchor. Never raises.
    """
    try:
        return _normalize(text, _Ctx(anchor, tense, reference))
    except (ValueError, OverflowError, KeyError, IndexError, TypeError):
        return None


_THE_UNIT = re.compile(r"^the (day|week|month|year|quarter|decade|century)$")


def _normalize(text: str, ctx: _Ctx) -> Normalized | None:
    s = clean(text)
    if not s or len(s) > 80:
        return None
    if s in REF_WORDS:
        return _unknown(REF_WORDS[s])
    s = _strip_prepositions(s)
    mod, s = _peel(s, _MOD_PREFIX)
    smod, s = _peel(s, _MOD_SUFFIX, suffix=True)
    mod = smod or mod
    pos, rest = _peel(s, _POS_PREFIX)
    if pos is not None and rest and rest not in ("the",):
        s = _THE_UNIT.sub(lambda m: "today" if m[1] == "day" else f"this {m[1]}", rest)
        mod = mod or pos
    if s in REF_WORDS:
        return replace(_unknown(REF_WORDS[s]), mod=mod)
    result = _dispatch(s, ctx)
    if result is None:
        return None
    if result.type == "DATE" and "T" in result.value and not result.value.endswith("_REF"):
        result = replace(result, type="TIME")
    return narrow(replace(result, mod=mod or result.mod), mod)
