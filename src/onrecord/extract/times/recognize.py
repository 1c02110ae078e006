"""Recognition of time expressions: candidate character spans in an article's text.

:func:`find_candidates` runs a set of precompiled patterns over the text (dates, weekdays,
deictics such as "last week", offsets such as "two days later", durations, sets, clock times,
holidays), each only in the stretches around its trigger words; :func:`plausible` rejects hits
that are not time expressions in context ("May" the modal) and :func:`trim_entity` cuts a spaCy
DATE / TIME entity down to the expression, for the forms the patterns miss.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from onrecord.extract.times.calendar import HOLIDAYS

__all__ = ["BARE_CLOCK", "PER_UNIT", "find_candidates", "plausible", "trim_entity"]

# --- recognition patterns ----------------------------------------------------------------

_MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b(?!-\w)))"
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
    r"|a\s+few|(?:a\s+)?couple(?:\s+of)?|several|many|a\s+dozen|dozens\s+of|hundreds\s+of"
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
    for name in sorted(HOLIDAYS, key=len, reverse=True)
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
    ("M", rf"the\s+week\s+of\s+{_MONTH_DAY}"),
    ("Y", r"\d{4}-\d\d-\d\d\b|\b\d{1,2}/\d{1,2}/\d{4}\b"),
    # weekdays: "Monday", "last Friday", "early Tuesday", "Monday morning", "Tuesday nights"
    ("W", rf"{_POS}?(?:(?:last|next|this|this\s+coming|this\s+past|the\s+previous"
     rf"|the\s+following)\s+)?(?:{_WD_CORE}s?\b|{_WEEKDAY})(?:\s+(?:{_POD}s?\b|at\s+{_CLOCK}))?"),
    # months: "September", "early December", "last April", "December 2019"
    ("M", rf"{_POS}?(?:(?:last|next|this|this\s+past|past)\s+)?{_MONTH}(?:,?\s+(?:of\s+)?"
     rf"(?:{_YEAR}|{_YEAR_WORDS})|\s+(?:of\s+)?(?:this|last|next)\s+year)?"),
    # deictic units: "last week", "earlier this month", "the next day", "this morning"
    ("UPS", rf"{_POS}?{_REL}\s+(?:fiscal\s+)?(?:week(?:end)?|month|year|quarter|decade|century"
     rf"|day|{_POD}|{_SEASON}|fall)\b(?:\s+or\s+so\b)?"),
    ("DPU", rf"{_POS}?(?:today|tonight|yesterday|tomorrow)(?:\s+{_POD})?\b|last\s+night\b"
     r"|the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)"
     r"|the\s+(?:day|night|week|month|year)\s+(?:before|after)(?=\s*[.,;:!?)])"),
    ("U", r"(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+the\s+(?:week|month|year|quarter)\b"
     r"|\b(?:year|month)[\s-]end\b|\byear's\s+end\b|the\s+weekend\b|the\s+fiscal\s+year\b"
     r"|(?:earlier|later)\s+in\s+the\s+(?:day|week|month|year)\b"),
    # the period a business story reports on: "for the year", "in the latest period"
    ("U", rf"the\s+(?:full\s+)?(?:week|month|year)\b(?![-']|\s+(?:of\s+(?:{_MONTH}|\d)|\d|ago"
     r"|before|after|earlier|later|to\b))|the\s+latest\s+period\b"),
    ("P", rf"{_POS}?{_POD}\s+(?:yesterday|today|tomorrow|{_WEEKDAY})|{_POS}{_POD}\b"),
    # quarters and halves: "the third quarter", "third-quarter", "Q3 2019", "fiscal 1989"
    ("UQ", rf"(?:the\s+)?(?:(?:{_YEAR}(?:'s)?|this\s+year's|last\s+year's|next\s+year's|fiscal"
     r"|latest|current|comparable)\s+)*(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
     rf"[\s-](?:fiscal[\s-])?(?:quarter\b|half\s+of\s+(?:{_YEAR}|this\s+year|last\s+year"
     rf"|next\s+year))(?:\s+of\s+(?:fiscal\s+)?(?:{_YEAR}|this\s+year|last\s+year|next\s+year))?"
     rf"|\bQ[1-4](?:\s+{_YEAR})?\b|(?:the|this|that)\s+(?:latest\s+|current\s+)?quarter\b"
     rf"(?!\s+of)|the\s+{_YEAR}\s+(?:period|quarter)\b"),
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
     r"|as\s+soon\s+as\s+possible|(?<!as\s)soon(?!\s+(?:after|afterwards?|thereafter|as|before)\b)"
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
BARE_CLOCK = re.compile(rf"{_MOD}?{_CLOCK}|(?:the\s+|this\s+|that\s+)?{_POD}", re.IGNORECASE)
_BLOCKING_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "NORP", "LAW", "LOC"}
_NUMERIC_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
PER_UNIT = re.compile(rf"an?\s+{_UNIT_SG}", re.IGNORECASE)


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
        "Q": "q1 q2 q3 q4 half period",
        "E": "daily weekly monthly yearly annually hourly nightly quarterly",
        "R": "now currently nowadays recently lately current recent future present past term soon "
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


# --- filters ----------------------------------------------------------------------------


def trim_entity(ent: Span) -> tuple[int, int] | None:
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
_ADJ_REF = re.compile(r"current|future", re.IGNORECASE)


def plausible(doc: Doc, start: int, end: int, text: str) -> bool:
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
    after = doc[span.end] if span.end < len(doc) else None
    if text.lower() == "now" and first.is_sent_start and after is not None and after.text == ",":
        return False  # "Now, the question is ...": a discourse marker
    if _ADJ_REF.fullmatch(text):
        return first.dep_ == "amod" and first.head.lower_ not in ("account", "accounts", "events")
    return True
