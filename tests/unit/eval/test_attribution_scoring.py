"""The attribution scorer on hand-made gold and predictions (no model)."""

from __future__ import annotations

import pytest

from onrecord.eval.attribution import Item, aggregate, match, score_document

TEXT = ('“We will reopen the port,” the mayor said. Officials said the ferries would sail. '
        'Critics warned that prices would rise sharply.')
Q = TEXT.index("We will")
Q_END = TEXT.index(",”")
MAYOR = (TEXT.index("the mayor"), TEXT.index("the mayor") + 9)
FERRIES = (TEXT.index("the ferries"), TEXT.index(" would sail.") + 11)
OFFICIALS = (TEXT.index("Officials"), TEXT.index("Officials") + 9)
PRICES = (TEXT.index("that prices"), TEXT.index("sharply") + 7)


def item(span, kind, speaker=None, cue=None):
    return Item((span,), kind, speaker, cue)


def test_perfect_prediction_scores_one():
    gold = [item((Q - 1, Q_END + 2), "direct", MAYOR), item(FERRIES, "indirect", OFFICIALS)]
    pred = [item((Q, Q_END), "direct", MAYOR), item(FERRIES, "indirect", OFFICIALS)]
    report = aggregate([score_document(TEXT, pred, gold)])
    overall = report["overall"]
    # exact match ignores the outer quote marks and the trailing comma
    assert overall["content_exact_f1"] == 1.0
    assert overall["content_jaccard_f1"] == 1.0 and overall["coverage_0.8_f1"] == 1.0
    assert overall["speaker_overlap_acc"] == 1.0 and overall["speaker_exact_acc"] == 1.0
    assert report["by_kind"]["direct"]["content_jaccard_f1"] == 1.0
    assert report["by_kind"]["mixed"]["gold"] == 0


def test_partial_content_wrong_speaker_and_a_miss():
    gold = [item(FERRIES, "indirect", OFFICIALS), item(PRICES, "indirect", None)]
    # predicted content is only "the ferries": 2 of 4 tokens; speaker points at the mayor
    pred = [item((FERRIES[0], FERRIES[0] + 11), "indirect", MAYOR)]
    report = aggregate([score_document(TEXT, pred, gold)])
    o = report["overall"]
    assert o["content_jaccard_p"] == 1.0 and o["content_jaccard_r"] == 0.5
    assert o["coverage_0.3_f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5, abs=1e-4)
    assert o["coverage_0.8_f1"] == 0.0
    assert o["content_exact_f1"] == 0.0
    assert o["speaker_overlap_acc"] == 0.0


def test_matching_is_one_to_one_and_greedy():
    gold = [item(FERRIES, "indirect")]
    pred = [item(FERRIES, "indirect"), item((FERRIES[0], FERRIES[0] + 11), "indirect")]
    pairs = match(TEXT, pred, gold)
    assert pairs == [(0, 0, 1.0)]
    o = aggregate([score_document(TEXT, pred, gold)])["overall"]
    assert o["content_jaccard_p"] == 0.5 and o["content_jaccard_r"] == 1.0


def test_no_speaker_on_both_sides_counts_as_right():
    gold = [item(PRICES, "indirect", None)]
    pred = [item(PRICES, "indirect", None)]
    o = aggregate([score_document(TEXT, pred, gold)])["overall"]
    assert o["speaker_overlap_acc"] == 1.0 and o["speaker_exact_acc"] == 1.0


def test_precision_by_predicted_kind_recall_by_gold_kind():
    gold = [item(FERRIES, "mixed")]
    pred = [item(FERRIES, "indirect")]
    report = aggregate([score_document(TEXT, pred, gold)])
    assert report["by_kind"]["indirect"]["content_jaccard_p"] == 1.0
    assert report["by_kind"]["indirect"]["content_jaccard_r"] == 0.0
    assert report["by_kind"]["mixed"]["content_jaccard_r"] == 1.0


def test_split_quotation_parts_are_one_attribution():
    from onrecord.eval.attribution import predicted_items

    record = {"statements": [
        {"id": "s1", "content_span": [0, 10], "kind": "direct", "speaker_span": [20, 25],
         "cue_span": [26, 30], "continues": None},
        {"id": "s2", "content_span": [35, 50], "kind": "direct", "speaker_span": [20, 25],
         "cue_span": [26, 30], "continues": "s1"},
        {"id": "s3", "content_span": [35, 50], "kind": "direct", "speaker_span": [60, 65],
         "cue_span": None, "continues": None},  # the same content again: counted once
    ]}
    items = predicted_items(record)
    assert len(items) == 1
    assert items[0].content == ((0, 10), (35, 50))
