"""Split a gold JSON Lines file into two folds by a hash of each document's id.

    python training/split_folds.py ../shared/eval/attribution/dev.jsonl --out /tmp/attr
    .venv/bin/onrecord eval attribution --gold /tmp/attr.fold0.jsonl -w 2 -f json
    .venv/bin/onrecord eval attribution --gold /tmp/attr.fold1.jsonl -w 2 -f json

Fold k holds the documents with int(sha256(id), 16) % 2 == k: write rules looking at one fold
and keep a change only when the other fold improves too.
"""

from __future__ import annotations

import argparse
import hashlib
import json


def fold_of(doc_id: str, folds: int = 2) -> int:
    """The fold of a document: its id's SHA-256 as an integer, modulo ``folds``."""
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % folds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", help="gold JSON Lines, one document with an 'id' a line")
    parser.add_argument("--out", required=True, help="prefix of the fold files")
    args = parser.parse_args()
    outs = [open(f"{args.out}.fold{k}.jsonl", "w", encoding="utf-8") for k in range(2)]
    counts = [0, 0]
    with open(args.gold, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                k = fold_of(json.loads(line)["id"])
                outs[k].write(line)
                counts[k] += 1
    for out in outs:
        out.close()
    print(f"fold0 {counts[0]} documents, fold1 {counts[1]} documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
