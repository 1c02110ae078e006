"""Time expressions: find them in a parsed article and resolve them onto the calendar.

:func:`extract_times` is a pure function ``Doc -> list[TimeExpr]``. Recognition is a set of
precompiled patterns over ``doc.text`` (dates, weekdays, deictics such as "last week", offsets
such as "two days later", durations, sets, clock times), backed up by spaCy's DATE and TIME
entities for forms the patterns miss. Each candidate is normalised by
:func:`normalize_time` (the rules in :data:`RULES`) against the publication date, with the tense
of the verb that governs it (:func:`governing_tense`) and, for "the next day" and the like, the
last calendar date resolved before it in the article (the discourse anchor).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from onrecord.extract import timex_rules as rules
from onrecord.extract.timex_rules import Context, Normalized, Rule
from onrecord.models import TimeExpr, TimeType

__all__ = ["Normalized", "extract_times", "governing_tense", "normalize_time"]

# --- recognition patterns ----------------------------------------------------------------

_MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))"
)
_WD_CORE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY = rf"(?:{_WD_CORE}\b|(?:Mon|Tues|Tue|Wed|Thurs|Thu|Fri)\.)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)\b"
_YEAR_WORDS = (
    r"(?:nineteen[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|hundred)|two\s+thousand"
    r"(?:\s+and)?(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)\b"
)
_NUMWORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand)"
)
_NUM = (
    rf"(?:\d+(?:\s+1/2|\.\d+)?|{_NUMWORD}(?:[- ](?:and[- ])?{_NUMWORD})*(?:[- ]and[- ]a[- ]half)?"
    r"|a\s+few|a\s+couple(?:\s+of)?|several|many|a\s+dozen|dozens\s+of|hundreds\s+of"
    r"|half\s+an?|an?|few|some)"
)
_UNIT_SG = r"(?:minute|hour|day|night|week|weekend|fortnight|month|year|decade|century)"
_UNIT_PL = (
    r"(?:seconds|minutes|hours|days|nights|weeks|weekends|months|years|decades|centuries"
    r"|quarters(?!\s+of\b))"
)
_UNIT = rf"(?:{_UNIT_PL}|{_UNIT_SG})\b"
_KIND = r"(?:(?:more|additional|full|straight|consecutive|trading|business|working)\s+)"
_MOD = (
    r"(?:(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than"
    r"|fewer\s+than|(?:just\s+|well\s+)?(?:over|under)(?!\s+the\b)|at\s+least|at\s+most"
    r"|up\s+to|no\s+more\s+than|no\s+less\s+than|barely)\s+)"
)
_POS = (
    r"(?:(?:(?:at\s+)?the\s+(?:very\s+)?(?:end|beginning|start|middle|close)\s+of\s+"
    r"|(?:early|late|mid)[\s-]+|(?:earlier|later)\s+(?:in\s+)?))"
)
_POD = r"(?:morning|afternoon|evening|night)"
_SEASON = r"(?:spring|summer|autumn|winter)"
_CLOCK = (
    r"(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.m\b\.?|[ap]m\b)|\d{1,2}:\d\d\b|noon\b|midnight\b|midday\b"
    r"|\d{1,2}\s+o'clock\b|\d{1,2}\s+in\s+the\s+(?:morning|afternoon|evening))"
    r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time)\b)?"
)
_MONTH_DAY = rf"(?:{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})(?:,?\s+{_YEAR})?"
_DATEISH = rf"(?:{_WEEKDAY}(?:,?\s+{_MONTH_DAY})?|{_MONTH_DAY}|today|tonight|yesterday|tomorrow)"
_REL = (
    r"(?:this|last|next|past|previous|coming|current|following|same|that|this\s+coming"
    r"|this\s+past|the\s+(?:past|last|next|previous|coming|current|following|same|latest"
    r"|preceding|prior))"
)

# Each pattern with the trigger classes (see _TRIGGERS) one of which every match contains:
# C clock, U unit, M month, W weekday, Y year, D today/yesterday, P part of day, S season,
# Q "Q3", X decade word, E "daily"..., R "now"/"recently"...
_HOLIDAY_WORDS = {"valentines": "valentine'?s", "mothers": "mother'?s", "fathers": "father'?s",
                  "presidents": "president'?s'?", "years": "year'?s", "veterans": "veterans'?",
                  "jr": r"jr\.?"}  # fmt: skip
_HOLIDAY = "(?:{})".format("|".join(
    r"\s+".join(_HOLIDAY_WORDS.get(word, word) for word in name.split()) + r"\b"
    for name in sorted(rules.HOLIDAYS, key=len, reverse=True)
))
_PATTERNS: list[tuple[str, str]] = [
    # clock times, optionally with their day: "5 p.m. EST, Nov. 9", "noon Thursday"
    ("C", rf"{_MOD}?{_CLOCK}(?:,?\s+(?:on\s+)?{_DATEISH})?"),
    # offsets from the anchor or the discourse reference: "two days later", "months ago"
    ("U", rf"{_MOD}?(?:{_NUM}[\s-]+)?(?:more\s+)?{_UNIT}(?:\s+or\s+so)?\s+(?:ago|earlier|later"
     r"|afterwards?|from\s+now|hence|(?:before|after)(?=\s*(?:[.,;:!?)]|$)))"),
    ("U", r"(?:the\s+)?(?:comparable\s+)?(?:year|quarter)[\s-](?:ago|earlier)(?:\s+(?:(?:first"
     r"|second|third|fourth)\s+)?(?:quarter|period))?"),
    # durations: "two weeks", "the past two months", "a three-year", "decades", "recent days"
    ("U", rf"{_MOD}?(?:the\s+)?(?:(?:past|last|next|first|final|coming|previous|following"
     rf"|remaining|additional|further|ensuing|recent|latest)\s+)?(?:{_NUM}(?:\s+(?:to|or)\s+"
     rf"{_NUM})?[\s-]+{_KIND}?{_UNIT}|{_KIND}?(?!quarters){_UNIT_PL}\b)"
     r"(?:\s+and\s+a\s+half\b)?"
     r"(?:[\s-]+long\b|\s+ahead\b)?(?![\s-]+old\b)"),
    # month and day: "Dec. 29", "Friday, Oct. 23, 1998", "the 29th of December"
    ("M", rf"(?:{_WEEKDAY},?\s+)?(?:the\s+(?=\d))?{_MONTH_DAY}"
     r"(?:,?\s+(?:this|last|next)\s+year)?"),
    ("Y", r"\d{4}-\d\d-\d\d\b|\b\d{1,2}/\d{1,2}/\d{4}\b"),
    # weekdays: "Monday", "last Friday", "early Tuesday", "Monday morning", "Tuesday nights"
    ("W", rf"{_POS}?(?:(?:last|next|this|this\s+coming|this\s+past|the\s+previous"
     rf"|the\s+following)\s+)?(?:{_WD_CORE}s?\b|{_WEEKDAY})(?:\s+(?:{_POD}s?\b|at\s+{_CLOCK}))?"),
    # months: "September", "early December", "last April", "December 2019"
    ("M", rf"{_POS}?(?:(?:last|next|this|this\s+past|past)\s+)?{_MONTH}(?:,?\s+(?:of\s+)?"
     rf"(?:{_YEAR}|{_YEAR_WORDS})|\s+(?:of\s+)?(?:this|last|next)\s+year)?"),
    # deictic units: "last week", "earlier this month", "the next day", "this morning"
    ("UPS", rf"{_POS}?{_REL}\s+(?:fiscal\s+)?(?:week(?:end)?|month|year|quarter|decade|century"
     rf"|day|{_POD}|{_SEASON}|fall)\b"),
    ("DPU", rf"{_POS}?(?:today|tonight|yesterday|tomorrow)(?:\s+{_POD})?\b|last\s+night\b"
     r"|the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)"
     r"|the\s+(?:day|night|week|month|year)\s+(?:before|after)(?=\s*[.,;:!?)])"),
    ("U", r"(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+the\s+(?:week|month|year|quarter)\b"
     r"|\b(?:year|month)[\s-]end\b|\byear's\s+end\b|the\s+weekend\b|the\s+fiscal\s+year\b"
     r"|(?:earlier|later)\s+in\s+the\s+(?:day|week|month|year)\b"),
    ("P", rf"{_POS}?{_POD}\s+(?:yesterday|today|tomorrow|{_WEEKDAY})|{_POS}{_POD}\b"),
    # quarters and halves: "the third quarter", "third-quarter", "Q3 2019", "fiscal 1989"
    ("UQ", rf"(?:the\s+)?(?:(?:{_YEAR}(?:'s)?|this\s+year's|last\s+year's|next\s+year's|fiscal"
     r"|latest|current|comparable)\s+)*(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
     rf"[\s-](?:fiscal[\s-])?(?:quarter\b|half\s+of\s+(?:{_YEAR}|this\s+year|last\s+year"
     rf"|next\s+year))(?:\s+of\s+(?:fiscal\s+)?(?:{_YEAR}|this\s+year|last\s+year|next\s+year))?"
     rf"|\bQ[1-4](?:\s+{_YEAR})?\b|(?:the|this|that)\s+(?:latest\s+|current\s+)?quarter\b"
     r"(?!\s+of)"),
    # seasons: "last summer", "the winter of 1994", "this fall"
    ("S", rf"{_POS}?(?:(?:this|last|next|this\s+past|that|the)\s+)?(?:early\s+|late\s+)?"
     rf"{_SEASON}\b(?:\s+(?:of\s+)?(?:{_YEAR}|{_YEAR_WORDS}))?|(?:this|last|next)\s+fall\b"
     rf"|fall\s+(?:of\s+)?{_YEAR}"),
    # decades and centuries: "the 1990s", "the '80s", "the nineties", "the 20th century"
    ("YX", rf"{_POS}?(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:1[0-9]\d0|20\d0)'?s\b|{_POS}?the"
     r"\s+(?:early\s+|late\s+|mid-?)?(?:'\d0s|(?:nineteen[\s-])?(?:twenties|thirties|forties"
     r"|fifties|sixties|seventies|eighties|nineties))\b"),
    ("U", rf"{_POS}?(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|first|second|third|fourth|fifth"
     r"|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
     r"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-]first)[\s-]century\b"),
    # years: "2007", "fiscal 1989", "the year 2000", "early 1990", "nineteen ninety-six"
    ("Y", rf"{_POS}?(?:(?:fiscal|calendar)\s+(?:year\s+)?|the\s+year\s+)?(?<![$\d.,/])(?<!\d-)"
     rf"{_YEAR}"
     r"(?!\s*(?:%|percent\b)|[.,]\d|-\d|')"),
    ("Y", rf"(?:the\s+year\s+)?{_YEAR_WORDS}"),
    # sets: "every Monday", "each year", "daily", "twice a week"
    ("UWMSE", rf"(?:every|each)\s+(?:other\s+)?(?:{_NUM}\s+)?(?:{_UNIT}|{_WD_CORE}|{_MONTH}"
     rf"|{_SEASON}|quarter)|(?:once|twice|\w+\s+times)\s+(?:a|an|per)\s+{_UNIT_SG}\b"
     r"|\b(?:daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly)\b"),
    # holidays: "Thanksgiving", "last Christmas", "Election Day", "Easter week"
    ("UHMW", rf"(?:(?:last|next|this)\s+)?{_HOLIDAY}(?:\s+week\b)?(?:,?\s+(?:of\s+)?{_YEAR})?"),
    # present / past / future references
    ("R", r"\b(?:now|right\s+now|currently|nowadays|recently|lately|current"
     r"|at\s+present|these\s+days|the\s+(?:near\s+|distant\s+|foreseeable\s+)?future"
     r"|the\s+(?:near|short)\s+term|a\s+later\s+date|future(?=\s+[a-z]+s\b)"
     r"|the\s+(?:recent\s+)?past(?!\s+(?:\d|few|several|two|three|four|five|six|ten)))\b"),
]
_RECOGNIZERS = [
    (classes, re.compile(rf"(?<![\w'-]){p}", re.IGNORECASE)) for classes, p in _PATTERNS
]

_TRIM_LEAD = {"on", "in", "at", "by", "since", "until", "till", "during", "from", "of", "for",
              "within", "through", "throughout", "to", "into", "as", "a", "an", "this", "that",
              "these", "those", "its", "his", "her", "their", "our", "my", "your", "'s", "and",
              "or", "than", "ago"}  # fmt: skip
_MONTH_ONLY = re.compile(rf"{_MONTH}", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"\d{4}")
_BARE_CLOCK = re.compile(rf"{_MOD}?{_CLOCK}|(?:the\s+|this\s+|that\s+)?{_POD}", re.IGNORECASE)
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_BLOCKING_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "NORP", "LAW", "LOC"}
_NUMERIC_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
_TYPES: dict[str, TimeType] = {"DATE": "DATE", "TIME": "TIME", "DURATION": "DURATION", "SET": "SET"}


def _trigger_table() -> dict[str, str]:
    groups = {
        "M": "january february march april may june july august september october november "
        "december jan feb mar apr jun jul aug sept sep oct nov dec",
        "W": "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays "
        "wednesdays thursdays fridays saturdays sundays mon tues tue wed thurs thu fri",
        "U": "seconds minute minutes hour hours day days night nights week weeks weekend "
        "weekends fortnight month months quarter quarters year years decade decades century "
        "centuries",
        "D": "today tonight yesterday tomorrow",
        "P": "morning afternoon evening night overnight",
        "S": "spring summer autumn fall winter",
        "C": "noon midnight midday",
        "Y": "nineteen thousand",
        "X": "twenties thirties forties fifties sixties seventies eighties nineties",
        "Q": "q1 q2 q3 q4",
        "E": "daily weekly monthly yearly annually hourly nightly quarterly",
        "R": "now currently nowadays recently lately current recent future present past term "
        "date these",
        "H": "christmas thanksgiving easter halloween",
    }
    table: dict[str, str] = {}
    for cls, words in groups.items():
        for word in words.split():
            table[word] = table.get(word, "") + cls
    return table


# Every time expression contains a trigger word; each pattern runs only near its triggers.
_TRIGGERS = _trigger_table()
_WORD = re.compile(r"[A-Za-z]+\d?|\d+")
_CLOCKISH = re.compile(r"\s*(?::\d\d|[ap]\.?m\b|o'clock|\s+in\s+the)", re.IGNORECASE)
_BEFORE, _AFTER = 45, 35  # characters a pattern may reach before / after its trigger word


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger class, the merged stretches of ``text`` around its trigger words."""
    spans: dict[str, list[list[int]]] = {}
    n = len(text)
    for m in _WORD.finditer(text):
        word, s = m.group(), m.start()
        if word[0].isdigit():
            if len(word) == 4 and word[0] in "12":
                classes = "Y"
            elif _CLOCKISH.match(text, m.end()):
                classes = "C"
            elif s and text[s - 1] == "'":
                classes = "X"
            else:
                continue
        else:
            classes = _TRIGGERS.get(word.lower(), "")
            if not classes:
                continue
        a, b = max(0, s - _BEFORE), min(n, m.end() + _AFTER)
        while b < n and text[b].isalnum():
            b += 1
        for cls in classes:
            windows = spans.setdefault(cls, [])
            if windows and a <= windows[-1][1]:
                windows[-1][1] = b
            else:
                windows.append([a, b])
    return {cls: [(a, b) for a, b in w] for cls, w in spans.items()}


