"""Time expressions: find them in a parsed article and resolve them onto the calendar.

:func:`extract_times` is a pure function ``Doc -> list[TimeExpr]``. Recognition
(:mod:`onrecord.extract.times.recognize`) is a set of precompiled patterns over ``doc.text``
(dates, weekdays, deictics such as "last week", offsets such as "two days later", durations,
sets, clock times), backed up by spaCy's DATE and TIME entities for forms the patterns miss.
Each candidate is normalised by :func:`normalize_time` (the rules in :data:`RULES`, from
:mod:`onrecord.extract.times.rules` and :mod:`onrecord.extract.times.relative`) against the
publication date, with the tense of the verb that governs it (:func:`governing_tense`) and, for
"the next day" and the like, the last calendar date resolved before it in the article (the
discourse anchor).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from onrecord.extract.common.doctext import span_mask
from onrecord.extract.statements.quotes import find_quotes
from onrecord.extract.times import relative, rules
from onrecord.extract.times.calendar import (
    Context,
    Normalized,
    Rule,
    phrase_table,
    quarter_value,
)
from onrecord.extract.times.recognize import (
    BARE_CLOCK,
    PER_UNIT,
    find_candidates,
    plausible,
    trim_entity,
)
from onrecord.models import TimeExpr, TimeType

__all__ = ["Normalized", "extract_times", "governing_tense", "normalize_time"]

_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_TYPES: dict[str, TimeType] = {"DATE": "DATE", "TIME": "TIME", "DURATION": "DURATION", "SET": "SET"}


# --- normalisation front end: clean the text, peel modifiers, dispatch to the rules ------

# The words read from extract/times/data/modifiers.txt: a reference to the present, past or
# future as a whole, and the TIMEX3 MOD of words before or after an expression ("-" in the file:
# peeled off without a MOD).
REF_WORDS = phrase_table("modifiers.txt", "ref_words")
_MOD_PREFIX = {
    phrase: "" if mod == "-" else mod
    for phrase, mod in phrase_table("modifiers.txt", "mod_prefix").items()
}
_MOD_SUFFIX = phrase_table("modifiers.txt", "mod_suffix")
_POS_PREFIX = phrase_table("modifiers.txt", "pos_prefix")
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


# --- the order of the rules --------------------------------------------------------------

RULES: list[Rule] = [  # the normaliser: the first rule that matches decides
    relative.rule_deictic_day, rules.rule_set, relative.rule_offset, relative.rule_anaphor,
    rules.rule_month_day, rules.rule_weekday, rules.rule_month, rules.rule_holiday,
    rules.rule_quarter, relative.rule_unit_deictic, rules.rule_season, rules.rule_decade_century,
    rules.rule_year, rules.rule_duration, relative.rule_part_of_day, relative.rule_clock,
]  # fmt: skip


# --- tense of the governing verb ---------------------------------------------------------

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d", "must", "can", "could", "may", "might",
               "should", "ca"}  # fmt: skip
_FUTURE_HEADS = {"plan", "expect", "schedule", "intend", "hope", "want", "aim", "set", "prepare",
                 "vow", "promise", "threaten", "seek", "due", "going", "agree", "try", "decide",
                 "propose", "pledge", "likely", "ask", "order", "urge", "call"}  # fmt: skip
_FUTURE_WORDS = {"payable", "effective", "due", "deadline", "scheduled", "slated", "expire",
                 "expires", "upcoming", "until", "through", "till", "next"}  # fmt: skip
_SCHEDULING = {"schedule", "reschedule", "postpone", "plan", "slate"}
_REPORTING = {"say", "tell", "add", "note", "report", "announce", "state", "confirm"}
_PAST_AUX = {"had", "has", "have", "did", "was", "were", "'ve", "been"}
_PAST_MODALS = {"could", "would", "'d"}


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
    future_word = False
    for _ in range(8):
        if tok.i < span.start or tok.i >= span.end:
            if tok.pos_ in ("VERB", "AUX"):
                tense = _tense_of(tok)
                if future_word and not (tense == "past" and _pluperfect(tok)):
                    tense = "future"  # "talks run until Friday"; not "had run until Friday"
                if tense == "present" and _scheduled_present(tok, span.root):
                    tense = "future"  # "talks resume Thursday": a present for what is planned
                return tok, tense
            future_word = future_word or tok.lower_ in _FUTURE_WORDS
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None, "future" if future_word else None


def _scheduled_present(verb: Token, time: Token) -> bool:
    """A simple present action verb with the time as its own adverbial ("meet Monday",
    "resume on Thursday"): in news, what is planned. Not "be" or "have" (states), nor a
    reporting verb ("says on Monday")."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.lemma_ in ("be", "have", *_REPORTING):
        return False
    kids = list(verb.children)
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in kids):
        return False
    if verb.tag_ == "VBP" and any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in kids):
        return False  # "weakness hurt ...": a singular subject, so a past form ("hurt", "cut")
    head = time.head
    if time.dep_ == "pobj" and head.lower_ == "on":
        time, head = head, head.head
    return head == verb and time.dep_ in ("npadvmod", "prep", "pobj")


