"""Political events in PLOVER (with CAMEO root codes), from the dependency parse.

``extract_events(doc, entities, times)`` finds event triggers
(:mod:`onrecord.extract.events.triggers`, with the lexicon of
:mod:`onrecord.extract.events.lexicon`): verbs ("Iran fired missiles at ...") and nouns ("the
American drone strike on Iran's top general", "the siege of the U.S. Embassy"). For each it
reads, from the parse:

- **source and target** (:mod:`onrecord.extract.events.participants`): a verb's subject (or the
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

Conventions of event coding applied on top (issue 5): a well-known office holder acts for their
state ("Putin" -> RUS, :func:`onrecord.extract.entities.actors.leader_code`); a stateless group
acting in a state is that state's ("100 demonstrators marched in Ruritania"); a protest or a
restriction with no target is aimed at the source's own state; an unclaimed attack on another
state's people is the host state's; "said X must ..." is a demand on X; "will ... unless X ..."
is a threat to X; one state's exercises are MOBILIZE, joint ones COOPERATE; and only the
sentence's own acts are kept (:func:`onrecord.extract.events.complements.main_events`).

No extra model runs: only the parse the pipeline already made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from onrecord.extract.common.doctext import text_of
from onrecord.extract.events.complements import (
    REASONS,
    Candidate,
    domestic_target,
    home_sources,
    main_events,
    merge_complements,
    set_agent,
    shared_targets,
    state_of,
    suffered,
)
from onrecord.extract.events.context import clause_time, recoded, status_of, times_by_sentence
from onrecord.extract.events.lexicon import (
    LIGHT_VERBS,
    RECEIVING,
    SEQUENCE_PREPS,
    TARGET_PREPS,
    VERB_OBJECTS,
    plover_type,
)
from onrecord.extract.events.participants import (
    ActorIndex,
    city_modifier,
    coordinated_states,
    event_location,
    participant,
    place_actor,
)
from onrecord.extract.events.triggers import ACTOR_ENTS, Trigger, find_triggers
from onrecord.extract.events.triggers import first_child as _child
from onrecord.extract.events.triggers import pobjs as _pobjs
from onrecord.models import Entity, Event, EventStatus, Participant, TimeExpr, event_id

_SUBJECTS = frozenset({"nsubj", "csubj"})
_DOCUMENTS = frozenset({"statement", "declaration", "communique", "letter", "resolution",
                        "message", "report", "petition", "note", "decree", "appeal"})
_VISITS = frozenset({"visit", "tour", "trip", "mission"})
_MEASURES = frozenset({"day", "week", "month", "hour", "year", "series", "wave", "round", "spate",
                       "string", "number", "couple", "campaign", "program", "programme"})
_CONTROL = LIGHT_VERBS | frozenset({
    "declare", "arrive", "come", "go", "travel", "fly", "tighten", "extend", "expand",
    "converge", "gather", "assemble", "flock", "join",
    "intensify", "broaden", "widen",
    "decide", "refuse", "decline", "reject", "call", "cancel", "abort", "order", "approve",
    "authorize", "plan", "threaten", "vow", "pledge", "promise", "agree", "refrain", "avoid",
    "consider", "weigh", "stop", "prepare", "intend", "seek", "want", "try", "attempt",
})
#: Verbs whose coordinated subjects act on one another ("Ruritania and Freedonia met").
RECIPROCAL = frozenset({"agree", "meet", "negotiate", "talk", "confer", "consult", "clash", "fight",
                        "cooperate", "collaborate"})
#: Acts whose doer, when the sentence names none, is taken to be the state they happen in
#: ("a U.S. national has been put under investigation in Italy").
_HOST_ANSWERS = frozenset({"ASSAULT", "COERCE", "ACCUSE"})
_INSTRUMENTS = frozenset("""
    bomb bombing device explosive explosion blast mine rocket shell mortar grenade missile
    """.split())
_INVOLVED = frozenset({"engage", "involve"})
# Passives whose subject is the doer: "Ruritania is opposed to", "is committed to", "the
# guerrillas have been demobilized"
_SELF_PASSIVES = frozenset({"oppose", "commit", "committed", "demobilize", "demobilise"})
# "killed 23 people and themselves": the doers, not a second party
_REFLEXIVES = frozenset({"themselves", "itself", "himself", "herself", "ourselves"})
_BOUNDARIES = frozenset({"border", "frontier", "coast", "sea", "gulf", "strait", "boundary"})
_ADDRESSING = frozenset({"complain", "protest", "appeal", "write", "petition"})


def _heads_of(tok: Token | None) -> list[Token]:
    """``tok`` and its coordinated conjuncts ("Mordor, Rohan and Bree"), also those the parser
    hangs from an apposition ("The US, Russia, and Switzerland") or from another word of the
    same name ("Barack Obama and Vladimir Putin")."""
    if tok is None:
        return []
    out = [tok, *[c for c in tok.conjuncts if c.i > tok.i]]
    same_name = [t for t in tok.subtree if t.i != tok.i and t.ent_type_ == tok.ent_type_ == "PERSON"
                 and t.ent_iob_ == "I" and t.head.i == tok.i]
    for t in [*[c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "GPE"],
              *same_name]:
        out.extend(c for c in t.conjuncts if c.i > t.i and c not in out)
        if t.dep_ == "appos":
            out.append(t)
    return out


def _subject(tok: Token) -> Token | None:
    """A verb's subject, inherited through xcomp, conj and clauses of purpose."""
    start = tok
    via = ""
    for _ in range(6):
        subj = _child(tok, _SUBJECTS)
        if subj is not None:
            if subj.lower_ in {"who", "that", "which"}:
                return tok.head if tok.dep_ == "relcl" else None
            return subj
        if via == "conj" and _child(tok, {"nsubjpass"}) is not None:
            return _child(tok, {"nsubjpass"})  # "was indicted by the court and will resign"
        via = tok.dep_
        agent = _pobjs(tok, ("by",))
        if agent and (_child(tok, {"nsubjpass"}) is not None or
                      (tok.i == start.i and tok.tag_ == "VBN" and tok.dep_ == "advcl")):
            return agent[0]  # "X was rebuked by Y", "Rebuked by Y, X ..."
        if tok.i == start.i and _child(tok, {"nsubjpass"}) is not None and \
                tok.dep_ in {"advcl", "ccomp", "relcl"}:
            return None  # "opposed it until their demands are met": met by whom, unsaid
        if tok.dep_ == "xcomp" and tok.head.lemma_ in {"urge", "ask", "force", "order",
                                                      "call", "press"}:
            obj = _child(tok.head, {"dobj"})
            if obj is not None:
                return obj
        passive = _child(tok, {"nsubjpass"})
        if passive is not None and tok.i != start.i and not agent and \
                start.dep_ == "xcomp" and start.head.i == tok.i:
            return passive  # "is scheduled to attend", "was forced to resign"
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in {"NOUN", "PROPN"}:
            if tok.i == start.i:
                return None  # "soldiers killed in the attack": the soldiers were killed
            return tok.head  # "the group believed responsible for killing": the group
        if tok.dep_ in {"xcomp", "conj", "advcl", "pcomp", "oprd", "acomp"} and tok.head != tok:
            tok = tok.head
        elif tok.dep_ == "prep" and tok.head.pos_ == "ADJ":
            tok = tok.head  # "responsible for killing", "guilty of attacking"
        elif tok.dep_ in {"acl", "relcl"} and tok.head.pos_ in {"NOUN", "PROPN"}:
            owner = _child(tok.head, {"poss"})  # "Trump's decision to call off"
            if owner is None and tok.head.lemma_.lower() in _DOCUMENTS and \
                    tok.head.dep_ == "dobj" and tok.head.head.pos_ == "VERB":
                return _subject(tok.head.head)  # "issued a statement demanding": the issuer
            return owner
        else:
            return None
    return None


