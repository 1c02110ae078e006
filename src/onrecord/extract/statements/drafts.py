"""Statements under construction, and the steps that settle them before they become records.

Helpers of :mod:`onrecord.extract.statements.extract`: the :class:`Draft` a cue or quotation
starts (it still holds spaCy tokens), one statement per named speaker of "X and Y said", clauses cut
where the parser let them run into the next speaker, the time expression of a cue's own
clause, where a cue's clause ends when the parser ran the cue's second predicate into it,
drafts inside page furniture dropped, and which statement another is nested in.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from onrecord.extract.common.doctext import sentence_of, span_mask, text_of
from onrecord.extract.statements.attribution import is_cue
from onrecord.extract.statements.captions import furniture_lines
from onrecord.models import Entity, Statement, TimeExpr

_NOMINAL_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "prep", "npadvmod", "compound", "appos", "attr",
     "poss", "amod", "nummod", "det", "dative"}
)


@dataclass
class Draft:
    """A statement under construction, still holding token indices."""

    content: tuple[int, int]  # char span
    kind: str
    cue: Token | None
    cue_span: tuple[int, int] | None = None
    cue_lemma: str | None = None
    subject: Token | None = None  # head token of the speaker phrase
    speaker_span: tuple[int, int] | None = None
    inherit_from: Draft | None = None  # floating quotes continue a previous draft
    nested_speaker: Token | None = None  # "X quoted Y": Y speaks inside X's statement
    continues: Draft | None = None  # the first part of a quotation split by its cue
    by_object: bool = False  # content is the cue's object or infinitive, not a clause
    rule: str | None = None  # the name of the rule that found it (see ``rules.py``)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def contrasted(cue: Token | None) -> bool:
    """A cue in a "while"/"whereas" clause with its own subject: "..., while others call it"."""
    return cue is not None and cue.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in {"while", "whereas"} for c in cue.children) and any(
        c.dep_ == "nsubj" for c in cue.children)


_COORDINATION = re.compile(r"\s*(?:,\s*and\b|,|\band\b)\s*")


def split_coordinated_speakers(doc: Doc, drafts: list[Draft],
                                entities: Sequence[Entity]) -> list[Draft]:
    """"Secretary X and Attorney General Y said ...": one statement for each named person.

    The speaker phrase splits at "and" and commas when every part is a (titled) name of a
    person: capitalised words ending with a mention of a PERSON entity.
    """
    ends: dict[int, int] = {}  # end offset of a person mention -> its start
    for e in entities:
        if e.kind == "PERSON":
            for s, t in e.mentions:
                ends[t] = s
    text = text_of(doc)
    out: list[Draft] = []
    for d in drafts:
        out.append(d)
        if d.speaker_span is None:
            continue
        start, end = d.speaker_span
        parts: list[tuple[int, int]] = []
        cursor = start
        for sep in [*_COORDINATION.finditer(text, start, end), None]:
            stop = sep.start() if sep else end
            parts.append((cursor, stop))
            cursor = sep.end() if sep else end
        if len(parts) < 2 or not all(_is_titled_name(text, p, ends) for p in parts):
            continue
        out.pop()
        for p in parts:
            tok = doc.char_span(p[1] - 1, p[1], alignment_mode="expand")
            if tok is not None:
                out.append(replace(d, subject=tok.root, speaker_span=p))
    return out


def _is_titled_name(text: str, part: tuple[int, int], person_ends: dict[int, int]) -> bool:
    start = person_ends.get(part[1])
    if start is None or start < part[0]:
        return False
    return all(w[:1].isupper() or w in {"of", "the", "for"} for w in text[part[0]:start].split())


def cut_at_other_speakers(text: str, drafts: list[Draft]) -> None:
    """End a clause where the parser let it run into the next speaker ("... and officials said").

    Only a speaker inside the clause can end it, so each clause looks only at the speakers
    that start within it (found by bisection; a long text has thousands of drafts), in the
    drafts' order.
    """
    speakers = sorted((o.speaker_span[0], i) for i, o in enumerate(drafts)
                      if o.speaker_span is not None and o.cue_span is not None)
    starts = [s for s, _ in speakers]
    for d in drafts:
        if d.kind == "direct":
            continue
        lo = bisect_right(starts, d.content[0])
        hi = bisect_left(starts, max(d.content[1], d.content[0] + 3))
        for _, i in sorted(speakers[lo:hi], key=lambda pair: pair[1]):
            o = drafts[i]
            if o is d or o.speaker_span is None or o.cue_span is None:
                continue
            s = o.speaker_span[0]
            cue = o.cue
            if (cue is not None and (cue.dep_ == "conj" or contrasted(cue))
                    and d.content[0] < s < d.content[1]
                    and d.content[0] <= cue.head.idx < d.content[1]):
                # "... said A, and on Tuesday he told parliament B": two statements, not one;
                # a subject the conjunct only inherits ("said he would go but did not say
                # when") stands before the clause, so the cut is at the conjunct itself
                own = any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children)
                left = min(s, cue.left_edge.idx) if own else cue.left_edge.idx
                if left > d.content[0]:
                    d.content = (d.content[0], _end_before_conjunction(text, d.content[0], left))
                continue
            if d.content[0] < s < d.content[1] and not (
                d.content[0] <= o.cue_span[0] < d.content[1]
            ):
                d.content = (d.content[0], _end_before_conjunction(text, d.content[0], s))


def _end_before_conjunction(text: str, start: int, end: int) -> int:
    """``end`` moved back over spaces, commas and a dangling "and"/"but"."""
    head = text[start:end].rstrip(" ,;")
    for word in ("and", "but", "while", "or"):
        if head.endswith(" " + word):
            head = head[: -len(word)].rstrip(" ,;")
    return start + max(len(head), 3)


def times_by_sentence(doc: Doc, times: Sequence[TimeExpr]) -> dict[int, list[tuple[str, Span]]]:
    """Each time expression's tokens, grouped by the start of their sentence (done once)."""
    grouped: dict[int, list[tuple[str, Span]]] = {}
    for t in times:
        if t.type not in {"DATE", "TIME"}:
            continue  # a duration or a set is not when something was said
        span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
        if span is not None and len(span):
            grouped.setdefault(sentence_of(doc, span.start)[0], []).append((t.id, span))
    return grouped


