"""Statements: one invented sentence per attribution pattern, through the whole pipeline."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def by_content(record, fragment):
    found = [s for s in record.statements if fragment in s.content]
    assert found, f"no statement contains {fragment!r}: {[s.content for s in record.statements]}"
    return found[0]


def speaker_name(record, statement):
    entity = record.entity(statement.speaker)
    return entity.name if entity else None


def test_direct_quote_with_curly_marks(analyse):
    rec = analyse("“We will reopen the port by Friday,” Harbour Minister Ana Costa said.")
    s = by_content(rec, "reopen the port")
    assert s.kind == "direct" and s.sourcing == "named" and s.cue == "say"
    assert speaker_name(rec, s) == "Ana Costa"
    assert s.content == "We will reopen the port by Friday"


def test_curly_quote_closed_by_straight_mark(analyse):
    rec = analyse("Harbour Minister Ana Costa said, “The port stays open for cargo.\"")
    s = by_content(rec, "stays open for cargo")
    assert s.kind == "direct" and speaker_name(rec, s) == "Ana Costa"
    assert s.content == "The port stays open for cargo."


def test_split_quote_both_halves_attributed(analyse):
    rec = analyse("Defence Minister Karl Weber spoke after the meeting. “We will respond,” "
                  "Weber said, “but not in haste and not alone.”")
    first = by_content(rec, "We will respond")
    second = by_content(rec, "not in haste")
    assert speaker_name(rec, first) == speaker_name(rec, second) == "Karl Weber"
    assert second.continues == first.id and first.continues is None


def test_multi_paragraph_quote(analyse):
    rec = analyse("Mayor Ruth Okafor described the storm.\n\n"
                  "“The ferries could not sail for three days and the shops ran out of bread.\n\n"
                  "“We lost a week of trade,” Okafor said.")
    s = by_content(rec, "ferries could not sail")
    assert "lost a week of trade" in s.content
    assert speaker_name(rec, s) == "Ruth Okafor"


def test_floating_quote_continues_previous_speaker(analyse):
    rec = analyse("“The harbour is safe again,” Mayor Ruth Okafor said on Tuesday.\n\n"
                  "“Nobody should panic about the ferries this week.”")
    s = by_content(rec, "Nobody should panic")
    assert s.kind == "direct" and speaker_name(rec, s) == "Ruth Okafor"
    assert s.continues is None  # a new paragraph: a new attribution


def test_second_quote_in_the_paragraph_continues_the_first(analyse):
    rec = analyse("“We will not back down,” Mayor Ruth Okafor said. “Not now, not ever.”")
    first = by_content(rec, "We will not back down")
    second = by_content(rec, "Not now, not ever")
    assert speaker_name(rec, second) == "Ruth Okafor"
    assert second.continues == first.id


def test_reported_speech(analyse):
    rec = analyse("Interior Minister Paul Renard said the curfew would end on Sunday.")
    s = by_content(rec, "curfew would end")
    # "on Sunday" belongs to the content, not to the saying: the date is the article's
    assert s.time is None and s.time_defaulted and s.date == "2020-01-14"
    assert s.kind == "indirect" and s.cue == "say" and speaker_name(rec, s) == "Paul Renard"
    assert s.content == "the curfew would end on Sunday"


def test_according_to_anonymous_officials_keeps_description(analyse):
    rec = analyse("The convoy was attacked twice near the border, according to three senior "
                  "officials who spoke on the condition of anonymity to discuss the inquiry.")
    s = by_content(rec, "convoy was attacked")
    assert s.cue == "according to" and s.sourcing == "anonymous" and s.speaker is None
    assert "condition of anonymity" in s.speaker_text


def test_parenthetical_cue(analyse):
    rec = analyse("The tanker, the officials said, had switched off its transponder for hours.")
    s = by_content(rec, "switched off its transponder")
    assert s.sourcing == "anonymous" and s.speaker_text == "the officials"


def test_tweet_channel(analyse):
    rec = analyse("Paul Renard was in Lyon. “The bridge will reopen next month,” Renard tweeted.")
    s = by_content(rec, "bridge will reopen")
    assert s.channel == "tweet" and speaker_name(rec, s) == "Paul Renard"


def test_told_network_channel_and_time_of_clause(analyse):
    rec = analyse("Paul Renard on Friday told Fox News that the talks had failed.")
    s = by_content(rec, "talks had failed")
    assert s.channel == "Fox News" and s.cue == "tell"
    assert rec.time(s.time).value == "2020-01-10"  # the Friday before Tuesday 2020-01-14


def test_pronoun_resolved_to_person(analyse):
    rec = analyse("Governor Lena Park toured the flooded town on Monday. "
                  "She said the levee had held through the night.")
    s = by_content(rec, "levee had held")
    assert speaker_name(rec, s) == "Lena Park" and s.speaker_text == "She"


def test_the_president_resolved(analyse):
    rec = analyse("President Maria Duarte met the envoys in the capital. "
                  "The president said the border would stay open.")
    s = by_content(rec, "border would stay open")
    assert speaker_name(rec, s) == "Maria Duarte" and s.sourcing == "named"


def test_nested_attribution(analyse):
    rec = analyse("Paul Renard quoted Finance Minister Ilse Berg, who had told the cabinet: "
                  "\"We cannot afford another delay on the bridge.\"")
    inner = [s for s in rec.statements if speaker_name(rec, s) == "Ilse Berg"]
    outer = [s for s in rec.statements if speaker_name(rec, s) == "Paul Renard"]
    assert inner and outer
    assert inner[0].nested_in == outer[0].id
    assert inner[0].content == outer[0].content


def test_document_source(analyse):
    rec = analyse("A report released by the auditors said the dam was unsafe.")
    s = by_content(rec, "dam was unsafe")
    assert s.sourcing == "document"


def test_scare_quotes_are_not_statements(analyse):
    rec = analyse("The so-called “peace dividend” never arrived in the valley.")
    assert rec.statements == ()


def test_offsets_reslice(analyse):
    text = ("“We will respond,” Weber said, “but not in haste.” The officials, who asked not to "
            "be named, said the talks would resume, according to a memo seen by reporters.")
    rec = analyse(text)
    for s in rec.statements:
        assert text[s.content_span[0]:s.content_span[1]] == s.content
        if s.speaker_span:
            assert text[s.speaker_span[0]:s.speaker_span[1]] == s.speaker_text


def test_time_hanging_from_a_nominal_root_terminates():
    # a hand-built parse whose root is a noun: the walk up from "Monday" must stop there
    import spacy
    from spacy.tokens import Doc

    from onrecord.extract.statements.drafts import time_of, times_by_sentence
    from onrecord.extract.statements.extract import extract_statements
    from onrecord.models import TimeExpr

    words = ["Talks", "resume", ",", "officials", "said", "Monday", "."]
    doc = Doc(spacy.blank("en").vocab, words=words,
              spaces=[True, False, True, True, True, False, False],
              heads=[0, 0, 0, 4, 0, 0, 0],
              deps=["ROOT", "acl", "punct", "nsubj", "parataxis", "npadvmod", "punct"],
              pos=["NOUN", "NOUN", "PUNCT", "NOUN", "VERB", "PROPN", "PUNCT"],
              tags=["NNS", "NN", ",", "NNS", "VBD", "NNP", "."],
              lemmas=["talk", "resume", ",", "official", "say", "Monday", "."],
              sent_starts=[True] + [False] * 6)
    monday = TimeExpr("t29", "Monday", (29, 35), "DATE", "2020-01-13")
    assert doc.text[29:35] == "Monday"
    # the walk from "Monday" reaches the noun root and must stop there
    assert time_of(doc, doc[4], times_by_sentence(doc, [monday]), (0, 12)) is None
    statements = extract_statements(doc, [], [monday])
    assert statements[0].sourcing == "anonymous"


def test_coordinated_speakers_each_get_the_statement(analyse):
    rec = analyse("Foreign Minister Elena Vasquez and Finance Minister Omar Haddad defended the "
                  "deal on Monday, saying the tariffs would fall within a year.")
    found = [s for s in rec.statements if "tariffs would fall" in s.content]
    assert {speaker_name(rec, s) for s in found} == {"Elena Vasquez", "Omar Haddad"}
    assert {s.speaker_text for s in found} == {"Foreign Minister Elena Vasquez",
                                               "Finance Minister Omar Haddad"}
    assert all(rec.time(s.time).value == "2020-01-13" for s in found)


def test_participle_cue_takes_the_noun_it_modifies_as_speaker(analyse):
    rec = analyse("The super PAC supporting Governor Lena Ortiz spent $3 million on radio ads "
                  "in March.")
    s = by_content(rec, "Lena Ortiz")
    assert s.cue == "support" and s.kind == "indirect"
    assert s.speaker_text == "The super PAC"


def test_short_quotation_counts_with_its_cue_and_the_next_quotation_continues_it(analyse):
    rec = analyse("Asked about the audit, the mayor shrugged. “Never,” she said. "
                  "“Not while I am still in this office and the council backs me.”")
    first = by_content(rec, "Never")
    assert first.kind == "direct" and first.cue == "say"
    second = by_content(rec, "Not while I am")
    assert second.continues == first.id


def test_short_scare_quote_is_no_statement(analyse):
    rec = analyse("The ministry called the plan “reckless.” Farmers marched on Tuesday.")
    assert not any(s.content == "reckless." for s in rec.statements)


def test_headline_speaker_before_a_colon(analyse):
    rec = analyse("Ortiz: Port Will Reopen Before Winter\n\nThe harbour minister spoke on Monday "
                  "in Valletta about the damaged quay.")
    s = by_content(rec, "Port Will Reopen")
    assert s.speaker_text == "Ortiz"


def test_as_clause_attributes_the_main_clause(analyse):
    rec = analyse("As the Daily Ledger reported on Monday, the council will cut the harbour "
                  "budget by a third next year.")
    s = by_content(rec, "cut the harbour budget")
    assert s.cue == "report" and "Daily Ledger" in (s.speaker_text or "")
    assert "reported" not in s.content


def test_asked_participle_gives_the_question_without_a_speaker(analyse):
    rec = analyse("Asked whether the quay would reopen before winter, the minister said the "
                  "engineers would decide.")
    s = by_content(rec, "whether the quay would reopen")
    assert s.cue == "ask" and s.speaker is None
    said = by_content(rec, "the engineers would decide")
    assert said.cue == "say"


def test_parenthetical_tell_with_its_addressee(analyse):
    rec = analyse("The harbour, Minister Ana Costa told reporters, will reopen before the "
                  "winter storms arrive.")
    s = by_content(rec, "will reopen before the winter")
    assert s.cue == "tell"
    assert "Ana Costa" in (s.speaker_text or "")


def test_second_object_of_tell_is_what_was_told(analyse):
    rec = analyse("The mayor told the council a story about the flood of 1953.")
    s = by_content(rec, "a story about the flood")
    assert s.cue == "tell" and s.speaker_text == "The mayor"
    rec = analyse("The ferry captain asked the passengers a question about the life jackets.")
    s = by_content(rec, "a question about the life jackets")
    assert s.cue == "ask"


def test_object_of_write_is_content(analyse):
    rec = analyse("Senator Ilse Brandt wrote an op-ed opposing the harbour tax.")
    s = by_content(rec, "an op-ed opposing the harbour tax")
    assert s.cue == "write" and "Ilse Brandt" in (s.speaker_text or "")


def test_relative_pronoun_as_object_of_a_cue(analyse):
    rec = analyse("The harbour tax, which Mayor Ruth Okafor opposed, takes effect in May.")
    s = [s for s in rec.statements if s.cue == "oppose"]
    assert s and s[0].content == "which" and "Ruth Okafor" in (s[0].speaker_text or "")


def test_gerund_object_of_a_stance_verb(analyse):
    rec = analyse("The governor opposed raising the harbour tax.")
    s = by_content(rec, "raising the harbour tax")
    assert s.cue == "oppose" and s.speaker_text == "The governor"


def test_noun_with_an_infinitive(analyse):
    rec = analyse("Her promise to rebuild the quay won votes in the port districts.")
    s = by_content(rec, "to rebuild the quay")
    assert s.cue == "promise" and s.speaker_text == "Her"
    assert "won votes" not in s.content


def test_noun_infinitive_not_read_from_a_failed_parse(analyse):
    rec = analyse("Okafor's refusal to testify surprised nobody in the port.")
    assert not any(s.cue == "refusal" for s in rec.statements)


def test_title_case_headline_verb_read_as_a_name(analyse):
    rec = analyse("Mayor Okafor Slams Harbour Tax Plan\n\nThe mayor spoke on Monday in the "
                  "town hall.")
    s = by_content(rec, "Harbour Tax Plan")
    assert s.cue == "slam" and s.speaker_text == "Mayor Okafor"


def test_title_case_line_without_a_cue_verb_gives_nothing(analyse):
    rec = analyse("Harbour Tax Plans Stall Again\n\nThe council met on Monday in the town hall.")
    assert not any("Stall" in s.content for s in rec.statements)


def test_learned_model_reads_an_unlisted_verb_with_a_clause(analyse):
    rec = analyse("The minister recognized that the quay was unsafe.")
    s = by_content(rec, "the quay was unsafe")
    assert s.cue == "recognize" and s.speaker_text == "The minister"


def test_learned_model_reads_an_unlisted_verb_with_a_preposition(analyse):
    rec = analyse("The senator focused on the cost of the new bridge.")
    s = by_content(rec, "the cost of the new bridge")
    assert s.cue == "focus"


def test_learned_model_leaves_physical_actions_alone(analyse):
    rec = analyse("The fishermen carried the nets to the harbour before dawn.")
    assert not rec.statements


def test_cue_model_probability_and_shipped_weights():
    from onrecord.extract.statements.cue_model import probability, weights

    assert probability(["bias"], {}) == 0.5
    assert probability(["bias", "l=vow"], {"bias": -2.0, "l=vow": 4.0}) > 0.85
    table, verb_threshold, noun_threshold = weights()
    assert table and 0 < verb_threshold < 1 and 0 < noun_threshold < 1


def test_parenthetical_belief_attributes_its_host_clause(analyse):
    rec = analyse("Such efforts, the aides believe, will fail before the summer.")
    s = by_content(rec, "will fail before the summer")
    assert s.cue == "believe" and s.speaker_text == "the aides"
    assert s.content.startswith("Such efforts")
