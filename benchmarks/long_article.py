"""Time and peak memory of one very long article (up to the 20 MB cap), against bare spaCy.

    python benchmarks/long_article.py --mb 19          # a readable summary (about an hour)
    python benchmarks/long_article.py --mb 2 --json    # one JSON object

spaCy refuses a text over 1,000,000 characters, so onrecord analyses a long article in parts
cut at paragraph boundaries (:mod:`onrecord.parts`). The article is built here from invented
newswire paragraphs (speakers, dates, events, places varied so no two paragraphs are alike).
Each side runs in its own process, so each peak resident memory is its own:

- ``spacy``: the bare English pipeline over the same parts (``nlp.pipe``), the baseline;
- ``onrecord``: ``onrecord.analyze()`` on the whole text, then storing the record in a
  throwaway SQLite corpus (``Corpus.add``), timed apart.

``ratio`` is spaCy's time over onrecord's analysis time (1.0: as fast as bare spaCy).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_PEOPLE = [("Foreign Minister", "Lena Marquardt"), ("Defence Minister", "Tomas Ilves"),
           ("spokeswoman", "Amira Haddad"), ("Prime Minister", "Jorge Salcedo"),
           ("coast guard chief", "Nikos Vratsis"), ("President", "Adaeze Okonkwo"),
           ("UN envoy", "Pieter van Damme"), ("opposition leader", "Marta Kowalczyk")]
_PLACES = ["Geneva", "Nairobi", "Ankara", "Athens", "Lima", "Warsaw", "Manila", "Accra",
           "Tbilisi", "Hanoi", "Oslo", "Quito"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_SAID = ["said", "told reporters", "insisted", "warned", "added", "denied"]
_TOPICS = ["the ceasefire would hold", "talks would resume within a week",
           "the border crossing had been closed", "no troops had crossed the line",
           "aid convoys were stuck at the checkpoint", "the vote had been fair",
           "the strike had targeted a weapons depot", "sanctions would follow"]
_EVENTS = ["Police arrested {n} protesters outside the parliament in {p} on {d}.",
           "Troops withdrew from two villages near {p} on {d}, residents said.",
           "The government in {p} expelled a diplomat on {d} over the dispute.",
           "Rebels shelled a market on the outskirts of {p} on {d}, killing {n} people.",
           "Delegations from both sides met in {p} on {d} for a third round of talks."]


def build_text(chars: int, seed: int = 7) -> str:
    """Invented newswire paragraphs, about ``chars`` characters in all."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    n = 0
    while size < chars:
        n += 1
        title, name = rng.choice(_PEOPLE)
        place, day = rng.choice(_PLACES), rng.choice(_DAYS)
        sentences = [
            f"{title.capitalize() if title[0].islower() else title} {name} {rng.choice(_SAID)} "
            f"in {place} on {day} that {rng.choice(_TOPICS)}.",
            rng.choice(_EVENTS).format(n=rng.randint(3, 90), p=place, d=day),
            f'"We will not accept report number {n}," {name.split()[-1]} said.',
            f"According to officials who spoke on condition of anonymity, {rng.choice(_TOPICS)}.",
        ]
        rng.shuffle(sentences)
        paragraph = " ".join(sentences[: rng.randint(2, 4)])
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:chars].rstrip() + "\n"


def measure_spacy(text: str) -> dict[str, float]:
    from onrecord.nlp.pipeline import load_baseline
    from onrecord.parts import split_into_parts

    nlp = load_baseline()
    parts = [text[s:e] for s, e in split_into_parts(text)]
    t0 = time.perf_counter()
    for _ in nlp.pipe(parts, batch_size=4):
        pass
    return {"seconds": time.perf_counter() - t0, "parts": len(parts)}


def measure_onrecord(text: str) -> dict[str, float]:
    from onrecord import analyze
    from onrecord.nlp.pipeline import load_pipeline
    from onrecord.store import Corpus

    load_pipeline()
    t0 = time.perf_counter()
    record = analyze(text, published="2025-03-10")
    analysed = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp, Corpus(Path(tmp) / "long.db") as corpus:
        t0 = time.perf_counter()
        corpus.add(record)
        stored = time.perf_counter() - t0
    return {"seconds": analysed, "store_seconds": stored, "statements": len(record.statements),
            "events": len(record.events), "entities": len(record.entities),
            "times": len(record.times)}


def _child(side: str, chars: int) -> dict[str, float]:
    text = build_text(chars)
    result = measure_spacy(text) if side == "spacy" else measure_onrecord(text)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=19.0, help="the article's size in MB")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--side", choices=("spacy", "onrecord"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    chars = int(args.mb * 1024 * 1024)
    if args.side:
        print(json.dumps(_child(args.side, chars)))
        return
    sides = {}
    for side in ("spacy", "onrecord"):
        done = subprocess.run([sys.executable, __file__, "--mb", str(args.mb), "--side", side],
                              check=True, capture_output=True, text=True)
        sides[side] = json.loads(done.stdout.strip().splitlines()[-1])
    result = {"characters": chars, "spacy": sides["spacy"], "onrecord": sides["onrecord"],
              "ratio": round(sides["spacy"]["seconds"] / sides["onrecord"]["seconds"], 3)}
    if args.json:
        print(json.dumps(result))
        return
    sp, on = sides["spacy"], sides["onrecord"]
    print(f"article: {chars:,} characters, {int(sp['parts'])} parts")
    print(f"bare spaCy: {sp['seconds']:.0f} s, peak RSS {sp['peak_rss_mb']:.0f} MB")
    print(f"onrecord:   {on['seconds']:.0f} s to analyse, {on['store_seconds']:.0f} s to store, "
          f"peak RSS {on['peak_rss_mb']:.0f} MB ({int(on['statements'])} statements, "
          f"{int(on['events'])} events, {int(on['times'])} times)")
    print(f"ratio (spaCy time / onrecord time): {result['ratio']}")


if __name__ == "__main__":
    main()
