"""onrecord's spaCy components declare what they require and assign, so spaCy's own
``analyze_pipes`` reports a pipeline in the wrong order (a blank pipeline: no model)."""

from __future__ import annotations

import spacy

import onrecord.nlp.factories  # noqa: F401 - registers the components


def _problems(order):
    nlp = spacy.blank("en")
    for name in order:
        nlp.add_pipe(name)
    return nlp.analyze_pipes(pretty=False)["problems"]


def test_statements_before_entities_and_times_is_reported():
    wrong = _problems(["onrecord_statements", "onrecord_entities", "onrecord_times"])
    assert {"doc._.onrecord_entities", "doc._.onrecord_times"} <= set(
        wrong["onrecord_statements"])
    right = _problems(["onrecord_entities", "onrecord_times", "onrecord_statements",
                       "onrecord_events"])
    assert not {"doc._.onrecord_entities", "doc._.onrecord_times"} & set(
        right["onrecord_statements"] + right["onrecord_events"])
    # a blank pipeline parses nothing: the parser's work is required and missing
    assert "token.dep" in right["onrecord_statements"]
