"""Every registered statement rule on its own invented example (``extract/statements/rules.py``)."""

from __future__ import annotations

import pytest

from onrecord.extract.statements.quotes import find_quotes
from onrecord.extract.statements.rules import (
    QUOTATION_RULES,
    REPORTED_RULES,
    RULE_NAMES,
    SKIP,
    Reading,
    Rule,
    deciding_rule,
)

_FINDING = [r for r in REPORTED_RULES + QUOTATION_RULES if r.content]
_GUARDS = [r for r in REPORTED_RULES if not r.content]


def test_every_rule_has_a_unique_name_an_example_and_a_summary():
    assert len(set(RULE_NAMES)) == len(RULE_NAMES) == len(REPORTED_RULES) + len(QUOTATION_RULES)
    for rule in REPORTED_RULES + QUOTATION_RULES:
        assert rule.example.strip(), rule.name
        assert rule.summary, rule.name
    assert REPORTED_RULES and QUOTATION_RULES
    assert [r.name for r in REPORTED_RULES if r.find is None] == []
    # the three guards are the rules that find nothing; every other rule names a content
    assert {r.name for r in _GUARDS} == {"inside_quotation", "according_to_object", "no_cue"}


@pytest.mark.model
@pytest.mark.parametrize("rule", _FINDING, ids=lambda r: r.name)
def test_a_rule_finds_its_example(analyse, rule: Rule):
    record = analyse(rule.example)
    found = [s for s in record.statements if s.rule == rule.name]
    assert found, [(s.rule, s.content) for s in record.statements]
    assert any(rule.content in s.content for s in found), [s.content for s in found]


@pytest.mark.model
@pytest.mark.parametrize("rule", _GUARDS, ids=lambda r: r.name)
def test_a_guard_stops_a_word_of_its_example(parsed, rule: Rule):
    doc = parsed(rule.example)
    reading = Reading.of(doc, find_quotes(doc.text))
    decided = [deciding_rule(reading, tok) for tok in doc]
    assert (rule.name, SKIP) in decided


def test_statements_carry_their_rule_through_the_json_contract():
    from onrecord.models import Statement

    s = Statement("s0", "x", (0, 1), "direct", "named", rule="direct_quote")
    assert s.to_json()["rule"] == "direct_quote"
