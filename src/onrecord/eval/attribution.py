"""Scoring attribution (statements) against gold annotations, as ``onrecord eval attribution``.

The gold format and the measures are those of ``../shared/eval/attribution/README.md``:

- predicted and gold statements are matched one to one, greedily, by the Jaccard overlap of their
  content tokens (gold content may be discontinuous: its ``content_spans`` are used);
- content **exact**: equal text after trimming whitespace, outer quote marks and trailing
  punctuation; **jaccard**: token Jaccard >= 0.5; **coverage_0.3 / 0.8**: the predicted content
  covers more than 30% / 80% of the gold content's characters;
- **speaker** accuracy over the pairs matched at Jaccard >= 0.5: any character overlap with the
  gold speaker mention (no speaker on both sides counts as right), and exact span equality;
- **cue** exact and overlap, F1 over the matched pairs (Jaccard >= 0.5) that have a cue;
- every figure overall and by kind (precision by the predicted kind, recall by the gold kind).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

KINDS = ("direct", "mixed", "indirect")
_TOKEN = re.compile(r"\w+", re.UNICODE)
_QUOTES = "\"'“”‘’«» \t\n\r"
_PUNCT = ".,;:!?—–- \t\n\r"


@dataclass(frozen=True)
class Item:
    """One statement reduced to what scoring needs: character spans."""

    content: tuple[tuple[int, int], ...]
    kind: str
    speaker: tuple[int, int] | None
    cue: tuple[int, int] | None
    rule: str | None = field(default=None, compare=False)  # the extraction rule (predictions)


def _tokens(text: str, spans: Sequence[tuple[int, int]]) -> frozenset[int]:
    """Start offsets of the word tokens inside ``spans``."""
    out: set[int] = set()
    for s, e in spans:
        out.update(m.start() for m in _TOKEN.finditer(text, s, e))
    return frozenset(out)


def chars(spans: Sequence[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


def _normal(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text compared for "exact": whitespace, outer quote marks, trailing punctuation gone."""
    joined = " ".join(text[s:e] for s, e in spans).strip()
    joined = joined.strip(_QUOTES).rstrip(_PUNCT).rstrip(_QUOTES + " ").rstrip(_PUNCT)
    return " ".join(joined.split())


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return min(a[1], b[1]) > max(a[0], b[0])


def _span(value: Any) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value else None


def gold_items(doc: dict[str, Any]) -> list[Item]:
    """The gold statements of one evaluation document."""
    items = []
    for s in doc["statements"]:
        spans = tuple((int(a), int(b)) for a, b in (s.get("content_spans") or [s["content"]]))
        items.append(Item(spans, s["kind"], _span(s.get("speaker")), _span(s.get("cue"))))
    return items


def predicted_items(record_json: dict[str, Any]) -> list[Item]:
    """onrecord's statements in a record (JSON contract), one item per attribution.

    A claim recorded once per coordinated speaker ("X and Y said ...") is one attribution in
    the gold annotation, so repeated contents count once; the parts of a split quotation
    (linked by ``continues``) are one attribution with a discontinuous content.
    """
    seen: set[tuple[int, int]] = set()
    items: list[Item] = []
    index: dict[str, int] = {}  # statement id -> its item
    for s in record_json["statements"]:
        span = _span(s["content_span"])
        if span is None or span in seen:
            continue
        seen.add(span)
        parent = index.get(s.get("continues") or "")
        if parent is not None:  # the rest of a split quotation: one attribution in two parts
            first = items[parent]
            items[parent] = Item((*first.content, span), first.kind, first.speaker, first.cue,
                                 first.rule)
            index[s["id"]] = parent
            continue
        index[s["id"]] = len(items)
        items.append(Item((span,), s["kind"], _span(s.get("speaker_span")),
                          _span(s.get("cue_span")), s.get("rule")))
    return items


@dataclass
class Counts:
    """True positives, predictions and gold items for one measure."""

    tp_p: int = 0  # true positives counted on the prediction side (by predicted kind)
    tp_r: int = 0  # true positives counted on the gold side (by gold kind)
    pred: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp_p += other.tp_p
        self.tp_r += other.tp_r
        self.pred += other.pred
        self.gold += other.gold

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_p / self.pred if self.pred else 0.0
        r = self.tp_r / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


MEASURES = ("content_exact", "content_jaccard", "coverage_0.3", "coverage_0.8",
            "cue_exact", "cue_overlap")


