"""Stance: what a speaker does with a statement's proposition (asserts, denies, doubts,
qualifies).

One invented sentence per pattern, through the whole pipeline; the proposition is what is
denied or doubted, and near misses keep "asserts".
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def statement(record, fragment):
    found = [s for s in record.statements if fragment in s.content]
    assert found, f"no statement contains {fragment!r}: {[s.content for s in record.statements]}"
    return found[0]


@pytest.mark.parametrize("text, fragment, stance", [
    ("The Harbour Ministry on Monday denied that the ferry was struck by a tanker.",
     "the ferry was struck by a tanker", "denies"),
    ("Port officials rejected allegations that the crew had been drinking.",
     "the crew had been drinking", "denies"),
    ("The mayor dismissed reports that the pier would close.", "the pier would close", "denies"),
    ("Union leader Tomas Berg questioned whether the night schedule was safe.",
     "the night schedule was safe", "doubts"),
    ("Captain Morrow was not sure the radio had worked.", "the radio had worked", "doubts"),
    ("Berg suggested that the owners may have cut corners.", "the owners may have cut corners",
     "qualifies"),
    ("Nobody has suggested that the crew was at fault.", "the crew was at fault", "denies"),
    ("The company did not deny that it had received the warning.",
     "it had received the warning", "qualifies"),
    ("Morrow did not say whether the ferry would sail again.", "the ferry would sail again",
     "doubts"),
    ("Berg declined to say whether the ferry would sail again.", "the ferry would sail again",
     "doubts"),
    ("Captain Morrow said the jet was not hit by a missile.", "the jet was not hit", "asserts"),
    # a content that calls a proposition false denies the proposition
    ("Minister Adel Dorsan said that claims by the agency that the prince ordered the raid "
     "were false.", "the prince ordered the raid", "denies"),
    ("The ambassador said the reports that the ferry sank near the pier are baseless.",
     "the ferry sank near the pier", "denies"),
    ("The ambassador said the reports that the ferry sank near the pier are accurate.",
     "the ferry sank near the pier", "asserts"),
])
def test_the_cue_and_its_negation_give_the_stance(analyse, text, fragment, stance):
    s = statement(analyse(text), fragment)
    assert s.stance == stance, (s.cue, s.content)


def test_a_headline_denial_keeps_the_denied_proposition():
    from onrecord.analyze import analyze

    rec = analyze("Harbour Ministry denies ferry was struck by tanker\n\nThe ferry docked at noon.",
                  published="2021-03-02")
    s = statement(rec, "ferry was struck by tanker")
    assert s.stance == "denies" and s.proposition == "ferry was struck by tanker"


def test_no_evidence_that_denies_what_follows(analyse):
    rec = analyse("Inspector Amal Haddad said there was no evidence that the hull was breached.")
    s = statement(rec, "the hull was breached")
    assert s.stance == "denies" and s.proposition == "the hull was breached"
    assert "no evidence" in s.content  # the words attributed stay the content
    assert "Haddad" in (s.speaker_text or "")


def test_a_negated_perception_of_evidence_denies(analyse):
    rec = analyse("Senator Hal Ostrow didn't see evidence that the levy had been misused.")
    s = statement(rec, "the levy had been misused")
    assert s.stance == "denies" and s.proposition == "the levy had been misused"


def test_a_dismissal_as_rumour_denies_the_reports(analyse):
    rec = analyse("Governor Ines Calder called the reports illogical rumours on Tuesday.")
    s = statement(rec, "the reports")
    assert s.stance == "denies" and s.proposition == "the reports"
    rec = analyse("Governor Ines Calder dismissed her rival as a showman.")
    assert statement(rec, "her rival").stance == "asserts"


def test_cast_doubt_on_keeps_what_is_doubted(analyse):
    rec = analyse("The coast guard's commander expressed skepticism that the radar had failed.")
    s = statement(rec, "the radar had failed")
    assert s.stance == "doubts" and s.proposition == "the radar had failed"


def test_who_answers_questions_does_not_doubt(analyse):
    rec = analyse("Mayor Okafor answered questions about the harbour levy for an hour.")
    about = [s for s in rec.statements if "levy" in s.content]
    assert about and all(s.stance == "asserts" for s in about)
    assert any("levy" in s.content for s in rec.statements)


def test_left_no_doubt_asserts(analyse):
    rec = analyse("Okafor left no doubt that she would run for a second term.")
    s = statement(rec, "she would run for a second term")
    assert s.stance == "asserts" and s.proposition == "she would run for a second term"


def test_urging_others_to_reject_is_no_denial(analyse):
    rec = analyse("Mr. Berg pleaded with the dockers to reject the new contract.")
    about = [s for s in rec.statements if "contract" in s.content]
    assert about and all(s.stance == "asserts" for s in about)


def test_a_quotation_around_a_denial_cue_asserts_its_words(analyse):
    rec = analyse('"We were nowhere near the strait," the ministry denied on Friday.')
    s = statement(rec, "We were nowhere near the strait")
    assert s.kind == "direct" and s.stance == "asserts"


def test_stance_is_in_the_json_contract_and_read_back(analyse):
    from onrecord.models import record_from_json

    rec = analyse("Officials denied that the ferry sank.")
    data = rec.to_json()
    assert [s["stance"] for s in data["statements"]] == ["denies"]
    (s,) = data["statements"]
    assert s["content"] == "that the ferry sank" and s["proposition"] == "the ferry sank"
    start, end = s["proposition_span"]
    assert data["article"]["text"][start:end] == "the ferry sank"
    assert record_from_json(data).statements[0].stance == "denies"
    del s["stance"], s["proposition"], s["proposition_span"]  # a record written before
    assert record_from_json(data).statements[0].stance == "asserts"
