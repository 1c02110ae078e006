"""Direct quotations found by their quote marks, tolerant of the marks real copy uses.

Handles curly and straight marks and mismatched pairs (an opening curly mark closed by a straight
one), quotes nested inside quotes (a scare-quoted word inside a quotation), and a quotation running
over several paragraphs (by the convention that each continued paragraph opens with a mark and only
the last one closes). Pure functions over text; offsets are character offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = frozenset("“„«")
CLOSERS = frozenset("”»")
AMBIGUOUS = frozenset('"')
_MARKS = re.compile("'{2,3}|[“”„«»\"]")  # two apostrophes: a double mark in some wire copy
_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+(?:['’]\w+)?")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start``/``end`` span the words inside the outer marks."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark, None when the paragraph ends unclosed
    paragraph_start: int  # offset where the (first) paragraph begins
    paragraph_end: int  # offset where the (last) paragraph ends
    words: int
    close_end: int | None = None  # offset just after the closing mark



def _role(text: str, i: int, depth: int, size: int = 1) -> str:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + size] if i + size < len(text) else " "
    if ch in OPENERS:
        # an opening mark typed where a closing one belongs: 'an “expedited review“ of'
        if depth and (prev.isalnum() or prev in ".,!?") and (nxt.isspace() or nxt in ".,;:!?"):
            return "close"
        return "open"
    if ch in CLOSERS:
        # a closing mark typed where an opening one belongs: "said, ”We will"
        if depth == 0 and (prev.isspace() or prev in "([—–-:") and nxt.isalnum():
            return "open"
        return "close"
    # a straight mark: decide by its neighbours
    if prev.isspace() or prev in "([{—–-:" or i == 0:
        return "open" if not nxt.isspace() else ("close" if depth else "open")
    if nxt.isspace() or nxt in ".,;:!?)]}—–-" or i + size == len(text):
        return "close"
    return "close" if depth else "open"


def _paragraph_quotes(text: str, p_start: int,
                      p_end: int) -> list[tuple[int, int | None, int, int]]:
    """(open mark, close mark or None, their lengths) of outer quotations within one paragraph."""
    pairs: list[tuple[int, int | None, int, int]] = []
    depth = 0
    opened, opened_size = -1, 1
    for m in _MARKS.finditer(text, p_start, p_end):
        i, size = m.start(), m.end() - m.start()
        if size == 3:  # a single mark next to a double one: the double one is outermost
            i, size = (i, 2) if _role(text, i, depth, 3) == "open" else (i + 1, 2)
        role = _role(text, i, depth, size)
        if role == "open":
            if depth == 0:
                opened, opened_size = i, size
            depth += 1
        else:
            if depth == 0:
                continue  # a stray closing mark
            depth -= 1
            if depth == 0:
                pairs.append((opened, i, opened_size, size))
    if depth > 0:
        pairs.append((opened, None, opened_size, 0))
    return pairs


def find_quotes(text: str) -> list[Quote]:
    """Every outer quotation in ``text``, in order, multi-paragraph quotations joined."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    raw: list[tuple[int, int | None, int, int, int, int]] = []
    for p_start, p_end in paragraphs:
        # skip leading whitespace so a paragraph "starts" at its first character
        while p_start < p_end and text[p_start].isspace():
            p_start += 1
        for open_mark, close_mark, open_size, close_size in _paragraph_quotes(text, p_start, p_end):
            raw.append((open_mark, close_mark, p_start, p_end, open_size, close_size))
    quotes: list[Quote] = []
    i = 0
    while i < len(raw):
        open_mark, close_mark, p_start, p_end, open_size, close_size = raw[i]
        last_p_end = p_end
        # continued: this one runs to the paragraph's end and the next paragraph opens with a mark
        while close_mark is None and i + 1 < len(raw):
            n_open, n_close, n_pstart, n_pend, _, n_size = raw[i + 1]
            if n_open != n_pstart:
                break
            close_mark, last_p_end, close_size = n_close, n_pend, n_size
            i += 1
        end = close_mark if close_mark is not None else last_p_end
        start = open_mark + open_size
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            words = len(_WORD.findall(text, start, end))
            close_end = close_mark + close_size if close_mark is not None else None
            quotes.append(Quote(start, end, open_mark, close_mark, p_start, last_p_end, words,
                                close_end))
        i += 1
    return quotes


def is_statement_quote(text: str, quote: Quote) -> bool:
    """True when a quotation reads as something said rather than a scare-quoted term or a title.

    A statement quote has at least three words and ends with punctuation inside its marks, or
    is a sentence of six words or more.
    """
    if quote.words < 3:
        return False
    last = text[quote.end - 1]
    return last in ".,!?;:…—–-" or quote.words >= 6


def looks_like_title(text: str, quote: Quote) -> bool:
    """True for a quoted title rather than quoted words: "Secret Lives of the Super Rich".

    Every word longer than three letters is capitalised, and there are at least two such
    words; a quotation opening a headline after a colon ("Mayor: 'We Will Not Resign'") is
    words, not a title.
    """
    before = text[quote.paragraph_start:quote.open_mark].rstrip()
    if before.endswith(":"):
        return False
    long_words = [w for w in _WORD.findall(text[quote.start:quote.end])
                  if len(w) > 3 and not w.isdigit()]
    return len(long_words) >= 2 and all(w[0].isupper() for w in long_words)
