"""The context of an event trigger in its clause: its status and its time expression.

**Status** (:func:`status_of`) reads the trigger's own auxiliaries and modifiers, then the
words that govern it, up to the nearest verb of speech (whose complement keeps its own status):

- ``negated``: "not", "never" on the trigger; a governor that refuses or denies it ("refused to",
  "denied that ... had attacked",
  "rejected operations to kill him", "decided against retaliation", "stopped short of");
- ``called_off``: "call off", "cancel", "abort", "scrap" governing it;
- ``planned``: "will", "going to"; a governor of intention ("plans to", "agreed to", "vowed to",
  "threatened to", "ordered");
- ``hypothetical``: "would", "could", "might", "may", "should", an "if"/"unless" clause; a
  governor of possibility ("the threat of an attack", "fear of", "to deter attacks"); modifiers
  such as "potential", "possible", "imminent", "future";
- otherwise ``occurred``.

**Time** (:func:`clause_time`) generalises the rule statements use for their cue: a time
expression belongs to the trigger when, climbing from it through nominal dependents ("on
Friday", "Dec. 29", "last week"), one reaches the trigger itself, or the verb the trigger's
clause hangs from (a light verb: "launched an attack on Friday"). The nearest such expression
wins; an event with none has no time (``None``: unknown).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from onrecord.extract.common.doctext import sentence_of
from onrecord.extract.events.lexicon import LIGHT_VERBS, SEQUENCE_PREPS, SPEECH_VERBS
from onrecord.models import EventStatus, TimeExpr

_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "prep", "npadvmod", "compound",
                           "appos", "attr", "poss", "amod", "nummod", "det", "dative", "nmod"})
_CALL_OFF = frozenset({"cancel", "abort", "scrap", "scrub", "shelve", "abandon", "postpone"})
_REFUSE = frozenset({"refuse", "decline", "reject", "avoid", "refrain", "forgo", "forego",
                     "oppose", "veto", "resist", "deny"})
_PLAN = frozenset({"plan", "intend", "prepare", "vow", "pledge", "promise", "agree", "decide",
                   "aim", "seek", "threaten", "propose", "order", "authorize", "approve",
                   "schedule", "expect", "want", "offer"})
_READY = frozenset({"ready", "prepared", "willing", "committed", "determined", "eager",
                    "poised", "set"})
_POSSIBLE_VERBS = frozenset({"consider", "weigh", "mull", "fear", "worry", "deter", "prevent",
                             "avert", "risk", "warn", "debate", "discuss", "contemplate"})
_POSSIBLE_NOUNS = frozenset({"threat", "risk", "fear", "possibility", "prospect", "danger",
                             "option", "likelihood", "deterrence", "specter",
                             "brink", "warning", "ability", "capability", "potential"})
_REFUSAL_NOUNS = frozenset({"refusal", "rejection", "failure"})
_PLAN_NOUNS = frozenset({"plan", "plot", "decision", "order", "ahead", "eve", "proposal", "intent",
                         "intention", "preparation", "readiness"})
_POSSIBLE_MODS = frozenset({"potential", "possible", "future", "imminent", "hypothetical",
                            "likely", "feared", "threatened", "next", "further", "new"})
_PLANNED_MODS = frozenset({"planned", "proposed", "scheduled", "upcoming", "expected"})
_FUTURE = frozenset({"will", "'ll", "shall", "wo"})
_MODAL = frozenset({"would", "could", "might", "may", "should", "must", "can", "ca", "'d"})


def _negated(children: list[Token]) -> bool:
    """"not", also hung from an adverb ("did not even ever clash"); a subject denied as a
    whole ("neither Ruritania nor Freedonia attacked", "no state recognised it")."""
    for c in children:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children)):
            return True
        if c.dep_ in {"nsubj", "nsubjpass"} and any(
                g.dep_ in {"preconj", "det"} and g.lower_ in {"neither", "no"}
                for g in c.children):
            return True
    return False


def _own_status(tok: Token) -> EventStatus | None:
    children = list(tok.children)
    if _negated(children):
        return "negated"
    auxes = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
    if auxes & _FUTURE:
        return "planned"
    if auxes & _MODAL:
        return "hypothetical"
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in children):
        return "hypothetical"
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "go" and any(
        c.lower_ in {"is", "are", "was", "were", "'s", "'re"} for c in tok.head.children
    ):
        return "planned"  # "is going to strike"
    mods = {c.lower_ for c in children if c.dep_ in {"amod", "compound", "nmod"}
            and not any(a.lower_ in {"long", "much", "often"} for a in c.children)}
    if mods & _PLANNED_MODS:
        return "planned"
    if mods & _POSSIBLE_MODS:
        return "hypothetical"
    return None


def _governor_status(gov: Token, via: Token) -> EventStatus | None:
    lemma = gov.lemma_.lower()
    prt = {c.lower_ for c in gov.children if c.dep_ == "prt"}
    if (lemma == "call" and "off" in prt) or lemma in _CALL_OFF:
        return "called_off"
    if via.dep_ == "prep" and via.lower_ == "against" and gov.pos_ in {"VERB", "NOUN"}:
        return "negated"  # "decided against retaliation", "a decision against"
    if lemma in _REFUSE or (lemma == "stop" and "short" in {c.lower_ for c in gov.children}):
        return "negated"
    if lemma == "rule" and "out" in prt:
        return "negated"
    if gov.pos_ in {"VERB", "AUX"}:
        own = _own_status(gov)
        if own == "negated" and lemma in _PLAN | {"want", "try"}:
            return "negated"
        if lemma in _PLAN:
            return "planned"
        if lemma in _POSSIBLE_VERBS:
            return "hypothetical"
        if own in {"planned", "hypothetical"} and via.dep_ in {"xcomp", "dobj", "ccomp"}:
            return own
    elif gov.pos_ == "ADJ" and lemma in _READY:
        return "planned"  # "is ready to host talks", "prepared to lift the ban"
    elif gov.pos_ in {"NOUN", "PROPN"}:
        if lemma in _REFUSAL_NOUNS:
            return "negated"  # "the government's refusal to accept"
        if lemma in _PLAN_NOUNS:
            return "planned"
        if lemma in _POSSIBLE_NOUNS:
            return "hypothetical"
    return None


_CLIMB = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "attr", "pcomp", "oprd",
                    "nsubjpass", "appos", "compound", "acl", "relcl", "advcl"})


def _governors(tok: Token, others: frozenset[int]) -> list[tuple[Token, Token]]:
    """(governor, child on the path) pairs above ``tok`` within its clause chain."""
    out: list[tuple[Token, Token]] = []
    child, gov = tok, tok.head
    while gov.i != child.i and len(out) < 6 and child.dep_ in _CLIMB and gov.i not in others:
        if child.dep_ in {"acl", "relcl", "advcl"} and child.pos_ in {"VERB", "AUX"} and not any(
            c.lower_ == "to" and c.dep_ == "aux" for c in child.children
        ):
            break  # "the attack that led to ...": another clause, not an infinitive
        if child.dep_ == "prep" and child.lower_ in SEQUENCE_PREPS:
            break  # "ordered patrols after the protests": the protests are no order's
        out.append((gov, child))
        speaker = any(c.dep_ == "nsubj" for c in gov.children)
        if gov.lemma_.lower() in SPEECH_VERBS and gov.pos_ in {"VERB", "AUX"} and speaker:
            break
        child, gov = gov, gov.head
    return out


def status_of(tok: Token, others: frozenset[int] = frozenset()) -> EventStatus:
    """The status of the event ``tok`` triggers (see the module docstring).

    ``others`` are the tokens of other triggers: the climb stops there ("retaliation to those
    attacks" does not make the attacks negated).
    """
    own = _own_status(tok)
    if own == "negated":
        return own
    nouns = frozenset(i for i in others if tok.doc[i].pos_ in {"NOUN", "PROPN"})
    found = [_governor_status(gov, via) for gov, via in _governors(tok, nouns)]
    if "called_off" in found:
        return "called_off"
    if "negated" in found:
        return "negated"
    if own is not None:
        return own
    for status in found:
        if status is not None:
            return status
    return "occurred"


def times_by_sentence(doc: Doc, times: Sequence[TimeExpr]) -> dict[int, list[tuple[str, Span]]]:
    """Calendar time expressions (DATE, TIME) grouped by the first token of their sentence."""
    grouped: dict[int, list[tuple[str, Span]]] = {}
    for t in times:
        if t.type not in {"DATE", "TIME"}:
            continue  # a duration or a set is not when something happened
        span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
        if span is not None and len(span):
            grouped.setdefault(sentence_of(doc, span.start)[0], []).append((t.id, span))
    return grouped


def _anchors(tok: Token) -> set[int]:
    """The trigger, and for a noun the light verb it is the object or subject of."""
    out = {tok.i}
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"}:
        if tok.head.lemma_.lower() in LIGHT_VERBS:
            out.add(tok.head.i)
    return out


def clause_time(doc: Doc, tok: Token, times: dict[int, list[tuple[str, Span]]],
                others: frozenset[int] = frozenset()) -> str | None:
    """The id of the time expression of ``tok``'s own clause, or ``None``.

    ``others`` are the tokens of other triggers: a time that hangs from one of them is its own.
    """
    anchors = _anchors(tok)
    best: tuple[int, str] | None = None
    for time_id, span in times.get(sentence_of(doc, tok.i)[0], ()):
        if span.start <= tok.i < span.end:
            continue
        node = span.root
        hops = 0
        while node.i not in anchors and node.i not in others and node.head.i != node.i and \
                hops < 8 and (
            node.pos_ not in {"VERB", "AUX"} or node.dep_ in _NOMINAL_DEPS
        ):
            node = node.head
            hops += 1
        if node.i in anchors:
            distance = abs(span.root.i - tok.i)
            if best is None or distance < best[0]:
                best = (distance, time_id)
    return best[1] if best else None


def _readied(tok: Token) -> bool:
    """An act forces are getting ready for ("the army prepared to resume shelling"): a show
    of force (CAMEO 15), not a statement of intent. "Is prepared to" (willing) is no such act."""
    node = tok
    for _ in range(3):
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() == "prepare" and node.pos_ == "VERB" and node.tag_ != "VBN":
            return True
    return False


def recoded(tok: Token, type_: str, cameo: str, status: EventStatus
            ) -> tuple[str, str, EventStatus]:
    """An act re-read by what it amounts to: forces readying to attack show force (CAMEO 15);
    calling off one's own strike or march eases dissent (082, CONCEDE)."""
    if status == "planned" and type_ == "ASSAULT" and _readied(tok):
        return "MOBILIZE", "15", "occurred"
    if status == "called_off" and type_ == "PROTEST":
        return "CONCEDE", "08", "occurred"
    return type_, cameo, status

