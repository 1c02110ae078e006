"""Score the learned cue model out of sample: on the dev articles it was not trained on.

    python training/learn_cue_model.py --gold ../shared/eval/attribution/dev.jsonl \\
        --leave-out 0/2 --out /tmp/cue_model_odd.json
    python training/cross_check_cue_model.py --gold ../shared/eval/attribution/dev.jsonl \\
        --model /tmp/cue_model_odd.json --fold 0/2

It parses the left-out articles once, then scores statement extraction with no model and with
the model at each threshold given (``--thresholds``, verbs and nouns alike), printing coverage
> 0.3 P/R/F1, content Jaccard F1 and speaker accuracy for each. ``docs/accuracy.md`` quotes it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from onrecord.eval.attribution import aggregate, gold_items, predicted_items, score_document
from onrecord.eval.runner import read_gold
from onrecord.extract.entities.extract import extract_entities
from onrecord.extract.statements import cue_model
from onrecord.extract.statements import extract as statements
from onrecord.extract.times.extract import extract_times
from onrecord.nlp.pipeline import ONRECORD_COMPONENTS, load_pipeline


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, help="the attribution dev split (JSONL)")
    parser.add_argument("--model", required=True, help="a model trained without this fold")
    parser.add_argument("--fold", default="0/2", metavar="K/N",
                        help="score the documents whose index is K modulo N")
    parser.add_argument("--thresholds", default="0.4,0.5,0.6", help="thresholds to try")
    parser.add_argument("--parsed", default=None,
                        help="a spaCy DocBin of the whole split (optional: saves parsing again)")
    args = parser.parse_args()
    model = json.loads(open(args.model, encoding="utf-8").read())
    k, n = (int(x) for x in args.fold.split("/"))
    every = list(read_gold(args.gold))
    keep = [i for i in range(len(every)) if i % n == k]
    docs = [every[i] for i in keep]
    nlp = load_pipeline()
    if args.parsed:
        from spacy.tokens import DocBin

        cached = list(DocBin().from_disk(args.parsed).get_docs(nlp.vocab))
        parsed = [cached[i] for i in keep]
    else:
        with nlp.select_pipes(disable=list(ONRECORD_COMPONENTS)):
            parsed = list(nlp.pipe((d["text"] for d in docs), batch_size=16))
    context = []
    for d, doc in zip(docs, parsed, strict=True):
        published = dt.date.fromisoformat(d["published"][:10]) if d.get("published") else None
        context.append((extract_entities(doc), extract_times(doc, published)))
    print(f"{len(docs)} documents parsed", file=sys.stderr)
    for threshold in [None, *(float(t) for t in args.thresholds.split(","))]:
        table = model["weights"] if threshold is not None else {}
        level = threshold if threshold is not None else 1.0
        cue_model.weights = lambda t=table, v=level: (t, v, v)  # type: ignore[assignment]
        report = aggregate(
            score_document(d["text"], predicted_items(
                {"statements": [s.to_json() for s in statements.extract_statements(
                    doc, ents, times)]}), gold_items(d))
            for d, doc, (ents, times) in zip(docs, parsed, context, strict=True))
        o, ind = report["overall"], report["by_kind"]["indirect"]
        print(f"threshold {threshold if threshold is not None else 'none':>4}: coverage>0.3 "
              f"P {o['coverage_0.3_p']:.3f} R {o['coverage_0.3_r']:.3f} "
              f"F1 {o['coverage_0.3_f1']:.3f}; indirect R {ind['coverage_0.3_r']:.3f}; "
              f"content Jaccard F1 {o['content_jaccard_f1']:.3f}; "
              f"speaker {o['speaker_overlap_acc']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
