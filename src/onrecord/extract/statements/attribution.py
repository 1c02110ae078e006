"""The parts of an attribution around its content: cue, speaker, sourcing, channel.

Helpers of :mod:`onrecord.extract.statements.extract`, over spaCy tokens; they return plain values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from onrecord.extract.common.doctext import span_mask, text_of
from onrecord.extract.entities.extract import entity_index
from onrecord.extract.statements.lexicon import (
    ALL_CUES,
    ANONYMOUS_HEADS,
    BELIEF_CUES,
    DOCUMENT_HEADS,
    INFINITIVE_CUES,
    LEARNED_VERBS,
    OBJECT_CUES,
    ORGANIZATION_HEADS,
    PERSONAL_PRONOUNS,
    TITLE_WORDS,
    TWEET_WORDS,
    WEAK_CUES,
)
from onrecord.models import Entity, Sourcing

_INHERITING_DEPS = frozenset(
    {"advcl", "xcomp", "conj", "pcomp", "prep", "pobj", "acomp", "advmod", "npadvmod"}
)
_QUOTED_AS = frozenset({"quote", "cite"})  # "was quoted as saying", "was cited as saying"
_CHANNEL_NOUNS = {
    "tweet": "tweet", "post": "social media post", "statement": "statement",
    "interview": "interview", "briefing": "briefing", "conference": "news conference",
    "podcast": "podcast", "letter": "letter", "speech": "speech", "email": "email",
}
_MEDIA_MODIFIERS = frozenset({"video", "news", "press", "radio", "television", "tv", "phone",
                              "telephone", "written", "joint"})
_SOCIAL = {"twitter": "tweet", "x": "tweet", "facebook": "Facebook", "instagram": "Instagram",
           "telegram": "Telegram", "truth": "Truth Social", "youtube": "YouTube"}


def _that_said(tok: Token) -> bool:
    """The idioms "That said, ..." and "Having said that, ..." opening a sentence."""
    doc, i = tok.doc, tok.i
    if tok.lower_ != "said" or i == 0 or i + 1 >= len(doc):
        return False
    opening = i < 2 or doc[i - 2].is_punct or doc[i - 2].is_space or doc[i - 2].dep_ == "cc"
    if doc[i - 1].lower_ == "that" and doc[i + 1].text == ",":
        return opening
    return (doc[i - 1].lower_ == "having" and doc[i + 1].lower_ == "that"
            and i + 2 < len(doc) and doc[i + 2].text == ",")


def is_cue(tok: Token, strict: bool = True, objects: bool = False) -> bool:
    """True when ``tok`` is a verb that can introduce a statement.

    With ``objects``, also a verb that states a position through its object or infinitive
    ("criticized the deal", "promised to act"), without a clause.
    """
    if tok.pos_ not in {"VERB", "AUX"} and not (tok.pos_ == "NOUN" and tok.lower_ == "tweeted"):
        return False
    lemma = tok.lemma_.lower()
    if lemma not in ALL_CUES and not (objects and (lemma in OBJECT_CUES or lemma in LEARNED_VERBS
                                                   or lemma in INFINITIVE_CUES)):
        return False
    if lemma == "call" and any(c.dep_ == "prt" and c.lower_ in {"off", "up", "in", "back", "out"}
                               for c in tok.children):
        return False  # "call off", "call up"
    if tok.tag_ == "VBN" and tok.dep_ in {"acl", "amod", "advcl"}:
        return False  # "the group believed responsible", "Asked whether ..., she said"
    if _that_said(tok):
        return False  # "That said, the council cannot ...": a concession, not a statement
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in {"decline", "refuse"}:
        return False  # "declined to say what caused it" reports no statement
    if objects:
        return True
    weak = lemma in WEAK_CUES or lemma in BELIEF_CUES
    return not (strict and weak and not any(c.dep_ == "ccomp" for c in tok.children))


def cue_subject(cue: Token) -> Token | None:
    """The head of the phrase saying it: the cue's subject, inherited through participles."""
    tok = cue
    for _ in range(6):
        subjects = [c for c in tok.children if c.dep_ in {"nsubj", "csubj"}]
        if not subjects and tok is not cue and tok.lemma_.lower() in _QUOTED_AS:
            # "an official was quoted as saying ...": the passive's subject says it
            subjects = [c for c in tok.children if c.dep_ == "nsubjpass"]
        if subjects:
            child = min(subjects, key=lambda c: abs(c.i - tok.i))  # the parser may give two
            if child.tag_ in {"WP", "WDT"} and tok.dep_ == "relcl":
                return tok.head  # "Haspel, who had summed up ..."
            return child
        if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ == "VBG"):
            return tok.head  # "the super PAC supporting Bush"
        if tok.dep_ == "conj" and tok.i > 0:
            prev = tok.doc[tok.i - 1]  # "... and other officials indicated": a misparsed subject
            if prev.pos_ in {"NOUN", "PROPN"} and prev.head.i != tok.head.i and prev.i < tok.i:
                return prev
        if tok.dep_ not in _INHERITING_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def speaker_extent(doc: Doc, head: Token) -> tuple[int, int]:
    """Characters of the speaker phrase: the subject's subtree less time phrases and punctuation."""
    tokens = [head]
    stack = list(head.children)
    while stack:
        t = stack.pop()
        if t.dep_ == "prep" and any(c.ent_type_ in {"DATE", "TIME"} for c in t.subtree):
            continue
        if t.dep_ in {"punct", "cc"} and (t.i < head.i and t.i == head.left_edge.i):
            continue
        if t.text in {"“", "”", '"'} or t.is_space:
            continue
        if t.dep_ in {"relcl", "acl"} and head.pos_ == "PROPN":
            continue  # a named speaker needs no relative clause; an anonymous one keeps it
        tokens.append(t)
        stack.extend(t.children)
    tokens.sort(key=lambda t: t.i)
    # keep a contiguous run around the head
    lo = hi = tokens.index(head)
    while lo > 0 and tokens[lo - 1].i == tokens[lo].i - 1:
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].i == tokens[hi].i + 1:
        hi += 1
    run = tokens[lo:hi + 1]
    while len(run) > 1 and (run[-1].is_punct or run[-1].dep_ == "cc"):
        run.pop()
    while len(run) > 1 and (run[0].is_punct or run[0].dep_ == "cc"):
        run.pop(0)
    if len(run) > 30:
        run = [t for t in run if t.i <= head.i][-6:]
    return run[0].idx, run[-1].idx + len(run[-1].text)


