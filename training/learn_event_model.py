"""Train the learned event filter (``training/event_model.py``) on the events dev split, or
on one fold of it.

    python training/learn_event_model.py --gold /tmp/em.fold0.jsonl --out /tmp/em0.json

Every event the rules produce (as the scorer reads it: an event PLOVER does not code, under
the status convention of :func:`onrecord.eval.events.coded_as`, is left out) is one example,
labelled by whether its (type, source, target) dyad is in the case's gold (``--label
type_actors``, the headline level) or its PLOVER type is (``--label type``). A logistic
regression with an L2 penalty (as in ``training/learn_cue_model.py``, but by Newton's method in
numpy: scipy is not a dependency) is fitted over the features of ``event_features``; the
weights go to ``--out`` with the decision threshold, chosen on the training cases alone by an
inner two-way split (:func:`choose_threshold`) unless ``--threshold`` fixes one. Only cases of
the real-news sources are used by default (``--sources``): PETRARCH2's unit tests have invented
actors and private codes. Only the dev split, or a fold of it made by
``training/split_folds.py``, may be used. Deterministic. The filter is not shipped (see
``docs/accuracy.md``, "A learned event filter"); ``training/cross_check_event_model.py``
scores a model on the fold it was not trained on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from event_model import event_features, filter_events
from spacy.tokens import Doc

from onrecord.eval.events import (
    case_coding,
    dyads,
    events_report,
    gold_events,
    score_case,
    scored_events,
)
from onrecord.eval.runner import read_gold
from onrecord.models import Event
from onrecord.nlp.pipeline import load_pipeline

REAL_NEWS = ("plover_gsr_cameo", "petrarch2_gsr_validation")
#: Thresholds the inner cross-validation tries (0: keep every event, the rules alone).
GRID = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
MIN_COUNT = 2  # features seen fewer times are dropped


def fit(rows: list[tuple[list[str], bool]], l2: float) -> dict[str, float]:
    """L2-penalised logistic regression (the bias unpenalised); the weight of every feature
    seen at least :data:`MIN_COUNT` times."""
    counts: dict[str, int] = {}
    for feats, _ in rows:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, (feats, _) in enumerate(rows):
        for f in set(feats):
            if f in index:
                x[r, index[f]] = 1.0
    y = np.array([1.0 if lab else 0.0 for _, lab in rows])
    penalty = l2 * np.array([0.0 if f == "bias" else 1.0 for f in names])
    w = np.zeros(len(names))
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return {f: round(float(v), 4) for f, v in zip(names, w, strict=True) if abs(v) >= 0.005}


def analysed(cases: list[dict[str, Any]]) -> list[tuple[Doc, list[Event]]]:
    """Each case parsed by onrecord's pipeline, with the events the rules found in it."""
    nlp = load_pipeline()
    docs = list(nlp.pipe((c["text"] for c in cases), batch_size=16))
    return [(doc, list(doc._.onrecord_events or ())) for doc in docs]


def label(case: dict[str, Any], event: Event, level: str) -> bool | None:
    """Whether the gold codes ``event`` at ``level``; ``None`` when the scorer ignores it."""
    _, legacy = case_coding(case)
    scored = scored_events({"events": [event.to_json()]}, legacy)
    if not scored:
        return None
    gold = gold_events(case)
    ev = scored[0]
    if level == "type":
        return ev.plover in gold["type"]
    return bool(dyads(ev.plover, ev.source, ev.target) & gold["type_actors"])


def examples(cases: list[dict[str, Any]], parsed: list[tuple[Doc, list[Event]]], level: str
             ) -> list[tuple[list[str], bool]]:
    """(features, label) for every scored event of the cases."""
    rows: list[tuple[list[str], bool]] = []
    for case, (doc, events) in zip(cases, parsed, strict=True):
        for ev in events:
            found = label(case, ev, level)
            if found is not None:
                rows.append((event_features(doc, ev), found))
    return rows


def _inner_fold(case: dict[str, Any]) -> int:
    """A second split, independent of ``split_folds.py``'s (whose folds share one parity)."""
    return int(hashlib.sha256(f"inner:{case['id']}".encode()).hexdigest(), 16) % 2


def choose_threshold(cases: list[dict[str, Any]], parsed: list[tuple[Doc, list[Event]]],
                     level: str, l2: float) -> tuple[float, dict[float, float]]:
    """The threshold of :data:`GRID` with the best type + actors F1 when the training cases are
    split in two and each half is filtered by a model fitted on the other (ties: the lowest,
    which drops least); and the F1 of each."""
    counts = {t: [0, 0, 0] for t in GRID}
    for k in (0, 1):
        train = [i for i, c in enumerate(cases) if _inner_fold(c) != k]
        test = [i for i, c in enumerate(cases) if _inner_fold(c) == k]
        table = fit(examples([cases[i] for i in train], [parsed[i] for i in train], level), l2)
        for t in GRID:
            report = events_report(score_case(cases[i], {"events": [
                e.to_json() for e in filter_events(*parsed[i], table, t)]}) for i in test)
            f = report["type_actors"]
            counts[t] = [a + b for a, b in zip(counts[t], (f["hits"], f["predicted"],
                                                            f["gold"]), strict=True)]
    f1 = {t: 2 * h / (p + g) if p + g else 0.0 for t, (h, p, g) in counts.items()}
    best = max(GRID, key=lambda t: (round(f1[t], 6), -t))
    return best, f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, help="the events dev split or a fold of it")
    parser.add_argument("--out", required=True, help="where to write the model (JSON)")
    parser.add_argument("--label", choices=("type_actors", "type"), default="type_actors")
    parser.add_argument("--sources", default=",".join(REAL_NEWS),
                        help="the gold sources to learn from (comma-separated; 'all' for all)")
    parser.add_argument("--l2", type=float, default=1.0, help="the L2 penalty")
    parser.add_argument("--threshold", type=float, default=None,
                        help="the decision threshold (default: chosen by an inner two-way "
                             "cross-validation on the training cases)")
    args = parser.parse_args()
    name = Path(args.gold).name
    if "dev" not in name and "fold" not in name:
        print("refusing: learn from the dev split (or a fold of it) only", file=sys.stderr)
        return 2
    cases = read_gold(args.gold)
    if args.sources != "all":
        wanted = set(args.sources.split(","))
        cases = [c for c in cases if c.get("source") in wanted]
    parsed = analysed(cases)
    rows = examples(cases, parsed, args.label)
    print(f"{len(cases)} cases, {len(rows)} events, {sum(y for _, y in rows)} in gold",
          file=sys.stderr)
    threshold = args.threshold
    if threshold is None:
        threshold, f1 = choose_threshold(cases, parsed, args.label, args.l2)
        print("inner cross-validation, type + actors F1 by threshold: " + ", ".join(
            f"{t}: {v:.4f}" for t, v in f1.items()) + f"; chosen {threshold}", file=sys.stderr)
    table = fit(rows, args.l2)
    model = {"threshold": threshold, "label": args.label, "l2": args.l2,
             "sources": args.sources, "cases": len(cases),
             "weights": dict(sorted(table.items()))}
    Path(args.out).write_text(json.dumps(model, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(table)} weights")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