def find_candidates(text: str) -> list[tuple[int, int]]:
    """Character spans of time-expression candidates: longest first, no overlaps, in order."""
    found: list[tuple[int, int]] = []
    windows = _windows(text)
    for classes, rx in _RECOGNIZERS:
        spans = sorted(w for cls in classes for w in windows.get(cls, ()))
        for a, b in _merge(spans):
            for m in rx.finditer(text, a, b):
                start, end = m.span()
                while end > start and text[end - 1] in " ,\n\t-":
                    end -= 1
                if _LEADING_THE.match(text, start, end):
                    start += 4  # "the" of "the third-quarter loss" belongs to "loss"
                if end > start:
                    found.append((start, end))
    return _select(found)


# "the" + an adjectival compound ("the two-week truce") or a bare plural ("the weeks").
_LEADING_THE = re.compile(
    r"the\s(?:[^\s]+-(?:quarter|year|month|week|day|hour|minute|ago|earlier)"
    r"|minutes|hours|days|weeks|months|years|decades)$",
    re.IGNORECASE,
)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _select(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    chosen: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda x: (x[0] - x[1], x[0])):
        if all(e <= cs or s >= ce for cs, ce in chosen):
            chosen.append((s, e))
    return sorted(chosen)


# --- normalisation front end: clean the text, peel modifiers, dispatch to the rules ------

