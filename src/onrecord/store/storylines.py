"""Storylines: articles grouped into developing stories across outlets and days.

A near-duplicate story (:mod:`onrecord.store.stories`) is one text republished; a storyline is
every article about one developing matter, whoever wrote it and whenever. It is found from what
articles share: the states, people, organisations and places they name (weighted by how often
and whether the title names them) and their content terms (the words the article repeats,
without the words of news prose, ``data/storyline_stopterms.txt``).

Each article becomes a vector of those features, weighted by their rarity across the corpus
(inverse document frequency, :func:`idf`, with a prior so a small corpus does not make its one
story's names worthless) and made unit length. A storyline keeps the sum of its articles'
vectors (its centroid, up to length). An arriving article joins the storyline whose centroid is
the most similar to it (cosine, :func:`cosine`), lowered the further its date lies outside the
storyline's dates (:func:`decayed`), when that reaches :data:`SAME_STORYLINE`; otherwise it
starts one, whose id is its own article id. When an article is similar enough to several
storylines, they are one story that the order articles came in had split: the others are
merged into the one with the most articles (:func:`surviving`), and their ids still find it
(``storyline_merges``), so an id once given always names its story. A republished copy joins
its original's storyline without changing the profile.

Candidates are found through the article's most weighted features (an indexed lookup), never by
scanning every storyline. The functions here are pure; the SQL is in :mod:`onrecord.store.derive`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import NamedTuple

from onrecord.datafiles import data_lines
from onrecord.extract.entities.actors import state_name
from onrecord.extract.entities.person_names import display_name, parse_person
from onrecord.models import ArticleRecord, Entity
from onrecord.store.identities import name_key

__all__ = ["ARTICLES_KEY", "SAME_STORYLINE", "Candidate", "article_features", "best_storyline",
           "cosine", "decayed", "feature_name", "idf", "label_of", "lookup_features",
           "matching_storylines", "surviving", "unit_vector"]

SAME_STORYLINE = 0.25
"""The least (date-decayed) cosine between an article and a storyline's centroid for the
article to join it."""
DECAY_DAYS = 730
"""An article this many days outside a storyline's dates has its similarity halved (a story
such as an air-crash investigation develops over years; a nearer story is preferred)."""
IDF_PRIOR = 1000
"""Articles assumed beyond those stored when weighing a feature's rarity: in a small corpus of
one story, that story's names are in most articles and must still count."""
ENTITY_WEIGHT = 2.0
"""How much more a named thing weighs than a content term of the same salience: who and where
tell stories apart better than words do."""
TERMS = 20
"""Content terms kept per article (the most repeated)."""
CANDIDATE_FEATURES = 8
"""An article's most weighted features through which candidate storylines are looked up."""
CANDIDATES = 40
"""At most this many candidate storylines are compared with an article."""
TEXT_CHARS = 20_000
"""Content terms are read from the title and this many characters of the text."""
ENTITY_KINDS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_PLACE_KINDS = frozenset({"GPE", "NORP", "LOC"})
_NAME_KINDS = _PLACE_KINDS | {"PERSON"}
_TERM = re.compile(r"[^\W\d_][^\W_]{3,}")  # a word of four or more characters, not a number
ARTICLES_KEY = ""
"""The feature key whose document frequency counts every profiled article (the corpus size)."""


@lru_cache(maxsize=1)
def _stop_terms() -> frozenset[str]:
    return frozenset(data_lines("storyline_stopterms.txt"))


@lru_cache(maxsize=65536)
def _family(name: str) -> str | None:
    """The family part of a person's name ("erdogan" of "President Recep Tayyip Erdoğan")."""
    parsed = parse_person(name_key(name, "PERSON"))
    return parsed.family if parsed is not None and parsed.family else None


def _entity_feature(entity: Entity, corpus_id: str | None) -> tuple[str, str] | None:
    """(feature key, shown name) of an entity: a state by its actor code (``actor:TUR`` for
    "Turkey", "Turkish", "Ankara"), a person by family name (``person:erdogan``, whatever
    spelling or title), anything else by its corpus entity."""
    if entity.kind not in ENTITY_KINDS:
        return None
    if entity.actor and entity.kind in _PLACE_KINDS:
        code = entity.actor[:3]
        return f"actor:{code}", state_name(code) or code
    if entity.kind == "PERSON":
        family = _family(entity.name)
        return (f"person:{family}", display_name(entity.name)) if family else None
    key = corpus_id or name_key(entity.name, entity.kind)
    return (f"entity:{key}", entity.name) if key else None


def article_features(record: ArticleRecord,
                     links: Mapping[str, str]) -> dict[str, tuple[float, str]]:
    """An article's features: key -> (salience, shown name). ``links`` maps the record's
    entity ids to corpus entity ids.

    An entity's salience is 1 + ln(mentions), plus 1 when the title names it, times
    :data:`ENTITY_WEIGHT`; a content
    term's is 1 + ln(occurrences), plus 1 when in the title, for the :data:`TERMS` most
    repeated terms.
    """
    a = record.article
    title = (a.title or "").lower()
    out: dict[str, tuple[float, str]] = {}
    for e in record.entities:
        found = _entity_feature(e, links.get(e.id))
        if found is None:
            continue
        key, name = found
        named = any(n.lower() in title for n in (e.name, *e.aliases) if len(n) > 2)
        salience = ENTITY_WEIGHT * (1 + math.log(max(len(e.mentions), 1)) + float(named))
        old = out.get(key)  # two entities of one feature ("Turkey", "Turkish")
        if old is None:
            out[key] = (salience, name)
        else:
            out[key] = (max(old[0], salience), name if len(name) > len(old[1]) else old[1])
    # the names of people and places are features of their own ("Saudi" is SAU, not a term);
    # an organisation's words are often the story's ("the Ferry Workers Union")
    stop = _stop_terms() | {w.lower() for e in record.entities if e.kind in _NAME_KINDS
                            for s, t in e.mentions for w in _TERM.findall(a.text[s:t])}
    counts = Counter(w for w in (m.group().lower() for m in _TERM.finditer(
        f"{a.title or ''}\n{a.text[:TEXT_CHARS]}")) if w not in stop)
    titled = {m.group().lower() for m in _TERM.finditer(a.title or "")}
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TERMS]
    for term, n in ranked:
        out.setdefault(f"term:{term}", (1 + math.log(n) + (1.0 if term in titled else 0.0),
                                        term))
    return out


