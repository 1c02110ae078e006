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
# lowered from P 0.556 / R 0.400: one coast guard / minister pair was found only through words of
# a clause the attribution now splits off as a statement of its own ("... and repeated the charge
# in parliament"); the lexical matter of the two statements no longer overlaps
FLOORS = {"p": 0.543, "r": 0.380, "f1": 0.447}


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
