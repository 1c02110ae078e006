"""Split the labelled contradiction pairs into dev and test halves by a hash of each pair's id.

    python training/split_pairs.py tests/data/contradiction_pairs.jsonl --out /tmp/pairs
    .venv/bin/onrecord eval contradictions --gold /tmp/pairs.dev.jsonl --format json
    .venv/bin/onrecord eval contradictions --gold /tmp/pairs.test.jsonl --format json

A pair goes to the dev half when int(sha256(id), 16) % 2 == 0 and to the test half when it is 1;
header lines (``{"published": {...}}``) are copied into both halves. Tune the detector looking at
the dev half only and report the test half.

A pair's id is minted once, when the pair is labelled, as the first 12 hex digits of the SHA-256
of the compact JSON of its two sides, ``[a, b]`` (``pair_id`` below); it is never recomputed, so
moving a side's offsets later keeps the pair in its half.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from typing import Any

HALVES = ("dev", "test")


def pair_id(a: list[Any], b: list[Any]) -> str:
    """The id of a new pair: 12 hex digits of the SHA-256 of ``[a, b]`` as compact JSON."""
    sides = json.dumps([a, b], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(sides.encode("utf-8")).hexdigest()[:12]


def half_of(pair: str) -> int:
    """The half of a pair: its id's SHA-256 as an integer, modulo 2 (0 dev, 1 test)."""
    return int(hashlib.sha256(pair.encode("utf-8")).hexdigest(), 16) % 2


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("pairs", help="labelled pairs, JSON Lines, one pair with an 'id' a line")
    parser.add_argument("--out", required=True, help="prefix of the <out>.dev/.test.jsonl files")
    args = parser.parse_args()
    with open(args.pairs, encoding="utf-8") as lines:
        rows = [line.rstrip("\n") for line in lines if line.strip()]
    headers: list[str] = []
    halves: list[list[str]] = [[], []]
    for number, line in enumerate(rows, 1):
        row = json.loads(line)
        if "published" in row:
            headers.append(line)
            continue
        if not row.get("id"):
            parser.error(f"{args.pairs}:{number}: a pair without an 'id' (mint one with pair_id)")
        halves[half_of(row["id"])].append(line)
    for name, half in zip(HALVES, halves, strict=True):
        with open(f"{args.out}.{name}.jsonl", "w", encoding="utf-8") as out:
            out.writelines(f"{line}\n" for line in [*headers, *half])
    print(f"dev {len(halves[0])} pairs, test {len(halves[1])} pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
