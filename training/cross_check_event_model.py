"""Score the learned event filter out of sample: on the fold it was not trained on.

    python training/split_folds.py ../shared/eval/events/dev.jsonl --out /tmp/em
    python training/learn_event_model.py --gold /tmp/em.fold0.jsonl --out /tmp/em0.json
    python training/cross_check_event_model.py --gold /tmp/em.fold1.jsonl --model /tmp/em0.json

It parses the fold once, then scores the events of the rules alone, of the rules with the
model's filter at the model's own threshold (the one its trainer chose without this fold: the
figure a decision rests on) and at each threshold given (``--thresholds``), printing type +
actors and type P/R/F1 for the real-news sources together (hits, predicted and gold summed over
``plover_gsr_cameo`` and ``petrarch2_gsr_validation``) and for all sources.
``docs/accuracy.md`` quotes it.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from event_model import filter_events
from learn_event_model import REAL_NEWS, analysed

from onrecord.eval.events import events_report, score_case
from onrecord.eval.metrics import prf
from onrecord.eval.runner import read_gold


def _line(figures: dict[str, Any], level: str) -> str:
    f = figures[level]
    return f"P {f['p']:.4f} R {f['r']:.4f} F1 {f['f1']:.4f} ({f['hits']}/{f['predicted']}/" \
           f"{f['gold']})"


def _real_news(report: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for level in ("type_actors", "type"):
        parts = [report["by_source"][s][level] for s in REAL_NEWS if s in report["by_source"]]
        hits, pred, gold = (sum(p[k] for p in parts) for k in ("hits", "predicted", "gold"))
        out[level] = {**prf(hits, pred, gold), "hits": hits, "predicted": pred, "gold": gold}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, help="the held-out fold (JSONL)")
    parser.add_argument("--model", required=True, help="a model trained without this fold")
    parser.add_argument("--thresholds", default="0.2,0.3,0.35,0.4,0.5",
                        help="thresholds to try")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    model = json.loads(open(args.model, encoding="utf-8").read())
    table, own = model["weights"], float(model["threshold"])
    cases = read_gold(args.gold)
    parsed = analysed(cases)
    print(f"{len(cases)} cases parsed", file=sys.stderr)
    results: dict[str, Any] = {}
    runs: list[tuple[str, float | None]] = [("rules", None), (f"own@{own}", own)]
    runs += [(f"rules+model@{t}", float(t)) for t in args.thresholds.split(",")]
    for name, threshold in runs:
        report = events_report(
            score_case(case, {"events": [e.to_json() for e in (
                events if threshold is None else filter_events(doc, events, table, threshold))]})
            for case, (doc, events) in zip(cases, parsed, strict=True))
        real = _real_news(report)
        results[name] = {"real_news": real, "all": {lv: report[lv] for lv in
                                                    ("type_actors", "type")}}
        if not args.json:
            print(f"{name:18} real news: type+actors {_line(real, 'type_actors')}; type "
                  f"{_line(real, 'type')}\n{'':18} all:       type+actors "
                  f"{_line(report, 'type_actors')}; type {_line(report, 'type')}")
    if args.json:
        print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
