"""Queries over the corpus: statements by speaker, who is quoted, full-text search.

Each query returns plain dicts (one per row, fixed keys) that the CLI prints as a table or JSON
and the API returns as is. Every user value is a bound parameter; text matched with ``LIKE`` has
its wildcards escaped (``%`` finds a percent sign, not everything); date bounds are ISO dates
checked against the calendar and compared as text, which orders correctly.
"""

from __future__ import annotations

import calendar
import re
from typing import Any

from onrecord.errors import QueryError
from onrecord.extract.entities.person_names import parse_person
from onrecord.store import Corpus
from onrecord.store.backends import search_terms
from onrecord.store.identities import name_key, same_person_among
from onrecord.store.schema import ARTICLE_TSVECTOR, SEARCHED_CHARS

STATEMENT_COLUMNS = (
    "s.article_id, s.id, s.date, s.time_defaulted, COALESCE(ce.name, s.speaker_text),"
    " s.corpus_speaker, s.sourcing, s.cue, s.kind, s.channel, s.content, s.content_start,"
    " s.content_end, a.source, a.title, a.url, a.published, s.stance"
)
_STATEMENT_KEYS = ("article_id", "id", "date", "date_defaulted", "speaker", "speaker_id",
                   "sourcing", "cue", "kind", "channel", "content", "start", "end",
                   "outlet", "title", "url", "published", "stance")
STATEMENT_FROM = (
    " FROM statements s JOIN articles a ON a.id = s.article_id AND a.story_id = a.id"
    " LEFT JOIN corpus_entities ce ON ce.id = s.corpus_speaker"
)
"""Statements of each story once: a republished copy of a wire story is not counted again."""


def statement_row(row: tuple[Any, ...]) -> dict[str, Any]:
    item = dict(zip(_STATEMENT_KEYS, row, strict=True))
    item["date_defaulted"] = bool(item["date_defaulted"])
    return item


_ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
LIKE_ESCAPE = " ESCAPE '\\'"
"""The clause that follows every ``LIKE ?`` whose pattern comes from :func:`like_pattern`."""


def check_date(value: str | None, name: str) -> str | None:
    """An ISO date bound (YYYY, YYYY-MM or YYYY-MM-DD) that is a real calendar date, or a
    QueryError naming the option (``--since`` on the command line, ``since`` in the API).

    ``None`` is no bound and passes; anything else (an empty string, ``14 Jan 2020``,
    ``2020-13``, ``2020-02-30``) is refused with a one-line message saying why.
    """
    if value is None:
        return None
    match = _ISO_DATE.fullmatch(value)
    reason = _calendar_problem(*match.groups()) if match else " (year-month-day, in digits)"
    if reason:
        shown = value if len(value) <= 40 else f"{value[:40]}…"
        raise QueryError(f"{name} must be a date like 2020-01-13 (or 2020-01, 2020), "
                         f"not {shown!r}{reason}")
    return value


def _calendar_problem(year: str, month: str | None, day: str | None) -> str:
    """Why a well-shaped date is not on the calendar (``": there is no month 13"``), or ''."""
    if int(year) < 1:
        return ": there is no year 0000"
    if month is None:
        return ""
    if not 1 <= int(month) <= 12:
        return f": there is no month {month}"
    if day is None:
        return ""
    last = calendar.monthrange(int(year), int(month))[1]
    if not 1 <= int(day) <= last:
        return f": {_MONTHS[int(month) - 1]} {year} has no day {day}"
    return ""


