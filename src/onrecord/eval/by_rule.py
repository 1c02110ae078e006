"""Precision per extraction rule: which named rules find what the gold annotates.

Every statement and event names the rule that found it (``Statement.rule``, ``Event.rule``;
see ``docs/architecture.md``). Scored on a gold file, a rule's precision says whether it
generalises: a rule written from one sentence fires elsewhere and is mostly wrong there.
``onrecord eval attribution|events --by-rule`` prints these tables.

- **attribution**: each predicted attribution (a statement, split quotations joined) is matched
  to gold one to one as :func:`onrecord.eval.attribution.match` does; ``hits`` counts the
  matches with content Jaccard >= 0.5, ``hits_loose`` those whose content covers more than
  30% of the gold's characters.
- **events**: each predicted event (as :func:`onrecord.eval.events.predicted_events` reads it)
  is right when its (type, source, target) is in the case's gold (``hits``, the headline
  ``type_actors`` level) or when its type is (``hits_loose``, the ``type`` level).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from onrecord.eval.attribution import chars, gold_items, match, predicted_items
from onrecord.eval.events import case_coding, dyads, gold_events, scored_events

__all__ = ["RuleCounts", "attribution_by_rule", "events_by_rule", "rules_report"]

UNNAMED = "(no rule)"


@dataclass
class RuleCounts:
    """What one rule predicted and how much of it the gold confirms."""

    predicted: int = 0
    hits: int = 0
    hits_loose: int = 0

    def add(self, other: RuleCounts) -> None:
        self.predicted += other.predicted
        self.hits += other.hits
        self.hits_loose += other.hits_loose


def attribution_by_rule(doc: dict[str, Any], record_json: dict[str, Any]
                        ) -> dict[str, RuleCounts]:
    """Per rule, the attributions of one gold document's record and the gold-confirmed ones."""
    text = doc["text"]
    predicted = predicted_items(record_json)
    gold = gold_items(doc)
    out: dict[str, RuleCounts] = {}
    for item in predicted:
        out.setdefault(item.rule or UNNAMED, RuleCounts()).predicted += 1
    for i, j, jac in match(text, predicted, gold):
        counts = out[predicted[i].rule or UNNAMED]
        gchars = chars(gold[j].content)
        covered = len(gchars & chars(predicted[i].content)) / len(gchars) if gchars else 0.0
        counts.hits += jac >= 0.5
        counts.hits_loose += covered > 0.3
    return out


def events_by_rule(case: dict[str, Any], record_json: dict[str, Any]) -> dict[str, RuleCounts]:
    """Per rule, the events of one gold case's record and those the gold confirms."""
    gold = gold_events(case)
    _, legacy = case_coding(case)
    out: dict[str, RuleCounts] = {}
    for ev in scored_events(record_json, legacy):
        counts = out.setdefault(ev.rule or UNNAMED, RuleCounts())
        counts.predicted += 1
        counts.hits += bool(dyads(ev.plover, ev.source, ev.target) & gold["type_actors"])
        counts.hits_loose += ev.plover in gold["type"]
    return out


def rules_report(per_document: Iterable[dict[str, RuleCounts]]) -> dict[str, dict[str, Any]]:
    """Per rule, summed over documents: predicted, hits, hits_loose and both precisions; the
    rules with most predictions first."""
    total: dict[str, RuleCounts] = {}
    for doc in per_document:
        for rule, counts in doc.items():
            total.setdefault(rule, RuleCounts()).add(counts)
    ordered = sorted(total.items(), key=lambda kv: (-kv[1].predicted, kv[0]))
    return {rule: {"predicted": c.predicted, "hits": c.hits, "hits_loose": c.hits_loose,
                   "precision": round(c.hits / c.predicted, 4) if c.predicted else 0.0,
                   "precision_loose": round(c.hits_loose / c.predicted, 4) if c.predicted
                   else 0.0}
            for rule, c in ordered}
