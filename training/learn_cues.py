"""Learn which verbs and nouns cue an attribution, from the dev split of the attribution corpus.

    python training/learn_cues.py --gold ../shared/eval/attribution/dev.jsonl

For every verb that has a subject and a content-bearing complement (an object, a preposition's
object, an infinitive or a clause), and every noun that takes a content-bearing preposition
phrase, it counts how often the word is the head of a gold cue. The counts per lemma go to
``src/onrecord/data/learned_cues.json``; :mod:`onrecord.extract.statements.lexicon` keeps the
lemmas seen often enough with a high enough rate. Only the dev split may be used (held-out
splits are scored elsewhere). Reproducible: the same gold file and model give the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from onrecord.eval.runner import read_gold
from onrecord.extract.statements.attribution import cue_subject
from onrecord.extract.statements.reported import noun_content_prep, object_complement
from onrecord.nlp.pipeline import ONRECORD_COMPONENTS, load_pipeline

OUT = Path(__file__).resolve().parent.parent / "src" / "onrecord" / "data" / "learned_cues.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, help="the attribution dev split (JSONL)")
    parser.add_argument("--out", default=str(OUT), help="where to write the counts")
    parser.add_argument("--leave-out", default=None, metavar="K/N",
                        help="skip every document whose index is K modulo N (to test on them)")
    args = parser.parse_args()
    if "dev" not in Path(args.gold).name:
        print("refusing: learn from the dev split only", file=sys.stderr)
        return 2
    docs = list(read_gold(args.gold, None))
    if args.leave_out:
        k, n = (int(x) for x in args.leave_out.split("/"))
        docs = [d for i, d in enumerate(docs) if i % n != k]
    nlp = load_pipeline()  # the parse the extractor sees (paragraph-aware sentences)
    seen: dict[str, Counter[str]] = {"verbs": Counter(), "nouns": Counter()}
    hits: dict[str, Counter[str]] = {"verbs": Counter(), "nouns": Counter()}
    texts = (d["text"] for d in docs)
    with nlp.select_pipes(disable=list(ONRECORD_COMPONENTS)):
        parsed = list(nlp.pipe(texts, batch_size=16))
    for n, (gold, doc) in enumerate(zip(docs, parsed, strict=True)):
        cue_chars: set[int] = set()
        for s in gold["statements"]:
            if s.get("cue"):
                cue_chars.update(range(s["cue"][0], s["cue"][1]))
        for tok in doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB":
                if cue_subject(tok) is None or object_complement(tok) is None:
                    continue
                group = "verbs"
            elif tok.pos_ == "NOUN":
                if noun_content_prep(tok) is None:
                    continue
                group = "nouns"
            else:
                continue
            seen[group][lemma] += 1
            if tok.idx in cue_chars:
                hits[group][lemma] += 1
        if n % 50 == 0:
            print(f"{n}/{len(docs)} documents", file=sys.stderr)
    out = {g: {lemma: [hits[g][lemma], seen[g][lemma]] for lemma in sorted(seen[g])
               if hits[g][lemma]} for g in seen}
    Path(args.out).write_text(json.dumps(out, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(out['verbs'])} verbs, {len(out['nouns'])} nouns with a hit")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
