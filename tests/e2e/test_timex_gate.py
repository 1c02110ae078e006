"""Accuracy gate: time expressions on a fixed slice of the dev set must not fall below floors.

The floors are the figures measured when they were last raised; the epsilon absorbs noise only.
Raise a floor when accuracy improves; lowering one needs a reason in the commit message.
Reproduce with:
    onrecord eval timex --gold ../shared/eval/timex/dev.jsonl --limit 80 -f json
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.model, pytest.mark.corpus]

SLICE = 80
EPSILON = 0.01
FLOORS = {  # measured 2026-11-25 on the first 80 dev documents
    "relaxed_f1": 0.940,
    "strict_f1": 0.902,
    "value_f1": 0.846,
    "type_accuracy": 0.972,
}


@pytest.fixture(scope="module")
def report(shared_path):
    from onrecord.eval.runner import analyse_documents, read_gold
    from onrecord.eval.timex import gold_timexes, predicted_timexes, score_timexes, timex_report

    docs = read_gold(shared_path("eval", "timex", "dev.jsonl"), limit=SLICE)
    return timex_report(
        score_timexes(doc["text"], predicted_timexes(rec), gold_timexes(doc))
        for doc, rec in analyse_documents(docs, date_key="dct")
    )


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_timex_floor(report, measure):
    if measure in {"relaxed_f1", "strict_f1"}:
        value = report[measure.split("_")[0]]["f1"]
    else:
        value = report[measure]
    assert value >= FLOORS[measure] - EPSILON, (
        f"{measure} fell to {value:.3f} (floor {FLOORS[measure]:.3f})")
