"""Every registered trigger rule on its own invented example (``extract/events/triggers.py``)."""

from __future__ import annotations

import pytest

from onrecord.extract.events.triggers import (
    NO_EVENT,
    TRIGGER_EXAMPLES,
    TRIGGER_RULES,
    VERB_RULES,
    find_triggers,
    verb_rule,
)


def test_every_trigger_rule_has_one_example_and_a_unique_name():
    assert len(set(TRIGGER_RULES)) == len(TRIGGER_RULES)
    assert set(TRIGGER_EXAMPLES) == set(TRIGGER_RULES)
    for name, rule in VERB_RULES:
        assert (rule.__doc__ or "").strip(), name


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(TRIGGER_EXAMPLES))
def test_a_trigger_rule_decides_its_example(parsed, name: str):
    sentence, word, code = TRIGGER_EXAMPLES[name]
    doc = parsed(sentence)
    tok = next(t for t in doc if t.text == word)
    if code == NO_EVENT:
        if name in dict(VERB_RULES):
            assert verb_rule(tok) == (name, NO_EVENT)
        assert not [t for t in find_triggers(doc) if t.first <= tok.i <= t.last]
        return
    found = [(t.rule, t.code) for t in find_triggers(doc) if t.first <= tok.i <= t.last]
    assert (name, code) in found, found


@pytest.mark.model
def test_a_fighting_noun_is_figurative_only_with_a_figurative_modifier(parsed):
    for sentence, figurative in (("The army lost a long battle with the rebels.", False),
                                 ("The ministry lost a long court battle with the union.", True),
                                 ("Their political battle over the budget went on.", True),
                                 ("A fierce battle for the airport went on.", False)):
        doc = parsed(sentence)
        found = [t for t in find_triggers(doc) if t.head.lemma_ == "battle"]
        assert bool(found) is not figurative, sentence


@pytest.mark.model
def test_events_carry_the_rule_of_their_trigger(analyse):
    record = analyse("Government troops bombed the rebel stronghold in Valmora on Monday.")
    assert [e.rule for e in record.events if e.trigger == "bombed"] == ["verb_lexicon"]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "word", "code"), [
    ("Students began a sit-in outside the ministry.", "in", "141"),
    ("The cease-fire held through the night.", "fire", "0871"),
])
def test_a_hyphenated_noun_is_one_trigger(parsed, sentence: str, word: str, code: str):
    doc = parsed(sentence)
    tok = next(t for t in doc if t.text == word)
    found = [(doc[t.first:t.last + 1].text, t.code) for t in find_triggers(doc)
             if t.first <= tok.i <= t.last]
    assert found == [(f"{doc[tok.i - 2].text}-{word}", code)]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "word", "code"), [
    ("Ruritania struck a deal with Valmora on Monday.", "struck", "057"),
    ("Valmora recalled its ambassador from Ruritania.", "recalled", "161"),
    ("Police rounded up forty dissidents in the capital.", "rounded", "173"),
    ("Gunmen beheaded two aid workers near the border.", "beheaded", "1823"),
])
def test_codebook_verbs_trigger_their_code(parsed, sentence: str, word: str, code: str):
    doc = parsed(sentence)
    tok = next(t for t in doc if t.text == word)
    assert [t.code for t in find_triggers(doc) if t.head.i == tok.i] == [code]
