"""Classify the gold statements onrecord misses on the attribution dev split (error analysis).

    python training/attribution_errors.py --gold ../shared/eval/attribution/dev.jsonl [--limit N]

A gold statement is missed when no prediction matched to it (``onrecord.eval.attribution.match``)
covers more than 30% of its characters. Each miss is put in one class, from the gold cue's head
word in onrecord's parse: no prediction overlaps it at all (then: an unlisted or a listed verb,
with or without a subject and a content-bearing complement; a noun with or without a content
phrase; an adjective; other words), a prediction matched it but covers too little, a prediction
overlaps it but was matched to another gold statement, or the cue was found but the content
taken elsewhere. ``docs/accuracy.md`` quotes the counts.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter

from onrecord.eval.attribution import _chars, gold_items, match, predicted_items
from onrecord.eval.runner import read_gold
from onrecord.extract.entities.extract import extract_entities
from onrecord.extract.statements.attribution import cue_subject, is_cue
from onrecord.extract.statements.extract import extract_statements
from onrecord.extract.statements.reported import noun_content_prep, object_complement
from onrecord.extract.times.extract import extract_times
from onrecord.nlp.pipeline import ONRECORD_COMPONENTS, load_pipeline


def _head_class(doc, cue: tuple[int, int]) -> str:
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is None or not len(span):
        return "other"
    heads = [t for t in span if t.pos_ in {"VERB", "NOUN", "ADJ", "PROPN"}] or list(span)
    tok = heads[0]
    if tok.pos_ == "VERB":
        listed = "listed" if is_cue(tok, objects=True) else "unlisted"
        subject = "subject" if cue_subject(tok) is not None else "no subject"
        comp = "complement" if object_complement(tok) is not None else "no complement"
        return f"verb, {listed}, {subject}, {comp}"
    if tok.pos_ == "NOUN":
        return "noun with phrase" if noun_content_prep(tok) else "noun without phrase"
    if tok.pos_ == "ADJ":
        return "adjective"
    return f"other ({tok.pos_})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, help="the attribution dev split (JSONL)")
    parser.add_argument("--limit", type=int, default=None, help="the first N articles only")
    args = parser.parse_args()
    docs = list(read_gold(args.gold, args.limit))
    nlp = load_pipeline()
    classes: Counter[str] = Counter()
    with nlp.select_pipes(disable=list(ONRECORD_COMPONENTS)):
        parsed = nlp.pipe((d["text"] for d in docs), batch_size=16)
        for gold, doc in zip(docs, parsed, strict=True):
            published = (dt.date.fromisoformat(gold["published"][:10])
                         if gold.get("published") else None)
            found = extract_statements(doc, extract_entities(doc),
                                       extract_times(doc, published), published)
            preds = predicted_items({"statements": [s.to_json() for s in found]})
            golds = gold_items(gold)
            matched = {j: i for i, j, _ in match(gold["text"], preds, golds)}
            cues = {p.cue for p in preds if p.cue}
            for j, g in enumerate(golds):
                chars = _chars(g.content)
                if j in matched and len(chars & _chars(preds[matched[j]].content)) > 0.3 * len(
                        chars):
                    continue
                cue = gold["statements"][j].get("cue")
                if j in matched:
                    classes["predicted, coverage <= 0.3"] += 1
                elif any(_chars(p.content) & chars for p in preds):
                    classes["overlapped by a prediction matched elsewhere"] += 1
                elif cue and any(min(c[1], cue[1]) > max(c[0], cue[0]) for c in cues):
                    classes["cue found, content elsewhere"] += 1
                elif cue:
                    classes["no prediction: " + _head_class(doc, tuple(cue))] += 1
                else:
                    classes["no prediction: no gold cue"] += 1
    total = sum(len(d["statements"]) for d in docs)
    print(f"{len(docs)} articles, {total} gold statements, {sum(classes.values())} missed")
    for name, n in classes.most_common():
        print(f"{n:6d}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
