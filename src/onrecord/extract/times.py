"""Time expressions: find them in a parsed article and resolve them onto the calendar.

:func:`extract_times` is a pure function ``Doc -> list[TimeExpr]``. Recognition is a set of
precompiled patterns over ``doc.text`` (dates, weekdays, deictics such as "last week", offsets
such as "two days later", durations, sets, clock times), backed up by spaCy's DATE and TIME
entities for forms the patterns miss. Each candidate is normalised by
:func:`onrecord.extract.timex_rules.normalize_time` against the publication date, with the tense
of the verb that governs it (:func:`governing_tense`) and, for "the next day" and the like, the
last calendar date resolved before it in the article (the discourse anchor).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from spacy.tokens import Doc, Span, Token

from onrecord.extract.timex_rules import Normalized, normalize_time
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
_NUMWORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand)"
)
_NUM = (
    rf"(?:\d+(?:\.\d+)?|{_NUMWORD}(?:[- ](?:and[- ])?{_NUMWORD})*(?:[- ]and[- ]a[- ]half)?"
    r"|a\s+few|a\s+couple(?:\s+of)?|several|many|a\s+dozen|dozens\s+of|hundreds\s+of"
    r"|half\s+an?|an?|few|some)"
)
_UNIT_SG = r"(?:minute|hour|day|night|week|weekend|fortnight|month|year|decade|century)"
_UNIT_PL = r"(?:seconds|minutes|hours|days|nights|weeks|weekends|months|years|decades|centuries)"
_UNIT = rf"(?:{_UNIT_PL}|{_UNIT_SG})\b"
_MOD = (
    r"(?:(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than"
    r"|fewer\s+than|over|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than"
    r"|just\s+over|just\s+under|well\s+over|barely|only|just)\s+)"
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

_PATTERNS = [
    # clock times, optionally with their day: "5 p.m. EST, Nov. 9", "noon Thursday"
    rf"{_MOD}?{_CLOCK}(?:,?\s+(?:on\s+)?{_DATEISH})?",
    # offsets from the anchor or the discourse reference: "two days later", "months ago"
    rf"{_MOD}?(?:{_NUM}[\s-]+)?(?:more\s+)?{_UNIT}(?:\s+or\s+so)?\s+(?:ago|earlier|later"
    r"|afterwards?|from\s+now|hence|(?:before|after)(?=\s*(?:[.,;:!?)]|$)))",
    r"(?:the\s+)?(?:comparable\s+)?(?:year|quarter)[\s-](?:ago|earlier)(?:\s+(?:(?:first|second"
    r"|third|fourth)\s+)?(?:quarter|period))?",
    # durations: "two weeks", "the past two months", "a three-year", "decades", "recent days"
    rf"{_MOD}?(?:the\s+)?(?:(?:past|last|next|first|final|coming|previous|following|remaining"
    rf"|additional|further|ensuing|recent|latest)\s+)?(?:{_NUM}[\s-]+)?(?:(?:more|additional|full"
    rf"|straight|consecutive|trading|business|working)\s+)?{_UNIT}(?:[\s-]+long\b|\s+ahead\b)?"
    r"(?![\s-]+old\b)",
    # month and day: "Dec. 29", "Friday, Oct. 23, 1998", "the 29th of December"
    rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_MONTH_DAY}(?:,?\s+(?:this|last|next)\s+year)?",
    rf"\d{{4}}-\d\d-\d\d\b|\b\d{{1,2}}/\d{{1,2}}/\d{{4}}\b",
    # weekdays: "Monday", "last Friday", "early Tuesday", "Monday morning", "Tuesday nights"
    rf"{_POS}?(?:(?:last|next|this|this\s+coming|this\s+past|the\s+previous|the\s+following)\s+)?"
    rf"(?:{_WD_CORE}s?\b|{_WEEKDAY})(?:\s+(?:{_POD}s?\b|at\s+{_CLOCK}))?",
    # months: "September", "early December", "last April", "December 2019"
    rf"{_POS}?(?:(?:last|next|this|this\s+past|past)\s+)?{_MONTH}(?:,?\s+(?:of\s+)?{_YEAR}"
    r"|\s+(?:of\s+)?(?:this|last|next)\s+year)?",
    # deictic units: "last week", "earlier this month", "the next day", "this morning"
    rf"{_POS}?{_REL}\s+(?:fiscal\s+)?(?:week(?:end)?|month|year|quarter|decade|century|day|{_POD}"
    rf"|{_SEASON}|fall)\b",
    rf"{_POS}?(?:today|tonight|yesterday|tomorrow)(?:\s+{_POD})?\b|last\s+night\b"
    r"|the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)"
    r"|the\s+(?:day|night|week|month|year)\s+(?:before|after)(?=\s*[.,;:!?)])",
    r"(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+the\s+(?:week|month|year|quarter)\b"
    r"|\b(?:year|month)[\s-]end\b|the\s+weekend\b",
    # quarters and halves: "the third quarter", "third-quarter", "Q3 2019", "fiscal 1989"
    rf"(?:the\s+)?(?:(?:{_YEAR}(?:'s)?|this\s+year's|last\s+year's|next\s+year's|fiscal|latest"
    r"|current|comparable)\s+)*(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]"
    rf"(?:fiscal[\s-])?(?:quarter\b|half\s+of\s+(?:{_YEAR}|this\s+year|last\s+year|next\s+year))"
    rf"(?:\s+of\s+(?:fiscal\s+)?(?:{_YEAR}|this\s+year|last\s+year|next\s+year))?"
    rf"|\bQ[1-4](?:\s+{_YEAR})?\b|(?:the|this|that)\s+(?:latest\s+|current\s+)?quarter\b(?!\s+of)",
    # seasons: "last summer", "the winter of 1994", "this fall"
    rf"{_POS}?(?:(?:this|last|next|this\s+past|that|the)\s+)?(?:early\s+|late\s+)?{_SEASON}\b"
    rf"(?:\s+(?:of\s+)?{_YEAR})?|(?:this|last|next)\s+fall\b|fall\s+(?:of\s+)?{_YEAR}",
    # decades and centuries: "the 1990s", "the '80s", "the nineties", "the 20th century"
    rf"{_POS}?(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:1[0-9]\d0|20\d0)'?s\b|{_POS}?the\s+"
    r"(?:early\s+|late\s+|mid-?)?(?:'\d0s|(?:nineteen[\s-])?(?:twenties|thirties|forties|fifties"
    r"|sixties|seventies|eighties|nineties))\b",
    rf"{_POS}?(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
    r"|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-]first)[\s-]century\b",
    # years: "2007", "fiscal 1989", "the year 2000", "early 1990"
    rf"{_POS}?(?:(?:fiscal|calendar)\s+(?:year\s+)?|the\s+year\s+)?(?<![$\d.,/-]){_YEAR}"
    r"(?!\s*(?:%|percent\b)|[.,]\d|-\d|')",
    # sets: "every Monday", "each year", "daily", "twice a week"
    rf"(?:every|each)\s+(?:other\s+)?(?:{_NUM}\s+)?(?:{_UNIT}|{_WD_CORE}|{_MONTH}|{_SEASON}|quarter)"
    rf"|(?:once|twice|\w+\s+times)\s+(?:a|an|per)\s+{_UNIT_SG}\b"
    r"|\b(?:daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly)\b",
    # present / past / future references
    r"\b(?:now|right\s+now|currently|nowadays|recently|lately|previously|formerly|soon"
    r"|at\s+present|these\s+days|the\s+(?:near\s+|distant\s+|foreseeable\s+)?future"
    r"|the\s+(?:recent\s+)?past(?!\s+(?:\d|few|several|two|three|four|five|six|ten)))\b",
]
_RECOGNIZERS = [re.compile(rf"(?<![\w'-]){p}", re.IGNORECASE) for p in _PATTERNS]

_TRIM_LEAD = {"on", "in", "at", "by", "since", "until", "till", "during", "from", "of", "for",
              "within", "through", "throughout", "to", "into", "as", "a", "an", "this", "that",
              "these", "those", "its", "his", "her", "their", "our", "my", "your", "'s", "and",
              "or", "than", "ago"}  # fmt: skip
_MONTH_ONLY = re.compile(rf"{_MONTH}", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"\d{4}")
_BARE_CLOCK = re.compile(rf"{_MOD}?{_CLOCK}|(?:the\s+)?{_POD}", re.IGNORECASE)
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_BLOCKING_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "NORP", "LAW", "LOC"}
_NUMERIC_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
_TYPES: dict[str, TimeType] = {"DATE": "DATE", "TIME": "TIME", "DURATION": "DURATION", "SET": "SET"}


def find_candidates(text: str) -> list[tuple[int, int]]:
    """Character spans of time-expression candidates: longest first, no overlaps, in order."""
    found: list[tuple[int, int]] = []
    for rx in _RECOGNIZERS:
        for m in rx.finditer(text):
            start, end = m.span()
            while end > start and text[end - 1] in " ,\n\t-":
                end -= 1
            if end > start:
                found.append((start, end))
    return _select(found)


def _select(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    chosen: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda x: (x[0] - x[1], x[0])):
        if all(e <= cs or s >= ce for cs, ce in chosen):
            chosen.append((s, e))
    return sorted(chosen)


# --- tense of the governing verb ---------------------------------------------------------

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d", "must", "can", "could", "may", "might",
               "should", "ca"}  # fmt: skip
_FUTURE_HEADS = {"plan", "expect", "schedule", "intend", "hope", "want", "aim", "set", "prepare",
                 "vow", "promise", "threaten", "seek", "due", "going", "agree", "try", "decide",
                 "propose", "pledge", "likely", "ask", "order", "urge", "call"}  # fmt: skip
_FUTURE_WORDS = {"payable", "effective", "due", "deadline", "scheduled", "slated", "expire",
                 "expires", "upcoming", "until", "through", "till", "next"}  # fmt: skip
_PAST_AUX = {"had", "has", "have", "did", "was", "were", "'ve", "been"}


def governing_tense(doc: Doc, start: int, end: int) -> str | None:
    """"past", "present" or "future" for the verb governing ``doc.text[start:end]``, else None.

    Future for "will"/"would"/"going to" and other modals, for infinitives under verbs such
    as "plan" or "expect", and for spans hanging on "payable", "effective", "due", "until";
    past for VBD, perfects and past passives; present otherwise. ``None`` when no verb
    governs the span (a headline, a dateline).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok: Token = span.root
    for _ in range(8):
        if tok.i < span.start or tok.i >= span.end:
            if tok.pos_ in ("VERB", "AUX"):
                break
            if tok.lower_ in _FUTURE_WORDS:
                return "future"
        if tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    return _tense_of(tok)