@dataclass
class Score:
    """Counts for every measure, for one kind or overall."""

    counts: dict[str, Counts] = field(default_factory=lambda: {m: Counts() for m in MEASURES})
    speaker_pairs: int = 0
    speaker_overlap: int = 0
    speaker_exact: int = 0

    def add(self, other: Score) -> None:
        for m in MEASURES:
            self.counts[m].add(other.counts[m])
        self.speaker_pairs += other.speaker_pairs
        self.speaker_overlap += other.speaker_overlap
        self.speaker_exact += other.speaker_exact

    def to_json(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {}
        for m in MEASURES:
            p, r, f = self.counts[m].prf()
            out[f"{m}_p"], out[f"{m}_r"], out[f"{m}_f1"] = round(p, 4), round(r, 4), round(f, 4)
        pairs = self.speaker_pairs
        out["speaker_overlap_acc"] = round(self.speaker_overlap / pairs, 4) if pairs else 0.0
        out["speaker_exact_acc"] = round(self.speaker_exact / pairs, 4) if pairs else 0.0
        out["speaker_pairs"] = pairs
        out["predicted"] = self.counts["content_jaccard"].pred
        out["gold"] = self.counts["content_jaccard"].gold
        return out


def match(text: str, predicted: Sequence[Item],
          gold: Sequence[Item]) -> list[tuple[int, int, float]]:
    """One-to-one greedy matching on content-token Jaccard: (pred index, gold index, jaccard)."""
    ptoks = [_tokens(text, p.content) for p in predicted]
    gtoks = [_tokens(text, g.content) for g in gold]
    pairs = []
    for i, pt in enumerate(ptoks):
        for j, gt in enumerate(gtoks):
            inter = len(pt & gt)
            if inter:
                pairs.append((inter / len(pt | gt), i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for jac, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j, jac))
    return out


def score_document(text: str, predicted: Sequence[Item], gold: Sequence[Item]) -> dict[str, Score]:
    """Scores of one document: key "overall" and one per kind."""
    scores = {k: Score() for k in ("overall", *KINDS)}

    def credit(measure: str, kind_p: str, kind_g: str, hit: bool) -> None:
        if not hit:
            return
        overall = scores["overall"].counts[measure]
        overall.tp_p += 1
        overall.tp_r += 1
        if kind_p in scores:
            scores[kind_p].counts[measure].tp_p += 1
        if kind_g in scores:
            scores[kind_g].counts[measure].tp_r += 1

    for key in scores:
        preds = [p for p in predicted if key == "overall" or p.kind == key]
        golds = [g for g in gold if key == "overall" or g.kind == key]
        for m in MEASURES:
            c = scores[key].counts[m]
            if m.startswith("cue"):
                c.pred += sum(1 for p in preds if p.cue is not None)
                c.gold += sum(1 for g in golds if g.cue is not None)
            else:
                c.pred += len(preds)
                c.gold += len(golds)

    for i, j, jac in match(text, predicted, gold):
        p, g = predicted[i], gold[j]
        gchars = chars(g.content)
        covered = len(gchars & chars(p.content)) / len(gchars) if gchars else 0.0
        credit("content_exact", p.kind, g.kind,
             _normal(text, p.content) == _normal(text, g.content))
        credit("content_jaccard", p.kind, g.kind, jac >= 0.5)
        credit("coverage_0.3", p.kind, g.kind, covered > 0.3)
        credit("coverage_0.8", p.kind, g.kind, covered > 0.8)
        if jac < 0.5:
            continue
        if p.cue is not None and g.cue is not None:
            credit("cue_exact", p.kind, g.kind, p.cue == g.cue)
            credit("cue_overlap", p.kind, g.kind, _overlaps(p.cue, g.cue))
        for key in {"overall", g.kind}:
            if key in scores:
                scores[key].speaker_pairs += 1
                scores[key].speaker_overlap += _overlaps(p.speaker, g.speaker)
                scores[key].speaker_exact += p.speaker == g.speaker
    return scores


def aggregate(per_document: Iterable[dict[str, Score]]) -> dict[str, Any]:
    """The report: ``{"overall": {...}, "by_kind": {"direct": {...}, ...}, "documents": n}``."""
    total = {k: Score() for k in ("overall", *KINDS)}
    n = 0
    for doc_scores in per_document:
        n += 1
        for key, s in doc_scores.items():
            total[key].add(s)
    return {
        "overall": total["overall"].to_json(),
        "by_kind": {k: total[k].to_json() for k in KINDS},
        "documents": n,
    }
