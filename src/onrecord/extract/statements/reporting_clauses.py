"""Reporting clauses the parser hangs in the wrong place, read from their word order.

Two shapes of news prose that the dependency parse often gets wrong, so that a statement loses
its speaker or is missed:

- the channel noun takes the reported clause: in "The ministry said in a statement that the
  reports were false" the parser makes "that the reports were false" a clause of "statement",
  and the statement would go to nobody; :func:`channel_clause` gives it back to "said";
- the reporting clause trails a long sentence: in "The navy believes the tanker ordered X in
  port, a source familiar with the inquiry said on Friday, in a finding that ..." the parser
  may make "source" an apposition and "said" a clause deep inside, so the source is lost and
  the navy's belief swallows it; :func:`trailing_reporting_clause` reads ", <noun phrase>
  <cue verb> [<time or place>]" closing the words before the comma.

Both are used by :mod:`onrecord.extract.statements.extract` only where the parse gives the cue no
clause of its own, so a well-parsed sentence is read as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from onrecord.datafiles import data_lines
from onrecord.extract.common.doctext import sentence_of

# prepositions that introduce the medium of a statement: "said in a statement", "wrote on X"
CHANNEL_PREPOSITIONS = frozenset({"in", "on", "during", "via", "through"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
_SUBORDINATE_DEPS = frozenset({"relcl", "acl", "advcl", "csubj", "pcomp"})
# the most words a trailing speaker phrase has ("a senior official familiar with the talks")
_MAX_SPEAKER_WORDS = 12
# the most words after a trailing cue before its comma or the sentence end ("on Friday")
_MAX_AFTER_WORDS = 8
_SPEAKER_POS = frozenset({"NOUN", "PROPN", "PRON"})
_NOT_IN_SPEAKER = frozenset({"VERB", "AUX", "SCONJ", "CCONJ", "PUNCT", "SYM"})
_OPENING_WORDS = frozenset({"that", "if", "whether", "to"})


def _that_clause(noun: Token) -> Token | None:
    """The verb of a "that" clause with a subject hung on ``noun`` ("a statement that X is Y")."""
    for c in noun.rights:
        if (c.dep_ in {"acl", "ccomp", "relcl", "appos"} and c.pos_ in {"VERB", "AUX"}
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                and any(m.dep_ in {"nsubj", "nsubjpass"} for m in c.children)):
            return c
    return None


@lru_cache(maxsize=1)
def channel_nouns() -> frozenset[str]:
    """Nouns that name the medium or occasion of a statement (data/statement_channels.txt)."""
    return frozenset(line.lower() for line in data_lines("statement_channels.txt"))


def channel_clause(cue: Token) -> Token | None:
    """"said in a statement that ...": the verb of the clause the parser hung on the channel.

    The cue's preposition of medium ("in", "on", "during", "via", "through") must take a noun
    of :func:`channel_nouns` ("statement", "interview", "letter"; not "on the assumption that")
    whose "that" clause has its own subject; None otherwise.
    """
    for prep in cue.rights:
        if prep.dep_ != "prep" or prep.lower_ not in CHANNEL_PREPOSITIONS:
            continue
        for noun in prep.children:
            if (noun.dep_ == "pobj" and noun.pos_ == "NOUN"
                    and noun.lemma_.lower() in channel_nouns()):
                clause = _that_clause(noun)
                if clause is not None:
                    return clause
    return None


def is_channel_noun(noun: Token, is_cue_verb: bool) -> bool:
    """Whether ``noun`` is the channel of a cue verb that takes its clause (see above).

    ``is_cue_verb`` says whether the verb the noun's preposition hangs on is a speech cue; the
    caller knows the cue lexicon.
    """
    prep = noun.head
    return (is_cue_verb and noun.dep_ == "pobj" and prep.dep_ == "prep"
            and prep.lower_ in CHANNEL_PREPOSITIONS and prep.head.i != prep.i
            and channel_clause(prep.head) is not None)


@dataclass(frozen=True)
class Trailing:
    """A trailing reporting clause: what it attributes and who says it (token indices)."""

    content: tuple[int, int]  # tokens [start, end) of the attributed words
    speaker: tuple[int, int]  # tokens [start, end) of the speaker phrase
    head: int  # the speaker phrase's head token


def trailing_reporting_clause(doc: Doc, cue: Token) -> Trailing | None:
    """", <speaker> <cue> [<time, place, addressee>]" closing the words before the comma.

    The cue is a finite verb (past or present); between the comma before it and the cue stands
    a noun phrase of at most twelve words without a verb; after it, up to the next comma or the
    sentence's end, at most eight words without a verb or a clause opener ("that", "if"); the
    words before the comma, from the sentence's start, hold a verb. None for any other shape.
    """
    if cue.pos_ != "VERB" or cue.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    start, end = sentence_of(doc, cue.i)
    comma = cue.i - 1
    while comma > start and doc[comma].text != ",":
        comma -= 1
    if doc[comma].text != "," or comma <= start:
        return None
    if doc[comma - 1].head.i > comma:
        return None  # "Oz's big, big boss indicated": the comma is inside a phrase
    words = doc[comma + 1:cue.i]
    if not 0 < len(words) <= _MAX_SPEAKER_WORDS:
        return None
    if any(t.pos_ in _NOT_IN_SPEAKER and t.text not in {"-", "'s", "’s"} for t in words):
        return None
    if not any(t.pos_ in _SPEAKER_POS for t in words) or words[0].pos_ == "ADP" or any(
            t.tag_ in _RELATIVE_TAGS for t in words):
        return None  # "..., from whom", "..., in which he declared": a relative clause
    after = 0
    for t in doc[cue.i + 1:end]:
        if t.text in {",", ";"} or t.is_punct and t.i == end - 1:
            break
        after += 1
        if after > _MAX_AFTER_WORDS or t.pos_ in {"VERB", "AUX"} or t.lower_ in _OPENING_WORDS:
            return None
    before = doc[start:comma]
    if len(before) < 3 or not _main_clause(before):
        return None
    inside = range(comma + 1, cue.i)
    heads = [t for t in words if t.pos_ in _SPEAKER_POS and t.head.i not in inside]
    head = heads[0] if heads else [t for t in words if t.pos_ in _SPEAKER_POS][-1]
    return Trailing((start, comma), (comma + 1, cue.i), head.i)


def _main_clause(words: Span) -> bool:
    """Whether ``words`` read as a sentence of their own: a finite verb with a subject that is
    no relative pronoun, outside any subordinate clause, and no opening "If", "When", "Asked".
    """
    first = words[0]
    if first.pos_ == "SCONJ" or first.tag_ in {"VBN", "VBG"}:
        return False
    inside = range(words[0].i, words[-1].i + 1)
    for t in words:
        finite = t.tag_ in _FINITE or any(
            a.dep_ in {"aux", "auxpass"} and a.tag_ in _FINITE for a in t.lefts)
        if not finite or t.pos_ not in {"VERB", "AUX"} or t.dep_ in _SUBORDINATE_DEPS:
            continue
        if any(a.dep_ == "mark" for a in t.children):
            continue  # "because the port closed"
        subjects = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i in inside]
        if subjects and not any(c.tag_ in _RELATIVE_TAGS for c in subjects):
            return True
    return False