def _clause_verb(tok: Token) -> Token:
    """The verb a token hangs from, up through "on Friday" and the noun it modifies."""
    while tok.head.i != tok.i and (tok.pos_ not in {"VERB", "AUX"} or tok.dep_ in _NOMINAL_DEPS):
        tok = tok.head
    return tok


def time_of(doc: Doc, cue: Token | None, times: dict[int, list[tuple[str, Span]]],
             content: tuple[int, int]) -> str | None:
    """The time expression of the cue's own clause ("Trump on Friday told ...").

    Also a time on the participle of the statement's medium ("In a statement released on
    Monday, the ambassador said", "In the article published late Saturday, Trump said"), and
    the time of a first verb the cue is coordinated with ("opened the consulate on Saturday
    and said ...").
    """
    if cue is None:
        return None
    best: tuple[int, int, str] | None = None  # (not on the cue itself, distance, time id)
    for time_id, span in times.get(sentence_of(doc, cue.i)[0], ()):
        if overlap((span.start_char, span.end_char), content) > 0:
            continue
        verb = _clause_verb(span.root)
        if verb != cue and verb.dep_ == "acl" and verb.tag_ == "VBN":
            verb = _clause_verb(verb.head)  # "a statement released on Monday" -> its verb
        own = verb == cue
        linked = own or (verb.head == cue and verb.dep_ in {"advcl", "xcomp"}
                         and not any(c.dep_ == "nsubj" for c in verb.children))
        linked = linked or (cue.head == verb and cue.dep_ in {"advcl", "xcomp", "pcomp", "conj"}
                            and not any(c.dep_ == "nsubj" for c in cue.children))
        if linked:
            rank = (int(not own), abs(span.root.i - cue.i), time_id)
            if best is None or rank < best:
                best = rank  # "said on Monday night and repeated it on Tuesday": Tuesday
    return best[2] if best else None


