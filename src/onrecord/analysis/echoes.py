"""Repeats and echoes: one line said again is one claim, not several speakers.

The same quote in many articles says nothing new, and neither does a state agency's copy of
its ministry's words: :func:`first_of_repeats` keeps the first of statements repeated word for
word by one speaker, or nearly word for word by one side (:func:`repeated`, an echo when their
content terms overlap by :data:`ECHO_SHARE`), and records the others as its echoes, so a
dispute counts one claim carried by several outlets.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from onrecord.analysis import opposition as op

if TYPE_CHECKING:
    from onrecord.analysis.claim import Side

__all__ = ["ECHO_SHARE", "first_of_repeats", "repeated"]


def repeated(a: str, b: str) -> bool:
    """The same content terms under the same negation: "the water was safe" twice, but not
    "the water was safe" and "the water was not safe" (negations are no content terms)."""
    return op.terms(a) == op.terms(b) and op.negated_terms(a) == op.negated_terms(b)


ECHO_SHARE = 0.8
"""Share of content terms (Jaccard) at which one party's two statements are one line relayed:
an agency's copy of a ministry's words, a headline's of a minister's."""
ECHO_MIN_TERMS = 4
ECHO_WINDOW = 30  # a party's kept statements an echo is looked for among (the latest)


def _echoes(first: Side, terms: frozenset[str], negated: frozenset[str]) -> bool:
    """Whether a statement with ``terms`` (``negated`` under a negation) says again what
    ``first`` said: nearly the same terms, under the same negation."""
    other = op.terms(first.content)
    return bool(negated) == bool(op.negated_terms(first.content)) and \
        len(terms & other) / len(terms | other) >= ECHO_SHARE


def first_of_repeats(sides: list[Side], focus: set[int] | None,
                      embedded: dict[tuple[int, int], float],
                      ) -> tuple[list[Side], set[int] | None, dict[tuple[int, int], float]]:
    """Keep the first of statements repeated word for word by one speaker (the same quote in
    many articles says nothing new) or in one article (a paragraph printed twice, its speaker
    worded differently), or nearly word for word by one side (:func:`_echoes`: an agency
    relaying its ministry's line), as echoes of it; renumber ``focus`` and ``embedded`` to
    match."""
    kept: list[Side] = []
    new_index: dict[int, int] = {}
    seen: dict[tuple[str, frozenset[str], frozenset[str]], int] = {}  # by holder, by article
    by_party: dict[str, list[int]] = defaultdict(list)
    for i, side in enumerate(sides):
        holder = side.speaker_id or (side.speaker or "").lower()
        terms, negated = op.terms(side.content), op.negated_terms(side.content)
        key = (holder, terms, negated)
        here = (side.article_id, terms, negated)  # the same words twice in one article
        first = (seen.get(key) or seen.get(here)) if side.speaker else None
        if first is None and side.speaker and len(terms) >= ECHO_MIN_TERMS:
            first = next((k for k in by_party[side.side or holder][-ECHO_WINDOW:]
                          if _echoes(kept[k], terms, negated)), None)
        if first is not None:
            new_index[i] = first
            kept[first] = replace(kept[first], repeats=(
                *kept[first].repeats, (side.article_id, side.statement_id)))
            continue
        seen[key] = seen[here] = new_index[i] = len(kept)
        by_party[side.side or holder].append(len(kept))
        kept.append(side)
    if len(kept) == len(sides):
        return sides, focus, embedded
    focus = None if focus is None else {new_index[i] for i in focus}
    moved: dict[tuple[int, int], float] = {}
    for (i, j), cos in embedded.items():
        a, b = sorted((new_index[i], new_index[j]))
        if a != b:
            moved[(a, b)] = max(cos, moved.get((a, b), 0.0))
    return kept, focus, moved
