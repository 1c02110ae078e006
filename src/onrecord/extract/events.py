"""Political events in PLOVER (with CAMEO root codes), from the dependency parse.

``extract_events(doc, entities, times)`` finds event triggers with the lexicon of
:mod:`onrecord.extract.event_lexicon`: verbs ("Iran fired missiles at ...") and nouns ("the
American drone strike on Iran's top general", "the siege of the U.S. Embassy"). For each it
reads, from the parse:

- **source and target** (:mod:`onrecord.extract.event_actors`): a verb's subject (or the
  ``by`` agent of a passive) and its object or a target preposition ("at", "against", "with");
  a noun's possessor or state modifier ("Iran's strikes", "U.S. strike") and its ``on`` /
  ``against`` / ``of`` phrase; a noun governed by a light verb ("launched an attack") takes the
  verb's subject. Coordinated actors give one event each.
- **status**: ``negated`` ("did not attack", "decided against retaliation", "rejected
  operations to kill him"), ``called_off`` ("call off ... an imminent strike"), ``planned``
  ("will visit", "plans to", "agreed to"), ``hypothetical`` ("could attack", "a potential
  strike", "the threat of an attack"), else ``occurred``.
- **time**: the time expression of the trigger's own clause (:func:`clause_time`), else none;
- **location**: the place of an ``in`` / ``near`` phrase on the trigger.

No extra model runs: only the parse the pipeline already made.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from onrecord.extract.doctext import text_of
from onrecord.extract.event_actors import ActorIndex, participant
from onrecord.extract.event_complements import Candidate, domestic_target, merge_complements
from onrecord.extract.event_context import clause_time, status_of, times_by_sentence
from onrecord.extract.event_lexicon import (
    COMPOUNDS,
    LIGHT_VERBS,
    NOUNS,
    PATIENT_NOUNS,
    SPEECH_VERBS,
    TARGET_PREPS,
    VERB_OBJECTS,
    VERB_PREPS,
    VERBS,
    plover_type,
)
from onrecord.models import Entity, Event, EventStatus, Participant, TimeExpr, content_id

_SUBJECTS = frozenset({"nsubj", "csubj"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_CONTROL = LIGHT_VERBS | frozenset({
    "decide", "refuse", "decline", "reject", "call", "cancel", "abort", "order", "approve",
    "authorize", "plan", "threaten", "vow", "pledge", "promise", "agree", "refrain", "avoid",
    "consider", "weigh", "stop", "prepare", "intend", "seek", "want", "try", "attempt",
})
_LABOUR_MOD = re.compile(r"-(day|hour|week|month)\b|\b(open-ended|indefinite|general|wildcat)\b")
#: Verbs whose coordinated subjects act on one another ("Ruritania and Freedonia met").
RECIPROCAL = frozenset({"meet", "negotiate", "talk", "confer", "consult", "clash", "fight",
                        "cooperate", "collaborate"})
_FIGURATIVE = {("seize", "on"), ("seize", "upon"), ("strike", "down")}
# objects that make an attack verb figurative: "struck a harder tone", "hit a record"
_FIGURATIVE_OBJECTS = frozenset("""
    tone note chord balance pose nerve fear record high low wall snag jackpot bottom stride
    """.split())


@dataclass(frozen=True)
class Trigger:
    """An event trigger: the token whose dependents give the roles, and the words' span."""

    head: Token  # the verb, or the noun heading the event's noun phrase
    first: int  # token range of the trigger words
    last: int
    code: str
    verbal: bool
    patient: bool = False  # a noun whose possessor / "of" phrase is the target