REF_WORDS = rules.invert(
    {
        "PRESENT_REF": "now|right now|just now|currently|current|presently|at present|nowadays"
        "|these days|the present|at the moment|for now",
        "PAST_REF": "recently|lately|previously|formerly|recent|the past|in the past"
        "|the recent past|more recently|most recently|until recently|earlier|once",
        "FUTURE_REF": "soon|the future|future|the near future|the distant future|later"
        "|the foreseeable future|shortly|as soon as possible|the near term|the short term"
        "|the long term|a later date|the years ahead",
    }
)
_MOD_PREFIX = rules.invert(
    {
        "APPROX": "about|around|approximately|roughly|some|an estimated|circa",
        "LESS_THAN": "nearly|almost|less than|fewer than|under|just under|barely|not quite",
        "EQUAL_OR_LESS": "up to|no more than|at most",
        "MORE_THAN": "more than|over|just over|well over|upwards of",
        "EQUAL_OR_MORE": "at least|no less than",
        "": "only|just",
    }
)
_MOD_SUFFIX = rules.invert(
    {"APPROX": "or so", "EQUAL_OR_MORE": "or more", "EQUAL_OR_LESS": "or less",
     "ON_OR_AFTER": "or later|and beyond", "ON_OR_BEFORE": "or earlier"}  # fmt: skip
)
_POS_PREFIX = rules.invert(
    {
        "START": "early|earlier|the beginning of|the start of|beginning of|start of"
        "|the first part of|the dawn of|the early",
        "MID": "mid|middle of|the middle of|the mid",
        "END": "late|later|the end of|end of|the close of|the latter part of|the last part of"
        "|the turn of|the rest of|the remainder of|the late",
    }
)
_PREPOSITIONS = (
    "on in at by since until till during from of within throughout through for to into "
    "before after"
).split()
_WS = re.compile(r"\s+")
_DOTS = re.compile(r"(?<!\d)\.|\.(?!\d)")
_HYPHEN = re.compile(r"(?<=[a-z0-9'])-(?=[a-z])|(?<=[a-z])-(?=[0-9'])")
_EDGE = " ,;:!?\"()[]{}*"