@dataclass(frozen=True)
class Resolved:
    entity: str | None
    text: str | None
    span: tuple[int, int] | None
    sourcing: Sourcing


def _kind(entities: Sequence[Entity], entity_id: str | None) -> str | None:
    for e in entities:
        if e.id == entity_id:
            return e.kind
    return None


def sourcing_of(doc: Doc, head: Token | None, entity_id: str | None,
                entities: Sequence[Entity]) -> Sourcing:
    """How a statement is sourced, from its speaker's head word and entity."""
    if head is None:
        return "unattributed"
    kind = _kind(entities, entity_id)
    if kind == "PERSON":
        return "named"
    if kind is not None:
        return "organization"
    lemma = head.lemma_.lower()
    if head.lower_ in PERSONAL_PRONOUNS:
        kind = PERSONAL_PRONOUNS[head.lower_]
        return "anonymous" if kind == "p" else "organization" if kind == "n" else "named"
    if lemma in DOCUMENT_HEADS:
        return "document"
    if lemma in ANONYMOUS_HEADS:
        return "anonymous"
    if lemma in ORGANIZATION_HEADS or head.ent_type_ in {"ORG", "GPE", "NORP"}:
        return "organization"
    if head.pos_ == "PROPN" or head.ent_type_ == "PERSON":
        return "named"
    return "anonymous"


