"""Precision per extraction rule on hand-made gold and records (no model)."""

from __future__ import annotations

from onrecord.eval.by_rule import UNNAMED, attribution_by_rule, events_by_rule, rules_report

TEXT = "The mayor said the pier was unsafe. Critics slammed the new levy on boats."


def _statement(content: str, rule: str | None, sid: str) -> dict:
    start = TEXT.index(content)
    return {"id": sid, "content_span": [start, start + len(content)], "kind": "indirect",
            "speaker_span": None, "cue_span": None, "rule": rule}


def test_attribution_rules_count_what_the_gold_confirms():
    gold_start = TEXT.index("the pier was unsafe")
    doc = {"text": TEXT, "statements": [
        {"content": [gold_start, gold_start + len("the pier was unsafe")], "kind": "indirect"}]}
    rec = {"statements": [_statement("the pier was unsafe", "cue_clause", "s1"),
                          _statement("the new levy on boats", "cue_object", "s2"),
                          _statement("Critics", None, "s3")]}
    counts = attribution_by_rule(doc, rec)
    assert (counts["cue_clause"].predicted, counts["cue_clause"].hits) == (1, 1)
    assert (counts["cue_object"].predicted, counts["cue_object"].hits) == (1, 0)
    assert counts[UNNAMED].predicted == 1  # a record stored before rules were named


def test_events_rules_count_dyads_and_types_in_gold():
    case = {"source": "petrarch2_gsr_validation", "events": [
        {"source_actor": "USA", "target_actor": "IRN", "code": "195", "ontology": "CAMEO",
         "code_plover": "ASSAULT"}]}
    rec = {"events": [
        {"type": "ASSAULT", "cameo": "19", "status": "occurred", "rule": "verb_lexicon",
         "source": {"actor": "USAMIL"}, "target": {"actor": "IRN"}},
        {"type": "ASSAULT", "cameo": "19", "status": "occurred", "rule": "noun_lexicon",
         "source": {"actor": "FRA"}, "target": None},
        {"type": "PROTEST", "cameo": "14", "status": "occurred", "rule": "noun_lexicon",
         "source": None, "target": None},
    ]}
    counts = events_by_rule(case, rec)
    assert (counts["verb_lexicon"].hits, counts["verb_lexicon"].hits_loose) == (1, 1)
    assert counts["noun_lexicon"].predicted == 2
    assert (counts["noun_lexicon"].hits, counts["noun_lexicon"].hits_loose) == (0, 1)


def test_the_report_sums_documents_and_puts_busy_rules_first():
    first = events_by_rule({"events": []}, {"events": [
        {"type": "PROTEST", "cameo": "14", "status": "occurred", "rule": "a"}]})
    second = events_by_rule({"events": []}, {"events": [
        {"type": "PROTEST", "cameo": "14", "status": "occurred", "rule": "b"},
        {"type": "AID", "cameo": "07", "status": "occurred", "rule": "b"}]})
    report = rules_report([first, second])
    assert list(report) == ["b", "a"]
    assert report["b"] == {"predicted": 2, "hits": 0, "hits_loose": 0, "precision": 0.0,
                           "precision_loose": 0.0}