def _pluperfect(verb: Token) -> bool:
    return any(c.lower_ == "had" for c in verb.children if c.dep_ in ("aux", "auxpass"))


def _tense_of(verb: Token, depth: int = 0) -> str:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if verb.tag_ == "VBN" and words & {"have", "'ve"} and words & _FUTURE_AUX:
        return "past"  # "may have met", "would have been"
    if words & _PAST_MODALS and any(c.dep_ == "neg" for c in verb.children):
        return "past"  # "could not be reached Monday", "would not say on Friday": a refusal
    if words & _FUTURE_AUX or verb.lower_ in _FUTURE_AUX:
        return "future"
    going_to = verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)
    if "going" in words or going_to:
        return "future"
    if verb.lemma_ in _FUTURE_HEADS and verb.tag_ == "VBN" and not words & _PAST_AUX:
        if verb.lemma_ != "set" or words:  # "is set to", not "a record set on May 20"
            return "future"  # "is scheduled", "is expected"
    if verb.lemma_ in _SCHEDULING and "had" not in words and verb.dep_ != "amod":
        return "future"  # "has scheduled a hearing Monday"
    if verb.tag_ == "VBD" or words & _PAST_AUX or any(c.tag_ == "VBD" for c in aux):
        return "past"
    if "to" in words and depth < 3 and verb.head.i != verb.i:
        head = verb.head
        if head.lemma_ == "be" and verb.dep_ == "xcomp":
            return "future"  # "the talks are to resume Monday"
        # "due to expire", "ready to leave": the adjective's copula carries the tense
        carrier = head.head if head.dep_ == "acomp" and head.head.i != head.i else head
        if head.lemma_.lower() in _FUTURE_HEADS and not _pluperfect(carrier):
            if not _pluperfect(head):
                return "future"
        return _tense_of(carrier, depth + 1)
    if verb.tag_ == "VBN":
        return "present" if words else "past"
    return "present"


# --- extraction --------------------------------------------------------------------------


_COARSE_UNIT = re.compile(r"\b(?:month|year|quarter|decade|century)", re.IGNORECASE)
_YEAR_BACK = re.compile(r"\byear[\s-](?:ago|earlier)\b", re.IGNORECASE)
_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")
_YEAR_PERIOD = re.compile(r"the\s+\d{4}\s+(?:period|quarter)", re.IGNORECASE)
_FISCAL_YEAR = re.compile(r"the\s+(?:fiscal\s+)?year", re.IGNORECASE)
_ENDED = re.compile(r"\s+(?:ended|ending)\b", re.IGNORECASE)


