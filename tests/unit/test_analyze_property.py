"""analyze() on hostile text: lone surrogates, NUL, zero-width and bidi controls, sentences of
thousands of words, texts over spaCy's 1,000,000-character limit. Whatever comes in, the
result is a record whose every span re-slices its article's text, or an error of the
documented tree (:class:`onrecord.errors.OnRecordError`); nothing else escapes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onrecord.analyze import analyze
from onrecord.errors import InputError, OnRecordError
from onrecord.models import ArticleRecord

pytestmark = pytest.mark.model

ODD = st.sampled_from([
    "\ud800", "\udfff", "\ud83d", "\ud83d\ude00", "\x00", "\u200b", "\u200c", "\u200d",
    "\ufeff", "\u202a", "\u202b", "\u202e", "\u2066", "\u2069", "\u00ad", "\x0b", "\x1f",
    "\r", "\n\n", "\t", "\u2028", "\ufffd",
])
WORDS = st.sampled_from(
    "the minister said that officials told reporters on Monday “ ” \" , . — according to "
    "Smith Ana Costa Iran she denied not last week two days later President Dec. 29 struck "
    "the depot troops withdrew".split(" "))
TOKENS = st.one_of(WORDS, WORDS, ODD, st.text(max_size=4))


def _check(record: ArticleRecord) -> None:
    text = record.article.text
    text.encode("utf-8")  # storable: no lone surrogate left
    for s in record.statements:
        assert text[s.content_span[0]:s.content_span[1]] == s.content
        if s.speaker_span is not None:
            assert text[s.speaker_span[0]:s.speaker_span[1]] == s.speaker_text
    for t in record.times:
        assert text[t.span[0]:t.span[1]] == t.text
    for ev in record.events:
        assert text[ev.trigger_span[0]:ev.trigger_span[1]] == ev.trigger
    for e in record.entities:
        assert all(0 <= a < b <= len(text) for a, b in e.mentions)


def _analyse_or_documented_error(text: str, published: str | None) -> None:
    try:
        record = analyze(text, published=published)
    except OnRecordError:
        return
    _check(record)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOKENS, min_size=1, max_size=60),
       st.sampled_from(["2020-01-14", None, "2020-01-14T09:30:00Z"]))
def test_hostile_characters_never_escape_the_error_tree(words, published):
    _analyse_or_documented_error(" ".join(words), published)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, min_size=500, max_size=3000), st.lists(ODD, max_size=5))
def test_a_sentence_of_thousands_of_words(words, odd):
    _analyse_or_documented_error(" ".join(words + odd), "2020-01-14")


@settings(max_examples=2, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(TOKENS, min_size=1, max_size=30), st.lists(TOKENS, min_size=1, max_size=30),
       st.sampled_from(["\n\n", "\n", " ", ""]))
def test_texts_over_the_limit_are_analysed_in_parts(head, tail, joint):
    """1M+ characters: a cheap-to-parse filler (long link tokens) between generated ends;
    with ``joint`` "" the filler has no space to cut at."""
    filler = joint.join(["https://archive.example.org/" + "k9" * 480] * 1050)
    text = " ".join(head) + "\n\n" + filler + "\n\n" + " ".join(tail)
    assert len(text) > 1_000_000
    _analyse_or_documented_error(text, "2020-01-14")


@pytest.mark.parametrize("published", ["2020-02-30", "2020-13-45", "14 Jan 2020", "yesterday"])
def test_an_impossible_date_is_an_input_error(published):
    with pytest.raises(InputError, match="published date"):
        analyze("Officials said on Monday that talks would resume.", published=published)


def test_what_is_not_text_is_an_input_error():
    with pytest.raises(InputError):
        analyze(b"Officials said so.")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        analyze("   \n ")
