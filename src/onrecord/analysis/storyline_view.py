"""One storyline seen whole, for its page: its outlets, its cast (who speaks, for which side,
how often, named or anonymous), its disputes, and its events and statements counted by day
(each day's events by PLOVER type and status, its statements by speaker), ready to be drawn.

Counting happens in SQL, by day and type or speaker, so a storyline of 9,000+ articles comes
back as some 25,000 rows rather than its 100,000 statements and events. A speaker's side is
read as disputes read it (:func:`onrecord.analysis.sides.side_of`: the office holder's state,
the entity's actor code, the titles seen with the person, the speaker's words). Each story
counts once (a republished copy is not counted again), and quoted statements nested in others
are not counted. Every user value is a bound parameter.

The counts are summed by day and lane once per view (:class:`DayTotals`), so drawing a window
of the timeline reads only the days in it. A view is held in memory per corpus state, and the
views of storylines of :data:`KEPT_ARTICLES` or more articles are kept in the store at the end
of an ingest (:func:`keep_storyline_views`, :mod:`onrecord.store.kept`), so even the first view
in a new process reads one row instead of counting; a kept view is read only at the corpus state,
detector and storyline size it was computed at.
"""

from __future__ import annotations

import gc
import json
import warnings
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from onrecord.analysis.disputes import find_disputes
from onrecord.analysis.links import kept_key
from onrecord.analysis.sides import side_of
from onrecord.errors import StoreError
from onrecord.store import Corpus, kept
from onrecord.store.kept import corpus_version

__all__ = ["KEPT_ARTICLES", "MAX_LANES", "OTHER_LANE", "DayCount", "DayTotal", "DayTotals",
           "StorylineView", "day_totals", "keep_storyline_views", "storyline_outlets",
           "view_storyline"]

OTHER_LANE = "other"
"""The lane of statements whose speaker is of no party of the storyline's disputes."""
_VIEWS: dict[tuple[Any, ...], StorylineView] = {}
_VIEWS_SIZE = 16
MAX_LANES = 6
"""Parties drawn in lanes of their own: those of the storyline's disputes with the most
statements; the statements of the others are drawn in the "other" lane."""
KEPT_ARTICLES = 500
"""Storylines of this many articles or more have their views kept in the store at the end of an
ingest: counting one reads all its statements (some 50 ms at 500 articles, 0.7 s at 9,000)."""
VIEW_FORMAT = "view/2"
"""The kept views' format: a view kept in another format is computed again."""


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


class DayTotal(NamedTuple):
    """The counts of one day and lane, summed: what the timeline draws of them."""

    day: date
    lane: str
    number: int
    by_what: dict[str, int]  # how many of each event type, or each speaker's
    best: DayCount  # the first of the counts with the most
    occurred: bool  # some of its events occurred (statements: always)


@dataclass(frozen=True, slots=True)
class DayTotals:
    """Counts summed by day and lane (:func:`day_totals`), in day order, and how many are of no
    day."""

    dated: list[DayTotal]
    days: list[date]  # the days of ``dated``, to find a window's by bisection
    running: list[int]  # running[i]: how many in dated[:i]
    undated: int

    def window(self, start: date, end: date) -> tuple[int, Sequence[DayTotal], int]:
        """How many are dated before ``start``, the totals of the days from ``start`` to
        ``end``, and how many are dated after ``end``."""
        low, high = bisect_left(self.days, start), bisect_right(self.days, end)
        return (self.running[low], self.dated[low:high],
                self.running[-1] - self.running[high])


def day_totals(counts: Iterable[DayCount]) -> DayTotals:
    """``counts`` summed by day and lane; a count's date is its day when it starts with one
    (YYYY-MM-DD), else it is of no day (a month, a year, none)."""
    sums: dict[tuple[date, str], list[Any]] = {}
    undated = 0
    for c in counts:
        day = _day_of(c.date)
        if day is None:
            undated += c.number
            continue
        total = sums.get((day, c.lane))
        if total is None:
            sums[(day, c.lane)] = [c.number, {c.what: c.number}, c, c.status == "occurred"]
            continue
        total[0] += c.number
        total[1][c.what] = total[1].get(c.what, 0) + c.number
        if c.number > total[2].number:
            total[2] = c
        total[3] = total[3] or c.status == "occurred"
    return _summed(sorted((DayTotal(day, lane, *total) for (day, lane), total in sums.items()),
                          key=lambda t: t.day), undated)


