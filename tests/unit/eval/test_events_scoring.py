"""The event scorer on hand-made gold cases and records (no model)."""

from __future__ import annotations

from onrecord.eval.events import actor_key, coded_as, events_report, score_case


def case(events, source="plover_gsr_cameo"):
    return {"id": "c", "source": source, "text": "...", "events": events}


def record(*events):
    return {"events": [
        {"type": t, "cameo": c, "status": st, "source": {"actor": s} if s else None,
         "target": {"actor": g} if g else None}
        for t, c, st, s, g in events
    ]}


def test_actor_keys_compare_the_country_part():
    assert actor_key("IRQGOVMIL") == "IRQ"
    assert actor_key("JAP") == "JPN"  # a CAMEO country code mapped to ISO3
    assert actor_key("IGOUNOMIL") == "IGO"
    assert actor_key("---REB") is None  # no state named
    assert actor_key("") is None and actor_key(None) is None


def test_plover_levels_with_compound_actor():
    gold = case([{"source_actor": "ISR;PSE", "target_actor": "", "code": "AGREE",
                  "ontology": "PLOVER", "code_plover_current": "AGREE"}])
    pred = record(("AGREE", "03", "occurred", "ISRGOV", None),
                  ("ASSAULT", "19", "occurred", "PSE", "ISR"))
    report = events_report([score_case(gold, pred)])
    assert report["type_actors"]["hits"] == 1 and report["type_actors"]["gold"] == 2
    assert report["type_actors"]["predicted"] == 2
    assert report["type"] == {"p": 0.5, "r": 1.0, "f1": 0.6667, "hits": 1, "predicted": 2,
                              "gold": 1}


def test_cameo_gold_exact_compares_roots_and_drops_unmapped_codes():
    gold = case([{"source_actor": "USAGOV", "target_actor": "IRN", "code": "195",
                  "ontology": "CAMEO", "code_plover": "ASSAULT"},
                 {"source_actor": "USA", "target_actor": "IRN", "code": "023",
                  "ontology": "CAMEO", "code_plover": None}], source="petrarch2_gsr_validation")
    pred = record(("ASSAULT", "19", "occurred", "USA", "IRNMIL"))
    report = events_report([score_case(gold, pred)])
    for level in ("type_actors", "exact", "type"):
        assert report[level]["f1"] == 1.0, level
    assert report["by_source"]["petrarch2_gsr_validation"]["exact"]["gold"] == 1


def test_case_without_gold_counts_false_positives():
    report = events_report([score_case(case([]), record(("PROTEST", "14", "occurred", "FRA",
                                                          None)))])
    assert report["type_actors"]["predicted"] == 1 and report["type_actors"]["p"] == 0.0


def test_status_follows_plover_convention():
    assert coded_as("AID", "07", "planned") == ("AGREE", "03")
    assert coded_as("ASSAULT", "19", "hypothetical") == ("THREATEN", "13")
    assert coded_as("CONSULT", "04", "negated") == ("REJECT", "12")
    assert coded_as("ASSAULT", "19", "negated") is None
    assert coded_as("ASSAULT", "19", "called_off") == ("RETREAT", "08")
    assert coded_as("CONSULT", "04", "called_off") == ("SANCTION", "16")  # a cancelled visit


def test_legacy_plover_gold_types_predictions_by_cameo_root():
    gold = case([{"source_actor": "USA", "target_actor": "CUB", "code": "SANCTION",
                  "ontology": "PLOVER", "plover_version": "0.5b1",
                  "code_plover_current": "SANCTION"}])
    pred = record(("COERCE", "16", "occurred", "USA", "CUB"))  # 163 sanctions: COERCE in 2021
    assert events_report([score_case(gold, pred)])["type_actors"]["f1"] == 1.0
    current = case([{**gold["events"][0], "plover_version": "0.8"}])
    assert events_report([score_case(current, pred)])["type_actors"]["f1"] == 0.0


def test_real_news_figure_adds_up_the_real_news_sources_only():
    hit = ("ASSAULT", "19", "occurred", "USA", "IRN")
    gold = [{"source_actor": "USA", "target_actor": "IRN", "code": "190", "ontology": "CAMEO",
             "code_plover": "ASSAULT"}]
    report = events_report([score_case(case(gold, "petrarch2_gsr_validation"), record(hit)),
                            score_case(case(gold, "plover_gsr_cameo"), record()),
                            score_case(case(gold, "petrarch2_unittest"), record(hit))])
    real = report["real_news"]["type_actors"]
    assert (real["hits"], real["predicted"], real["gold"]) == (1, 1, 2)
    assert report["real_news"]["cases"] == 2 and report["cases"] == 3
    assert "real_news" not in events_report([score_case(case(gold, "petrarch2_unittest"),
                                                         record(hit))])


def test_a_slash_code_from_a_user_dictionary_is_several_actors():
    gold = case([{"source_actor": "FRO", "target_actor": "ELR", "code": "064",
                  "ontology": "CAMEO", "code_plover": "COOPERATE"},
                 {"source_actor": "SAM", "target_actor": "ELR", "code": "064",
                  "ontology": "CAMEO", "code_plover": "COOPERATE"}], source="petrarch2_unittest")
    report = events_report([score_case(gold, record(("COOPERATE", "06", "occurred",
                                                     "FRO/BIL/SAM", "ELR")))])
    assert report["type_actors"]["hits"] == 2 and report["type_actors"]["predicted"] == 3
