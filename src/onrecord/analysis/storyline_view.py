"""One storyline seen whole, for its page: its outlets, its cast (who speaks, for which side,
how often, named or anonymous), its disputes, and its events and statements counted by day
(each day's events by PLOVER type and status, its statements by speaker), ready to be drawn.

Counting happens in SQL, by day and type or speaker, so a storyline of 9,000+ articles comes
back as some 25,000 rows rather than its 100,000 statements and events. A speaker's side is
read as disputes read it (:func:`onrecord.analysis.sides.side_of`: the office holder's state,
the entity's actor code, the titles seen with the person, the speaker's words). Each story
counts once (a republished copy is not counted again), and quoted statements nested in others
are not counted. Every user value is a bound parameter.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from onrecord.analysis.disputes import Dispute, find_disputes
from onrecord.analysis.sides import side_of
from onrecord.store import Corpus
from onrecord.store.kept import corpus_version

__all__ = ["MAX_LANES", "OTHER_LANE", "DayCount", "StorylineView", "storyline_outlets",
           "view_storyline"]

OTHER_LANE = "other"
"""The lane of statements whose speaker is of no party of the storyline's disputes."""
_VIEWS: dict[tuple[Any, ...], StorylineView] = {}
_VIEWS_SIZE = 16
MAX_LANES = 6
"""Parties drawn in lanes of their own: those of the storyline's disputes with the most
statements; the statements of the others are drawn in the "other" lane."""


class DayCount(NamedTuple):  # a tuple: tens of thousands are made for a large storyline
    """The events of one type (or the statements of one speaker) on one day, and the article
    of the first of them with what it says (when there is only one, that one)."""

    date: str | None
    lane: str  # "events", a dispute party's key, or OTHER_LANE
    what: str  # the PLOVER type, or the speaker's name
    number: int  # how many
    article_id: str
    title: str | None
    outlet: str | None
    text: str  # the trigger, or the statement's content
    status: str = "occurred"  # events only


@dataclass(frozen=True, slots=True)
class StorylineView:
    """What the storyline page shows besides the storyline itself."""

    disputes: list[Dispute]
    lanes: list[tuple[str, str]]  # (key, name): parties of its disputes, then OTHER_LANE
    cast: list[dict[str, Any]]  # every speaker, the most statements first
    outlets: list[dict[str, Any]]
    counts: list[DayCount] = field(default_factory=list)


def storyline_outlets(corpus: Corpus, storyline_id: str) -> list[dict[str, Any]]:
    """The outlets that carried a storyline (``storyline_id`` as stored), the most articles
    first: outlet (None: not known), articles (republished copies included)."""
    rows = corpus.query("SELECT source, count(*) FROM articles WHERE storyline_id = ?"
                        " GROUP BY source ORDER BY 2 DESC, 1", (storyline_id,))
    return [{"outlet": o, "articles": int(n)} for o, n in rows]


def view_storyline(corpus: Corpus, storyline_id: str) -> StorylineView:
    """The disputes, lanes, cast, outlets and day counts of one storyline (its stored id).

    Held in memory per corpus state (as :func:`~onrecord.analysis.links.corpus_findings`
    holds the links) and per the storyline's size and dates, so a page asked again reads
    nothing but those: counting a storyline of 9,000 articles reads every one of its
    statements."""
    rows = corpus.query("SELECT articles, first, last FROM storylines WHERE id = ?",
                        (storyline_id,))
    key = (corpus.path, corpus_version(corpus), storyline_id, *(rows[0] if rows else ()))
    if key not in _VIEWS:
        if len(_VIEWS) >= _VIEWS_SIZE:
            _VIEWS.pop(next(iter(_VIEWS)))
        _VIEWS[key] = _view(corpus, storyline_id)
    return _VIEWS[key]


def _view(corpus: Corpus, storyline_id: str) -> StorylineView:
    disputes = find_disputes(corpus, storyline=storyline_id, limit=50)
    lanes: dict[str, str] = {}
    for dispute in disputes:
        for party in dispute.parties:
            lanes.setdefault(party.key, party.name)
    rows = _statement_rows(corpus, storyline_id)
    cast = _cast(corpus, rows)
    said: dict[str, int] = defaultdict(int)
    for r in cast:
        said[_lane(r, lanes)] += r["statements"]
    kept = sorted((k for k in lanes if said[k]), key=lambda k: -said[k])[:MAX_LANES]
    lanes = {k: lanes[k] for k in lanes if k in kept}
    lane_of = {(r["speaker_id"], r["speaker"]): _lane(r, lanes) for r in cast}
    counts = _event_counts(corpus, storyline_id)
    counts += [DayCount(d, lane_of[(k, name)], name, n, art, title, outlet, content)
               for d, k, name, n, _, _, art, title, outlet, content in rows]
    return StorylineView(disputes, [*lanes.items(), (OTHER_LANE, "others")], cast,
                         storyline_outlets(corpus, storyline_id), counts)