def clean(text: str) -> str:
    """Lower-case, drop periods (``p.m.`` -> ``pm``) and word hyphens, collapse spaces."""
    s = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    s = _WS.sub(" ", _HYPHEN.sub(" ", _DOTS.sub("", s))).strip(_EDGE)
    s = s.replace("year's end", "year end")
    return s[:-2] if s.endswith("'s") else s


def _peel(
    s: str, table: dict[str, str], keys: list[str], suffix: bool = False
) -> tuple[str | None, str]:
    for key in keys:
        if suffix and s.endswith(" " + key):
            return table[key] or None, s[: -len(key) - 1].strip()
        if not suffix and s.startswith(key + " "):
            return table[key] or None, s[len(key) + 1 :].strip()
    return None, s


def _by_length(table: dict[str, str]) -> list[str]:
    return sorted(table, key=len, reverse=True)


_MOD_KEYS, _SUFFIX_KEYS, _POS_KEYS = map(_by_length, (_MOD_PREFIX, _MOD_SUFFIX, _POS_PREFIX))


def _strip_preposition(s: str) -> str:
    head, _, rest = s.partition(" ")
    return rest if rest and head in _PREPOSITIONS else s


def narrow(n: Normalized, mod: str | None) -> Normalized:
    """A position mod (START / MID / END) narrows the range to its first, middle or last third."""
    if mod not in ("START", "MID", "END") or n.start is None or n.end is None:
        return n
    third = ((n.end - n.start).days + 1) // 3
    if third < 1:
        return n
    if mod == "START":
        return replace(n, end=n.start + timedelta(days=third - 1))
    if mod == "END":
        return replace(n, start=n.end - timedelta(days=third - 1))
    return replace(n, start=n.start + timedelta(days=third), end=n.end - timedelta(days=third))


