"""Storylines: the developing stories of the corpus, each with its label, dates, main actors,
key terms, event types and outlets; and one storyline's articles.

Articles are grouped as they are stored (:mod:`onrecord.store.storylines`); this module reads
the groups. A label is made when read, from the storyline's profile as it stands, so it follows
the story as it grows; the id never changes. Every user value is a bound parameter.
"""

from __future__ import annotations

from typing import Any

from onrecord.analysis.queries import (
    LIKE_ESCAPE,
    check_date,
    find_storyline,
    like_pattern,
)
from onrecord.models import Storyline
from onrecord.store import Corpus
from onrecord.store.storylines import feature_name, label_of

__all__ = ["articles_of_storyline", "list_storylines", "storyline", "storylines_of_articles"]

_SHOWN = 5  # actors, terms and outlets shown per storyline


def list_storylines(corpus: Corpus, since: str | None = None, until: str | None = None,
                    actor: str | None = None, min_articles: int = 1, limit: int = 50,
                    offset: int = 0) -> list[Storyline]:
    """Storylines, the most articles first (then the latest): those with dates in
    [since, until], naming ``actor`` (a state's code such as "TUR", or a name as written,
    "Erdogan"), of at least ``min_articles`` articles."""
    where = " WHERE s.articles >= ?"
    params: list[Any] = [min_articles]
    if check_date(since, "--since"):
        where += " AND s.last >= ?"
        params.append(since)
    if check_date(until, "--until"):
        where += " AND s.first <= ?"
        params.append(f"{until}\uffff")
    if actor:
        code = "".join(c for c in actor.upper() if c.isalnum())[:3]
        where += (" AND EXISTS (SELECT 1 FROM storyline_features f WHERE f.storyline_id = s.id"
                  " AND (f.feature = ? OR f.feature IN (SELECT d.feature FROM feature_df d"
                  f" WHERE d.feature NOT LIKE 'term:%' AND lower(d.name) LIKE ?{LIKE_ESCAPE})))")
        params += [f"actor:{code}", like_pattern(actor.lower())]
    rows = corpus.query(
        "SELECT s.id, s.articles, s.first, s.last FROM storylines s"
        f"{where} ORDER BY s.articles DESC, s.last DESC, s.id LIMIT ? OFFSET ?",
        [*params, limit, offset])
    return [_storyline(corpus, str(sid), int(n), first, last) for sid, n, first, last in rows]


def storyline(corpus: Corpus, storyline_id: str) -> Storyline:
    """One storyline by its id (or a unique prefix of 6+ hex digits)."""
    sid = find_storyline(corpus, storyline_id)
    n, first, last = corpus.query("SELECT articles, first, last FROM storylines WHERE id = ?",
                                  (sid,))[0]
    return _storyline(corpus, sid, int(n), first, last)


def articles_of_storyline(corpus: Corpus, storyline_id: str, limit: int | None = None,
                          offset: int = 0) -> list[dict[str, Any]]:
    """The articles of one storyline in date order: id, published, outlet, title, url,
    story_id (a republished copy's original); all of them, or ``limit`` after ``offset``."""
    sid = find_storyline(corpus, storyline_id)
    keys = ("id", "published", "outlet", "title", "url", "story_id")
    page = " LIMIT ? OFFSET ?" if limit is not None else ""
    rows = corpus.query("SELECT id, published, source, title, url, story_id FROM articles"
                        f" WHERE storyline_id = ? ORDER BY published, id{page}",
                        (sid, limit, offset) if page else (sid,))
    return [dict(zip(keys, r, strict=True)) for r in rows]


def storylines_of_articles(corpus: Corpus, article_ids: list[str]) -> dict[str, str | None]:
    """The storyline id of each of ``article_ids`` that is stored (None: in none yet)."""
    return {str(article_id): None if sid is None else str(sid) for article_id, sid in
            corpus.query_in("SELECT id, storyline_id FROM articles WHERE id IN", article_ids)}


def _storyline(corpus: Corpus, sid: str, articles: int, first: str | None,
               last: str | None) -> Storyline:
    features = corpus.query(
        "SELECT f.feature, d.name FROM storyline_features f LEFT JOIN feature_df d"
        " ON d.feature = f.feature WHERE f.storyline_id = ?"
        " ORDER BY f.articles DESC, f.weight DESC, f.feature", (sid,))
    states, others, terms = [], [], []
    for key, shown in features:
        kind = str(key).partition(":")[0]
        name = feature_name(str(key), shown)
        if kind == "actor":
            states.append(name)
        elif kind == "term":
            terms.append(name)
        else:
            others.append(name)
    events = [str(r[0]) for r in corpus.query(
        "SELECT e.type FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE a.storyline_id = ? AND e.status = 'occurred' GROUP BY e.type"
        " ORDER BY count(*) DESC, e.type LIMIT 3", (sid,))]
    outlets = [str(r[0]) for r in corpus.query(
        "SELECT source FROM articles WHERE storyline_id = ? AND source IS NOT NULL"
        " GROUP BY source ORDER BY count(*) DESC, source LIMIT ?", (sid, _SHOWN))]
    actors = tuple(dict.fromkeys([*states, *others]))[:_SHOWN]
    return Storyline(sid, label_of(states, others, terms), articles, first, last, actors,
                     tuple(terms[:_SHOWN]), tuple(events), tuple(outlets))
