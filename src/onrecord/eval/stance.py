"""Scoring statement stance against hand labels, as ``onrecord eval stance``.

The gold file (``tests/data/stance_dev.jsonl``) holds offsets only, one statement a line:
``{"article": id, "content": [start, end], "stance": "asserts|denies|doubts|qualifies"}``; the
articles' texts come from another file (``--articles``, e.g. the attribution dev set, whose
lines carry ``id``, ``text`` and ``published``).

Each labelled content is matched to the predicted statement whose content tokens overlap it
best (token Jaccard, the attribution scorer's matching), provided the statement covers more
than 30% of the labelled characters; a label no statement covers is *missed*. Reported:
coverage (labels matched), accuracy over the matched labels, and per-class precision, recall
and F1 over them; everything overall and for each of two folds (article id hashed with SHA-256,
modulo 2), so a rule written looking at one fold can be checked on the other.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onrecord.errors import InputError
from onrecord.eval.metrics import prf
from onrecord.eval.runner import read_gold
from onrecord.extract.statements.stance import STANCES
from onrecord.models import Stance

_WORD = re.compile(r"\w+", re.UNICODE)


def _tokens(text: str, span: tuple[int, int]) -> frozenset[int]:
    """Start offsets of the word tokens inside ``span`` (as the attribution scorer counts)."""
    return frozenset(m.start() for m in _WORD.finditer(text, span[0], span[1]))


def _chars(span: tuple[int, int]) -> set[int]:
    return set(range(span[0], span[1]))


@dataclass(frozen=True)
class Label:
    """One labelled statement: where its content is, and its stance."""

    article: str
    content: tuple[int, int]
    stance: Stance


@dataclass(frozen=True)
class Outcome:
    """A label and the stance onrecord gave it (None: no statement covers it)."""

    label: Label
    predicted: str | None


def fold_of(article_id: str) -> int:
    """The fold (0 or 1) of an article: its id's SHA-256 as an integer, modulo 2."""
    return int(hashlib.sha256(article_id.encode("utf-8")).hexdigest(), 16) % 2


def read_labels(path: str | Path) -> list[Label]:
    """The labels of a stance gold file; a line that is not a label is an InputError."""
    labels: list[Label] = []
    for number, row in enumerate(read_gold(path), 1):
        try:
            start, end = (int(x) for x in row["content"])
            stance = row["stance"]
            article = str(row["article"])
        except (KeyError, TypeError, ValueError) as err:
            raise InputError(f"{path}: label {number}: not a stance label ({err})") from err
        if stance not in STANCES:
            raise InputError(f"{path}: label {number}: unknown stance {stance!r}")
        labels.append(Label(article, (start, end), stance))
    return labels


def match_labels(text: str, labels: Sequence[Label],
                 statements: Sequence[dict[str, Any]]) -> list[Outcome]:
    """Each label of one article with the stance of the statement that best matches it."""
    spans = [(int(s["content_span"][0]), int(s["content_span"][1])) for s in statements]
    tokens = [_tokens(text, span) for span in spans]
    outcomes: list[Outcome] = []
    for label in labels:
        gold_tokens = _tokens(text, label.content)
        gold_chars = _chars(label.content)
        best: tuple[float, int] | None = None
        for k, span in enumerate(spans):
            union = gold_tokens | tokens[k]
            jaccard = len(gold_tokens & tokens[k]) / len(union) if union else 0.0
            covered = len(gold_chars & _chars(span)) / len(gold_chars) if gold_chars else 0.0
            if covered > 0.3 and (best is None or jaccard > best[0]):
                best = (jaccard, k)
        predicted = statements[best[1]].get("stance", "asserts") if best is not None else None
        outcomes.append(Outcome(label, predicted))
    return outcomes


def _summary(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    matched = [o for o in outcomes if o.predicted is not None]
    right = sum(o.predicted == o.label.stance for o in matched)
    classes: dict[str, Any] = {}
    for stance in STANCES:
        hits = sum(o.predicted == stance == o.label.stance for o in matched)
        predicted = sum(o.predicted == stance for o in matched)
        gold = sum(o.label.stance == stance for o in matched)
        classes[stance] = {**prf(hits, predicted, gold), "gold": gold, "predicted": predicted}
    return {
        "labels": len(outcomes),
        "matched": len(matched),
        "coverage": round(len(matched) / len(outcomes), 4) if outcomes else 0.0,
        "accuracy": round(right / len(matched), 4) if matched else 0.0,
        "by_stance": classes,
    }


def stance_report(outcomes: Iterable[Outcome]) -> dict[str, Any]:
    """The report: overall, for each fold, and the confusions (gold -> predicted counts)."""
    every = list(outcomes)
    confusion: dict[str, dict[str, int]] = {}
    for o in every:
        row = confusion.setdefault(o.label.stance, {})
        key = o.predicted or "missed"
        row[key] = row.get(key, 0) + 1
    return {
        "overall": _summary(every),
        "folds": {str(f): _summary([o for o in every if fold_of(o.label.article) == f])
                  for f in (0, 1)},
        "confusion": confusion,
    }