_THE_UNIT = re.compile(r"(?:in )?the (day|week|month|year|quarter|decade|century)")


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
        return _normalize(text, Context(anchor, tense, reference, RULES))
    except (ValueError, OverflowError, KeyError, IndexError, TypeError):
        return None


def _normalize(text: str, ctx: Context) -> Normalized | None:
    s = clean(text)
    if not s or len(s) > 80:
        return None
    if s in REF_WORDS:
        return Normalized("DATE", REF_WORDS[s])
    mod, s = _peel(s, _MOD_PREFIX, _MOD_KEYS)
    s = _strip_preposition(s)
    mod2, s = _peel(s, _MOD_PREFIX, _MOD_KEYS)
    smod, s = _peel(s, _MOD_SUFFIX, _SUFFIX_KEYS, suffix=True)
    mod = smod or mod or mod2
    pos, rest = _peel(s, _POS_PREFIX, _POS_KEYS)
    if pos is not None and rest not in ("", "the"):
        unit = _THE_UNIT.fullmatch(rest)
        s = ("today" if unit[1] == "day" else f"this {unit[1]}") if unit else rest
        mod = mod or pos
    if s in REF_WORDS:
        return Normalized("DATE", REF_WORDS[s], mod=mod)
    result = rules.dispatch(s, ctx)
    if result is None:
        return None
    if result.type == "DATE" and "T" in result.value and not result.value.endswith("_REF"):
        result = replace(result, type="TIME")
    return narrow(replace(result, mod=mod or result.mod), mod)


