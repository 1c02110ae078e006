"""Signals of disagreement between two statements (pure functions on invented text)."""

from __future__ import annotations

from onrecord.analysis import opposition as lists
from onrecord.analysis.opposition import (
    counted,
    negated_terms,
    opposition,
    polarity_conflict,
    rebuttal,
    reports_others,
    terms,
)


def test_terms_drop_stopwords_and_stem():
    assert terms("The ferries were sailing to the islands") == {"ferry", "sail", "island"}


def test_negation_scope_ends_with_its_clause():
    assert negated_terms("It was not a strike. It was a drill at sea") == {"strike"}
    assert negated_terms("not only the port but the airport") == set()


def test_one_side_denies_what_the_other_affirms():
    evidence = polarity_conflict("that the dam had been opened on schedule", "say",
                                 "the dam had not been opened on schedule", "say")
    assert evidence and evidence.startswith("opposite polarity")


def test_a_denial_cue_denies_its_content():
    assert polarity_conflict("that police had used rubber bullets", "deny",
                             "Police used rubber bullets near the square", "say")
    # both deny: no conflict
    assert polarity_conflict("that police had used rubber bullets", "deny",
                             "No rubber bullets were used by police", "say") is None


def test_a_negation_elsewhere_in_the_statement_is_no_conflict():
    assert polarity_conflict("This was not an accident. It was a deliberate provocation",
                             "say", "the collision was a deliberate provocation", "say") is None


def test_names_alone_do_not_make_a_shared_proposition():
    assert polarity_conflict("Veloria would not send Kessen troops", "say",
                             "Veloria and Kessen signed a trade deal", "say") is None


def test_antonyms_across_the_two_sides():
    ev = opposition("the fire was an accident", "say", "the fire was set deliberately", "say")
    assert any(e.startswith("opposed words") for e in ev)
    # both words on one side is not an opposition
    assert not opposition("an accident, not deliberate", "say", "it was an accident", "say")
    # the pairs are data (onrecord/data/antonyms.txt): premeditated against accidental, a
    # credible account against lies, alive against dead
    ev = opposition("the guard died in a premeditated attack", "say",
                    "the guard died accidentally in the attack", "say")
    assert "opposed words: premeditat / accidental" in ev
    ev = opposition("the minister said the ferry report was credible", "say",
                    "the ferry report was full of lies", "say")
    assert any(e.startswith("opposed words") for e in ev), ev


def test_a_malformed_antonym_line_names_the_file():
    import pytest

    from onrecord.analysis.opposition import _pairs

    assert _pairs(["calm | violent riotous"]) == ((frozenset({"calm"}),
                                                   frozenset({"violent", "riotous"})),)
    with pytest.raises(ValueError, match="antonyms.txt"):
        _pairs(["calm violent"])


def test_conflicting_counts_of_the_same_thing():
    assert counted("four American consulates were threatened") == {"american": {4}}
    ev = opposition("that 12 protesters were arrested near the court", "say",
                    "that 30 protesters were arrested near the court", "say")
    assert any(e.startswith("different numbers of protest") for e in ev)


def test_rebuttal_and_reported_speech():
    assert rebuttal("he had seen no such evidence") == "no such"
    assert rebuttal("the bridge would reopen") is None
    assert reports_others("Ministers say the bridge is safe")
    assert not reports_others("the bridge is safe, a claim the opposition said was false")


def test_a_name_particle_is_no_shared_word():
    from onrecord.analysis.opposition import common_terms, polarity_conflict

    assert common_terms("Prince Faisal bin Nasser was not involved in the raid") == {
        "involv", "raid"}
    assert "bin" in common_terms("the council emptied the bin")  # a common word elsewhere
    # two statements that share only a name and one word are no opposition
    assert polarity_conflict("reports that Prince Faisal bin Nasser was involved", "dismiss",
                             "Prince Faisal bin Nasser was not involved at all", "say") is None


def test_a_negation_said_of_one_subject_does_not_oppose_a_claim_about_another():
    from onrecord.analysis.opposition import negated_subject

    assert negated_subject("that the crown prince was not involved in the murder") == {
        "crown", "prince"}
    assert negated_subject("the inspector found no evidence that the hull was breached") == set()
    denial = "the crown prince was not involved in the murder of the courier"
    assert polarity_conflict(denial, "say", "the crown prince was involved in the murder of "
                             "the courier", "say")
    assert polarity_conflict(denial, "say", "seventeen guards were involved in the murder of "
                             "the courier", "say") is None
    # a finder's "no evidence" is not said of the finder
    assert polarity_conflict("the inspector found no evidence the ferry rammed the pier", "say",
                             "the ferry rammed the pier at dawn", "say")


def test_open_questions_and_times_are_neither_denials_nor_counts():
    from onrecord.analysis.opposition import negated_terms

    # "whether or not" and "not clear if" ask; they deny nothing
    assert negated_terms("it depends whether or not the king knew about the raid") == set()
    assert negated_terms("it was not clear if the delegation included security officers") == set()
    assert negated_terms("it was not immediately clear whether the ferry sank") == set()
    assert negated_terms("the ferry was not sunk by a mine") == {"sunk", "mine"}
    # "four days ago" is a time, not four of something
    assert counted("the courier who vanished four days ago") == {}
    assert not any(e.startswith("different numbers") for e in opposition(
        "the courier vanished four days ago near the harbour", "say",
        "the courier vanished near the harbour two days ago", "say"))


def test_the_word_lists_read_from_data_opposition_txt():
    assert {"the", "said", "monday", "n't"} <= lists.STOPWORDS
    assert "push back" in lists.DENIAL_CUES  # a cue of two words stays one
    assert lists._NUMBER_WORDS["dozens"] == 24 and lists._NUMBER_WORDS["none"] == 0
    assert counted("four days ago, four regional consulates") == {"regional": {4}}
