"""The day each statement was made: from its own clause, its context, or the article.

News copy names the day of a statement once ("Trump said Monday ...", "In a statement released
on Monday evening, the ambassador said ...") and then goes on quoting the same occasion ("He
added ...", "'...,' he told reporters"). :func:`date_statements` gives every statement a day,
trying in order:

1. **clause**: its own clause's time expression, when that is one day ("on Friday", "Oct. 5",
   "Saturday night", "yesterday");
2. **nested**: a statement quoted inside another ("The Hill quoted Trump as saying ...") whose
   parent is dated by its clause: the parent's day (said then or before);
3. **range**: its clause names a stretch of days ("last week", "in May"): the range's last day,
   or the publication date when the range reaches it (said within the range, not after it);
4. **speaker**: the day of the same speaker's nearest statement before it dated by its clause;
5. **discourse**: the statements of the nearest earlier sentence that has any, in the same or
   the previous paragraph (only the same speaker's when that sentence has one): the first whose
   day the text gives, by its clause or by steps 1, 2, 4 and 5, when that day lies in the week
   before publication (the occasion just reported goes on: "... the ministry said on Tuesday.
   Its chief executive said ..."); without a publication date, any such day;
6. **lede**: for a speaker's first sentence, the day of their first statement dated by its
   clause in the next two paragraphs, when that day lies in the week before publication (a lede
   summarising what the body dates); a guess that steps 5 and 7 do not pass on;
7. **nested** again: a nested statement takes its parent's day, however the parent got it;
8. **article**: the publication date.

Steps 4 to 6 need a cue that tells of one past occasion: a perfect ("has said", "had earlier
denied", "have repeatedly said") or a present ("says") speaks of no one occasion, and such a
statement keeps the publication date. Only step 1 gives ``time_defaulted`` false: any other day
is inferred, not read from the statement's clause. A statement gets no date only when neither
the text nor the article gives a day (no publication date and no clause or context day).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from onrecord.extract.common.doctext import sentence_of, text_of
from onrecord.models import Statement, TimeExpr

__all__ = ["date_statements"]

_PRONOUNS = frozenset("he she they it i we you him her them his its their this that who".split())
_PERFECT_AUX = frozenset({"have", "has", "had", "'ve", "'d", "having"})
_PRESENT = frozenset({"VBZ", "VBP"})
_NEWS_WEEK = 7  # days before publication in which an occasion is the story's own
_LEDE_REACH = 2  # paragraphs after a lede in which its speaker's dated statement is sought
_BREAK = re.compile(r"\n\s*")


@dataclass(frozen=True, slots=True)
class _Place:
    """What dating needs to know about one statement besides its record."""

    own: str | None  # the day of its own clause
    sentence: int  # the start of its cue's (else its content's) sentence, in characters
    paragraph: int  # the index of its paragraph
    occasion: bool  # its cue tells of one past occasion (not "has said", "says")
    inner: bool  # its cue is inside another statement's content: speech within speech
    speaker: str | None  # who it is by, to compare


def date_statements(
    statements: Sequence[Statement], times: Sequence[TimeExpr], published: dt.date | None,
    doc: Doc,
) -> list[Statement]:
    """``statements`` (in text order) with ``date`` and ``time_defaulted`` set (see the module)."""
    by_id = {t.id: t for t in times}
    places = _places(statements, by_id, doc)
    speakers = _Speakers(places)
    index = {s.id: i for i, s in enumerate(statements)}
    recent = (published - dt.timedelta(days=_NEWS_WEEK)).isoformat() if published else None
    resolved: list[tuple[str | None, bool]] = []  # each day, and whether it may be passed on
    waiting: list[int] = []  # nested statements whose parent comes later in the text
    for i, s in enumerate(statements):
        place = places[i]
        day, passes = place.own, place.own is not None
        parent = index.get(s.nested_in) if s.nested_in else None
        if day is None and parent is not None and places[parent].own is not None:
            day, passes = places[parent].own, True
        day = day or _range_day(s, by_id, published)
        if day is None and place.occasion:
            day = speakers.day_before(i)
            passes = day is not None
            day = day or _discourse_day(places, resolved, i, recent)
            passes = passes or day is not None
            day = day or speakers.day_after(i, recent)  # a guess others do not build on
        if day is None and parent is not None:
            if parent < i:
                day, passes = resolved[parent]
            else:
                waiting.append(i)
        resolved.append((day, passes))
    for i in reversed(waiting):  # a parent after its nested statement is rare: settle it last
        parent = index[statements[i].nested_in or ""]
        resolved[i] = resolved[parent]
    default = published.isoformat() if published is not None else None
    return [replace(s, date=resolved[i][0] or default, time_defaulted=places[i].own is None
                    and (resolved[i][0] or default) is not None)
            for i, s in enumerate(statements)]


def _discourse_day(places: Sequence[_Place], resolved: list[tuple[str | None, bool]], i: int,
                   recent: str | None) -> str | None:
    """The day of the occasion just reported (step 5 of the module's list)."""
    for j in _previous_sentence(places, i):
        told, passes = resolved[j]
        if passes and told is not None:
            return told if recent is None or told >= recent else None
    return None


def _places(statements: Sequence[Statement], times: dict[str, TimeExpr], doc: Doc) -> list[_Place]:
    """What dating needs to know about each statement (see :class:`_Place`)."""
    paragraphs = [0, *(m.end() for m in _BREAK.finditer(text_of(doc)))]
    contents = {s.id: s.content_span for s in statements}
    out = []
    for s in statements:
        at = s.cue_span[0] if s.cue_span else s.content_span[0]
        span = doc.char_span(at, at + 1, alignment_mode="expand")
        first = span[0] if span is not None and len(span) else None
        sentence = doc[sentence_of(doc, first.i)[0]].idx if first is not None else at
        occasion = first is None or s.cue_span is None or _one_occasion(first)
        paragraph = max(0, bisect_right(paragraphs, at) - 1)
        out.append(_Place(_clause_day(s, times), sentence, paragraph, occasion,
                          _inner(s, contents), _speaker_key(s)))
    return out


def _inner(s: Statement, contents: dict[str, tuple[int, int]]) -> bool:
    """Whether the statement's cue lies inside the content of the statement it is nested in."""
    parent = contents.get(s.nested_in) if s.nested_in else None
    return parent is not None and s.cue_span is not None and (
        parent[0] <= s.cue_span[0] and s.cue_span[1] <= parent[1])


def _one_occasion(cue: Token) -> bool:
    """Whether a cue tells of one past occasion ("said", "told", "was quoted"): not a perfect
    ("has said", "had earlier denied") nor a present ("says", "is quoted") tense."""
    aux = [c for c in cue.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in _PERFECT_AUX for c in aux):
        return False
    return cue.tag_ not in _PRESENT and not any(c.tag_ in _PRESENT for c in aux)


def _clause_day(s: Statement, times: dict[str, TimeExpr]) -> str | None:
    """The day of the statement's own time expression, when it names exactly one day."""
    t = times.get(s.time) if s.time else None
    if t is None or t.start is None or t.start != t.end:
        return None
    return t.start


def _range_day(s: Statement, times: dict[str, TimeExpr], published: dt.date | None) -> str | None:
    """For a clause time that is a stretch of days, its last day not after the publication."""
    t = times.get(s.time) if s.time else None
    if t is None or t.start is None or t.end is None or t.start == t.end:
        return None
    if published is None:
        return t.end
    if t.start > published.isoformat():
        return None  # a stretch after the article: no day it can have been said on
    return min(t.end, published.isoformat())


def _speaker_key(s: Statement) -> str | None:
    """Who the statement is by, to compare: the entity, else the speaker's words (no pronoun)."""
    if s.speaker:
        return "e:" + s.speaker
    words = (s.speaker_text or "").strip().lower()
    if not words or words in _PRONOUNS:
        return None
    return "t:" + words


class _Speakers:
    """Each speaker's statements dated by their clause, and the sentence each speaker first
    speaks in, for look-ups by position."""

    def __init__(self, places: Sequence[_Place]) -> None:
        self.places = places
        self.dated: dict[str, list[int]] = {}
        self.first: dict[str, int] = {}
        for i, p in enumerate(places):
            if p.speaker is None:
                continue
            self.first[p.speaker] = min(self.first.get(p.speaker, p.sentence), p.sentence)
            if p.own is not None:
                self.dated.setdefault(p.speaker, []).append(i)

    def day_before(self, i: int) -> str | None:
        """The day of the same speaker's nearest clause-dated statement before this one."""
        key = self.places[i].speaker
        dated = self.dated.get(key, []) if key is not None else []
        k = bisect_left(dated, i) - 1
        return self.places[dated[k]].own if k >= 0 else None

    def day_after(self, i: int, recent: str | None) -> str | None:
        """For the speaker's first sentence, the day of their first clause-dated statement in
        the next two paragraphs, when that day is in the news week (a lede the body dates)."""
        here = self.places[i]
        if here.speaker is None or self.first[here.speaker] < here.sentence:
            return None
        dated = self.dated.get(here.speaker, [])
        k = bisect_right(dated, i)
        if k == len(dated):
            return None
        there = self.places[dated[k]]
        if there.paragraph - here.paragraph > _LEDE_REACH or there.own is None:
            return None
        return there.own if recent is None or there.own >= recent else None


def _previous_sentence(places: Sequence[_Place], i: int) -> list[int]:
    """The statements of the nearest earlier sentence with any, in this paragraph or the one
    before: only the same speaker's when there are any (the speaker goes on), else nearest
    first, speech reported inside another's content last (it tells of that content rather than
    of the story)."""
    here = places[i]
    found: list[int] = []
    for j in range(i - 1, -1, -1):
        there = places[j]
        if here.paragraph - there.paragraph > 1:
            break
        if found and there.sentence != places[found[0]].sentence:
            break
        if there.sentence < here.sentence:
            found.append(j)
    same = [j for j in found if here.speaker is not None and places[j].speaker == here.speaker]
    return same or sorted(found, key=lambda j: places[j].inner)
