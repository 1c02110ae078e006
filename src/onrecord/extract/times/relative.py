"""The normalisation rules for expressions that count from the anchor or the reference.

Deictic days ("today", "last night"), offsets ("two weeks ago", "a year earlier"), anaphors
("the next day", "that year"), deictic units ("last week", "the latest quarter"), parts of day
("Monday morning") and clock times ("3 pm", "noon Thursday"). Same contract as the rules in
:mod:`onrecord.extract.times.rules`: ``(text, Context) -> Normalized | None``.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

from onrecord.extract.times.calendar import (
    ORDINALS,
    PARTS_OF_DAY,
    Context,
    Normalized,
    century_value,
    day_value,
    decade_value,
    parse_number,
    phrase_table,
    quarter_of,
    quarter_value,
    shift,
    shift_months,
    unit_code,
    week_value,
    year_value,
)
from onrecord.extract.times.rules import NUMBER_RE, UNIT_RE, dispatch

__all__ = [
    "rule_anaphor", "rule_clock", "rule_deictic_day", "rule_offset", "rule_part_of_day",
    "rule_unit_deictic",
]  # fmt: skip

_DAYLIKE = re.compile(r"[\dX]{4}-(?:[\dX]{2}-[\dX]{2}|WXX-\d)")
_NO_DAY = Normalized("DATE", "XXXX-XX-XX")


# "yesterday" -> -1: days from the anchor (extract/times/data/calendar.txt)
_DEICTIC = {word: int(days) for word, days in phrase_table("calendar.txt", "deictic_days").items()}


def rule_deictic_day(s: str, ctx: Context) -> Normalized | None:
    """``today``, ``yesterday``, ``tomorrow``, ``tonight``, ``last night``."""
    if s not in _DEICTIC:
        return None
    night = s in ("tonight", "last night", "overnight")
    if ctx.anchor is None:
        return Normalized("TIME", "XXXX-XX-XXTNI") if night else _NO_DAY
    day = ctx.anchor + timedelta(days=_DEICTIC[s])
    return Normalized("TIME", f"{day.isoformat()}TNI", day, day) if night else day_value(day)


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
    result = shift(base, -int(n) if back else int(n), unit)
    if match["what"] and unit == "Y" and result.start:
        last = shift_months(base, -3)
        q = ORDINALS[match["ord"]] if match["ord"] else quarter_of(last)
        return quarter_value(last.year - int(n) if not match["ord"] else result.start.year, q)
    return result


_ANAPHOR = re.compile(
    r"(?:the )?(?P<q>next|following|previous|preceding|prior|same|that|this very)"
    r" (?P<unit>day|week|weekend|month|year)"
    r"|(?:the )?(?P<unit2>day|week|month|year|night) (?P<q2>before|after|earlier|later)"
    r"|(?P<q3>that) (?P<unit3>quarter)"
)
_STEPS = {"next": 1, "following": 1, "after": 1, "later": 1, "previous": -1, "preceding": -1,
          "prior": -1, "before": -1, "earlier": -1}  # fmt: skip


def rule_anaphor(s: str, ctx: Context) -> Normalized | None:
    """``the next day``, ``the following week``, ``that year``, ``the day before``."""
    match = _ANAPHOR.fullmatch(s)
    if not match:
        return None
    q = match["q"] or match["q2"] or match["q3"]
    unit = match["unit"] or match["unit2"] or match["unit3"]
    if q == "next" and unit != "day":
        return None  # "the next week" is a duration, "next week" a deictic
    step, base = _STEPS.get(q, 0), ctx.ref
    if base is None:
        masks = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                 "quarter": "XXXX-QX"}  # fmt: skip
        return Normalized("DATE", masks.get(unit, "XXXX-XX-XX"))
    if unit == "night":
        d = base + timedelta(days=step)
        return Normalized("TIME", f"{d.isoformat()}TNI", d, d)
    if unit in ("week", "weekend"):
        return week_value(base + timedelta(days=7 * step), weekend=unit == "weekend")
    return shift(base, step, {"day": "D", "month": "M", "year": "Y", "quarter": "Q"}[unit])


_UNIT_DEICTIC = re.compile(
    r"(?P<the>the )?(?:(?P<q>this|last|next|past|previous|coming|current|present|latest|same"
    r"|the current|full) )?(?:(?P<fiscal>fiscal|calendar) )?"
    r"(?P<unit>week|weekend|month|year|quarter|decade|century|year end|month end|period)"
)
_MASKS = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX",
          "decade": "XXX", "century": "XX", "year end": "XXXX",
          "month end": "XXXX-XX-XX"}  # fmt: skip


def rule_unit_deictic(s: str, ctx: Context) -> Normalized | None:
    """``last week``, ``this year``, ``next month``, ``the weekend``, ``the latest quarter``."""
    match = _UNIT_DEICTIC.fullmatch(s)
    if not match:
        return None
    q, unit, the = match["q"], match["unit"], bool(match["the"])
    if the and q in ("past", "last", "next", "coming") and unit in ("decade", "century"):
        return Normalized("DURATION", "P10Y" if unit == "decade" else "P100Y")
    if unit == "period":
        if q != "latest":
            return None
        unit = "quarter"  # "the latest period" of an earnings report
    if the and q is None and unit in ("week", "month", "year"):
        q = "this"  # "for the year", "the week's biggest gain": the current one
    fiscal_year = the and unit == "year" and match["fiscal"]
    if q is None and unit in ("week", "month", "year", "decade", "century"):
        if not fiscal_year:
            return None  # "the week", "the year" alone are too vague for this version
    a = ctx.anchor
    if a is None:
        return Normalized("DATE", _MASKS.get(unit, "XXXX"))
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(q or "", 0)
    if unit == "year end":  # as "the end of the year": the year, its end
        return Normalized("DATE", f"{a.year:04d}", date(a.year, 12, 1), date(a.year, 12, 31), "END")
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
        return shift(a, step, "Q")
    if unit == "decade":
        return decade_value(a.year // 10 + step)
    if unit == "century":
        return century_value(a.year // 100 + step)
    if unit == "month":
        return shift(a, step, "M")
    return year_value(a.year + (-1 if q == "latest" else step))