def like_pattern(text: str) -> str:
    """A ``LIKE`` pattern that finds ``text`` anywhere, its own ``\\``, ``%`` and ``_`` taken
    literally (use it with :data:`LIKE_ESCAPE`)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def date_bounds(column: str, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    """SQL conditions (starting with AND) and parameters bounding ``column`` to a range.

    ``until`` is inclusive at its own precision: until 2020-01 keeps every day of January.
    """
    sql, params = "", []
    if check_date(since, "--since"):
        sql += f" AND {column} >= ?"
        params.append(since)
    if check_date(until, "--until"):
        sql += f" AND {column} <= ?"
        params.append(f"{until}\uffff")
    return sql, params


_HEX = re.compile(r"[0-9a-fA-F]{6,64}")


def find_storyline(corpus: Corpus, storyline: str) -> str:
    """The id of the storyline ``storyline`` names: its id, or a unique prefix of 6 or more
    of its hex digits (or those of a storyline merged into it since); a QueryError when none
    or several match."""
    # ids are hex digits: only such a prefix is matched (no LIKE wildcard can get in)
    prefix = storyline.lower() if _HEX.fullmatch(storyline) else ""
    rows = corpus.query("SELECT id FROM storylines WHERE id = ? OR (length(?) >= 6 AND id LIKE"
                        " ? || '%') ORDER BY id LIMIT 2", (storyline, prefix, prefix))
    if not rows:  # a storyline since merged into another: its id names that one
        rows = corpus.query("SELECT DISTINCT storyline_id FROM storyline_merges WHERE id = ?"
                            " OR (length(?) >= 6 AND id LIKE ? || '%') ORDER BY 1 LIMIT 2",
                            (storyline, prefix, prefix))
    if len(rows) != 1:
        shown = storyline if len(storyline) <= 40 else f"{storyline[:40]}…"
        found = "no" if not rows else "more than one"
        raise QueryError(f"{found} storyline matches id {shown!r} (see onrecord storylines)")
    return str(rows[0][0])


def storyline_bounds(corpus: Corpus, storyline: str | None,
                     column: str = "a.storyline_id") -> tuple[str, list[Any]]:
    """An SQL condition (starting with AND) and its parameter keeping the rows of one
    storyline (``None``: no condition)."""
    if storyline is None:
        return "", []
    return f" AND {column} = ?", [find_storyline(corpus, storyline)]


def find_entities(corpus: Corpus, name: str, kind: str | None = "PERSON") -> list[str]:
    """Corpus entity ids that ``name`` designates: by alias key first, then (a person's full
    name) the one person of that family it can be ("Tayyip Erdogan" finds "Recep Tayyip
    Erdoğan", "Khalid bin Salman" never finds "Mohammed bin Salman"), else by name match."""
    kinds = (kind,) if kind else ("PERSON", "ORG", "GPE", "NORP")
    marks = ",".join("?" * len(kinds))
    pairs = " OR ".join("(kind = ? AND key = ?)" for _ in kinds)
    rows = corpus.query(f"SELECT corpus_entity_id FROM corpus_aliases WHERE ({pairs})"
                        " AND corpus_entity_id <> ''",
                        [v for k in kinds for v in (k, name_key(name, k))])
    if rows:
        return sorted({r[0] for r in rows})
    person = parse_person(name) if kind in (None, "PERSON") else None
    if person is not None and person.full:  # "Tayyip Erdogan" finds "Recep Tayyip Erdoğan"
        found = same_person_among(person, [(k, c) for f in person.families for k, c in
                                           corpus.query("SELECT key, corpus_entity_id FROM"
                                                        " corpus_person_names WHERE family = ?",
                                                        (f,))])
        if found is not None:
            return [found]
    rows = corpus.query(f"SELECT id FROM corpus_entities WHERE lower(name) LIKE ?{LIKE_ESCAPE}"
                        f" AND kind IN ({marks}) ORDER BY id LIMIT 50",
                        (like_pattern(name.lower()), *kinds))
    return [r[0] for r in rows]


def find_statements(corpus: Corpus, speaker: str | None = None, since: str | None = None,
                    until: str | None = None, limit: int = 100, offset: int = 0,
                    storyline: str | None = None) -> list[dict[str, Any]]:
    """Statements in date order, optionally by one speaker (a person's name as written in any
    article, or the words of an anonymous source such as "U.S. officials"), or of one
    storyline."""
    where, params = storyline_bounds(corpus, storyline)
    where = f" WHERE 1 = 1{where}"
    if speaker:
        ids = find_entities(corpus, speaker, kind=None)
        if ids:
            where += f" AND s.corpus_speaker IN ({','.join('?' * len(ids))})"
            params += ids
        else:  # an unnamed source: match the words it was written with
            where += f" AND lower(s.speaker_text) LIKE ?{LIKE_ESCAPE}"
            params.append(like_pattern(speaker.lower()))
    bounds, extra = date_bounds("s.date", since, until)
    rows = dated_first(corpus, f"SELECT {STATEMENT_COLUMNS}{STATEMENT_FROM}{where}{bounds}",
                       "s.date", "s.date, s.article_id, s.content_start",
                       [*params, *extra], limit, offset, dated_only=bool(since or until))
    return [statement_row(r) for r in rows]


def dated_first(corpus: Corpus, select: str, date: str, order: str, params: list[Any],
                limit: int, offset: int, dated_only: bool = False) -> list[tuple[Any, ...]]:
    """Rows of ``select`` (which ends in a WHERE clause) in date order, undated rows last.

    Two queries rather than ``ORDER BY date IS NULL``, so the date index serves the first and
    a page of a large corpus is read without sorting all of it.
    """
    rows = corpus.query(f"{select} AND {date} IS NOT NULL ORDER BY {order} LIMIT ? OFFSET ?",
                        [*params, limit, offset])
    if len(rows) >= limit or dated_only:
        return rows
    skipped = offset
    if offset and not rows:  # past the dated rows: how many were there?
        skipped = offset - int(corpus.query(
            f"SELECT count(*) FROM ({select} AND {date} IS NOT NULL) counted", params)[0][0])
    elif rows:
        skipped = 0
    rows += corpus.query(f"{select} AND {date} IS NULL ORDER BY {order.split(', ', 1)[1]}"
                         " LIMIT ? OFFSET ?", [*params, limit - len(rows), max(skipped, 0)])
    return rows


def list_speakers(corpus: Corpus, limit: int = 50, since: str | None = None,
                  until: str | None = None,
                  storyline: str | None = None) -> list[dict[str, Any]]:
    """Who is quoted and how often: named people (across articles) and unnamed sources.

    Without dates or a storyline this reads the counts kept as articles are stored (fast at
    any size); with them it counts the statements in the range or the storyline.
    """
    keys = ("speaker", "speaker_id", "statements", "articles", "named", "anonymous",
            "first", "last")
    if not since and not until and storyline is None:
        rows = corpus.query(
            "SELECT COALESCE(ce.name, st.speaker), st.speaker_id, st.statements, st.articles,"
            " st.named, st.anonymous, st.first, st.last FROM speaker_stats st"
            " LEFT JOIN corpus_entities ce ON ce.id = st.speaker_id"
            " ORDER BY st.statements DESC, st.key LIMIT ?", (limit,))
        return [dict(zip(keys, r, strict=True)) for r in rows]
    bounds, params = date_bounds("s.date", since, until)
    within, more = storyline_bounds(corpus, storyline)
    bounds, params = bounds + within, params + more
    rows = corpus.query(
        "SELECT COALESCE(ce.name, g.t, '(no source given)'), g.k, g.n, g.arts, g.named, g.anon,"
        " g.first, g.last FROM (SELECT s.corpus_speaker AS k, CASE WHEN s.corpus_speaker IS NULL"
        " THEN s.speaker_text END AS t, count(*) AS n, count(DISTINCT s.article_id) AS arts,"
        " sum(CASE WHEN s.sourcing = 'named' THEN 1 ELSE 0 END) AS named,"
        " sum(CASE WHEN s.sourcing = 'anonymous' THEN 1 ELSE 0 END) AS anon,"
        " min(s.date) AS first, max(s.date) AS last"
        " FROM statements s JOIN articles a ON a.id = s.article_id AND a.story_id = a.id"
        f" WHERE s.nested_in IS NULL{bounds} GROUP BY s.corpus_speaker,"
        " CASE WHEN s.corpus_speaker IS NULL THEN s.speaker_text END) g"
        " LEFT JOIN corpus_entities ce ON ce.id = g.k ORDER BY g.n DESC, 1 LIMIT ?",
        [*params, limit])
    return [dict(zip(keys, r, strict=True)) for r in rows]


def search(corpus: Corpus, text: str, limit: int = 50) -> list[dict[str, Any]]:
    """Statements and articles matching every word of ``text`` (full-text, stemmed)."""
    terms = search_terms(text)
    if not terms:
        raise QueryError("the search text has no words to look for")
    if corpus.dialect == "sqlite":
        match = " ".join(f'"{t}"' for t in terms)  # terms are word characters only
        statements = corpus.query(
            f"SELECT {STATEMENT_COLUMNS}{STATEMENT_FROM} JOIN (SELECT f.article_id AS fa,"
            " f.statement_id AS fs, f.rank AS rank FROM statements_fts f JOIN articles h"
            " ON h.id = f.article_id AND h.story_id = h.id WHERE statements_fts MATCH ?"
            " ORDER BY f.rank LIMIT ?) f ON f.fa = s.article_id AND f.fs = s.id ORDER BY f.rank",
            (match, limit))
        articles = corpus.query(
            "SELECT a.id, a.title, a.source, a.published, a.url,"
            " snippet(articles_fts, 1, '[', ']', ' … ', 12) FROM articles_fts f"
            " JOIN articles a ON a.id = f.article_id WHERE articles_fts MATCH ?"
            " ORDER BY f.rank LIMIT ?", (match, limit))
    else:
        query = " ".join(terms)
        statements = corpus.query(
            f"SELECT {STATEMENT_COLUMNS}{STATEMENT_FROM} WHERE to_tsvector('english', s.content)"
            " @@ plainto_tsquery('english', ?) ORDER BY ts_rank(to_tsvector('english',"
            " s.content), plainto_tsquery('english', ?)) DESC LIMIT ?", (query, query, limit))
        articles = corpus.query(
            "SELECT a.id, a.title, a.source, a.published, a.url, ts_headline('english',"
            f" left(a.text, {SEARCHED_CHARS}), plainto_tsquery('english', ?),"
            " 'StartSel=[,StopSel=],MaxWords=24,MinWords=8')"
            f" FROM articles a WHERE {ARTICLE_TSVECTOR.format(a='a.')}"
            " @@ plainto_tsquery('english', ?) LIMIT ?", (query, query, limit))
    hits = [{"type": "statement", **statement_row(r)} for r in statements]
    keys = ("article_id", "title", "outlet", "published", "url", "snippet")
    hits += [{"type": "article", **dict(zip(keys, r, strict=True))} for r in articles]
    return hits
