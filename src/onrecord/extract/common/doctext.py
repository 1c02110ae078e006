"""The text of a Doc, computed once: ``Doc.text`` rebuilds the string on every access."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from spacy.tokens import Doc

_KEY = "onrecord_text"


def text_of(doc: Doc) -> str:
    """``doc.text``, cached in ``doc.user_data`` (a Doc's text never changes)."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def published_of(doc: Doc) -> dt.date | None:
    """The article's publication date set on ``doc`` by the pipeline (``None`` when unknown,
    or on a Doc made outside it)."""
    if not Doc.has_extension("onrecord_published"):
        return None
    published = doc._.onrecord_published
    return published if isinstance(published, dt.date) else None


def sentence_of(doc: Doc, i: int) -> tuple[int, int]:
    """Token bounds ``(start, end)`` of the sentence holding token ``i``, computed once per Doc.

    ``Token.sent`` scans the document on every call; extractors ask often.
    """
    bounds: list[tuple[int, int]] | None = doc.user_data.get(_SENTS)
    if bounds is None:
        bounds = [(0, 0)] * len(doc)
        for sent in doc.sents:
            for j in range(sent.start, sent.end):
                bounds[j] = (sent.start, sent.end)
        doc.user_data[_SENTS] = bounds
    return bounds[i]


_SENTS = "onrecord_sentences"


def span_mask(size: int, spans: Iterable[tuple[int, int]]) -> bytearray:
    """One byte per character of a ``size``-character text, 1 inside any of ``spans``: a
    per-document lookup for "is this offset inside a quotation / a content" on hot paths."""
    mask = bytearray(size + 1)
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask
