"""Accuracy gate: attribution on a fixed slice of the dev set must not fall below pinned floors.

The floors are the figures measured when they were last raised; the epsilon absorbs noise
only. Raise a floor when accuracy improves; lowering one needs a reason in the
commit message. Reproduce with:
    onrecord eval attribution --gold ../shared/eval/attribution/dev.jsonl --limit 40 -f json
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.model, pytest.mark.corpus]

SLICE = 40
EPSILON = 0.01
FLOORS = {  # measured 2026-11-25 on the first 40 dev articles (agentless passives, any noun's
    # that-clause, split quotations linked through mixed parts and the cue's own clause)
    ("overall", "content_jaccard_f1"): 0.709,
    ("overall", "coverage_0.3_f1"): 0.809,
    # lowered from 0.905: agentless passives and nouns' that-clauses name nobody, and the
    # annotators sometimes credit such a statement to a source elsewhere in the sentence
    ("overall", "speaker_overlap_acc"): 0.896,
    ("direct", "content_jaccard_f1"): 0.902,
    ("mixed", "content_jaccard_f1"): 0.848,
    ("indirect", "content_jaccard_f1"): 0.634,
}


@pytest.fixture(scope="module")
def report(shared_path):
    from onrecord.eval.attribution import aggregate, gold_items, predicted_items, score_document
    from onrecord.eval.runner import analyse_documents, read_gold

    docs = read_gold(shared_path("eval", "attribution", "dev.jsonl"), limit=SLICE)
    return aggregate(
        score_document(doc["text"], predicted_items(rec), gold_items(doc))
        for doc, rec in analyse_documents(docs)
    )


@pytest.mark.parametrize(("group", "measure"), sorted(FLOORS))
def test_attribution_floor(report, group, measure):
    figures = report["overall"] if group == "overall" else report["by_kind"][group]
    assert figures[measure] >= FLOORS[(group, measure)] - EPSILON, (
        f"{group} {measure} fell to {figures[measure]:.3f} "
        f"(floor {FLOORS[(group, measure)]:.3f})"
    )