def _controller(tok: Token) -> Token | None:
    """The verb that takes an event noun as its object ("decided against retaliation")."""
    node = tok
    for _ in range(5):
        while node.dep_ == "conj" and node.head.pos_ in {"NOUN", "PROPN"} and node.head != node:
            node = node.head  # "launched artillery, mortar and rocket fire": the first object's
        if node.dep_ not in {"dobj", "pobj", "prep", "attr", "xcomp", "ccomp", "nsubjpass",
                             "acl"} or node.head == node:
            return None
        if node.dep_ == "prep" and node.lower_ in SEQUENCE_PREPS:
            return None  # "imposed a curfew after the protests": not the curfew's imposers'
        node = node.head
        if node.pos_ in {"NOUN", "PROPN"} and node.lemma_.lower() in _MEASURES:
            continue  # "launched ten days of war games", "a series of raids"
        if node.pos_ in {"NOUN", "PROPN"}:
            return None  # "retaliation to those attacks": the attacks are not Trump's
        if node.pos_ == "VERB" and node.lemma_.lower() in _CONTROL:
            return node
        if node.pos_ == "VERB" and node.dep_ not in {"xcomp", "ccomp", "acl"}:
            return None
    return None


def _verb_roles(tok: Token, code: str = "") -> tuple[Token | None, list[Token]]:
    """(source head, target head candidates) of a verbal trigger."""
    source = _subject(tok)
    if code in {"0861", "0862"} and tok.lemma_.lower() == "arrive":  # the host lets them in
        return next(iter(_pobjs(tok, ("in",))), None), [source] if source is not None else []
    if tok.lemma_.lower() in RECEIVING and code[:2] in {"03", "07"}:
        givers = _pobjs(tok, ("from",)) + [g for o in tok.children if o.dep_ == "dobj"
                                           for g in _pobjs(o, ("from",))]
        if givers:  # "Chad received aid from Japan": Japan gave it to Chad
            return givers[0], [source] if source is not None else []
    passive = _child(tok, {"nsubjpass"})
    targets: list[Token] = []
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in {"NOUN", "PROPN"}:
        targets.append(tok.head)  # "ten soldiers killed in the attack"
    if passive is not None:
        targets.append(passive)  # "evidence against Ruritania was presented": Ruritania
        targets.extend(_pobjs(passive, TARGET_PREPS))
        if source is passive:
            source = None
        if source is None and code[:2] in {"18", "19", "20"}:
            source = next(iter(_pobjs(tok, ("from",))), None)  # "rockets were fired from Gaza"
    elif tok.tag_ == "VBN" and tok.dep_ == "advcl" and _pobjs(tok, ("by",)):
        target = _child(tok.head, {"nsubj", "nsubjpass"})  # "Rebuked by Freedonia, Ruritania
        if target is not None:  # withdrew": Ruritania was rebuked
            targets.append(target)
    objects = [c for c in tok.children if c.dep_ in {"dobj", "dative"} and c.pos_ != "ADP"]
    targets.extend(objects)
    for obj in objects:  # "cut ties with Uganda", "sent aid to Chad"
        targets.extend(_pobjs(obj, TARGET_PREPS))
    if tok.lemma_.lower() in _ADDRESSING:  # "complained to the U.N. over the raids": the raids
        targets.extend(_pobjs(tok, ("over", "about", "against", "of")))
    targets.extend(_pobjs(tok, TARGET_PREPS))
    if passive is not None and source is None and tok.lemma_.lower() in _SELF_PASSIVES:
        source, targets = passive, _pobjs(tok, ("to",))  # "Ruritania is opposed to ..."
    for c in tok.children:  # "demanded that X do"
        if c.dep_ == "ccomp":
            subj = _child(c, {"nsubj", "nsubjpass"})
            if subj is not None:
                targets.append(subj)
    reasons = _reason_targets(tok)  # a protest is aimed at whom it defies, not the street
    targets = [*reasons, *targets] if code[:2] == "14" else [*targets, *reasons]  # it blocks
    targets.extend(_pobjs(tok, ("in",)))
    targets.extend(_complement_targets(tok))
    if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        targets.extend(_pobjs(tok.head, TARGET_PREPS))  # "sent experts to Bosnia to investigate"
    condition = _condition(tok)
    if condition is not None:
        targets.append(condition)
    own = VERB_OBJECTS.get(tok.lemma_.lower(), {}) if code[:2] in {"18", "19", "20"} else {}
    if code[:2] == "07" or any(own.get(o.lemma_.lower()) == code for o in objects):  # "waged
        targets = [t for t in targets if t not in objects] + [t for t in targets if t in objects]
        # war on the rebels", "handed medicine to the Red Crescent": the recipient
    return source, targets


