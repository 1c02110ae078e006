"""Roles that name one person: "Turkey's president", "the Saudi foreign minister".

News names a person by role as often as by name. When the article names the holder of that
office ("Foreign Minister Adel Haddad", "President Lena Varga"), a role phrase with the same
office and a compatible state is that person, not an anonymous source:

- the role's words must be the holder's title or its end ("chief prosecutor" holds "the
  prosecutor"; "Vice President" does not hold "the president"), with synonyms from
  ``data/person_roles.json`` ("PM", "top diplomat");
- its state, from a possessive ("Turkey's"), a demonym ("the Saudi ...") or "of Turkey", must
  be the holder's: from the holder's title ("Turkish President") or else from the table of
  well-known office holders (:func:`~onrecord.extract.entities.actors.leader_code`);
- a holder whose state is not known fits when the role's state is named (as a state or a
  people, not by its capital) in the sentence that names the holder;
- exactly one person of the article fits; otherwise the phrase names nobody.

``find_role_mentions`` returns token spans; :mod:`onrecord.extract.entities.extract` adds them
to the holder's mentions, so the statement of "Turkey's president said ..." has that person as
speaker and is sourced ``named``.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from onrecord.datafiles import data_json
from onrecord.extract.common.doctext import published_of, sentence_of
from onrecord.extract.entities.actors import actor_code, is_capital, leader_code, region_code
from onrecord.extract.entities.person_names import fold
from onrecord.extract.statements.lexicon import TITLE_HEADS


@dataclass(frozen=True)
class Holder:
    """A person of the article with a title: ``ref`` names its cluster for the caller;
    ``state`` is a state written with the name ("President Lena Varga of Hungary") and
    ``nearby`` the states named in the same sentence as states or peoples (not capitals)."""

    ref: int
    title: str
    name: str
    state: str | None = None
    nearby: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Office:
    words: tuple[str, ...]
    state: str | None
    nearby: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def _roles() -> dict[str, object]:
    return data_json("person_roles.json")


@functools.cache
def role_heads() -> frozenset[str]:
    """Words besides the title heads that end a role naming one person ("prosecutor")."""
    heads = _roles()["heads"]
    assert isinstance(heads, list)
    return frozenset(str(h) for h in heads)


@functools.cache
def royal_titles() -> frozenset[str]:
    """Titles of people called by their given name ("Prince Faisal", "Queen Margrethe")."""
    return _word_set("royal")


@functools.cache
def _synonyms() -> dict[str, str]:
    table = _roles()["synonyms"]
    assert isinstance(table, dict)
    return {str(k): str(v) for k, v in table.items()}


@functools.cache
def _word_set(key: str) -> frozenset[str]:
    words = _roles()[key]
    assert isinstance(words, list)
    return frozenset(str(w) for w in words)


def _office_words(words: list[str]) -> tuple[str, ...]:
    """Words of an office in one form: synonyms replaced ("pm" -> "prime minister")."""
    text = " ".join(words)
    for phrase, same in sorted(_synonyms().items(), key=lambda kv: -len(kv[0])):
        if text == phrase or text.endswith(" " + phrase):
            text = text[: len(text) - len(phrase)] + same
            break
    return tuple(text.split())


def _state_of(text: str) -> str | None:
    return actor_code(text) or region_code(text)


def _holder_office(holder: Holder, on: dt.date | None = None) -> _Office:
    """The office a title holds and its state ("Turkish President" -> president, TUR); a
    holder's state not in the title is the well-known holder's on the article's date ``on``."""
    words: list[str] = []
    state = None
    for raw in holder.title.replace("’", "'").split():
        word = raw.removesuffix("'s")
        code = _state_of(word)
        if code is not None and word[:1].isupper():
            state = state or code
            continue
        if word.lower() in {"of", "the", "for", "to"} and not words:
            continue
        words.append(fold(word).rstrip("."))
    return _Office(_office_words(words), state or holder.state or leader_code(holder.name, on),
                   holder.nearby)


def _holds(holder: _Office, role: _Office) -> bool:
    """True when a holder's office is the role's: equal, or the role ends the holder's title
    with no word that makes it another office ("chief prosecutor" holds "prosecutor")."""
    h, r = holder.words, role.words
    if r == ("leader",):
        return " ".join(h) in _word_set("leaders") or (len(h) > 1 and h[-1] in {"president",
                                                                               "king"})
    if len(h) < len(r) or h[len(h) - len(r):] != r:
        return False
    return not (set(h[: len(h) - len(r)]) & _word_set("not_the_office"))


