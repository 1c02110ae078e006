"""Whatever the input, every span in a record re-slices to its text (through the whole pipeline)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.model

WORDS = st.sampled_from(
    "the minister said that officials told reporters on Monday “ ” \" ' , . : — \n\n "
    "according to Smith Ana Costa U.S. Iran he she they tweeted last week two days later "
    "President Dec. 29 1979 not will would had been quoted who".split(" ")
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(WORDS, st.text(max_size=6)), min_size=1, max_size=40))
def test_spans_reslice_for_any_input(analyse, words):
    text = " ".join(words)
    if not text.strip():
        return
    record = analyse(text)
    for s in record.statements:
        assert text[s.content_span[0]:s.content_span[1]] == s.content
        if s.speaker_span is not None:
            assert text[s.speaker_span[0]:s.speaker_span[1]] == s.speaker_text
    for t in record.times:
        assert text[t.span[0]:t.span[1]] == t.text
    for e in record.entities:
        assert all(0 <= a < b <= len(text) for a, b in e.mentions)