def _summed(dated: list[DayTotal], undated: int) -> DayTotals:
    running = [0]
    for t in dated:
        running.append(running[-1] + t.number)
    return DayTotals(dated, [t.day for t in dated], running, undated)


def _day_of(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    parts = value[:10].split("-")
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except (ValueError, IndexError):
        return None


@dataclass(frozen=True, slots=True)
class StorylineView:
    """What the storyline page shows besides the storyline itself."""

    disputes: list[dict[str, Any]]  # each as Dispute.to_json gives it, ranked
    lanes: list[tuple[str, str]]  # (key, name): parties of its disputes, then OTHER_LANE
    cast: list[dict[str, Any]]  # every speaker, the most statements first
    outlets: list[dict[str, Any]]
    totals: DayTotals = field(default_factory=lambda: day_totals([]))  # its day counts

    def to_state(self) -> str:
        """The view as a JSON text, read back by :meth:`from_state`."""
        totals = [[t.day.isoformat(), t.lane, t.number, t.by_what, t.best, t.occurred]
                  for t in self.totals.dated]
        return json.dumps({"format": VIEW_FORMAT, "disputes": self.disputes,
                           "lanes": self.lanes, "cast": self.cast, "outlets": self.outlets,
                           "totals": totals, "undated": self.totals.undated},
                          ensure_ascii=False)

    @classmethod
    def from_state(cls, text: str) -> StorylineView:
        """The view kept as ``text`` by :meth:`to_state` (ValueError when it is not one).

        The cycle collector is paused while the text is parsed: its tens of thousands of new
        lists and dicts (none in a cycle) would otherwise set off full collections, which in a
        process holding much (a server that has answered other queries) cost more than the
        parsing itself."""
        paused = gc.isenabled()
        gc.disable()
        try:
            state = json.loads(text)
        finally:
            if paused:
                gc.enable()
        if not isinstance(state, dict) or state.get("format") != VIEW_FORMAT:
            raise ValueError("not a kept storyline view of this format")
        dated = [DayTotal(date.fromisoformat(day), lane, number, by_what, DayCount(*best),
                          occurred) for day, lane, number, by_what, best, occurred
                 in state["totals"]]
        return cls(state["disputes"], [(str(k), str(n)) for k, n in state["lanes"]],
                   state["cast"], state["outlets"], _summed(dated, int(state["undated"])))


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
    statements. The view kept in the store for this state is read when there is one
    (:func:`keep_storyline_views`); a view of :data:`KEPT_ARTICLES` or more articles counted
    here is kept, as an ingest would have."""
    version, articles = _version(corpus, storyline_id)
    key = (corpus.path, version)
    if key not in _VIEWS:
        if len(_VIEWS) >= _VIEWS_SIZE:
            _VIEWS.pop(next(iter(_VIEWS)))
        found = _kept_view(corpus, storyline_id, version)
        if found is None:
            found = _view(corpus, storyline_id)
            if articles >= KEPT_ARTICLES:
                _keep(corpus, storyline_id, version, found)
        _VIEWS[key] = found
    return _VIEWS[key]


def keep_storyline_views(corpus: Corpus, min_articles: int | None = None) -> int:
    """Compute and keep in the store the views of the storylines of ``min_articles`` or more
    articles (default :data:`KEPT_ARTICLES`; those kept for the current state are left as they
    are), as an ingest does at its end; returns how many are kept now. A failure to keep one is
    no failure: the page computes it when asked."""
    least = KEPT_ARTICLES if min_articles is None else min_articles
    rows = corpus.query("SELECT id FROM storylines WHERE articles >= ? ORDER BY articles DESC,"
                        " id", (least,))
    done = 0
    for (storyline_id,) in rows:
        version, _ = _version(corpus, str(storyline_id))
        if _kept_view(corpus, str(storyline_id), version) is not None or _keep(
                corpus, str(storyline_id), version, _view(corpus, str(storyline_id))):
            done += 1
    return done


def _keep(corpus: Corpus, storyline_id: str, version: str, view: StorylineView) -> bool:
    """Keep ``view``; False (with a warning) when the store refused it."""
    try:
        corpus.keep_storyline_view(storyline_id, version, view.to_state())
    except StoreError as err:
        warnings.warn(f"a storyline view was computed but not kept: {err}", stacklevel=3)
        return False
    return True


def _version(corpus: Corpus, storyline_id: str) -> tuple[str, int]:
    """What a storyline's view is computed on: the view's format, the dispute detector, the
    corpus state and the storyline's size and dates (derived after its articles were stored,
    by a distributed engine); and its size."""
    rows = corpus.query("SELECT articles, first, last FROM storylines WHERE id = ?",
                        (storyline_id,))
    size = "|".join(str(v or "") for v in rows[0]) if rows else "-"
    return "|".join((VIEW_FORMAT, kept_key(0.5, False), corpus_version(corpus), storyline_id,
                     size)), int(rows[0][0]) if rows else 0


def _kept_view(corpus: Corpus, storyline_id: str, version: str) -> StorylineView | None:
    text = kept.kept_view(corpus, storyline_id, version)
    if text is None:
        return None
    try:
        return StorylineView.from_state(text)
    except (ValueError, KeyError, TypeError):  # unreadable: computed again
        return None


def _view(corpus: Corpus, storyline_id: str) -> StorylineView:
    found = find_disputes(corpus, storyline=storyline_id, limit=50)
    # those whose claims come from the most articles first, as the brief sets them out; ties
    # in find_disputes' order (the strongest link first)
    found.sort(key=lambda d: -len({c.article_id for p in d.parties for c in p.claims}))
    lanes: dict[str, str] = {}
    for dispute in found:
        for party in dispute.parties:
            lanes.setdefault(party.key, party.name)
    rows = _statement_rows(corpus, storyline_id)
    cast = _cast(corpus, rows)
    # a speaker whose own record names no side takes the side its disputed claims were read
    # with (their sentences say more: "Greek Defence Minister Nikos Theodorou")
    claimed: dict[str, Counter[str]] = defaultdict(Counter)
    for dispute in found:
        for claim in (c for party in dispute.parties for c in party.claims):
            if claim.speaker_id and claim.side:
                claimed[claim.speaker_id][claim.side] += 1
    for r in cast:
        if not r["side"] and r["speaker_id"] in claimed:
            r["side"] = claimed[r["speaker_id"]].most_common(1)[0][0]
    said: dict[str, int] = defaultdict(int)
    for r in cast:
        said[_lane(r, lanes)] += r["statements"]
    kept = sorted((k for k in lanes if said[k]), key=lambda k: -said[k])[:MAX_LANES]
    lanes = {k: lanes[k] for k in lanes if k in kept}
    lane_of = {(r["speaker_id"], r["speaker"]): _lane(r, lanes) for r in cast}
    counts = _event_counts(corpus, storyline_id)
    counts += [DayCount(d, lane_of[(k, name)], name, n, art, title, outlet, content)
               for d, k, name, n, _, _, art, title, outlet, content in rows]
    disputes = json.loads(json.dumps([d.to_json() for d in found]))  # as kept and read back
    return StorylineView(disputes, [*lanes.items(), (OTHER_LANE, "others")], cast,
                         storyline_outlets(corpus, storyline_id), day_totals(counts))


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
    titles: dict[str, list[str]] = defaultdict(list)
    actors: dict[str, str | None] = {str(i): a for i, a in corpus.query_in(
        "SELECT id, actor FROM corpus_entities WHERE id IN", ids)}
    for eid, title in sorted(corpus.query_in(
            "SELECT DISTINCT corpus_entity_id, title FROM entity_titles"
            " WHERE corpus_entity_id IN", ids)):
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
