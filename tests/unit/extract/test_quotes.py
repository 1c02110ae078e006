"""Quote marks as real copy uses them (pure functions, no model)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from onrecord.extract.statements.quotes import find_quotes, is_statement_quote


def texts(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_curly_and_straight_quotes():
    text = '“We will not be rushed,” the mayor said. Her deputy said, "The budget is final."'
    assert texts(text) == ["We will not be rushed,", "The budget is final."]


def test_curly_opening_closed_by_straight_mark():
    text = 'The envoy said, “Talks resume on Friday and we expect progress."\n\nNext paragraph.'
    assert texts(text) == ["Talks resume on Friday and we expect progress."]


def test_scare_quote_nested_inside_a_quotation():
    text = '“Whether the threat was “imminent” or not is beside the point,” he wrote.'
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert text[quotes[0].start:quotes[0].end].endswith("beside the point,")


def test_multi_paragraph_quote_is_joined():
    text = ('“The harbour was closed for three days and the ferries could not sail.\n\n'
            '“We lost a week of trade,” the harbour master said.')
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert "ferries" in text[quotes[0].start:quotes[0].end]
    assert text[quotes[0].start:quotes[0].end].endswith("trade,")


def test_unclosed_quote_ends_with_its_paragraph():
    text = 'She said, “the vote is lost\n\nA new paragraph without marks.'
    assert texts(text) == ["the vote is lost"]


def test_scare_quotes_are_not_statements():
    text = 'The so-called “peace dividend” never came.'
    (quote,) = find_quotes(text)
    assert not is_statement_quote(text, quote)
    text2 = '“We will rebuild the bridge,” she said.'
    (quote2,) = find_quotes(text2)
    assert is_statement_quote(text2, quote2)


@given(st.text(alphabet=st.sampled_from(list('ab “”"\n.,')), max_size=80))
def test_quote_spans_always_lie_within_the_text(text):
    for q in find_quotes(text):
        assert 0 <= q.open_mark < q.start <= q.end <= len(text)
        assert text[q.start:q.end] == text[q.start:q.end].strip()


def test_opening_mark_typed_as_a_closing_one():
    text = "The council ordered an “emergency review“ of the quay. “We acted fast,” she said."
    assert texts(text) == ["emergency review", "We acted fast,"]