def _reason_targets(tok: Token) -> list[Token]:
    """Whom an act answers: "in protest of Ruritania's refusal", "in defiance of Freedonia"."""
    return [g for obj in _pobjs(tok, ("in",)) if obj.lemma_.lower() in REASONS
            for g in _pobjs(obj, ("of", "against", "at", "to", "over"))]


def _condition(tok: Token) -> Token | None:
    """The subject of an "unless" clause on ``tok``: whom a conditional act is aimed at."""
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                     for m in c.children):
            return _child(c, _SUBJECTS)
    return None


def _complement_targets(tok: Token) -> list[Token]:
    """Targets named in the verb's infinitive complement: "threatened to cut off electricity
    to Ruritania", "agreed to reopen its borders to U.N. peacekeepers" (after its own)."""
    found: list[Token] = []
    for _ in range(3):
        comps = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}]
        for comp in comps:  # several when the parser splits a hyphenated verb ("re-open")
            objects = [c for c in comp.children if c.dep_ in {"dobj", "dative"}]
            found.extend(objects)
            for obj in objects:
                found.extend(_pobjs(obj, TARGET_PREPS))
            found.extend(_pobjs(comp, (*TARGET_PREPS, "in")))
            condition = _condition(comp)
            if condition is not None:  # "threatened to strike unless Freedonia withdrew"
                found.append(condition)
        if not comps:
            break
        tok = comps[-1]
    return found


