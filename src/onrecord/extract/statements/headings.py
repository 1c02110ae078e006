"""Speakers and cues in headings: "Ortiz: Port Will Reopen", "SANDERS: We will win", and a
title-case headline's verb ("Mayor Okafor Slams Harbour Tax Plan"). A rubric ("FILE PHOTO:",
"Disclaimer:") or a dateline ("BEIRUT:") before a colon is no speaker
(:mod:`onrecord.extract.statements.captions`).

Helpers of :mod:`onrecord.extract.statements.extract`, over spaCy tokens; they return character
spans.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.extract.common.doctext import text_of
from onrecord.extract.statements.captions import is_dateline, is_rubric
from onrecord.extract.statements.lexicon import (
    ALL_CUES,
    INFINITIVE_CUES,
    LEARNED_VERBS,
    OBJECT_CUES,
)
from onrecord.extract.statements.reported import char_span


def _name_like(tok: Token) -> bool:
    return tok.ent_type_ in {"PERSON", "ORG", "NORP"} or tok.pos_ == "PROPN" or (
        tok.is_upper and len(tok.text) > 1 and tok.is_alpha)


def colon_speaker(doc: Doc, tok: Token) -> tuple[tuple[int, int], Token, tuple[int, int]] | None:
    """"Marco Rubio: I'm not interested", "SANDERS: We will win": a speaker heading a paragraph.

    ``tok`` is the first token of a paragraph; returns the content (to the paragraph's end), the
    speaker's head token and the speaker's characters.
    """
    text = text_of(doc)
    if tok.idx > 0 and text[tok.idx - 1] != "\n":
        return None
    colon = None
    for j in range(tok.i, min(tok.i + 9, len(doc))):
        t = doc[j]
        if "\n" in t.text_with_ws and t.text != ":":
            return None
        if t.text == ":":
            colon = j
            break
        if t.pos_ in {"VERB", "AUX", "NUM", "PRON"} and not t.is_upper:
            return None
    if colon is None or colon == tok.i:
        return None
    first = tok.i
    for j in range(tok.i, colon):  # "EXCLUSIVE – Roger Stone:": the name after a dash
        if doc[j].text in {"–", "—", "-", "|"}:
            first = j + 1
    while first < colon and doc[first].text in {'"', "“", "'", "‘"}:
        first += 1  # a transcript's line opened by a quotation mark
    names = [doc[j] for j in range(first, colon) if _name_like(doc[j])]
    if colon - first == 1 and doc[first].is_title and doc[first].is_alpha:
        names = [doc[first]]  # "Ortiz:", a surname the tagger took for a noun
    if not names or first >= colon or not doc[first].text[:1].isupper():
        return None
    heading = [doc[j].text for j in range(first, colon)]
    if is_rubric(heading) or is_dateline(heading):
        return None  # "FILE PHOTO:", "Disclaimer:", "The crash site Credit:", "BEIRUT:"
    if colon - first == 1 and (
            doc[first].ent_type_ not in {"PERSON", "ORG"} and not doc[first].is_title
            and not (doc[first].is_upper and len(doc[first].text) > 2)):
        return None  # "Related:", "Update:"
    end = colon + 1
    while end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
        end += 1
    if end - colon < 4:
        return None
    content = char_span(doc, colon + 1, end - 1)
    speaker = (doc[first].idx, doc[colon - 1].idx + len(doc[colon - 1].text))
    return content, names[-1], speaker


def _headline_lemma(word: str) -> str | None:
    """The cue lemma of a headline's verb in the third person ("Slams", "Vows"), if any."""
    low = word.lower()
    if not low.endswith("s") or len(low) < 4:
        return None
    cues = ALL_CUES | OBJECT_CUES | INFINITIVE_CUES | LEARNED_VERBS
    for base in (low[:-1], low[:-2] if low.endswith("es") else ""):
        if base in cues:
            return base
    return None


def headline_verb(doc: Doc, tok: Token) -> tuple[tuple[int, int], str, tuple[int, int]] | None:
    """"Senator Slams Trade Deal": a headline's cue verb the tagger took for part of a name.

    In a title-case line the tagger often reads "Slams" or "Praises" as a proper noun. Returns
    the content (the rest of the line), the cue lemma and the speaker's characters (the line up
    to the verb).
    """
    if tok.pos_ not in {"PROPN", "NOUN"} or not tok.is_title or tok.i == 0:
        return None
    lemma = _headline_lemma(tok.text)
    if lemma is None:
        return None
    text = text_of(doc)
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    end = len(text) if end < 0 else end
    words = [w for w in text[start:end].split() if w[:1].isalpha()]
    if len(words) < 4 or sum(w[:1].isupper() for w in words) < 0.8 * len(words):
        return None  # not a title-case headline
    before = doc.char_span(start, tok.idx, alignment_mode="contract")
    after = doc.char_span(tok.idx + len(tok.text), end, alignment_mode="contract")
    if before is None or after is None or len(after) < 2 or not before.text.strip():
        return None
    if not (before[-1].is_title or before[-1].is_upper) or before[-1].pos_ not in {"PROPN", "NOUN"}:
        return None
    speaker = char_span(doc, before.start, before.end - 1)
    content = char_span(doc, after.start, after.end - 1)
    if content[1] - content[0] < 3 or speaker[1] <= speaker[0]:
        return None
    return content, lemma, speaker