def resolve_speakers(doc: Doc, drafts: Sequence[Any],
                     entities: Sequence[Entity]) -> dict[int, tuple[str | None, str | None,
                                                                   tuple[int, int] | None]]:
    """Each draft's speaker as (entity id, text, span); pronouns resolved to an antecedent.

    "he"/"she" take the latest person named outside any statement's content; "they" takes the
    latest plural speaker. ``drafts`` are in text order and carry ``subject``, ``speaker_span``
    and ``content``.
    """
    index = entity_index(entities)
    kinds = {e.id: e.kind for e in entities}
    contents = [d.content for d in drafts]
    person_mentions = sorted(
        (s, e.id) for e in entities if e.kind == "PERSON" for s, _ in e.mentions
    )
    org_mentions = sorted((s, e.id) for e in entities if e.kind == "ORG" for s, _ in e.mentions)

    covered = span_mask(len(text_of(doc)), contents)  # 1 where some statement's content is

    def outside_content(pos: int) -> bool:
        return not covered[pos]

    out: dict[int, tuple[str | None, str | None, tuple[int, int] | None]] = {}
    done: list[tuple[int, str | None, bool]] = []  # (position, entity, plural)
    for d in drafts:
        head: Token | None = d.subject
        if head is None or d.speaker_span is None:
            continue
        text = text_of(doc)[d.speaker_span[0]:d.speaker_span[1]]
        entity = index.get(head.idx)
        if entity is None:  # "The survey ship's master, Captain Hakan Sezer, told ..."
            for t in head.children:
                if t.dep_ == "appos" and index.get(t.idx) is not None:
                    entity = index[t.idx]
                    break
        if entity is None:  # "Norway's ambassador to Canada, Prince Harald Olsen, said"
            entity = _holder_named(head, index, kinds)
        pron = PERSONAL_PRONOUNS.get(head.lower_)
        if entity is None and pron in {"m", "f"}:
            previous = [eid for pos, eid in person_mentions if pos < head.idx
                        and outside_content(pos)]
            prior_speakers = [eid for pos, eid, _ in done if pos < head.idx and eid
                              and kinds.get(eid) == "PERSON" and head.idx - pos < 800]
            if prior_speakers and (not previous or prior_speakers[-1] in previous[-2:]):
                entity = prior_speakers[-1]
            elif previous:
                entity = previous[-1]
        elif entity is None and pron == "n":  # "it said": the latest organisation named
            orgs = [(pos, eid) for pos, eid in org_mentions
                    if pos < head.idx and outside_content(pos)]
            entity = orgs[-1][1] if orgs and head.idx - orgs[-1][0] < 600 else None
        elif entity is None and pron == "p":
            groups = [eid for pos, eid, pl in done if pos < head.idx and pl]
            entity = groups[-1] if groups else None
        plural = head.tag_ in {"NNS", "NNPS"} or pron == "p"
        plural = plural or any(c.dep_ == "conj" for c in head.children)
        out[id(d)] = (entity, text, d.speaker_span)
        done.append((head.idx, entity, plural))
    return out


def _holder_named(head: Token, index: dict[int, str], kinds: dict[str, str]) -> str | None:
    """The person a title's phrase names after a place: "ambassador to Canada, Prince X" and
    "ambassador to the U.S. Prince X" (the name parsed as the place's apposition or as the
    object of "to"). No person is named by "a spokesman for President X" or "an aide to X"."""
    if head.lower_ not in TITLE_WORDS or head.lower_ in ANONYMOUS_HEADS:
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"to", "in", "at"}:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            place = obj.ent_type_ in {"GPE", "NORP", "LOC"} or any(
                c.dep_ == "compound" and c.ent_type_ in {"GPE", "LOC"} for c in obj.children)
            named = [t for t in (obj, *obj.children) if kinds.get(index.get(t.idx, "")) ==
                     "PERSON" and (t is obj or t.dep_ == "appos")]
            if place and named:
                return index[named[-1].idx]
    return None


def _name_of(tok: Token) -> str:
    """The proper-name phrase headed by ``tok`` ("Fox News"), without a determiner."""
    left = tok
    for c in tok.lefts:
        if c.dep_ == "compound":
            left = c if c.i < left.i else left
    return tok.doc[left.i:tok.i + 1].text


def channel_of(doc: Doc, cue: Token) -> str | None:
    """The channel of a statement: "tweet", a network ("Fox News"), "statement", "interview"."""
    if cue.lemma_.lower() == "tweet" or cue.lower_ == "tweeted":
        return "tweet"
    scope = [cue] + [c for c in cue.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
    if cue.dep_ == "advcl" and cue.tag_ == "VBG":
        scope.append(cue.head)
    for verb in scope:
        for child in verb.children:
            if child.dep_ in {"dobj", "dative", "iobj"}:
                if child.ent_type_ == "ORG":
                    return _name_of(child)
                for t in child.children:  # "told the Turkish broadcaster TRT Haber"
                    if t.dep_ in {"appos", "compound"} and t.ent_type_ == "ORG":
                        return _name_of(t)
            if child.dep_ != "prep":
                continue
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                low = obj.lower_
                if obj.ent_type_ == "ORG" and child.lower_ in {"to", "on", "with"}:
                    return _name_of(obj)
                if child.lower_ == "on" and low in _SOCIAL:
                    return _SOCIAL[low]
                if child.lower_ in {"in", "during", "on"} and obj.lemma_.lower() in _CHANNEL_NOUNS:
                    for p in obj.children:  # "in an interview with CNN"
                        if p.dep_ == "prep" and p.lower_ in {"with", "on", "to"}:
                            for o in p.children:
                                if o.dep_ == "pobj" and o.ent_type_ == "ORG":
                                    return _name_of(o)
                    if obj.lemma_.lower() in TWEET_WORDS:
                        return "tweet"
                    mods = [c.text for c in obj.lefts
                            if c.dep_ == "compound" and c.lower_ in _MEDIA_MODIFIERS]
                    if mods:  # "on a video conference", "at a press briefing"
                        return " ".join([*mods, obj.text])
                    return _CHANNEL_NOUNS[obj.lemma_.lower()]
    return None
