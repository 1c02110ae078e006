"""Count series: a count one side revises several times is one shift, told as its steps.

A military that puts the dead at 8, then 21, then 40, then 77 over three weeks has shifted its
account once, in four steps; read pair by pair, the same four statements give six "shifts"
(8 / 40, 8 / 77 ...), most of them skipping the steps between. :func:`count_steps` takes the
pairwise shifts whose evidence is a different count of one thing by one holder (a speaker, or
one side: :mod:`onrecord.analysis.sides`) and puts in their place the consecutive steps of the
series, in date order, each with the whole series as evidence ("count series of soldier:
8 -> 21 -> 40 -> 77"). A count said again unchanged is no step. Fewer than three statements
make no series: their pair is left as it was.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from onrecord.analysis import opposition as op
from onrecord.analysis.sides import party_of

if TYPE_CHECKING:
    from onrecord.analysis.claim import Finding, Side

__all__ = ["count_steps", "one_step_per_admission"]

_NUMBERS = re.compile(r"^different numbers of (?P<term>[^:]+): ")
MIN_SERIES = 3
"""Statements a series needs: two are a pair, not a series."""


def _counted_term(finding: Finding) -> str | None:
    for evidence in finding.evidence:
        match = _NUMBERS.match(evidence)
        if match:
            return match.group("term")
    return None


def _value(side: Side, term: str) -> int | None:
    values = op.counted(side.content).get(term)
    return max(values) if values else None


def _order(side: Side) -> tuple[str, str, int]:
    return (side.date or "", side.article_id, side.start)


def count_steps(findings: list[Finding]) -> list[Finding]:
    """``findings`` with each count series' pairwise shifts replaced by its steps."""
    from onrecord.analysis.claim import Finding

    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    out: list[Finding] = []
    for finding in findings:
        term = _counted_term(finding)
        if finding.kind == "shift" and term is not None and \
                party_of(finding.a) == party_of(finding.b):
            groups[(party_of(finding.a), term)].append(finding)
        else:
            out.append(finding)
    for (_holder_key, term), pairs in groups.items():
        members = {(s.article_id, s.statement_id): s for f in pairs for s in (f.a, f.b)}
        statements = sorted(members.values(), key=_order)
        steps: list[Side] = []
        for side in statements:  # a count said again unchanged is no step
            value = _value(side, term)
            if value is not None and (not steps or _value(steps[-1], term) != value):
                steps.append(side)
        if len(steps) < MIN_SERIES:
            out.extend(pairs)
            continue
        values = " -> ".join(str(_value(s, term)) for s in steps)
        best = max(pairs, key=lambda f: f.score)
        for before, after in zip(steps, steps[1:], strict=False):
            out.append(Finding("shift", best.score, best.matter, (
                f"count series of {term}: {values}",
                f"different numbers of {term}: {_value(before, term)} / {_value(after, term)}"),
                before, after))
    return out


_CHANGE = ("change of account", "change marker")


def _only_change(finding: Finding) -> bool:
    """A shift shown only by the reporter's words ("admitted", "later"), not by the claims."""
    return finding.kind == "shift" and bool(finding.evidence) and all(
        e.startswith(_CHANGE) for e in finding.evidence)


def one_step_per_admission(findings: list[Finding]) -> list[Finding]:
    """``findings`` with each admission told once. A later statement framed as a change of
    account ("Saudi officials admitted he died inside") is one step in its party's account:
    of the shifts it makes with that party's earlier claims, shown by the framing alone, only
    two stay: from the account as first given, and from the claim just before it (the others
    are the same step told again from each earlier repetition)."""
    steps: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    out: list[Finding] = []
    for finding in findings:
        if _only_change(finding):
            steps[(finding.b.article_id, finding.b.statement_id)].append(finding)
        else:
            out.append(finding)
    for links in steps.values():  # on one day, the better-scored link
        first = min(links, key=lambda f: (f.a.date or "", -f.score, _order(f.a)))
        last = max(links, key=lambda f: (f.a.date or "", f.score, _order(f.a)))
        out.extend(dict.fromkeys((first, last)))
    return out
