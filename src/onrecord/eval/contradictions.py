"""Scoring contradiction and shift detection against hand-labelled statement pairs.

The labels file is JSON Lines, written by the onrecord authors (labels and offsets, never text):

- one line ``{"published": {"PATH": "YYYY-MM-DD", ...}}`` (optional) giving publication dates
  for documents that carry none;
- then one line per pair: ``{"a": ["PATH", START, END], "b": ["PATH", START, END],
  "label": "contradiction" | "shift" | "none"}``. ``PATH`` is a document's origin as onrecord
  names it (a path relative to where the command runs, ``path#N`` for a JSON Lines record);
  ``START``/``END`` are character offsets of the statement's content in the analysed text. A
  label designates the statement whose content overlaps that span most (at least half of the
  shorter of the two), so small changes to content boundaries keep the labels valid.

Every document named is analysed into an in-memory corpus, every pair the detector scores is
compared with the labels: a labelled pair is *predicted* when the detector scores it at or above
the threshold. Precision is over the predicted pairs that carry a label; predictions without a
label are counted and listed, so the labels can be completed rather than silently ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from onrecord.analysis.claim import Finding, Side
from onrecord.analysis.consistency import (
    article_entities,
    embedded_pairs,
    find_findings,
    load_sides,
)
from onrecord.errors import InputError
from onrecord.eval.metrics import prf
from onrecord.models import ArticleRecord, Discarded

POSITIVE = ("contradiction", "shift")
StatementKey = tuple[str, str]
PairKey = frozenset[StatementKey]


def read_labels(path: str | Path) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Publication-date overrides and labelled pairs from a labels file."""
    published: dict[str, str] = {}
    pairs: list[dict[str, Any]] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"{path}: cannot read the labels file ({err.strerror})") from err
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if "published" in row:
                published.update(row["published"])
                continue
            a, b, label = tuple(row["a"]), tuple(row["b"]), row["label"]
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise InputError(f"{path}:{number}: not a labelled pair ({err})") from err
        if label not in (*POSITIVE, "none") or len(a) != 3 or len(b) != 3:
            raise InputError(f"{path}:{number}: a pair needs two [path, start, end] and a label "
                             f"among {', '.join((*POSITIVE, 'none'))}")
        pairs.append({"a": a, "b": b, "label": label})
    return published, pairs


def documents(pairs: Iterable[dict[str, Any]]) -> list[str]:
    """The document paths the pairs refer to (``path#N`` reduced to the file), in order."""
    return list(dict.fromkeys(side[0].split("#")[0] for p in pairs for side in (p["a"], p["b"])))


def pair_keys(finding: Finding) -> list[PairKey]:
    """The statement pairs a finding stands for: its own, and those of repeated statements."""
    ends_a = [(finding.a.article_id, finding.a.statement_id), *finding.a.repeats]
    ends_b = [(finding.b.article_id, finding.b.statement_id), *finding.b.repeats]
    return [frozenset({a, b}) for a in ends_a for b in ends_b if a != b]


def locate(sides: Iterable[Side], article_id: str, start: int, end: int) -> list[str]:
    """The ids of the statements of ``article_id`` whose content best overlaps ``start..end``
    (more than one when the same span was recorded for two speakers)."""
    best: list[str] = []
    best_overlap = 0
    for s in sides:
        if s.article_id != article_id:
            continue
        overlap = min(s.end, end) - max(s.start, start)
        if overlap <= 0 or overlap * 2 < min(s.end - s.start, end - start):
            continue
        if overlap > best_overlap:
            best, best_overlap = [s.statement_id], overlap
        elif overlap == best_overlap:
            best.append(s.statement_id)
    return best


def score_labels(findings: list[Finding], pairs: list[dict[str, Any]], sides: list[Side],
                 origin_ids: dict[str, str], threshold: float) -> dict[str, Any]:
    """Precision and recall of the findings at ``threshold`` against the labelled pairs."""
    scored: dict[PairKey, Finding] = {}
    for f in findings:  # best first: a pair keeps its best finding
        for key in pair_keys(f):
            scored.setdefault(key, f)
    labelled: dict[PairKey, str] = {}
    missing = 0
    for p in pairs:
        ends: list[list[StatementKey]] = []
        for path, start, end in (p["a"], p["b"]):
            article = origin_ids.get(path)
            if article is None:
                ends.append([])
                continue
            ends.append([(article, sid) for sid in locate(sides, article, int(start), int(end))])
        if not ends[0] or not ends[1]:
            missing += 1
            continue
        for a in ends[0]:
            for b in ends[1]:
                labelled[frozenset({a, b})] = p["label"]
    tp = fp = fn = kind_ok = 0
    for key, label in labelled.items():
        found = scored.get(key)
        predicted = found is not None and found.score >= threshold
        if predicted and label in POSITIVE:
            tp += 1
            kind_ok += found is not None and found.kind == label
        elif predicted:
            fp += 1
        elif label in POSITIVE:
            fn += 1
    unlabelled = [f for f in findings if f.score >= threshold
                  and not any(k in labelled for k in pair_keys(f))]
    return {
        "threshold": threshold, "pairs": len(labelled), "positives": tp + fn,
        "predicted_labelled": tp + fp, "tp": tp, "fp": fp, "fn": fn,
        **prf(tp, tp + fp, tp + fn, digits=3),
        "kind_accuracy": round(kind_ok / tp, 3) if tp else None,
        "unlabelled_predictions": len(unlabelled), "unmatched_labels": missing,
        "unlabelled": [f.to_json() for f in unlabelled],
    }


def evaluate(labels_path: str | Path, records: list[ArticleRecord],
             thresholds: Iterable[float], embeddings: bool = False) -> list[dict[str, Any]]:
    """Store ``records`` in a fresh in-memory corpus and score the detector at each threshold."""
    from onrecord.store import Corpus

    _, pairs = read_labels(labels_path)
    with Corpus(":memory:") as corpus:
        origin_ids = {}
        for record in records:
            corpus.add(record)
            if record.article.origin:
                origin_ids[record.article.origin] = record.article.id
        sides = load_sides(corpus)
        entities = article_entities(corpus)
    embedded = embedded_pairs(sides) if embeddings else None
    findings = find_findings(sides, min_score=0.0, entities=entities, embedded=embedded)
    return [score_labels(findings, pairs, sides, origin_ids, t) for t in thresholds]


def evaluate_files(labels_path: str | Path, thresholds: Iterable[float],
                   embeddings: bool = False) -> tuple[list[dict[str, Any]], list[Discarded]]:
    """Load and analyse every document the labels name (paths relative to the working
    directory), then score the detector at each threshold; also the documents discarded."""
    from onrecord.analyze import analyze_articles
    from onrecord.ingest import load_path

    published, pairs = read_labels(labels_path)
    loaded = [item for path in documents(pairs)
              for item in load_path(path, published=published.get(path))]
    discarded = [x for x in loaded if isinstance(x, Discarded)]
    records = [r for r in analyze_articles(x for x in loaded if not isinstance(x, Discarded))
               if not isinstance(r, Discarded)]
    return evaluate(labels_path, records, thresholds, embeddings), discarded