def finite_clause(verb: Token) -> bool:
    """A clause with a tensed verb or an auxiliary, not a bare participle."""
    return verb.tag_ not in {"VBN", "VBG"} or any(
        c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children)


def outer_conjunct(cue: Token, clause: Token) -> Token | None:
    """A cue verb the parser put inside a reported clause that goes with the cue itself.

    In "Paul said the plan would fail, and called it a ruse" the parse coordinates "called"
    with "fail"; a subjectless cue verb in the form of the cue's finite word ("said": VBD;
    "says", "has said": VBZ) after a clause whose verb has another tag ("would fail", "is") is
    the speaker's second act.
    """
    form = finite_form(cue)
    if form not in {"VBD", "VBZ", "VBP"} or clause.tag_ == form:
        return None
    for c in clause.rights:
        if (c.dep_ == "conj" and c.tag_ == form and is_cue(c, objects=True)
                and not any(d.dep_ in {"nsubj", "nsubjpass"} for d in c.children)):
            return c
    return None


def finite_form(verb: Token) -> str:
    """The tag of a verb group's finite word: "has said" -> VBZ, "said" -> VBD."""
    aux = next((a for a in verb.lefts if a.dep_ in {"aux", "auxpass"} and a.lower_ != "to"), None)
    return aux.tag_ if aux is not None else verb.tag_


def end_before(doc: Doc, verb: Token) -> int:
    """Where the words before a coordinated verb end, short of its "and" and comma."""
    i = verb.i - 1
    while i > 0 and (doc[i].dep_ == "cc" or doc[i].is_punct or doc[i].is_space
                     or doc[i].dep_ in {"advmod", "aux"} and doc[i].head.i == verb.i):
        i -= 1
    return doc[i].idx + len(doc[i].text)


def second_clause_predicate(cue: Token, clauses: list[Token]) -> Token | None:
    """A second "clause" of a cue that is the cue's own second predicate.

    In "The dockers said the port was unsafe and warned that ..." the parse may hang "warned"
    on "said" as a second clause; a subjectless cue verb in the cue's own form after the first
    clause is the speaker's second act, not part of what was said.
    """
    if len(clauses) < 2 or clauses[0].i < cue.i:
        return None
    form = finite_form(cue)
    for c in clauses[1:]:
        if c.tag_ == form and is_cue(c, objects=True) and not any(
                d.dep_ in {"nsubj", "nsubjpass"} for d in c.children):
            return c
    return None


def off_furniture(text: str, drafts: list[Draft]) -> list[Draft]:
    """The drafts whose content and cue lie outside photo captions, credits and prompts to the
    reader (:func:`~onrecord.extract.statements.captions.furniture_lines`): no one speaks there."""
    lines = furniture_lines(text)
    if not lines:
        return drafts
    mask = span_mask(len(text), lines)
    return [d for d in drafts if not mask[d.content[0]]
            and not (d.cue_span is not None and mask[d.cue_span[0]])]


def link_nesting(statements: list[Statement], drafts: list[Draft],
                  ids: dict[int, str]) -> list[Statement]:
    """Set ``nested_in`` where one statement's speaker speaks inside another's content."""
    out: list[Statement] = []
    for stmt, d in zip(statements, drafts, strict=True):
        parent: str | None = None
        if d.nested_speaker is not None:
            for other, od in zip(statements, drafts, strict=True):
                if other is not stmt and od.content == d.content and od.nested_speaker is None:
                    parent = ids[id(od)]
                    break
        elif stmt.cue_span is not None:
            for other in statements:
                if other is stmt:
                    continue
                s, e = other.content_span
                if s <= stmt.cue_span[0] and stmt.cue_span[1] <= e and (e - s) > (
                    stmt.content_span[1] - stmt.content_span[0]
                ):
                    parent = other.id
        out.append(replace(stmt, nested_in=parent) if parent else stmt)
    return out