def _verb_code(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    for child in tok.children:
        key = (lemma, child.lower_)
        if child.dep_ in {"prt", "prep"} and key in _FIGURATIVE:
            return None
        if child.dep_ in {"prt", "prep", "dobj"} and key in VERB_PREPS:
            return VERB_PREPS[key]  # "fired at", "called for", "open fire"
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _FIGURATIVE_OBJECTS for c in tok.children):
        return None
    if lemma == "demonstrate" and any(c.dep_ in {"dobj", "ccomp"} for c in tok.children):
        return None  # "demonstrated that ...": showed, not a rally
    objects = VERB_OBJECTS.get(lemma)
    if objects is not None:
        for child in tok.children:
            if child.dep_ in {"dobj", "dative", "nsubjpass"}:
                lemmas = {child.lemma_.lower()} | {c.lemma_.lower() for c in child.children
                                                   if c.dep_ == "compound"}
                lemmas |= {g.lemma_.lower() for c in child.children if c.lower_ == "of"
                           for g in c.children if g.dep_ == "pobj"}  # "tons of food aid"
                for lem in sorted(lemmas):
                    if lem in objects:
                        return objects[lem]
    return VERBS.get(lemma)


def _triggers(doc: Doc) -> list[Trigger]:
    """Every trigger in ``doc``, speech verbs and participial adjectives left out."""
    found: list[Trigger] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB":
            if tok.tag_ == "VBG" and tok.dep_ == "acl" and tok.head.i == tok.i - 1:
                code = COMPOUNDS.get((tok.head.lemma_.lower(), tok.lower_))
                if code:  # "hostage taking" parsed as a noun and a gerund
                    found.append(Trigger(tok.head, tok.head.i, tok.i, code, False,
                                         tok.lower_ in PATIENT_NOUNS))
                    continue
            if lemma in SPEECH_VERBS or tok.dep_ == "amod":
                continue
            code = _verb_code(tok)
            if code:
                found.append(Trigger(tok, tok.i, tok.i, code, True))
        elif tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ != "compound":
            prev = doc[tok.i - 1] if tok.i > 0 else None
            first, code = tok.i, NOUNS.get(lemma)
            if prev is not None and prev.dep_ in {"compound", "amod"} and prev.head == tok:
                pair = COMPOUNDS.get((prev.lemma_.lower(), lemma))
                if pair:
                    first, code = prev.i, pair
            if lemma == "strike" and first == tok.i and _LABOUR_MOD.search(
                    doc[tok.left_edge.i:tok.i].text.lower()):
                code = "143"  # "a four-day strike", "an open-ended strike": a labour strike
            if code and not (tok.pos_ == "PROPN" and tok.ent_type_):
                found.append(Trigger(tok, first, tok.i, code, False, lemma in PATIENT_NOUNS))
    return found


def _heads_of(tok: Token | None) -> list[Token]:
    """``tok`` and its coordinated conjuncts ("Mordor, Rohan and Bree")."""
    if tok is None:
        return []
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


def _child(tok: Token, deps: frozenset[str] | set[str]) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _pobjs(tok: Token, preps: Sequence[str]) -> list[Token]:
    found: list[Token] = []
    for prep in preps:
        for c in tok.children:
            if c.dep_ in {"prep", "agent"} and c.lower_ == prep:
                found.extend(g for g in c.children if g.dep_ == "pobj")
    return found


def _subject(tok: Token) -> Token | None:
    """A verb's subject, inherited through xcomp, conj and clauses of purpose."""
    for _ in range(6):
        subj = _child(tok, _SUBJECTS)
        if subj is not None:
            if subj.lower_ in {"who", "that", "which"}:
                return tok.head if tok.dep_ == "relcl" else None
            return subj
        agent = _pobjs(tok, ("by",))
        if agent and _child(tok, {"nsubjpass"}) is not None:
            return agent[0]
        if tok.dep_ == "xcomp" and tok.head.lemma_ in {"urge", "ask", "force", "order",
                                                      "call", "press"}:
            obj = _child(tok.head, {"dobj"})
            if obj is not None:
                return obj
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in {"NOUN", "PROPN"}:
            return tok.head  # "the group believed responsible for killing": the group
        if tok.dep_ in {"xcomp", "conj", "advcl", "pcomp", "oprd", "acomp"} and tok.head != tok:
            tok = tok.head
        elif tok.dep_ == "prep" and tok.head.pos_ == "ADJ":
            tok = tok.head  # "responsible for killing", "guilty of attacking"
        elif tok.dep_ in {"acl", "relcl"} and tok.head.pos_ in {"NOUN", "PROPN"}:
            return _child(tok.head, {"poss"})  # "Trump's decision to call off"
        else:
            return None
    return None