# --- the rules for durations and sets, and the order of all rules ----------------------

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


_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
              "annually": "P1Y", "hourly": "PT1H", "nightly": "P1D", "quarterly": "P1Q",
              "biweekly": "P2W", "semiannually": "P6M", "fortnightly": "P2W"}  # fmt: skip
_SET = re.compile(
    rf"(?:every|each|per|(?:once|twice|(?:{rules.NUMBER_RE}) times) (?:a|an|per|every))"
    r" (?P<other>other )?"
    r"(?:(?P<n>[\w.]+) )?(?P<what>[a-z]+)(?: (?P<pod>morning|afternoon|evening|night)s?)?"
)
_WD_PLURAL = re.compile(
    rf"(?:on )?{rules.WEEKDAY_RE}(?:s(?: (?P<pod>morning|afternoon|evening|night)s?)?"
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
    if what in rules.WEEKDAYS:
        part = f"T{rules.PARTS_OF_DAY[pod]}" if pod else ""
        return Normalized("SET", f"XXXX-WXX-{rules.WEEKDAYS[what] + 1}{part}")
    if not match:
        return None
    if what in rules.MONTHS or what in rules.SEASONS:
        period = f"{rules.MONTHS[what]:02d}" if what in rules.MONTHS else rules.SEASONS[what]
        return Normalized("SET", f"XXXX-{period}")
    unit = rules.unit_code(what)
    n = rules.parse_number(match["n"]) if match["n"] else 1.0
    n = (n or 1) * 2 if match["other"] else n
    if unit == "Q":
        return Normalized("SET", "PXQ" if n is None else f"P{n:g}Q")
    return Normalized("SET", duration_value(n, unit)) if unit else None



_DURATION = re.compile(
    r"(?:the )?(?:(?P<q>past|last|next|first|final|coming|previous|following|remaining|latest"
    r"|additional|further|ensuing|intervening|succeeding|preceding|another|an additional|recent"
    rf"|early|initial) )?(?:{rules.NUMBER_RE} )?(?:(?:more|additional|full|straight|consecutive"
    rf"|long|trading|business|working|calendar|whole|entire) )?{rules.UNIT_RE}"
    r"(?P<half> and a half)?(?: (?P<tail>long|ahead|old|or two))?"
)


def rule_duration(s: str, ctx: Context) -> Normalized | None:
    """``two weeks``, ``months``, ``decades``, ``the past two years``, ``a three year``."""
    match = _DURATION.fullmatch(s)
    if not match or match["tail"] == "old":
        return None  # "a 37-year-old" is an age
    word, q, num = match["unit"], match["q"], match["num"]
    unit = rules.unit_code(word)
    plural = word.endswith("s") or word == "millennia"
    if unit is None or (plural and not num and word == "nights"):
        return None
    if q in ("recent", "past") and plural and not num:
        return Normalized("DATE", "PAST_REF")
    if num:
        n = rules.parse_number(num)
    elif plural:
        n = None
    elif q or match["tail"] == "ahead":
        n = 1.0
    else:
        return None  # a bare singular unit ("day") is not a duration
    if match["half"] and n is not None:
        n += 0.5
    return Normalized("DURATION", "P2D" if unit == "WE" and n == 1 else duration_value(n, unit))



RULES: list[Rule] = [  # the normaliser: the first rule that matches decides
    rules.rule_deictic_day, rule_set, rules.rule_offset, rules.rule_anaphor,
    rules.rule_month_day, rules.rule_weekday, rules.rule_month, rules.rule_holiday,
    rules.rule_quarter, rules.rule_unit_deictic, rules.rule_season, rules.rule_decade_century,
    rules.rule_year, rule_duration, rules.rule_part_of_day, rules.rule_clock,
]  # fmt: skip


# --- tense of the governing verb ---------------------------------------------------------

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d", "must", "can", "could", "may", "might",
               "should", "ca"}  # fmt: skip
