"""Browsing the corpus: the listings the API and the web UI share that the rest of
:mod:`onrecord.analysis` does not offer (the two faces import this, never each other):
articles with their counts, corpus entities, one entity's statements and titles, an article's
links from its entities to corpus entities, one dispute by its id, one storyline by its id.

Portable SQL (SQLite and PostgreSQL), ``?`` placeholders, every user value bound; statement rows
reuse the columns and joins of :mod:`onrecord.analysis.queries`, so they have the same keys.
"""

from __future__ import annotations

import re
from typing import Any

from onrecord.analysis.disputes import Dispute, group_disputes
from onrecord.analysis.links import corpus_findings
from onrecord.analysis.queries import (
    STATEMENT_COLUMNS,
    STATEMENT_FROM,
    date_bounds,
    find_entities,
    find_storyline,
    statement_row,
)
from onrecord.analysis.storylines import storyline
from onrecord.errors import QueryError, StoreError
from onrecord.models import ArticleRecord, Storyline
from onrecord.store import Corpus

_ARTICLE_KEYS = ("id", "title", "outlet", "url", "published", "story_id", "statements",
                 "events")
_ENTITY_KEYS = ("id", "name", "kind", "actor", "articles", "statements")
_ENTITY_SELECT = (
    "SELECT ce.id, ce.name, ce.kind, ce.actor, ce.articles,"
    " (SELECT count(*) FROM statements s WHERE s.corpus_speaker = ce.id)"
    " FROM corpus_entities ce"
)


DISPUTE_ID = re.compile(r"[0-9a-f]{12}")
class NotFound(LookupError):
    """No such article, entity, dispute or storyline; the message says which."""


def list_articles(corpus: Corpus, since: str | None = None, until: str | None = None,
                  outlet: str | None = None, limit: int = 50,
                  offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Articles, newest publication first, and how many match in all (for paging)."""
    where, params = date_bounds("a.published", since, until)
    if outlet:
        where += " AND lower(a.source) = ?"
        params.append(outlet.lower())
    total = int(corpus.query(f"SELECT count(*) FROM articles a WHERE 1 = 1{where}",
                             params)[0][0])
    rows = corpus.query(
        "SELECT a.id, a.title, a.source, a.url, a.published, a.story_id,"
        " (SELECT count(*) FROM statements s WHERE s.article_id = a.id),"
        " (SELECT count(*) FROM events e WHERE e.article_id = a.id)"
        f" FROM articles a WHERE 1 = 1{where}"
        " ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ? OFFSET ?",
        [*params, limit, offset])
    return total, [dict(zip(_ARTICLE_KEYS, r, strict=True)) for r in rows]


def get_record(corpus: Corpus, article_id: str) -> ArticleRecord:
    """The stored record of an article (an id or a unique prefix), or :class:`NotFound`."""
    try:
        return corpus.record(article_id)
    except StoreError as error:
        if "matches id" in str(error):  # none, or an ambiguous prefix
            raise NotFound(str(error)) from None
        raise


def get_storyline(corpus: Corpus, storyline_id: str) -> Storyline:
    """A storyline by its id or a unique 6+ digit prefix (or that of a storyline merged into
    it): :class:`NotFound` when none matches, as :func:`get_storyline_id`."""
    return storyline(corpus, get_storyline_id(corpus, storyline_id))


def entity_links(corpus: Corpus, article_id: str) -> dict[str, str]:
    """An article's entity ids, each mapped to the corpus entity it was resolved to."""
    rows = corpus.query("SELECT entity_id, corpus_entity_id FROM entity_links"
                        " WHERE article_id = ?", (article_id,))
    return {str(r[0]): str(r[1]) for r in rows}


def list_entities(corpus: Corpus, name: str | None = None, kind: str | None = None,
                  limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Corpus entities (people, organisations, places ... across articles), most quoted first.

    ``name`` finds them as :func:`~onrecord.analysis.queries.find_entities` does (an alias of
    a person, "Esper", or part of a name).
    """
    where, params = " WHERE 1 = 1", []
    if name:
        ids = find_entities(corpus, name, kind=kind.upper() if kind else None)
        if not ids:
            return []
        where += f" AND ce.id IN ({','.join('?' * len(ids))})"
        params += ids
    if kind:
        where += " AND ce.kind = ?"
        params.append(kind.upper())
    rows = corpus.query(f"{_ENTITY_SELECT}{where} ORDER BY 6 DESC, 5 DESC, ce.name, ce.id"
                        " LIMIT ? OFFSET ?", [*params, limit, offset])
    return [dict(zip(_ENTITY_KEYS, r, strict=True)) for r in rows]


def get_entity(corpus: Corpus, entity_id: str) -> dict[str, Any]:
    """One corpus entity with its titles (and the day each was seen), or :class:`NotFound`."""
    rows = corpus.query(f"{_ENTITY_SELECT} WHERE ce.id = ?", (entity_id,))
    if not rows:
        raise NotFound(f"no entity has id {entity_id!r}")
    entity = dict(zip(_ENTITY_KEYS, rows[0], strict=True))
    titles = corpus.query("SELECT title, min(date) FROM entity_titles"
                          " WHERE corpus_entity_id = ? GROUP BY title ORDER BY 2, 1",
                          (entity_id,))
    entity["titles"] = [{"title": t, "date": d} for t, d in titles]
    return entity


def statements_by_entity(corpus: Corpus, entity_id: str, limit: int = 200,
                         offset: int = 0) -> list[dict[str, Any]]:
    """What one corpus entity said, in date order (each story once)."""
    rows = corpus.query(f"SELECT {STATEMENT_COLUMNS}{STATEMENT_FROM}"
                        " WHERE s.corpus_speaker = ?"
                        " ORDER BY s.date IS NULL, s.date, s.article_id, s.content_start"
                        " LIMIT ? OFFSET ?", (entity_id, limit, offset))
    return [statement_row(r) for r in rows]


def get_dispute(corpus: Corpus, dispute_id: str) -> Dispute:
    """The dispute with this id among all the corpus's disputes at the default minimum score;
    :class:`~onrecord.errors.QueryError` for an id that is not 12 lowercase hex digits,
    :class:`NotFound` for one no dispute has."""
    if not DISPUTE_ID.fullmatch(dispute_id):
        raise QueryError("a dispute id is 12 lowercase hexadecimal digits (0-9, a-f)")
    found = next((d for d in group_disputes(corpus_findings(corpus)) if d.id == dispute_id), None)
    if found is not None:
        return found
    raise NotFound(f"no dispute has id {dispute_id!r}")


def get_storyline_id(corpus: Corpus, storyline_id: str) -> str:
    """The id of the storyline ``storyline_id`` names (its id or 6+ leading hex digits);
    :class:`NotFound` when none does, :class:`~onrecord.errors.QueryError` when several do."""
    try:
        return find_storyline(corpus, storyline_id)
    except QueryError as error:
        if str(error).startswith("no storyline"):
            raise NotFound(str(error)) from None
        raise
