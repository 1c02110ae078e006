"""Scoring time expressions as TempEval-3 task A does, for ``onrecord eval timex``.

As ``../shared/eval/timex/README.md`` defines it: predicted and gold TIMEX3 expressions are
aligned one to one by token overlap (an identical token span preferred); **relaxed** counts any
overlap, **strict** an identical token span; **value accuracy** is the share of relaxed matches
with the right value, **value F1** = value accuracy x relaxed F1 (the TempEval-3 ranking score),
and **type accuracy** the share with the right type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from onrecord.eval.metrics import prf

_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Timex:
    span: tuple[int, int]
    type: str
    value: str


@dataclass
class TimexCounts:
    predicted: int = 0
    gold: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: TimexCounts) -> None:
        for name in ("predicted", "gold", "relaxed", "strict", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _token_sets(text: str, spans: Sequence[tuple[int, int]]) -> list[frozenset[int]]:
    tokens = [m.span() for m in _TOKEN.finditer(text)]
    return [frozenset(i for i, (a, b) in enumerate(tokens) if a < e and b > s) for s, e in spans]


def gold_timexes(doc: dict[str, Any]) -> list[Timex]:
    return [Timex((int(t["span"][0]), int(t["span"][1])), t["type"], t["value"])
            for t in doc["timexes"]]


def predicted_timexes(record_json: dict[str, Any]) -> list[Timex]:
    return [Timex((int(t["span"][0]), int(t["span"][1])), t["type"], t["value"])
            for t in record_json["times"]]


def score_timexes(text: str, predicted: Sequence[Timex], gold: Sequence[Timex]) -> TimexCounts:
    """Counts for one document."""
    counts = TimexCounts(predicted=len(predicted), gold=len(gold))
    psets = _token_sets(text, [p.span for p in predicted])
    gsets = _token_sets(text, [g.span for g in gold])
    used: set[int] = set()
    for gi, g in enumerate(gold):
        candidates = [pi for pi, ps in enumerate(psets) if pi not in used and ps & gsets[gi]]
        if not candidates:
            continue
        exact = [pi for pi in candidates if psets[pi] == gsets[gi]]
        pi = exact[0] if exact else candidates[0]
        used.add(pi)
        counts.relaxed += 1
        counts.strict += bool(exact)
        counts.value += predicted[pi].value == g.value
        counts.type += predicted[pi].type == g.type
    return counts


def timex_report(per_document: Iterable[TimexCounts]) -> dict[str, Any]:
    """``relaxed`` and ``strict`` P/R/F1, ``value_accuracy``, ``value_f1``, ``type_accuracy``."""
    total = TimexCounts()
    n = 0
    for counts in per_document:
        total.add(counts)
        n += 1
    relaxed = prf(total.relaxed, total.predicted, total.gold)
    value_accuracy = total.value / total.relaxed if total.relaxed else 0.0
    return {
        "relaxed": relaxed,
        "strict": prf(total.strict, total.predicted, total.gold),
        "value_accuracy": round(value_accuracy, 4),
        "value_f1": round(value_accuracy * relaxed["f1"], 4),
        "type_accuracy": round(total.type / total.relaxed, 4) if total.relaxed else 0.0,
        "predicted": total.predicted,
        "gold": total.gold,
        "documents": n,
    }
