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

**Domestic targets** (:func:`domestic_target`). CAMEO codes a target by its state even when the
sentence names only a group or a person ("Freedonian police arrested 30 demonstrators"): such a
target, with no state of its own, belongs to the state the event happens in, or else to the
source's state (a domestic event, X -> X).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from onrecord.models import Participant

INTENT_VERBS = frozenset({"agree", "pledge", "promise", "offer", "vow", "decide", "plan",
                          "prepare", "intend", "undertake", "commit", "volunteer"})
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


def state_of(p: Participant | None) -> str | None:
    """The state (or organisation) part of a participant's actor code, or ``None``."""
    if p is None or not p.actor or p.actor.startswith("---"):
        return None
    return p.actor[:3]


def _named(ps: Sequence[Participant]) -> bool:
    return any(state_of(p) for p in ps)


def governor_of(tok: Token, heads: dict[int, int]) -> int | None:
    """The index (in ``heads``: token -> candidate) of the trigger that governs ``tok``."""
    if tok.dep_ in _EMBEDDING and tok.head.i in heads and tok.head.i != tok.i:
        return heads[tok.head.i]
    if tok.dep_ in {"pobj", "pcomp"} and tok.head.dep_ == "prep" and tok.head.head.i in heads:
        if tok.head.lower_ in {"for", "of", "to", "on"}:
            return heads[tok.head.head.i]  # "called for sanctions", "accused X of shelling"
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
            keep, lose = n, g
        else:
            keep, lose = g, n
        kept, lost = alive[keep], alive[lose]
        if not _named(kept.sources) and _named(lost.sources):
            kept = replace(kept, sources=lost.sources)
        if not _named(kept.targets) and _named(lost.targets):
            kept = replace(kept, targets=lost.targets)
        alive[keep] = kept
        dropped.add(lose)
    return [c for n, c in enumerate(alive) if n not in dropped]


def domestic_target(targets: Sequence[Participant], sources: Sequence[Participant],
                    place: Participant | None) -> list[Participant]:
    """Targets with a state: a stateless target takes the place's state, else the source's."""
    if _named(targets):
        return list(targets)
    state = state_of(place) or next((s for p in sources if (s := state_of(p))), None)
    if state is None or not targets:
        return [place] if place is not None else list(targets)
    out = []
    for p in targets:
        sector = (p.actor or "")[3:] if (p.actor or "").startswith("---") else ""
        out.append(Participant(p.text, p.entity, state + sector))
    return out
