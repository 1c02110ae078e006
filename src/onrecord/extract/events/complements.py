"""One event per act: merging a trigger with the trigger it governs, and domestic targets.

**Complements.** A sentence often names one act with two triggers, one governing the other:
"threatened to cut ties", "agreed to hold talks", "called for sanctions", "refused to release",
"accused Ruritania of shelling". Event coders code one event there, and so does onrecord
(:func:`merge_complements`):

- under a verb of *intention* ("agree", "pledge", "promise", "offer", "vow", "decide", "plan",
  "prepare", "intend"), the governed act is the event: its status (``planned``) already says it is
  intended, and PLOVER's convention codes it as AGREE or THREATEN;
- under any other trigger (a request, a refusal, a threat, an accusation, a concession:
  "demanded the release", "refused to lift", "threatened to attack", "accepted the demands"),
  the governing trigger is the event and the governed one says what it is about.

The survivor keeps its own participants; when it names no state on a side, it takes the other
trigger's ("threatened to cut off electricity to Ruritania": the target is Ruritania's).

**One act per sentence** (:func:`main_events`). Coders code the sentence's act, not every
verb: "Ruritanian police opened fire, killing one and arresting 12" is one event. Per main clause
(the root, or a verb coordinated with it), the highest triggers are kept; lower ones only when
they are acts of their own: set in time against the main act ("after the strike", "answering
the expulsion"), in an adverbial clause with its own subject ("even as its minister warned"),
called off, or naming a state the main act does not. A trigger describing a participant ("X,
which is preparing an offensive"), inside a condition ("unless Y accepted") or inside what was
asked ("said Z must withdraw", "rejected Z's demand to sever ties") is never kept.

**Examples of a set** (:func:`set_agent`). An act given as an example of a set of acts
("attacks by Ruritania and its proxies, including the downing of a drone") is the set's agent's
when it names none of its own.

**Domestic targets** (:func:`domestic_target`). CAMEO codes a target by its state even when the
sentence names only a group or a person ("Freedonian police arrested 30 demonstrators"): such a
target, with no state of its own, belongs to the state the event happens in, or else to the
source's state (a domestic event, X -> X).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from onrecord.extract.entities.actors import state_name
from onrecord.extract.events.context import status_of
from onrecord.extract.events.lexicon import LIGHT_VERBS
from onrecord.models import Participant

INTENT_VERBS = frozenset({"agree", "pledge", "promise", "offer", "vow", "decide", "plan",
                          "prepare", "intend", "undertake", "commit", "volunteer"})
_NON_STATES = frozenset({"IGO", "NGO", "IMG", "ISM"})
_HOME_SECTORS = frozenset({"JUD", "COP"})  # courts and police act in their own state
_EMBEDDING = frozenset({"xcomp", "ccomp", "dobj"})


@dataclass(frozen=True)
class Candidate:
    """A trigger with its type and participants, before events are built."""

    head: Token
    first: int
    last: int
    code: str
    type_: str
    sources: tuple[Participant, ...]
    targets: tuple[Participant, ...]
    patient: bool = False  # a noun naming what was done to its target ("the downing of")
    place: Participant | None = None  # the state the act happened in ("in Kenya")
    rule: str = ""  # the name of the rule that found the trigger


def state_of(p: Participant | None) -> str | None:
    """The state (or organisation) part of a participant's actor code, or ``None``."""
    if p is None or not p.actor or p.actor.startswith("---"):
        return None
    return p.actor[:3]


def _named(ps: Sequence[Participant]) -> bool:
    return any(state_of(p) for p in ps)