_FUTURE_HEADS = {"plan", "expect", "schedule", "intend", "hope", "want", "aim", "set", "prepare",
                 "vow", "promise", "threaten", "seek", "due", "going", "agree", "try", "decide",
                 "propose", "pledge", "likely", "ask", "order", "urge", "call"}  # fmt: skip
_FUTURE_WORDS = {"payable", "effective", "due", "deadline", "scheduled", "slated", "expire",
                 "expires", "upcoming", "until", "through", "till", "next"}  # fmt: skip
_REPORTING = {"say", "tell", "add", "note", "report", "announce", "state", "confirm"}
_PAST_AUX = {"had", "has", "have", "did", "was", "were", "'ve", "been"}


def governing_tense(doc: Doc, start: int, end: int) -> str | None:
    """"past", "present" or "future" for the verb governing ``doc.text[start:end]``, else None.

    Future for "will"/"would"/"going to" and other modals, for infinitives under verbs such
    as "plan" or "expect", and for spans hanging on "payable", "effective", "due", "until";
    past for VBD, perfects and past passives; present otherwise. ``None`` when no verb
    governs the span (a headline, a dateline).
    """
    return _governor(doc, start, end)[1]


def _governor(doc: Doc, start: int, end: int) -> tuple[Token | None, str | None]:
    """The verb governing a span and its tense (a future-marking word on the way wins)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, None
    tok: Token = span.root
    for _ in range(8):
        if tok.i < span.start or tok.i >= span.end:
            if tok.pos_ in ("VERB", "AUX"):
                return tok, _tense_of(tok)
            if tok.lower_ in _FUTURE_WORDS:
                return None, "future"
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None, None


def _tense_of(verb: Token, depth: int = 0) -> str:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if verb.tag_ == "VBN" and words & {"have", "'ve"} and words & _FUTURE_AUX:
        return "past"  # "may have met", "would have been"
    if words & _FUTURE_AUX or verb.lower_ in _FUTURE_AUX:
        return "future"
    going_to = verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)
    if "going" in words or going_to:
        return "future"
    if verb.lemma_ in _FUTURE_HEADS and verb.tag_ == "VBN" and not words & _PAST_AUX:
        return "future"  # "is scheduled", "is expected"
    if verb.tag_ == "VBD" or words & _PAST_AUX or any(c.tag_ == "VBD" for c in aux):
        return "past"
    if "to" in words and depth < 3 and verb.head.i != verb.i:
        head_aux = {c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")}
        if verb.head.lemma_.lower() in _FUTURE_HEADS and "had" not in head_aux:
            return "future"
        return _tense_of(verb.head, depth + 1)
    if verb.tag_ == "VBN":
        return "present" if words else "past"
    return "present"


# --- extraction --------------------------------------------------------------------------


def _trim(ent: Span) -> tuple[int, int] | None:
    """A spaCy entity without leading prepositions / determiners ("the" stays) or punctuation."""
    toks = list(ent)
    while toks and (toks[0].lower_ in _TRIM_LEAD or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in (".",):
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


_SET_ADJ = re.compile(r"daily|weekly|monthly|yearly|quarterly|nightly|hourly", re.IGNORECASE)
_PER_UNIT = re.compile(rf"an?\s+{_UNIT_SG}", re.IGNORECASE)
_ADJ_REF = re.compile(r"current|future", re.IGNORECASE)
_COARSE_UNIT = re.compile(r"\b(?:month|year|quarter|decade|century)", re.IGNORECASE)
_YEAR_BACK = re.compile(r"\byear[\s-](?:ago|earlier)\b", re.IGNORECASE)
_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")


def _plausible(doc: Doc, start: int, end: int, text: str) -> bool:
    """Reject pattern hits that are not time expressions in context.

    "May" the modal, "march" the noun, "April" the name, "quarterly" the adjective
    ("quarterly dividend"), "current" as in "current account".
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    first = span[0]
    if all(t.ent_type_ in _BLOCKING_ENTS for t in span):
        return False
    for m in _MONTH_ONLY.finditer(text):
        if not text[m.start()].isupper():
            return False
        if m.group() == text and first.tag_.startswith(("MD", "VB")):
            return False
    if _YEAR_ONLY.fullmatch(text):
        return first.ent_type_ not in _NUMERIC_ENTS
    if _SET_ADJ.fullmatch(text):
        return first.tag_ != "NNP" and not (first.dep_ == "amod" and text.lower() == "quarterly")
    if _ADJ_REF.fullmatch(text):
        return first.dep_ == "amod" and first.head.lower_ not in ("account", "accounts", "events")
    return True


