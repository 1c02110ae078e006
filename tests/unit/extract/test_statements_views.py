"""Statements without a verb of saying, and the boundaries between nested ones.

One invented sentence per pattern, through the whole pipeline; each test also checks the
near miss the rule must leave alone.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def contents(record):
    return [s.content for s in record.statements]


def by_content(record, fragment):
    found = [s for s in record.statements if fragment in s.content]
    assert found, f"no statement contains {fragment!r}: {contents(record)}"
    return found[0]


def test_a_poll_framing_a_clause_is_its_source(analyse):
    rec = analyse("In the latest Harbour Herald poll, the mayor leads her rival by nine points.")
    s = by_content(rec, "the mayor leads her rival")
    assert s.cue == "in" and s.speaker_text and "poll" in s.speaker_text
    assert not s.content.startswith("In")


def test_a_group_framing_a_view_holds_it_but_a_named_topic_does_not(analyse):
    rec = analyse("For many voters on the coast, the new levy is a betrayal.")
    s = by_content(rec, "the new levy is a betrayal")
    assert s.cue == "for" and "voters" in (s.speaker_text or "")
    rec = analyse("For Okafor, Tuesday was a long day of meetings at the port.")
    assert not any(s.cue == "for" for s in rec.statements), contents(rec)


def test_a_claim_noun_before_be_states_a_view(analyse):
    rec = analyse("The fear among dock workers is that the port will close for good.")
    s = by_content(rec, "the port will close for good")
    assert s.cue == "fear" and "dock workers" in (s.speaker_text or "")
    rec = analyse("Her advice was to wait for the tide.")
    assert by_content(rec, "to wait for the tide").cue == "advice"


def test_an_attitude_adjective_with_a_clause(analyse):
    rec = analyse("Harbour officials are confident that the ferry will sail on Monday.")
    s = by_content(rec, "the ferry will sail on Monday")
    assert s.cue == "confident" and s.speaker_text == "Harbour officials"
    rec = analyse("It is clear that the ferry will sail on Monday.")
    assert not any(s.cue == "clear" for s in rec.statements), contents(rec)


def test_made_it_clear_that(analyse):
    rec = analyse("Mayor Okafor made it clear that the port would stay closed until spring.")
    s = by_content(rec, "the port would stay closed")
    assert s.cue == "make" and "Okafor" in (s.speaker_text or "")


def test_passive_judgements_and_reputations(analyse):
    rec = analyse("The harbour levy was widely seen as a tax on fishermen.")
    s = by_content(rec, "a tax on fishermen")
    assert s.cue == "see" and s.speaker is None
    rec = analyse("The ferry operator is best known for its night crossings to the islands.")
    assert by_content(rec, "its night crossings").cue == "know"
    rec = analyse("A body was seen near the harbour wall.")
    assert not rec.statements, contents(rec)


def test_that_said_is_a_concession_not_a_statement(analyse):
    rec = analyse("That said, the council cannot reopen the port without the minister.")
    assert not any(s.cue == "say" for s in rec.statements), contents(rec)
    rec = analyse("Having said that, the minister left the meeting early.")
    assert not any(s.cue == "say" for s in rec.statements), contents(rec)


def test_a_quoted_title_is_not_a_quotation(analyse):
    rec = analyse("Tuesday on Radio Harbour\u2019s \u201cMorning Desk,\u201d Okafor said the port "
                  "would reopen.")
    assert contents(rec) == ["the port would reopen"], contents(rec)


def test_a_stance_on_a_person_is_a_statement(analyse):
    rec = analyse("Two senators publicly endorsed him on Monday.")
    s = by_content(rec, "him")
    assert s.cue == "endorse" and s.speaker_text == "Two senators"
    rec = analyse("Rivals see her as a threat to the coalition.")
    assert by_content(rec, "her as a threat").cue == "see"


def test_a_belief_inside_a_statement_is_part_of_it(analyse):
    rec = analyse("Critics say the mayor knows the plan will fail.")
    assert [s.cue for s in rec.statements] == ["say"], contents(rec)
    assert rec.statements[0].content == "the mayor knows the plan will fail"
    # a statement inside a statement stays its own
    rec = analyse("Officials said the minister insisted the port would reopen.")
    assert sorted(s.cue for s in rec.statements) == ["insist", "say"], contents(rec)


def test_a_second_act_of_the_speaker_is_cut_from_the_first(analyse):
    rec = analyse("Senator Ruiz said the levy would hurt fishermen, and called it a tax on "
                  "the coast.")
    said = by_content(rec, "the levy would hurt fishermen")
    assert "called" not in said.content
    called = by_content(rec, "a tax on the coast")
    assert called.cue == "call" and "Ruiz" in (called.speaker_text or "")


def test_the_clause_after_the_cue_is_its_content(analyse):
    rec = analyse("Should the company fail, environmental groups worry that the cost of the "
                  "cleanup could fall to taxpayers.")
    s = by_content(rec, "the cost of the cleanup")
    assert s.cue == "worry" and "Should" not in s.content
    rec = analyse("In an interview focused largely on trade, Okafor said raising tariffs "
                  "would hurt farmers.")
    s = by_content(rec, "raising tariffs would hurt farmers")
    assert "interview" not in s.content


def test_a_contrasting_while_clause_is_a_second_statement(analyse):
    rec = analyse("Forty percent of voters say the levy is unfair, while 31 percent call it a "
                  "necessary evil.")
    said = by_content(rec, "the levy is unfair")
    assert "while" not in said.content
    assert by_content(rec, "a necessary evil").cue == "call"


def test_an_inherited_subject_does_not_cut_the_clause_before_it(analyse):
    rec = analyse("He said that he would offer a prayer for the eventual nominee but did not "
                  "suggest it would be Okafor.")
    said = by_content(rec, "offer a prayer")
    assert said.content == "that he would offer a prayer for the eventual nominee"


def test_reportedly_attributes_its_clause_to_unnamed_reports(analyse):
    rec = analyse("The harbour club is reportedly spending a million dollars on adverts.")
    s = by_content(rec, "spending a million dollars")
    assert s.cue == "reportedly" and s.speaker is None


def test_a_passive_cue_with_its_agent(analyse):
    rec = analyse("The levy was rejected by the harbour council on Monday.")
    s = by_content(rec, "The levy")
    assert s.cue == "reject" and s.speaker_text == "the harbour council"
    rec = analyse("The plan, backed by the port union, would raise the levy.")
    assert by_content(rec, "The plan").speaker_text == "the port union"


def test_adding_things_up_is_no_statement(analyse):
    rec = analyse("The port has added 1,200 jobs this year, and the mayor added that more "
                  "would follow.")
    assert [s.content for s in rec.statements if s.cue == "add"] == ["that more would follow"]


def test_a_passive_cue_without_an_agent_is_from_nobody_named(analyse):
    rec = analyse("Okafor is accused of hiding the ledgers from auditors.")
    s = by_content(rec, "hiding the ledgers")
    assert s.cue == "accuse" and s.speaker is None and s.content.startswith("Okafor")
    rec = analyse("Voters were asked about the new levy.")
    assert by_content(rec, "the new levy").content == "about the new levy"  # not who was asked
    rec = analyse("The ferry was repaired in the spring.")
    assert not rec.statements, contents(rec)


def test_any_noun_with_a_that_clause_states_its_content(analyse):
    rec = analyse("Since the disclosure that the mayor used a private phone, aides have worried.")
    assert by_content(rec, "the mayor used a private phone").cue == "disclosure"
    rec = analyse("The ferry that the council bought was late.")
    assert not any("council bought" in c for c in contents(rec)), contents(rec)


def test_a_noun_construction_inside_another_statement_is_part_of_it(analyse):
    rec = analyse("Okafor said the claim that the port would close was false.")
    assert contents(rec) == ["the claim that the port would close was false"]


def test_a_small_clause_is_what_the_cue_holds(analyse):
    rec = analyse("Fishermen consider the harbour master a fraud.")
    s = by_content(rec, "a fraud")
    assert s.cue == "consider" and s.speaker_text == "Fishermen"


def test_a_second_predicate_parsed_as_a_clause_keeps_the_speaker(analyse):
    rec = analyse("The dockers said the port was unsafe and warned that the cranes could fail.")
    first = by_content(rec, "the port was unsafe")
    assert first.content == "the port was unsafe"  # no trailing "and"
    second = by_content(rec, "the cranes could fail")
    assert second.cue == "warn" and second.speaker_text == "The dockers"


def test_an_infinitive_keeps_its_coordinated_base_forms(analyse):
    rec = analyse("The dockers agreed to keep the port open but wait until spring to vote.")
    assert by_content(rec, "keep the port open").content.endswith("until spring to vote")