def _strip_space(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def extract_times(doc: Doc, published: date | None) -> list[TimeExpr]:
    """Every time expression in ``doc``, normalised against ``published``, sorted by start.

    Relative expressions ("two days later", "the next day") count from the last calendar
    date resolved before them in the article (for "a year later", "the following month" the
    last date of any granularity); a bare clock time takes the date mentioned earlier in its
    sentence, else the publication date. With ``published=None`` what needs the anchor gets
    an ``X``-placeholder value and no date range.
    """
    text = doc.text
    spans = [se for se in find_candidates(text) if plausible(doc, *se, text[se[0] : se[1]])]
    taken = list(spans)
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            trimmed = trim_entity(ent)
            if trimmed and all(trimmed[1] <= s or trimmed[0] >= e for s, e in taken):
                expr = text[trimmed[0] : trimmed[1]]
                if not BARE_CLOCK.fullmatch(expr) and plausible(doc, *trimmed, expr):
                    taken.append(trimmed)
    taken = [_strip_space(text, s, e) for s, e in taken]  # an entity may end in whitespace
    out: list[TimeExpr] = []
    last_day: tuple[date, int] | None = None  # the last day-level value and where it was
    last_said: tuple[date, int] | None = None  # the same for a day on a reporting verb
    last_any: Normalized | None = None  # the last calendar value of any granularity
    last_seen: tuple[Normalized, bool] | None = None  # the same, counting comparisons (True)
    undated: list[int] = []  # clock times with no day before them in their sentence
    quoted_at = span_mask(len(text), ((q.start, q.end) for q in find_quotes(text)))
    for start, end in sorted(taken):
        expr = text[start:end]
        if not expr:
            continue
        verb, tense = _governor(doc, start, end)
        reference = last_day[0] if last_day else None
        if last_said is not None and (last_day is None or (
            verb is not None and verb.lemma_ in _REPORTING and last_said[1] > last_day[1])
        ):
            reference = last_said[0]  # "On Monday, X said ... A week later, X said": from Monday
        undated_clock = False
        if BARE_CLOCK.fullmatch(expr):  # "3 p.m.": the day of its sentence, else publication
            same = last_day is not None and _same_sentence(doc, last_day[1], start)
            reference = reference if same else None
            undated_clock = not same  # unless a day follows in the sentence (see below)
        elif last_any is not None and last_any.start and _COARSE_UNIT.search(expr):
            reference = last_any.start
        if tense != "future" and expr.lower() == "soon":
            continue  # "soon became", "was soon released": no reference to the future
        norm = normalize_time(expr, published, tense=tense, reference=reference)
        if norm is None:
            continue
        comparison = bool(_YEAR_BACK.search(expr))
        norm = _same_quarter_last_year(expr, norm, last_seen)
        if _FISCAL_YEAR.fullmatch(expr) and _ENDED.match(text, end):
            norm = Normalized("DURATION", "P1Y")  # "the year ended June 30": a twelve-month span
        if PER_UNIT.fullmatch(expr) and _after_quantity(doc, start):
            norm = Normalized("SET", norm.value)  # "$5 million a year" is a rate
        if norm.start is not None:
            last_seen = (norm, comparison)
        quoted = bool(quoted_at[start])  # a speaker's own "last night" tells of the speaker's day
        if norm.start is not None and not comparison and not quoted:
            last_any = norm  # "a year earlier" compares with the period reported, no new anchor
            if _DAY_VALUE.match(norm.value) and not (verb and verb.lemma_ in _REPORTING):
                last_day = (norm.start, start)  # "officials said Monday" dates no narrative
            elif _DAY_VALUE.match(norm.value):
                last_said = (norm.start, start)
        if undated_clock:
            undated.append(len(out))
        out.append(_record(expr, start, end, norm))
    return _date_clock_times(doc, out, undated)


def _date_clock_times(doc: Doc, out: list[TimeExpr], undated: list[int]) -> list[TimeExpr]:
    """"at 9:10 a.m. (1410 GMT) Sunday": a clock time takes a day named later in its sentence."""
    for i in undated:
        clock = out[i]
        if not clock.value[:1].isdigit() or "T" not in clock.value:
            continue
        for later in out[i + 1 :]:
            if not _same_sentence(doc, clock.span[0], later.span[0]):
                break
            if _DAY_VALUE.fullmatch(later.value):
                value = later.value + "T" + clock.value.split("T", 1)[1]
                out[i] = replace(clock, value=value, start=later.start, end=later.end)
                break
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


def _same_quarter_last_year(
    expr: str, norm: Normalized, last: tuple[Normalized, bool] | None
) -> Normalized:
    """In earnings news "a year earlier" after "the third quarter" is that quarter a year back
    (after "the year-ago quarter", that same quarter), and "the 1988 period" that quarter of 1988.
    """
    back, period = _YEAR_BACK.search(expr), _YEAR_PERIOD.fullmatch(expr)
    plain = re.fullmatch(r"\d{4}", norm.value)
    if last is None or not (back and plain or period and norm.value[:4].isdigit()):
        return norm
    q = _QUARTER_VALUE.fullmatch(last[0].value)
    if not q:
        return norm
    year = int(norm.value[:4]) if period else int(q[1]) - (0 if last[1] else 1)
    return replace(quarter_value(year, int(q[2])), mod=norm.mod)


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