def _lane(speaker: dict[str, Any], lanes: dict[str, str]) -> str:
    """The party a speaker's statements are drawn under: its side's, else its own."""
    keys = (speaker["side"], speaker["speaker_id"], (speaker["speaker"] or "").lower())
    return next((k for k in keys if k and k in lanes), OTHER_LANE)


_StatementRow = tuple[str | None, str | None, str, int, int, int, str, str | None,
                      str | None, str]


def _statement_rows(corpus: Corpus, storyline_id: str) -> list[_StatementRow]:
    """The storyline's statements counted by day and speaker (as
    :func:`~onrecord.analysis.queries.list_speakers` groups speakers): day, speaker id, name,
    count, named, anonymous, and the first's article, its title and outlet, and content."""
    rows = corpus.query(
        "SELECT g.d, g.k, COALESCE(ce.name, g.t, '(no source given)'), g.n, g.named, g.anon,"
        " g.art, a.title, a.source, g.c FROM (SELECT s.date AS d, s.corpus_speaker AS k,"
        " CASE WHEN s.corpus_speaker IS NULL THEN s.speaker_text END AS t, count(*) AS n,"
        " sum(CASE WHEN s.sourcing = 'named' THEN 1 ELSE 0 END) AS named,"
        " sum(CASE WHEN s.sourcing = 'anonymous' THEN 1 ELSE 0 END) AS anon,"
        " min(s.article_id) AS art, min(s.content) AS c FROM statements s JOIN articles h"
        " ON h.id = s.article_id AND h.story_id = h.id WHERE s.nested_in IS NULL"
        " AND h.storyline_id = ? GROUP BY s.date, s.corpus_speaker, CASE WHEN"
        " s.corpus_speaker IS NULL THEN s.speaker_text END) g"
        " LEFT JOIN corpus_entities ce ON ce.id = g.k JOIN articles a ON a.id = g.art"
        " ORDER BY g.d, 3", (storyline_id,))
    return [(d, k, str(name), int(n), int(named), int(anon), str(art), title, outlet,
             str(content or "")) for d, k, name, n, named, anon, art, title, outlet, content
            in rows]


def _cast(corpus: Corpus, rows: list[_StatementRow]) -> list[dict[str, Any]]:
    """The speakers of ``rows`` with their totals and sides, the most statements first."""
    cast: dict[tuple[str | None, str], dict[str, Any]] = {}
    for d, k, name, n, named, anon, *_ in rows:
        row = cast.setdefault((k, name), {"speaker": name, "speaker_id": k, "statements": 0,
                                          "named": 0, "anonymous": 0, "first": d, "last": d})
        row["statements"] += n
        row["named"] += named
        row["anonymous"] += anon
        if d and (row["first"] is None or d < row["first"]):
            row["first"] = d
        if d and (row["last"] is None or d > row["last"]):
            row["last"] = d
    ids = sorted({k for k, _ in cast if k})
    actors: dict[str, str | None] = {}
    titles: dict[str, list[str]] = defaultdict(list)
    if ids:
        marks = ",".join("?" * len(ids))
        actors = {str(i): a for i, a in corpus.query(
            f"SELECT id, actor FROM corpus_entities WHERE id IN ({marks})", ids)}
        for eid, title in corpus.query("SELECT DISTINCT corpus_entity_id, title FROM"
                                       f" entity_titles WHERE corpus_entity_id IN ({marks})"
                                       " ORDER BY 1, 2", ids):
            titles[str(eid)].append(str(title))
    for (k, name), row in cast.items():
        row["side"] = (side_of(name, None, titles.get(k, ()), actors.get(k)) if k
                       else side_of(None, name))
    return sorted(cast.values(), key=lambda r: (-r["statements"], r["speaker"]))


def _event_counts(corpus: Corpus, storyline_id: str) -> list[DayCount]:
    rows = corpus.query(
        "SELECT g.d, g.t, g.st, g.n, g.art, a.title, a.source, g.trig FROM (SELECT e.date AS d,"
        " e.type AS t, e.status AS st, count(*) AS n, min(e.article_id) AS art,"
        " min(e.trigger) AS trig FROM events e JOIN articles h ON h.id = e.article_id"
        " AND h.story_id = h.id WHERE h.storyline_id = ? GROUP BY e.date, e.type, e.status) g"
        " JOIN articles a ON a.id = g.art ORDER BY g.d, g.t, g.st", (storyline_id,))
    return [DayCount(d, "events", str(t), int(n), str(art), title, outlet, str(trig or ""),
                     str(st)) for d, t, st, n, art, title, outlet, trig in rows]
