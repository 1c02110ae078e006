"""A learned event filter: is this event, as the rules coded it, one a coder would code?

The trigger rules of :mod:`onrecord.extract.events.triggers` decide by lemma and construction;
some of what they find is no coded event (a verb under a report of speech, an act with no state
on either side, a lemma whose sense the object changes). This model scores each event the
rules produce from its construction: the trigger's lemma, the rule that found it, its proposed
CAMEO root and PLOVER type, the trigger's dependency label and its governor's, its object's
lemma and entity class, negation, modality and a governing speech verb, and whether a source
and a target actor were found. It is a logistic regression over such binary features, trained
on the events dev split by ``training/learn_event_model.py`` (one command) and checked out of
sample, fold against fold, by ``training/cross_check_event_model.py``.

An event is kept when its probability is at or above the model's threshold. The filter is not
part of the package: out of sample it did not beat the rules alone on both folds of dev (see
"A learned event filter" in ``docs/accuracy.md``), so it lives here with its trainer and its
cross-check, as the evidence, and as the starting point should more gold make it worth trying
again.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from onrecord.extract.events.lexicon import SPEECH_VERBS
from onrecord.models import Event, Participant

_OBJECT_DEPS = frozenset({"dobj", "pobj", "nsubjpass", "attr", "dative"})
_GOVERNED = frozenset({"xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp", "dobj",
                       "pobj"})


def trigger_head(doc: Doc, event: Event) -> Token | None:
    """The syntactic head of the event's trigger words, or ``None`` when they are not tokens."""
    start, end = event.trigger_span
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _party(p: Participant | None) -> str:
    if p is None:
        return "none"
    if not p.actor:
        return "no_actor"
    return "stateless" if p.actor.startswith("---") else "state"


def _object(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in _OBJECT_DEPS:
            return c
    for c in tok.children:  # a noun's "of" / "on" phrase, a verb's preposition
        if c.dep_ == "prep":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def event_features(doc: Doc, event: Event) -> list[str]:
    """The binary features of one event the rules produced."""
    tok = trigger_head(doc, event)
    root = event.cameo[:2]
    rule = event.rule or "none"
    feats = ["bias", f"r={rule}", f"t={event.type}", f"c={root}", f"st={event.status}",
             f"r={rule}|t={event.type}", f"src={_party(event.source)}",
             f"tgt={_party(event.target)}",
             f"src={_party(event.source)}|tgt={_party(event.target)}"]
    if event.source and event.target and event.source.actor and event.target.actor and \
            event.source.actor[:3] == event.target.actor[:3]:
        feats.append("same_state")
    if tok is None:
        return feats
    lemma = tok.lemma_.lower()
    feats += [f"l={lemma}", f"l={lemma}|t={event.type}", f"pos={tok.pos_}", f"dep={tok.dep_}",
              f"pos={tok.pos_}|dep={tok.dep_}"]
    if tok.head.i != tok.i:
        gov = tok.head.lemma_.lower()
        feats.append(f"hdep={tok.head.dep_}")
        if tok.dep_ in _GOVERNED:
            feats.append(f"h={gov}")
        if gov in SPEECH_VERBS:
            feats.append("under_speech")
    if any(a.lemma_.lower() in SPEECH_VERBS for a in tok.ancestors):
        feats.append("inside_speech")
    children = list(tok.children)
    if any(c.dep_ == "neg" for c in children):
        feats.append("neg")
    if any(c.tag_ == "MD" for c in children):
        feats.append("modal")
    if any(c.dep_ == "auxpass" for c in children):
        feats.append("passive")
    obj = _object(tok)
    if obj is None:
        feats.append("o=none")
    else:
        feats += [f"o={obj.lemma_.lower()}", f"oc={obj.ent_type_ or obj.pos_}",
                  f"l={lemma}|oc={obj.ent_type_ or obj.pos_}"]
    subj = next((c for c in children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is not None:
        feats.append(f"sc={subj.ent_type_ or subj.pos_}")
    if tok.sent.root.i == tok.i:
        feats.append("sent_root")
    return feats


def probability(features: Sequence[str], table: dict[str, float]) -> float:
    """The model's probability that the event is one the gold codes."""
    z = sum(table.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def filter_events(doc: Doc, events: Sequence[Event], table: dict[str, float],
                  threshold: float) -> list[Event]:
    """The events a model (its weights ``table``) keeps at ``threshold``."""
    return [ev for ev in events if probability(event_features(doc, ev), table) >= threshold]