def _controller(tok: Token) -> Token | None:
    """The verb that takes an event noun as its object ("decided against retaliation")."""
    node = tok
    for _ in range(5):
        if node.dep_ not in {"dobj", "pobj", "prep", "attr", "xcomp", "ccomp", "nsubjpass",
                             "acl"} or node.head == node:
            return None
        node = node.head
        if node.pos_ in {"NOUN", "PROPN"}:
            return None  # "retaliation to those attacks": the attacks are not Trump's
        if node.pos_ == "VERB" and node.lemma_.lower() in _CONTROL:
            return node
        if node.pos_ == "VERB" and node.dep_ not in {"xcomp", "ccomp", "acl"}:
            return None
    return None


def _verb_roles(tok: Token) -> tuple[Token | None, list[Token]]:
    """(source head, target head candidates) of a verbal trigger."""
    source = _subject(tok)
    passive = _child(tok, {"nsubjpass"})
    targets: list[Token] = []
    if passive is not None:
        targets.append(passive)
        if source is passive:
            source = None
    objects = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
    targets.extend(objects)
    for obj in objects:  # "cut ties with Uganda", "sent aid to Chad"
        targets.extend(_pobjs(obj, TARGET_PREPS))
    targets.extend(_pobjs(tok, TARGET_PREPS))
    for c in tok.children:  # "demanded that X do"
        if c.dep_ == "ccomp":
            subj = _child(c, {"nsubj", "nsubjpass"})
            if subj is not None:
                targets.append(subj)
    targets.extend(_pobjs(tok, ("in",)))
    return source, targets


def _names_actor(tok: Token) -> bool:
    return tok.dep_ == "poss" or tok.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}


def _noun_roles(trigger: Trigger) -> tuple[Token | None, list[Token]]:
    """(source head, target head candidates) of a nominal trigger."""
    tok = trigger.head
    source: Token | None = None
    targets: list[Token] = []
    by = _pobjs(tok, ("by",))
    mods = [c for c in tok.children
            if c.dep_ in {"poss", "amod", "compound", "nmod"} and c.i < trigger.first]
    if trigger.patient:
        targets.extend(_pobjs(tok, ("of",)))
        targets.extend(mods)
        source = by[0] if by else None
    else:
        source = by[0] if by else next((m for m in mods if _names_actor(m)), None)
    targets.extend(_pobjs(tok, TARGET_PREPS))
    if source is None:
        verb = _controller(tok)
        if verb is not None:
            source = _subject(verb)
            targets.extend(_pobjs(verb, TARGET_PREPS))
    return source, targets


def _pick(doc: Doc, heads: list[Token], index: ActorIndex, exclude: set[int]
          ) -> list[Participant]:
    """The participants of the first candidate that names an actor (else the first one)."""
    first: list[Participant] = []
    for head in heads:
        if head.i in exclude or head.ent_type_ in {"DATE", "TIME"}:
            continue
        found = [p for h in _heads_of(head) if (p := participant(doc, h, index)) is not None]
        if any(_state_named(p) for p in found):
            return [p for p in found if _state_named(p)]
        if not first and found and head.head.lower_ != "in":
            first = found
    return first


def _state_named(p: Participant) -> bool:
    return bool(p.actor) and not (p.actor or "").startswith("---")


def _place_actor(doc: Doc, tok: Token, index: ActorIndex) -> Participant | None:
    """The state of the place an event happened in ("in Tokyo", "near Samarra, Iraq")."""
    for obj in _pobjs(tok, ("in", "near", "outside", "inside")):
        for h in [obj, *_pobjs(obj, ("of",))]:
            p = participant(doc, h, index)
            if p is not None and _state_named(p):
                return Participant(p.text, p.entity, (p.actor or "")[:3])
    return None