def _role_at(doc: Doc, head: Token) -> tuple[int, _Office] | None:
    """The role phrase ending at ``head`` ("Saudi Arabia's foreign minister"): where its
    words start, and its office and state; ``None`` when it is no definite role."""
    words = [head.lower_]
    start = head.i
    state = None
    definite = False
    i = head.i - 1
    while i >= 0:
        tok = doc[i]
        if tok.lower_ in {"the", "its", "their"}:
            definite = True
            break
        if tok.text in {"'s", "’s"} and i > 0:
            first = i - 1  # the start of the entity before the possessive
            while first > 0 and doc[first].ent_iob_ == "I":
                first -= 1
            state = _state_of(doc[first:i].text)
            definite = state is not None
            break
        code = _state_of(tok.text) if tok.text[:1].isupper() else None
        if code is not None:
            state = code
            i -= 1
            continue
        if tok.pos_ in {"ADJ", "NOUN", "PROPN"} and tok.dep_ in {"amod", "compound"} \
                and not tok.ent_type_:
            words.insert(0, tok.lower_)
            start = i
            i -= 1
            continue
        break
    after = head.i + 1
    if state is None and after + 1 < len(doc) and doc[after].lower_ == "of":
        state = _state_of(doc[after + 1:after + 3].text) or _state_of(doc[after + 1].text)
    if not definite and state is None:
        return None
    return start, _Office(_office_words([fold(w) for w in words]), state)


def find_role_mentions(doc: Doc, holders: list[Holder],
                       covered: set[int]) -> list[tuple[int, int, int]]:
    """Role phrases naming exactly one holder, as (holder ref, start token, end token).

    Only roles with a state are read here ("Turkey's president", "the Turkish prosecutor");
    a bare "the president" is left to the caller's rule for descriptions.
    """
    if not holders:
        return []
    published = published_of(doc)
    offices = [(h.ref, _holder_office(h, published)) for h in holders]
    heads = TITLE_HEADS | role_heads()
    found: list[tuple[int, int, int]] = []
    for tok in doc:
        if tok.i in covered or tok.lower_ not in heads or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and \
                doc[tok.i + 1].text[:1].isupper() and doc[tok.i + 1].ent_type_ == "PERSON":
            continue  # a title in front of a name, not a role
        role = _role_at(doc, tok)
        if role is None or role[1].state is None:
            continue
        start, office = role
        fits = [(ref, h) for ref, h in offices if _holds(h, office)]
        same = [ref for ref, h in fits if h.state == office.state]
        # a holder of no known state: when that state is named in the holder's sentence
        unknown = [ref for ref, h in fits if h.state is None and office.state in h.nearby]
        refs = set(same) or (set(unknown) if len(set(unknown)) == 1 else set())
        if len(refs) == 1 and not any(i in covered for i in range(start, tok.i + 1)):
            found.append((refs.pop(), start, tok.i + 1))
    return found


def role_of_text(text: str) -> _Office | None:
    """The office and state of a speaker written as a role ("Turkey's chief prosecutor", "the
    Saudi foreign minister", "Dutch PM", "the crown prince"), or ``None`` when the words are
    no definite role of one person ("a Saudi official", "prosecutors", a name).
    """
    words = text.replace("’", "'").split()
    if not words or len(words) > 7:
        return None
    definite = words[0].lower() == "the"
    words = words[1:] if definite else words
    state = None
    for i, word in enumerate(words):  # "Saudi Arabia's ...": the state before the possessive
        if word.endswith("'s"):
            state = _state_of(" ".join([*words[:i], word[:-2]]))
            if state is None:
                return None  # "the minister's aide": someone else
            words = words[i + 1:]
            break
    while words and words[0][:1].isupper() and _state_of(words[0]) is not None:
        state = state or _state_of(words[0])  # "the Turkish prosecutor", "Dutch PM"
        words = words[1:]
    low = [fold(w).rstrip(".,") for w in words]
    if not low or (not definite and state is None):
        return None
    heads = TITLE_HEADS | role_heads()
    if low[-1] not in heads or not all(w.replace("-", "").isalpha() for w in low):
        return None
    return _Office(_office_words(low), state)


def credit_role(office: _Office, people: list[tuple[str, str, list[str]]]) -> str | None:
    """The one of ``people`` (ref, name, titles held anywhere in the corpus) who holds
    ``office``: the same office, and the role's state when it names one (the holder's state
    from the title or the table of office holders; one holder of no known state is taken only
    when no other fits)."""
    fits: dict[str, str | None] = {}
    for ref, name, titles in people:
        for title in titles:
            held = _holder_office(Holder(0, title, name))
            if _holds(held, office) and (office.state is None or held.state in
                                         (office.state, None)):
                if fits.get(ref) is None:
                    fits[ref] = held.state
    if office.state is not None:
        same = [ref for ref, state in fits.items() if state == office.state]
        if same:
            return same[0] if len(same) == 1 else None
    return next(iter(fits)) if len(fits) == 1 else None


def state_after(doc: Doc, end: int) -> str | None:
    """The state written right after a name: "President Lena Varga of Hungary"."""
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].ent_type_ == "GPE":
        first = doc[end + 1]
        span = next((e for e in doc.ents if e.start == first.i), None)
        return actor_code(span.text) if span is not None else None
    return None


def states_in_sentence(doc: Doc, i: int) -> frozenset[str]:
    """The states named in token ``i``'s sentence as states or peoples, not capitals."""
    start, end = sentence_of(doc, i)
    return frozenset(code for e in doc.ents if start <= e.start < end
                     and e.label_ in {"GPE", "NORP"} and not is_capital(e.text)
                     and (code := actor_code(e.text)) is not None)


def title_without_state(title: str) -> str:
    """A title without the state in front: "saudi crown prince" -> "crown prince"."""
    words = title.split()
    while len(words) > 1 and actor_code(words[0]) is not None:
        words = words[1:]
    return " ".join(words)