def governor_of(tok: Token, heads: dict[int, int]) -> int | None:
    """The index (in ``heads``: token -> candidate) of the trigger that governs ``tok``.

    A conjunct takes its first conjunct's place ("called on Ruritania to unite and mobilize").
    """
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.i not in heads:
        tok = tok.head
    if tok.dep_ in _EMBEDDING and tok.head.i in heads and tok.head.i != tok.i:
        return heads[tok.head.i]
    if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        # a purpose: "began a hunger strike to demand", "blocked roads to press demands"
        if tok.head.i in heads:
            return heads[tok.head.i]
        for obj in tok.head.children:
            if obj.dep_ == "dobj" and obj.i in heads:
                return heads[obj.i]
    if tok.dep_ in {"pobj", "pcomp"} and tok.head.dep_ == "prep" and tok.head.head.i in heads:
        if tok.head.lower_ in {"for", "of", "to", "on"}:
            return heads[tok.head.head.i]  # "called for sanctions", "accused X of shelling"
    return None


_EXAMPLE_PREPS = frozenset({"including", "like"})


def set_agent(tok: Token) -> Token | None:
    """The agent ("by ...") of the set of acts a nominal trigger is an example of, or ``None``:
    "attacks by Ruritania and its allies, including the downing of a drone" gives the downing
    Ruritania (the example may hang from the set's noun or from its agents)."""
    prep = tok.head
    if tok.dep_ != "pobj" or not (prep.lower_ in _EXAMPLE_PREPS or prep.lower_ == "as" and any(
            c.lower_ == "such" for c in prep.head.children)):
        return None
    node = prep.head
    for _ in range(4):
        agents = [g for c in node.children if c.dep_ == "agent" or c.dep_ == "prep" and
                  c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
        if node.pos_ == "NOUN" and agents:
            return agents[0]
        if node.dep_ not in {"conj", "pobj", "prep"}:
            return None
        node = node.head
    return None


def merge_complements(cands: list[Candidate]) -> list[Candidate]:
    """The candidates left once each governed trigger is merged with its governor."""
    heads = {c.head.i: n for n, c in enumerate(cands)}
    alive = list(cands)
    dropped: set[int] = set()
    for n, cand in enumerate(cands):
        g = governor_of(cand.head, heads)
        if g is None or g == n or g in dropped or n in dropped:
            continue
        gov = alive[g]
        if gov.head.lemma_.lower() in INTENT_VERBS and gov.head.pos_ == "VERB":
            if _others_act(gov, alive[n]):
                # "Israel agreed to U.S. mediation": Israel's assent, given to the U.S.
                alive[g] = replace(gov, targets=alive[n].sources)
                dropped.add(n)
                continue
            keep, lose = n, g
        else:
            keep, lose = g, n
        kept, lost = alive[keep], alive[lose]
        if not _named(kept.sources) and _named(lost.sources) and not (
                {p.text for p in lost.sources} & {p.text for p in kept.targets}):
            kept = replace(kept, sources=lost.sources)  # (not its own target: no X -> X)
        if not _named(kept.targets) and _named(lost.targets):
            kept = replace(kept, targets=lost.targets)
        alive[keep] = kept
        dropped.add(lose)
    return [c for n, c in enumerate(alive) if n not in dropped]


def _others_act(gov: Candidate, noun: Candidate) -> bool:
    """An act named by a noun whose own doer is another state than the one assenting to it."""
    if noun.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    own = {state_of(p) for p in gov.sources} - {None}
    doers = {state_of(p) for p in noun.sources} - {None}
    return bool(own and doers and not own & doers)


def domestic_target(targets: Sequence[Participant], sources: Sequence[Participant],
                    place: Participant | None, internal: bool = False) -> list[Participant]:
    """Targets with a state: a stateless target takes the place's state, else the source's.

    ``internal``: a protest or a restriction with no target named ("rioted", "imposed a
    curfew", "declared martial law") is aimed at the source's own state (or the place's).
    """
    if _named(targets):
        return list(targets)
    state = state_of(place) or next((s for p in sources if (s := state_of(p))), None)
    if internal and not targets and state is not None and state not in _NON_STATES:
        return [place or Participant(text=state_name(state) or state, actor=state)]
    if state is None or not targets or state in _NON_STATES:
        return [place] if place is not None else list(targets)
    out = []
    for p in targets:
        sector = (p.actor or "")[3:] if (p.actor or "").startswith("---") else ""
        out.append(Participant(p.text, p.entity, state + sector))
    return out


def home_sources(cand: Candidate, targets: list[Participant]) -> tuple[Participant, ...]:
    """Sources with no state take their target's when they act at home: protesters ("Islamic
    fundamentalists demanded the resignation of the Algerian president"), courts and police
    ("a judge opened investigations against 28 Chilean officials")."""
    if not cand.sources or any(state_of(p) is not None for p in cand.sources):
        return cand.sources
    states = {s for p in targets if (s := state_of(p))} - _NON_STATES
    if len(states) != 1:
        return cand.sources
    state = states.pop()
    out = []
    for p in cand.sources:
        sector = (p.actor or "")[3:]
        if cand.type_ == "PROTEST" or sector in _HOME_SECTORS:
            p = replace(p, actor=state + sector)
        out.append(p)
    return tuple(out)


def suffered(cand: Candidate) -> bool:
    """A violent act told by its victims, in the passive ("were killed in a bombing")."""
    tok = cand.head
    return cand.type_ == "ASSAULT" and tok.pos_ == "VERB" and (
        _child(tok, {"nsubjpass"}) is not None or (tok.dep_ == "acl" and tok.tag_ == "VBN"))


def shared_targets(cands: list[Candidate]) -> list[Candidate]:
    """Coordinated acts of one source share a target the first names ("established ties with
    and opened an embassy in Tehran"; "condemned and sanctioned Ruritania")."""
    by_head = {c.head.i: c for c in cands}
    out = []
    for cand in cands:
        kin = [by_head[t.i] for t in (cand.head.head, *cand.head.children)
               if t.i in by_head and t.i != cand.head.i and
               (cand.head.dep_ == "conj" and t.i == cand.head.head.i or
                t.dep_ == "conj" and t.head.i == cand.head.i)]
        states = {state_of(p) for p in cand.sources} - {None}
        doers = {p.text for p in cand.sources}
        for other in kin:  # the same doers ("was indicted by X and will resign": not X's)
            if not any(state_of(p) is not None for p in cand.targets) and \
                    any(state_of(p) is not None for p in other.targets) and \
                    states and states == {state_of(p) for p in other.sources} - {None} and \
                    doers == {p.text for p in other.sources}:
                cand = replace(cand, targets=other.targets)
                break
        out.append(cand)
    return out


def _child(tok: Token, deps: frozenset[str] | set[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


_ASKING = frozenset({"demand", "call", "request", "proposal", "offer", "appeal", "invitation",
                     "pressure", "ultimatum", "bid"})
_ANSWERING = frozenset({"answer", "avenge", "follow", "protest", "condemn", "denounce"})

_SEQUENCE = frozenset({"after", "before", "since", "until", "till", "following"})

_FIRST_PERSON = frozenset({"we", "i", "it", "they", "he", "she"})

REASONS = frozenset({"protest", "defiance", "retaliation", "response", "reprisal", "revenge"})


def obligation(tok: Token) -> bool:
    """A speech verb whose complement says what another party must do ("must have done" is a
    guess about the past, not an obligation)."""
    for comp in tok.children:
        auxes = {c.lower_ for c in comp.children if c.dep_ == "aux"}
        if comp.dep_ == "ccomp" and "must" in auxes and "have" not in auxes and any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in _FIRST_PERSON
                for c in comp.children):
            return True
    return False


def _depth(tok: Token) -> int:
    """How deep ``tok`` sits below its sentence's root; coordination adds no depth, nor does
    the light verb an event noun is the object of ("launched an attack, killing ten")."""
    depth = 0
    for _ in range(40):
        if tok.head.i == tok.i:
            break
        light = tok.dep_ == "dobj" and tok.pos_ in {"NOUN", "PROPN"} and \
            tok.head.lemma_.lower() in LIGHT_VERBS
        if tok.dep_ != "conj" and not light:
            depth += 1
        tok = tok.head
    return depth


def main_events(kept: list[tuple[Candidate, list[Participant]]]
                ) -> list[tuple[Candidate, list[Participant]]]:
    """Per sentence, the events of the highest triggers, and those lower down that bring in a
    state the highest ones do not name.

    Event coders code one act per sentence: "Ruritanian police opened fire on protesters,
    killing one and arresting 12" is one event (the killing and the arrests elaborate it); but
    "the siege of the embassy after the strike against the group" names two parties' acts.
    """
    best: dict[int, int] = {}
    states: dict[int, set[str]] = {}
    for cand, _ in kept:
        clause = _clause_of(cand.head)
        best[clause] = min(best.get(clause, 99), _depth(cand.head))
    for cand, targets in kept:
        clause = _clause_of(cand.head)
        if _depth(cand.head) == best[clause]:
            states.setdefault(clause, set()).update(_states(cand.sources, targets))
    out = []
    for cand, targets in kept:
        clause = _clause_of(cand.head)
        if _depth(cand.head) == best[clause]:
            out.append((cand, targets))
        elif _background(cand.head):
            continue
        elif _earlier_act(cand.head) or _own_clause(cand.head) or \
                status_of(cand.head) == "called_off" or \
                not _states(cand.sources, targets) <= states[clause]:
            out.append((cand, targets))
    return out


def _clause_of(tok: Token) -> int:
    """The main clause ``tok`` belongs to: the sentence root, or a verb coordinated with it
    ("accused Ruritania ... and said it had delivered a protest")."""
    top = tok
    for _ in range(40):
        if top.head.i == top.i:
            return top.i
        if top.dep_ == "conj" and top.pos_ in {"VERB", "AUX"} and _is_main(top.head):
            return top.i
        top = top.head
    return top.i


def _is_main(tok: Token) -> bool:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.head.i == tok.i


def _own_clause(tok: Token) -> bool:
    """A trigger in an adverbial clause with its own subject set beside the main act ("even
    as its foreign minister warned", "while Freedonian troops shelled")."""
    for _ in range(6):
        if tok.dep_ == "advcl":
            return any(c.dep_ == "mark" and c.lower_ in {"as", "while", "whereas", "when"}
                       for c in tok.children) and _child(tok, {"nsubj", "csubj"}) is not None
        if tok.dep_ not in {"dobj", "pobj", "prep", "xcomp", "compound", "conj"} or \
                tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _background(tok: Token) -> bool:
    """A lower trigger describing a participant ("Ruritania, which is preparing an offensive"), a
    condition ("unless Freedonia accepted") or what someone must do ("said X must ..."): the
    sentence's act is elsewhere."""
    for _ in range(12):
        if tok.dep_ == "relcl" and any(c.dep_ in {"nsubj", "nsubjpass"} and
                                       c.lower_ in {"which", "that", "who"} for c in tok.children):
            return True  # a description of a participant, not the sentence's act
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"if", "unless"}
                                       for c in tok.children):
            return True
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in _ASKING and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return True  # "rejected Freedonia's demand to sever ties": what was asked
        if tok.dep_ == "ccomp" and tok.head.pos_ == "VERB" and obligation(tok.head):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _earlier_act(tok: Token) -> bool:
    """A trigger set in time against another act: "after the strike", "since the 1979
    hostage taking", "before they withdrew": an act of its own, not an elaboration."""
    for _ in range(3):
        if tok.dep_ == "pobj" and tok.head.lower_ in _SEQUENCE:
            return True
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ANSWERING:
            return True  # "answering the expulsion of a Turkish officer"
        if tok.dep_ == "pobj" and tok.head.lower_ in {"for", "to"} and \
                tok.head.head.lemma_.lower() in REASONS:
            return True  # "in reprisal for the expulsion"
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SEQUENCE
                                       for c in tok.children):
            return True
        if tok.dep_ not in {"compound", "amod", "conj", "dobj"} or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _states(sources: Sequence[Participant], targets: Sequence[Participant]) -> set[str]:
    return {p.actor[:3] for p in (*sources, *targets) if state_of(p) and p.actor}