def _tense_of(verb: Token, depth: int = 0) -> str:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if verb.tag_ == "VBN" and words & {"have", "'ve"} and words & _FUTURE_AUX:
        return "past"  # "may have met", "would have been"
    if words & _FUTURE_AUX or verb.lower_ in _FUTURE_AUX:
        return "future"
    if "going" in words or (verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)):
        return "future"
    if verb.lemma_ in _FUTURE_HEADS and verb.tag_ == "VBN" and not words & _PAST_AUX:
        return "future"  # "is scheduled", "is expected"
    if verb.tag_ == "VBD" or words & _PAST_AUX or any(c.tag_ == "VBD" for c in aux):
        return "past"
    if "to" in words and depth < 3 and verb.head.i != verb.i:
        if verb.head.lemma_.lower() in _FUTURE_HEADS:
            return "future"
        return _tense_of(verb.head, depth + 1)
    if verb.tag_ == "VBN":
        return "present" if words else "past"
    return "present"


# --- extraction --------------------------------------------------------------------------


def _trim(doc: Doc, ent: Span) -> tuple[int, int] | None:
    """A spaCy entity without leading prepositions / determiners ("the" stays) or edge punctuation."""
    toks = list(ent)
    while toks and (toks[0].lower_ in _TRIM_LEAD or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in (".",):
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _plausible(doc: Doc, start: int, end: int, text: str) -> bool:
    """Reject pattern hits that spaCy reads as something else: "May" the modal, "April" the name."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    if any(t.ent_type_ in _BLOCKING_ENTS for t in span) and all(t.ent_type_ for t in span):
        if not any(t.ent_type_ in ("DATE", "TIME") for t in span):
            return False
    if _MONTH_ONLY.fullmatch(text):
        tok = span[0]
        return text[0].isupper() and not tok.tag_.startswith(("MD", "VB"))
    if _YEAR_ONLY.fullmatch(text):
        return span[0].ent_type_ not in _NUMERIC_ENTS
    if len(span) == 1 and span[0].tag_ == "NNP" and text.islower() is False and text[0].isupper():
        word = text.lower()
        return word not in ("daily", "weekly", "monthly", "current") or span[0].i == span.sent.start
    return True


def extract_times(doc: Doc, published: date | None) -> list[TimeExpr]:
    """Every time expression in ``doc``, normalised against ``published``, sorted by start.

    Relative expressions ("two days later", "the next day") count from the last calendar
    date resolved before them in the article; a bare clock time takes the date mentioned in
    its sentence, else the publication date. With ``published=None`` what needs the anchor
    gets an ``X``-placeholder value and no date range.
    """
    text = doc.text
    spans = [se for se in find_candidates(text) if _plausible(doc, *se, text[se[0] : se[1]])]
    extra = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            trimmed = _trim(doc, ent)
            if trimmed and all(trimmed[1] <= s or trimmed[0] >= e for s, e in spans):
                extra.append(trimmed)
    candidates = sorted(set(spans) | {(s, e, True) for s, e in extra}, key=lambda c: c[0])  # type: ignore[arg-type]
    sent_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    out: list[TimeExpr] = []
    last_day: date | None = None
    last_day_sent = -1
    for cand in candidates:
        start, end = cand[0], cand[1]
        expr = text[start:end]
        sent = bisect_right(sent_starts, start)
        reference = last_day
        if _BARE_CLOCK.fullmatch(expr) and last_day_sent != sent:
            reference = None
        tense = governing_tense(doc, start, end)
        norm = normalize_time(expr, published, tense=tense, reference=reference)
        if norm is None or norm.type not in _TYPES:
            continue
        if norm.start is not None and _DAY_VALUE.match(norm.value):
            last_day, last_day_sent = norm.start, sent
        out.append(_record(expr, start, end, norm))
    return out


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
