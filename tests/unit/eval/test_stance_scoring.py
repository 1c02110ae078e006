"""The stance scorer on hand-made labels and predictions (no model)."""

from __future__ import annotations

import json

import pytest

from onrecord.errors import InputError
from onrecord.eval.stance import Label, fold_of, match_labels, read_labels, stance_report

TEXT = ("The ministry denied that the ferry sank. Berg questioned whether the pier was safe. "
        "Okafor said the port would reopen.")
SANK = (TEXT.index("that the ferry"), TEXT.index(" sank.") + 5)
PIER = (TEXT.index("whether"), TEXT.index(" safe.") + 5)
PORT = (TEXT.index("the port"), TEXT.index(" reopen.") + 7)


def statement(span, stance):
    return {"content_span": list(span), "stance": stance}


def test_each_label_takes_the_stance_of_the_statement_covering_it():
    labels = [Label("a", SANK, "denies"), Label("a", PIER, "doubts"), Label("a", PORT, "asserts")]
    predicted = [statement((SANK[0] + 5, SANK[1]), "denies"), statement(PIER, "asserts")]
    outcomes = match_labels(TEXT, labels, predicted)
    assert [o.predicted for o in outcomes] == ["denies", "asserts", None]
    report = stance_report(outcomes)["overall"]
    assert report["matched"] == 2 and report["coverage"] == round(2 / 3, 4)
    assert report["accuracy"] == 0.5
    assert report["by_stance"]["denies"]["p"] == 1.0
    assert report["by_stance"]["doubts"]["r"] == 0.0


def test_a_statement_covering_too_little_is_no_match():
    labels = [Label("a", PORT, "asserts")]
    tiny = statement((PORT[0], PORT[0] + 3), "denies")  # "the": under 30% of the label
    assert match_labels(TEXT, labels, [tiny])[0].predicted is None


def test_folds_split_articles_by_hash():
    ids = [f"article-{n}" for n in range(40)]
    folds = {fold_of(i) for i in ids}
    assert folds == {0, 1}
    # int(sha256(id).hexdigest(), 16) % 2, fixed once and for all
    assert [fold_of(i) for i in ids[:3]] == [0, 1, 0]
    report = stance_report(match_labels(TEXT, [Label(ids[0], SANK, "denies")], []))
    assert report["folds"][str(fold_of(ids[0]))]["labels"] == 1
    assert report["folds"][str(1 - fold_of(ids[0]))]["labels"] == 0


def test_read_labels_refuses_an_unknown_stance(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"article": "a", "content": [1, 5], "stance": "doubts"}) + "\n")
    assert read_labels(good) == [Label("a", (1, 5), "doubts")]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"article": "a", "content": [1, 5], "stance": "believes"}) + "\n")
    with pytest.raises(InputError, match="unknown stance"):
        read_labels(bad)


def test_the_dev_labels_are_offsets_only_and_cover_every_stance():
    from pathlib import Path

    path = Path(__file__).parents[2] / "data" / "stance_dev.jsonl"
    labels = read_labels(path)
    assert len(labels) >= 150
    assert {label.stance for label in labels} == {"asserts", "denies", "doubts", "qualifies"}
    for line in path.read_text(encoding="utf-8").splitlines():
        assert set(json.loads(line)) == {"article", "content", "stance"}  # no text kept