def _location(doc: Doc, tok: Token) -> str | None:
    for obj in _pobjs(tok, ("in", "near", "outside")):
        if obj.ent_type_ in _PLACES:
            span = next((e for e in doc.ents if e.start <= obj.i < e.end), None)
            return span.text if span is not None else obj.text
    return None


def _absorbed(tok: Token, heads: set[int]) -> bool:
    """A light verb whose object is itself a trigger ("launched an attack"): one event."""
    return tok.lemma_.lower() in LIGHT_VERBS | {"fire"} and any(
        c.i in heads and c.dep_ == "dobj" for c in tok.children)


def _candidate(doc: Doc, trig: Trigger, index: ActorIndex) -> Candidate | None:
    """The trigger's type and participants, or ``None`` when it is no PLOVER event."""
    type_ = plover_type(trig.code)
    if type_ is None:
        return None
    tok = trig.head
    source_tok, target_toks = _verb_roles(tok) if trig.verbal else _noun_roles(trig)
    sources = _pick(doc, [source_tok] if source_tok is not None else [], index, set())
    exclude = {h.i for h in _heads_of(source_tok)}
    exclude |= set(range(trig.first, trig.last + 1))
    targets = _pick(doc, target_toks, index, exclude)
    named = [p for p in sources if _state_named(p)]
    if tok.lemma_.lower() in RECIPROCAL and len({p.actor for p in named}) > 1 and not any(
            _state_named(p) for p in targets):
        targets = named  # each member meets the others; pairs with itself are left out
    return Candidate(tok, trig.first, trig.last, trig.code, type_, tuple(sources),
                     tuple(targets), trig.patient, _place_actor(doc, tok, index))


def extract_events(doc: Doc, entities: Sequence[Entity], times: Sequence[TimeExpr] = ()
                   ) -> list[Event]:
    """Every event in ``doc``, in text order, one per trigger and actor pair."""
    index = ActorIndex.build(doc, entities)
    times_in = times_by_sentence(doc, times)
    text = text_of(doc)
    triggers = _triggers(doc)
    heads = {t.head.i for t in triggers}
    cands = [c for trig in triggers
             if not (trig.verbal and _absorbed(trig.head, heads))
             and (c := _candidate(doc, trig, index)) is not None]
    events: list[Event] = []
    for cand in merge_complements(cands):
        tok = cand.head
        sources = cand.sources
        targets = domestic_target(cand.targets, sources, cand.place)
        if not sources and not (cand.patient and any(_state_named(p) for p in targets)):
            continue  # no source: CAMEO codes who did what to whom ("20 people were killed"),
            # save an act named by what it did to a state ("the downing of a U.S. drone")
        verbal = tok.pos_ in {"VERB", "AUX"} and cand.first == cand.last == tok.i
        status_tok = doc[cand.last] if not verbal else tok
        others = frozenset(heads - {tok.i})
        status: EventStatus = status_of(status_tok if status_tok.pos_ == "VERB" else tok, others)
        start = doc[cand.first].idx
        end = doc[cand.last].idx + len(doc[cand.last].text)
        time_id = clause_time(doc, tok, times_in, others)
        location = _location(doc, doc[cand.last]) or _location(doc, tok)
        none: list[Participant | None] = [None]
        for src in [*sources] or none:
            for tgt in [*targets] or none:
                if src is not None and tgt is not None and src.text == tgt.text:
                    continue
                events.append(Event(
                    id=content_id("event", start, end, src.text if src else "",
                                  tgt.text if tgt else ""),
                    type=cand.type_, cameo=cand.code[:2], trigger=text[start:end],
                    trigger_span=(start, end), status=status, source=src, target=tgt,
                    location=location, time=time_id,
                ))
    return events
