"""Train the learned cue model (:mod:`onrecord.extract.statements.cue_model`) on the attribution
dev split.

    python training/learn_cue_model.py --gold ../shared/eval/attribution/dev.jsonl

Every candidate the extractor could read as a cue (a verb with a subject and a content-bearing
complement, a noun with a content-bearing preposition phrase; words inside quotations left out,
as the extractor leaves them) is one example, labelled by whether it lies inside a gold cue. A
logistic regression with an L2 penalty is fitted over the features of
:func:`onrecord.extract.statements.cue_model.verb_features` and ``noun_features``; the weights go to
``src/onrecord/data/cue_model.json`` with the decision thresholds. Only the dev split may be used
(held-out splits are scored elsewhere). Deterministic: the same gold file and model give the same
weights. ``--leave-out K/N`` skips every document whose index is K modulo N, to score the model
on them with ``training/cross_check_cue_model.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

from onrecord.eval.runner import read_gold
from onrecord.extract.statements.attribution import cue_subject
from onrecord.extract.statements.cue_model import noun_features, verb_features
from onrecord.extract.statements.quotes import find_quotes
from onrecord.extract.statements.reported import noun_content_prep, object_complement
from onrecord.nlp.pipeline import ONRECORD_COMPONENTS, load_pipeline

OUT = Path(__file__).resolve().parent.parent / "src" / "onrecord" / "data" / "cue_model.json"
MIN_COUNT = 2  # features seen fewer times are dropped
VERB_THRESHOLD = 0.5
NOUN_THRESHOLD = 0.5


def examples(docs, parsed):
    """(features, label) for every candidate in the parsed documents."""
    for gold, doc in zip(docs, parsed, strict=True):
        cue_chars: set[int] = set()
        for s in gold["statements"]:
            if s.get("cue"):
                cue_chars.update(range(s["cue"][0], s["cue"][1]))
        inside = [(q.start, q.end) for q in find_quotes(doc.text) if q.words >= 3]
        for tok in doc:
            if any(s <= tok.idx < e for s, e in inside):
                continue
            if tok.pos_ == "VERB":
                subject = cue_subject(tok)
                if subject is None or object_complement(tok) is None:
                    continue
                feats = verb_features(tok, subject)
            elif tok.pos_ == "NOUN":
                if noun_content_prep(tok) is None:
                    continue
                feats = noun_features(tok)
            else:
                continue
            yield feats, tok.idx in cue_chars


def fit(rows: list[tuple[list[str], bool]], l2: float) -> dict[str, float]:
    """L2-penalised logistic regression; returns the weight of every kept feature."""
    counts: dict[str, int] = {}
    for feats, _ in rows:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(names)}
    data_rows, cols = [], []
    for r, (feats, _) in enumerate(rows):
        for f in set(feats):
            if f in index:
                data_rows.append(r)
                cols.append(index[f])
    x = sparse.csr_matrix((np.ones(len(cols)), (data_rows, cols)), shape=(len(rows), len(names)))
    y = np.array([1.0 if label else 0.0 for _, label in rows])
    bias = np.array([f in {"bias", "nbias"} for f in names], dtype=float)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        nll = np.sum(np.logaddexp(0.0, z) - y * z)
        penalty = 0.5 * l2 * np.sum((1.0 - bias) * w * w)
        grad = x.T @ (p - y) + l2 * (1.0 - bias) * w
        return float(nll + penalty), grad

    result = optimize.minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B",
                               options={"maxiter": 500})
    return {f: round(float(w), 4) for f, w in zip(names, result.x, strict=True)
            if abs(w) >= 0.005}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, help="the attribution dev split (JSONL)")
    parser.add_argument("--out", default=str(OUT), help="where to write the model")
    parser.add_argument("--leave-out", default=None, metavar="K/N",
                        help="skip every document whose index is K modulo N (to test on them)")
    parser.add_argument("--l2", type=float, default=1.0, help="the L2 penalty")
    parser.add_argument("--parsed", default=None,
                        help="a spaCy DocBin of the whole split, parsed by onrecord's pipeline "
                             "(optional: saves parsing again)")
    args = parser.parse_args()
    if "dev" not in Path(args.gold).name:
        print("refusing: learn from the dev split only", file=sys.stderr)
        return 2
    docs = list(read_gold(args.gold, None))
    nlp = load_pipeline()  # the parse the extractor sees (paragraph-aware sentences)
    keep = list(range(len(docs)))
    if args.leave_out:
        k, n = (int(v) for v in args.leave_out.split("/"))
        keep = [i for i in keep if i % n != k]
    if args.parsed:
        from spacy.tokens import DocBin

        every = list(DocBin().from_disk(args.parsed).get_docs(nlp.vocab))
        parsed = [every[i] for i in keep]
    else:
        with nlp.select_pipes(disable=list(ONRECORD_COMPONENTS)):
            parsed = list(nlp.pipe((docs[i]["text"] for i in keep), batch_size=16))
    rows = list(examples([docs[i] for i in keep], parsed))
    print(f"{len(keep)} documents, {len(rows)} candidates, "
          f"{sum(label for _, label in rows)} cues", file=sys.stderr)
    table = fit(rows, args.l2)
    model = {"verb_threshold": VERB_THRESHOLD, "noun_threshold": NOUN_THRESHOLD,
             "l2": args.l2, "documents": len(keep), "weights": dict(sorted(table.items()))}
    Path(args.out).write_text(json.dumps(model, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(table)} weights")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