def idf(df: int, total: int) -> float:
    """The rarity weight of a feature seen in ``df`` of ``total`` earlier articles."""
    return math.log((total + IDF_PRIOR) / (df + 1))


def unit_vector(salience: Mapping[str, float], df: Mapping[str, int],
                total: int) -> dict[str, float]:
    """Features weighted by salience times rarity, scaled to unit length (empty when none)."""
    weights = {k: s * idf(df.get(k, 0), total) for k, s in salience.items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {k: w / norm for k, w in weights.items()} if norm > 0 else {}


def cosine(vector: Mapping[str, float], centroid: Mapping[str, float], norm2: float) -> float:
    """The cosine between a unit ``vector`` and a centroid (its weights on the vector's
    features, and its squared length ``norm2``); the centroid's features carry the sum."""
    if norm2 <= 0:
        return 0.0
    return sum(vector.get(k, 0.0) * w for k, w in centroid.items()) / math.sqrt(norm2)


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def decayed(score: float, date: str | None, first: str | None, last: str | None) -> float:
    """``score`` lowered by how far ``date`` lies outside [first, last]: halved at
    :data:`DECAY_DAYS` days, a third at twice that (undated: unchanged)."""
    day, lo, hi = _day(date), _day(first), _day(last)
    if day is None or lo is None or hi is None:
        return score
    gap = (lo - day).days if day < lo else (day - hi).days if day > hi else 0
    return score / (1 + gap / DECAY_DAYS)


class Candidate(NamedTuple):
    """A storyline an article may join, as the article sees it."""

    centroid: dict[str, float]  # the centroid's weights on the article's features
    norm2: float  # the centroid's squared length
    first: str | None
    last: str | None
    articles: int


def matching_storylines(vector: Mapping[str, float], date: str | None,
                        candidates: Mapping[str, Candidate]) -> list[tuple[str, float]]:
    """The candidate storylines similar enough for the article to join, with their scores,
    best first (ties: the smaller id, so the order is deterministic)."""
    scored = []
    for sid, c in candidates.items():
        score = decayed(cosine(vector, c.centroid, c.norm2), date, c.first, c.last)
        if score >= SAME_STORYLINE:
            scored.append((sid, score))
    return sorted(scored, key=lambda item: (-item[1], item[0]))


def best_storyline(vector: Mapping[str, float], date: str | None,
                   candidates: Mapping[str, Candidate]) -> tuple[str, float] | None:
    """The candidate storyline an article joins, with its score, or ``None`` (it starts one)."""
    found = matching_storylines(vector, date, candidates)
    return found[0] if found else None


def surviving(matches: Iterable[str], candidates: Mapping[str, Candidate]) -> str:
    """Of storylines one article joins (they tell one story, which the order articles came
    in had split), the one the others are merged into: the most articles, then the earliest,
    then the smaller id."""
    return min(matches, key=lambda sid: (-candidates[sid].articles,
                                         candidates[sid].first or "\uffff", sid))


def lookup_features(vector: Mapping[str, float], seen: Iterable[str]) -> list[str]:
    """The features through which candidate storylines are looked up: the most weighted of
    those ``seen`` in earlier articles (a feature no article had before is in no storyline)."""
    known = set(seen)
    return [k for k, _ in sorted(((k, w) for k, w in vector.items() if k in known),
                                 key=lambda kv: (-kv[1], kv[0]))[:CANDIDATE_FEATURES]]


def feature_name(key: str, shown: str | None) -> str:
    """How a feature is shown: a state's name, a person's or entity's fullest written name."""
    kind, _, value = key.partition(":")
    if kind == "actor":
        return state_name(value) or value
    return shown or value


def label_of(actors: Iterable[str], others: Iterable[str], terms: Iterable[str]) -> str:
    """A storyline's label: its two main actors (states first, then people, organisations
    and places) and its key terms, "Greece - Turkey: collision patrol".

    >>> label_of(["Greece", "Turkey", "Cyprus"], ["Nikos Theodorou"], ["collision", "patrol"])
    'Greece - Turkey: collision patrol'
    >>> label_of([], ["Ruth Okafor"], ["ferries"])
    'Ruth Okafor: ferries'
    >>> label_of(["Kenya"], [], ["embassy", "embassies", "bombings"])
    'Kenya: embassy bombings'
    """
    names = list(dict.fromkeys([*actors, *others]))[:2]
    words: list[str] = []
    for term in terms:  # one form of a word: "embassy", not "embassy embassies"
        if len(words) < 3 and all(term[:5] != w[:5] for w in words):
            words.append(term)
    head = " - ".join(names)
    if head and words:
        return f"{head}: {' '.join(words)}"
    return head or " ".join(words) or "(no label)"

