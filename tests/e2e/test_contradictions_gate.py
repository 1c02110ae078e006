"""CI gate: contradiction and shift detection against the hand-labelled pairs.

The floors are the figures in docs/accuracy.md (lexical variant, --min-score 0.5); EPS absorbs
noise. Lowering a floor needs a reason in the commit message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.corpus]

ROOT = Path(__file__).resolve().parent.parent.parent
LABELS = ROOT / "tests" / "data" / "contradiction_pairs.jsonl"
EPS = 0.01
FLOORS = {"p": 0.556, "r": 0.400, "f1": 0.465}


def test_contradictions_gate(shared_path, monkeypatch):
    from onrecord.eval.contradictions import evaluate_files

    shared_path("corpus", "strike-rationale.txt")  # skip visibly when ../shared is absent
    monkeypatch.chdir(ROOT)  # the labels name documents relative to the repository
    [report], discarded = evaluate_files(LABELS, [0.5])
    assert discarded == []
    assert report["unmatched_labels"] == 0
    assert report["pairs"] >= 120 and report["positives"] >= 50
    for measure, floor in FLOORS.items():
        assert report[measure] >= floor - EPS, (measure, report[measure], floor)