def _names_actor(tok: Token) -> bool:
    return tok.dep_ == "poss" or tok.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"} and \
        not city_modifier(tok)


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
        agents = [m for m in mods if m.dep_ == "amod" and m.ent_type_ == "NORP"]
        targets.extend(m for m in mods if m not in agents or tok.lower_ == "taking")
        source = by[0] if by else next((m for m in agents if tok.lower_ != "taking"), None)
    else:
        source = by[0] if by else next((m for m in mods if _names_actor(m)), None)
    targets.extend(_pobjs(tok, TARGET_PREPS))
    if not trigger.patient:  # "a suspension of air links with Freedonia"
        targets.extend(g for obj in _pobjs(tok, ("of",)) for g in _pobjs(obj, TARGET_PREPS))
    targets.extend(_reason_targets(tok))
    source = source or set_agent(tok)  # "attacks by X, including the downing of a drone"
    if source is None:
        verb = _controller(tok)
        if verb is not None:
            source = _subject(verb)
            passive = _child(verb, {"nsubjpass"})
            if source is None and passive is not None and verb.lemma_.lower() in _INVOLVED:
                source = passive  # "troops were engaged in ethnic cleansing"
            targets.extend(_pobjs(verb, TARGET_PREPS))
            if tok.lemma_.lower() in _VISITS:
                targets.extend(_pobjs(verb, ("in",)))  # "arrived in Amman on a visit"
            patient = _child(verb, {"nsubjpass"})
            if source is None and patient is not None and not _pobjs(verb, ("by",)):
                targets.append(patient)  # "X was put under investigation": X
            if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.i == verb.i:
                targets.extend(c for c in verb.children if c.dep_ == "dobj")  # "engaged
                # peacekeepers in a firefight"
    return source, targets


