"""Score the learned cue lexicon out of sample: on the dev articles it was not counted on.

    python training/learn_cues.py --gold ../shared/eval/attribution/dev.jsonl \
        --leave-out 0/2 --out /tmp/learned_odd.json
    python training/cross_check_cues.py --gold ../shared/eval/attribution/dev.jsonl \
        --counts /tmp/learned_odd.json --fold 0/2

It parses the left-out articles once, then scores statement extraction with no learned words
and with each threshold given (``--rates``), printing coverage > 0.3 P/R/F1 and content Jaccard
F1 for each. ``docs/accuracy.md`` quotes its output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from onrecord.eval.attribution import aggregate, gold_items, predicted_items, score_document
from onrecord.eval.runner import read_gold
from onrecord.extract.entities.extract import extract_entities
from onrecord.extract.statements import attribution, lexicon, reported
from onrecord.extract.statements import extract as statements
from onrecord.extract.times.extract import extract_times
from onrecord.nlp.pipeline import ONRECORD_COMPONENTS, load_pipeline


def _use(verbs: frozenset[str], nouns: frozenset[str]) -> None:
    """Swap the lexicon the extractors read (the modules bound the sets at import)."""
    for module in (lexicon, reported, attribution):
        module.LEARNED_VERBS = verbs  # type: ignore[attr-defined]
    reported.LEARNED_NOUNS = nouns  # type: ignore[attr-defined]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, help="the attribution dev split (JSONL)")
    parser.add_argument("--counts", required=True, help="counts learned without this fold")
    parser.add_argument("--fold", default="0/2", metavar="K/N",
                        help="score the documents whose index is K modulo N")
    parser.add_argument("--rates", default="0.3,0.4,0.5", help="cue-rate thresholds to try")
    args = parser.parse_args()
    counts = json.loads(open(args.counts, encoding="utf-8").read())
    k, n = (int(x) for x in args.fold.split("/"))
    docs = [d for i, d in enumerate(read_gold(args.gold)) if i % n == k]
    nlp = load_pipeline()
    with nlp.select_pipes(disable=list(ONRECORD_COMPONENTS)):
        parsed = list(nlp.pipe((d["text"] for d in docs), batch_size=16))
    context = []
    for d, doc in zip(docs, parsed, strict=True):
        published = dt.date.fromisoformat(d["published"][:10]) if d.get("published") else None
        context.append((extract_entities(doc), extract_times(doc, published)))
    print(f"{len(docs)} documents parsed", file=sys.stderr)
    settings = [None, *(float(r) for r in args.rates.split(","))]
    for rate in settings:
        if rate is None:
            _use(frozenset(), frozenset())
        else:
            _use(lexicon.select_learned(counts["verbs"], lexicon.LEARNED_MIN_SEEN, rate),
                 lexicon.select_learned(counts["nouns"], lexicon.LEARNED_MIN_SEEN, rate))
        report = aggregate(
            score_document(d["text"], predicted_items(
                {"statements": [s.to_json() for s in statements.extract_statements(
                    doc, ents, times)]}), gold_items(d))
            for d, doc, (ents, times) in zip(docs, parsed, context, strict=True))
        o = report["overall"]
        print(f"rate {rate if rate is not None else 'none':>4}: coverage>0.3 "
              f"P {o['coverage_0.3_p']:.3f} R {o['coverage_0.3_r']:.3f} "
              f"F1 {o['coverage_0.3_f1']:.3f}; content Jaccard F1 {o['content_jaccard_f1']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
