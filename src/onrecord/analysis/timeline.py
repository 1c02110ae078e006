"""The timeline: events and statements from every article on one time axis.

Each item carries the day it happened or was said and whether that day is only the article's
publication date (``date_defaulted``: the text gave no time of its own). Each story counts once:
copies of a wire story republished by other outlets are not repeated.
"""

from __future__ import annotations

from typing import Any

from onrecord.analysis.queries import (
    STATEMENT_COLUMNS,
    STATEMENT_FROM,
    date_bounds,
    dated_first,
    statement_row,
    storyline_bounds,
)
from onrecord.store import Corpus

_EVENT_KEYS = ("article_id", "id", "date", "date_defaulted", "type", "cameo", "trigger",
               "status", "source_actor", "source", "target_actor", "target", "location",
               "outlet", "title", "start", "end")


def _actor_filter(column: str, actor: str | None) -> tuple[str, list[Any]]:
    """A prefix match on an actor code: "USA" keeps USA, USAGOV and USAMIL."""
    if not actor:
        return "", []
    code = "".join(c for c in actor.upper() if c.isalnum())
    return f" AND {column} LIKE ?", [f"{code}%"]


def find_events(corpus: Corpus, actor: str | None = None, target: str | None = None,
                since: str | None = None, until: str | None = None, limit: int = 200,
                offset: int = 0, include_negated: bool = True,
                storyline: str | None = None) -> list[dict[str, Any]]:
    """Events in date order, filtered by source and target actor codes (prefixes), or of one
    storyline."""
    where, params = _actor_filter("e.source_actor", actor)
    more, extra = _actor_filter("e.target_actor", target)
    within, inner = storyline_bounds(corpus, storyline)
    more, extra = more + within, extra + inner
    bounds, dates = date_bounds("e.date", since, until)
    status = "" if include_negated else " AND e.status <> 'negated'"
    rows = dated_first(
        corpus,
        "SELECT e.article_id, e.id, e.date, e.time_defaulted, e.type, e.cameo, e.trigger,"
        " e.status, e.source_actor, e.source_text, e.target_actor, e.target_text, e.location,"
        " a.source, a.title, e.trigger_start, e.trigger_end FROM events e JOIN articles a"
        " ON a.id = e.article_id AND a.story_id = a.id"
        f" WHERE 1 = 1{where}{more}{bounds}{status}",
        "e.date", "e.date, e.article_id, e.trigger_start", [*params, *extra, *dates], limit,
        offset, dated_only=bool(since or until))
    items = []
    for row in rows:
        item = dict(zip(_EVENT_KEYS, row, strict=True))
        item["date_defaulted"] = bool(item["date_defaulted"])
        items.append(item)
    return items


def build_timeline(corpus: Corpus, actor: str | None = None, target: str | None = None,
                   since: str | None = None, until: str | None = None, limit: int = 200,
                   offset: int = 0, kinds: tuple[str, ...] = ("event", "statement"),
                   storyline: str | None = None) -> list[dict[str, Any]]:
    """Events and statements merged by date; statements only when no actor filter is given
    (an actor code filters who acted, and statements have speakers, not actors); with
    ``storyline``, those of its articles."""
    items: list[dict[str, Any]] = []
    window = limit + offset
    if "event" in kinds:
        items += [{"item": "event", **e} for e in find_events(
            corpus, actor, target, since, until, limit=window, storyline=storyline)]
    if "statement" in kinds and not actor and not target:
        bounds, params = date_bounds("s.date", since, until)
        within, more = storyline_bounds(corpus, storyline)
        bounds, params = bounds + within, params + more
        rows = dated_first(
            corpus, f"SELECT {STATEMENT_COLUMNS}{STATEMENT_FROM} WHERE s.nested_in IS NULL"
            f"{bounds}", "s.date", "s.date, s.article_id, s.content_start", params, window, 0,
            dated_only=bool(since or until))
        items += [{"item": "statement", **statement_row(r)} for r in rows]
    items.sort(key=lambda i: (i["date"] is None, i["date"] or "", i["article_id"], i["start"]))
    return items[offset:offset + limit]