def _pick(doc: Doc, heads: list[Token], index: ActorIndex, exclude: set[int]
          ) -> list[Participant]:
    """The participants of the first candidate that names an actor (else the first one)."""
    first: list[Participant] = []
    for head in heads:
        if head.ent_type_ in {"DATE", "TIME"}:  # "met with President X Tuesday", misparsed
            head = next((c for c in reversed(list(head.children)) if c.dep_ == "compound"
                         and c.ent_type_ in ACTOR_ENTS), head)
        if head.i in exclude or head.ent_type_ in {"DATE", "TIME"}:
            continue
        pairs = [(h, p) for h in _heads_of(head) if h.lower_ not in _REFLEXIVES
                 and (p := participant(doc, h, index)) is not None]
        found = [p for _, p in pairs]
        found += [Participant(text, None, code + (p.actor or "")[3:]) for h, p in pairs
                  for code, text in coordinated_states(doc, h, index)
                  if _state_named(p) and code != (p.actor or "")[:3]]
        if any(_state_named(p) for p in found):
            return [p for p in found if _state_named(p)]
        if not first and found and head.head.lower_ != "in":
            first = found
    if first and not any(p.actor for p in first):
        inner = _inner_state(doc, heads[0], index, exclude)
        if inner is not None:  # "an extension of the mandate for the force in Lebanon"
            return [inner]
    return first


def _inner_state(doc: Doc, head: Token, index: ActorIndex, exclude: set[int]
                 ) -> Participant | None:
    """The first state named within a phrase that names no actor itself (a thing: "part of
    an aid program for Ruritania"), through its prepositions but not its clauses."""
    stack = [c for c in head.children if c.dep_ == "prep"]
    for _ in range(12):
        if not stack:
            return None
        node = stack.pop(0)
        for c in node.children:
            if c.dep_ in {"pobj", "prep", "conj"}:
                if c.i not in exclude and c.dep_ == "pobj" and c.ent_type_ != "LOC" and \
                        c.lemma_.lower() not in _BOUNDARIES:
                    p = participant(doc, c, index)
                    if p is not None and _state_named(p):
                        return p
                stack.append(c)
            if c.dep_ == "pobj":
                stack.extend(g for g in c.children if g.dep_ == "prep")
    return None


def _state_named(p: Participant) -> bool:
    return bool(p.actor) and not (p.actor or "").startswith("---")


def _place_of(doc: Doc, trig: Trigger, index: ActorIndex) -> Participant | None:
    """The state the act happened in, from the trigger or, for a noun, the verb that governs
    it ("staged a protest in Beijing")."""
    place = place_actor(doc, trig.head, index)
    for obj in [c for c in trig.head.children if c.dep_ == "dobj"] if trig.verbal else []:
        place = place or place_actor(doc, obj, index)  # "blocked streets in Hong Kong"
    if place is None and not trig.verbal:
        verb = _controller(trig.head)
        if verb is not None:
            place = place_actor(doc, verb, index)
    return place


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
    source_tok, target_toks = _verb_roles(tok, trig.code) if trig.verbal else \
        _noun_roles(trig)
    sources = _pick(doc, [source_tok] if source_tok is not None else [], index, set())
    exclude = {h.i for h in _heads_of(source_tok)}
    exclude |= set(range(trig.first, trig.last + 1))
    targets = _pick(doc, target_toks, index, exclude)
    named = [p for p in sources if _state_named(p)]
    if tok.lemma_.lower() in RECIPROCAL and len({p.actor for p in named}) > 1 and not any(
            _state_named(p) for p in targets):
        targets = named  # each member meets the others; pairs with itself are left out
    code = trig.code
    if code == "062" and len({p.actor[:3] for p in named if p.actor}) < 2 and not (
            "joint" in doc[trig.first:trig.last + 1].text.lower() or _pobjs(tok, ("with",))):
        code, type_ = "150", "MOBILIZE"  # one state's exercises show force; joint ones cooperate
    return Candidate(tok, trig.first, trig.last, code, type_, tuple(sources),
                     tuple(targets), trig.patient, _place_of(doc, trig, index), trig.rule)


