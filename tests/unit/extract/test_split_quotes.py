"""Quotations in two parts are one statement: the second part continues the first."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _parts(record):
    return {s.id: s for s in record.statements if s.kind in {"direct", "mixed"}}


def test_the_cue_between_two_parts_links_them(analyse):
    rec = analyse('"If you look at the ledgers," Marsh said, "the port lost money every year."')
    parts = _parts(rec)
    second = next(s for s in parts.values() if s.content.startswith("the port lost"))
    first = parts[second.continues]
    assert first.content == "If you look at the ledgers" and first.speaker_text == "Marsh"


def test_a_quotation_after_its_sentence_end_is_not_a_lead_in(analyse):
    text = ("The harbour board approved a new pool. ''Without these repairs, the docks would be "
            "in real trouble,'' he said. ''This is a necessity.''")
    rec = analyse(text)
    first = next(s for s in rec.statements if s.content.startswith("Without these repairs"))
    assert first.kind == "direct"  # the sentence before is not part of it
    second = next(s for s in rec.statements if s.content.startswith("This is a necessity"))
    assert second.continues == first.id


def test_a_quotation_after_a_mixed_one_continues_it(analyse):
    text = 'The port is "doing everything it can," Ortiz said. "We will not close the docks."'
    rec = analyse(text)
    first = next(s for s in rec.statements if "everything it can" in s.content)
    second = next(s for s in rec.statements if s.content.startswith("We will not close"))
    assert first.kind == "mixed" and second.continues == first.id