def extract_times(doc: Doc, published: date | None) -> list[TimeExpr]:
    """Every time expression in ``doc``, normalised against ``published``, sorted by start.

    Relative expressions ("two days later", "the next day") count from the last calendar
    date resolved before them in the article (for "a year later", "the following month" the
    last date of any granularity); a bare clock time takes the date mentioned earlier in its
    sentence, else the publication date. With ``published=None`` what needs the anchor gets
    an ``X``-placeholder value and no date range.
    """
    text = doc.text
    spans = [se for se in find_candidates(text) if _plausible(doc, *se, text[se[0] : se[1]])]
    taken = list(spans)
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            trimmed = _trim(ent)
            if trimmed and all(trimmed[1] <= s or trimmed[0] >= e for s, e in taken):
                expr = text[trimmed[0] : trimmed[1]]
                if not _BARE_CLOCK.fullmatch(expr) and _plausible(doc, *trimmed, expr):
                    taken.append(trimmed)
    out: list[TimeExpr] = []
    last_day: tuple[date, int] | None = None  # the last day-level value and where it was
    last_any: Normalized | None = None  # the last calendar value of any granularity
    for start, end in sorted(taken):
        expr = text[start:end]
        reference = last_day[0] if last_day else None
        if _BARE_CLOCK.fullmatch(expr):  # "3 p.m.": the day of its sentence, else publication
            same = last_day is not None and _same_sentence(doc, last_day[1], start)
            reference = reference if same else None
        elif last_any is not None and last_any.start and _COARSE_UNIT.search(expr):
            reference = last_any.start
        verb, tense = _governor(doc, start, end)
        norm = normalize_time(expr, published, tense=tense, reference=reference)
        if norm is None:
            continue
        norm = _same_quarter_last_year(expr, norm, last_any)
        if _PER_UNIT.fullmatch(expr) and _after_quantity(doc, start):
            norm = Normalized("SET", norm.value)  # "$5 million a year" is a rate
        if norm.start is not None:
            last_any = norm
            if _DAY_VALUE.match(norm.value) and not (verb and verb.lemma_ in _REPORTING):
                last_day = (norm.start, start)  # "officials said Monday" dates no narrative
        out.append(_record(expr, start, end, norm))
    return out


def _after_quantity(doc: Doc, start: int) -> bool:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    prev = doc[span.start - 1] if span is not None and span.start > 0 else None
    return prev is not None and (prev.like_num or prev.tag_ in ("CD", "NNS", "$"))


def _same_sentence(doc: Doc, before: int, at: int) -> bool:
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not doc.has_annotation("SENT_START"):
        return False
    return span.sent.start_char <= before


def _same_quarter_last_year(expr: str, norm: Normalized, last: Normalized | None) -> Normalized:
    """In earnings news "a year earlier" after "the third quarter" is that quarter a year back."""
    if last is None or not _YEAR_BACK.search(expr) or not re.fullmatch(r"\d{4}", norm.value):
        return norm
    q = _QUARTER_VALUE.fullmatch(last.value)
    if not q:
        return norm
    return replace(rules.quarter_value(int(norm.value), int(q[2])), mod=norm.mod)


def _record(expr: str, start: int, end: int, norm: Normalized) -> TimeExpr:
    return TimeExpr(
        id=f"t{start}",
        text=expr,
        span=(start, end),
        type=_TYPES[norm.type],
        value=norm.value,
        start=norm.start.isoformat() if norm.start else None,
        end=norm.end.isoformat() if norm.end else None,
        mod=norm.mod,
    )