def extract_events(doc: Doc, entities: Sequence[Entity], times: Sequence[TimeExpr] = ()
                   ) -> list[Event]:
    """Every event in ``doc``, in text order, one per trigger and actor pair."""
    index = ActorIndex.build(doc, entities)
    times_in = times_by_sentence(doc, times)
    text = text_of(doc)
    triggers = find_triggers(doc)
    heads = {t.head.i for t in triggers}
    cands = [c for trig in triggers
             if not (trig.verbal and _absorbed(trig.head, heads))
             and (c := _candidate(doc, trig, index)) is not None]
    kept: list[tuple[Candidate, list[Participant]]] = []
    for cand in shared_targets(merge_complements(cands)):
        place = state_of(cand.place)
        if place and cand.sources and not any(_state_named(p) for p in cand.sources):
            cand = replace(cand, sources=tuple(  # "100 demonstrators marched in Ruritania"
                Participant(p.text, p.entity, place + (p.actor or "")[3:]) for p in cand.sources))
        targets = domestic_target(cand.targets, cand.sources, cand.place,
                                  internal=cand.type_ == "PROTEST" or
                                  cand.code.startswith("172"))
        cand = replace(cand, sources=home_sources(cand, targets))
        if cand.type_ == "ASSAULT" and place and cand.sources and all(
                not _state_named(p) and p.text.split()[-1].lower().rstrip("s") in _INSTRUMENTS
                for p in cand.sources):
            cand = replace(cand, sources=())  # "killed by a roadside bomb": no one named
        if not cand.sources and place and cand.type_ in _HOST_ANSWERS and any(
                _state_named(p) and p.actor and p.actor[:3] != place for p in cand.targets):
            # an unclaimed attack on another state's people is the host state's to answer for
            # ("three American soldiers were killed by a bomb outside Kandahar, Afghanistan")
            cand = replace(cand, sources=(replace(cand.place, actor=place),)
                           if cand.place else ())
        if not cand.sources and not ((cand.patient or suffered(cand)) and
                                     any(_state_named(p) for p in targets)):
            continue  # no source: CAMEO codes who did what to whom ("20 people were killed"),
            # save an act named by what it did to a state ("the downing of a U.S. drone",
            # "three Iraqi civilians were killed in a bombing")
        kept.append((cand, targets))
    events: list[Event] = []
    seen: set[str] = set()
    for cand, targets in main_events(kept):
        tok = cand.head
        sources = cand.sources
        verbal = tok.pos_ in {"VERB", "AUX"} and cand.first == cand.last == tok.i
        status_tok = doc[cand.last] if not verbal else tok
        others = frozenset(heads - {tok.i})
        status: EventStatus = status_of(status_tok if status_tok.pos_ == "VERB" else tok, others)
        type_, cameo = cand.type_, cand.code[:2]
        if verbal and status == "planned" and _condition(tok) is not None:
            # "will withdraw its troops unless Freedonia holds elections": an ultimatum
            type_, cameo, status = "THREATEN", "13", "occurred"
        type_, cameo, status = recoded(tok, type_, cameo, status)
        start = doc[cand.first].idx
        end = doc[cand.last].idx + len(doc[cand.last].text)
        time_id = clause_time(doc, tok, times_in, others)
        location = event_location(doc, doc[cand.last]) or event_location(doc, tok)
        none: list[Participant | None] = [None]
        for src in [*sources] or none:
            for tgt in [*targets] or none:
                if src is not None and tgt is not None and src.text == tgt.text or not (
                        src and src.actor or tgt and tgt.actor):
                    continue  # an event names an actor on one side at least (PETRARCH's rule)
                ev_id = event_id(start, end, src.text if src else "",
                                 tgt.text if tgt else "")
                if ev_id in seen:
                    continue  # one event per trigger and pair of participants
                seen.add(ev_id)
                events.append(Event(
                    id=ev_id,
                    type=type_, cameo=cameo, trigger=text[start:end],
                    trigger_span=(start, end), status=status, source=src, target=tgt,
                    location=location, time=time_id, rule=cand.rule or None,
                ))
    return events
