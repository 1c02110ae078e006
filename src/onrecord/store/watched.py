"""Watched sources: what ``onrecord watch`` knows of each feed, page or file it polls, kept in
the corpus so that a restart with the same database resumes where the last run stopped.

Per source: the validators of the copy last read (the ``ETag`` and ``Last-Modified`` headers a
server sent, sent back as ``If-None-Match`` and ``If-Modified-Since``; for a local file, its
size and modification time in ``etag``), when it was last checked (ISO 8601, UTC), when it is
next due (seconds since the epoch, on the watcher's clock), how many checks in a row failed and
the last error. And the links of feed entries followed to their pages (``--follow-links``,
:mod:`onrecord.watch.follow`), each once. Everything here is SQL over fixed tables with bound
parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from onrecord.store.backends import Backend
    from onrecord.store.corpus import Corpus

__all__ = ["WatchedSource", "followed_links", "save_followed", "save_watched",
           "watched_sources"]

_COLUMNS = "source, etag, last_modified, last_checked, next_due, failures, last_error"


@dataclass(frozen=True, slots=True)
class WatchedSource:
    """The stored state of one watched source (a URL or a file path as given)."""

    source: str
    etag: str | None = None
    last_modified: str | None = None
    last_checked: str | None = None  # ISO 8601, UTC; None: never checked
    next_due: float = 0.0  # seconds since the epoch; 0: due now
    failures: int = 0  # consecutive failed checks
    last_error: str | None = None


def watched_sources(corpus: Corpus, sources: list[str]) -> dict[str, WatchedSource]:
    """The stored state of each of ``sources`` that has one (a source never watched has none)."""
    return {str(source): WatchedSource(str(source), etag, modified, checked, float(due),
                                       int(failures), error)
            for source, etag, modified, checked, due, failures, error in corpus.query_in(
                f"SELECT {_COLUMNS} FROM watched_sources WHERE source IN", sources)}


def save_watched(b: Backend, state: WatchedSource) -> None:
    """Store the state of one watched source in place of any before (through
    :meth:`onrecord.store.Corpus.save_watched`)."""
    b.execute(
        f"INSERT INTO watched_sources ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (source) DO UPDATE SET etag = excluded.etag,"
        " last_modified = excluded.last_modified, last_checked = excluded.last_checked,"
        " next_due = excluded.next_due, failures = excluded.failures,"
        " last_error = excluded.last_error",
        (state.source, state.etag, state.last_modified, state.last_checked, state.next_due,
         state.failures, state.last_error))


def followed_links(corpus: Corpus, links: list[str]) -> set[str]:
    """Those of ``links`` followed before."""
    return {str(link) for (link,) in corpus.query_in(
        "SELECT link FROM watched_links WHERE link IN", links)}


def save_followed(b: Backend, link: str, source: str, at: str, article_id: str | None,
                  error: str | None) -> None:
    """Keep a followed link (through :meth:`onrecord.store.Corpus.save_followed`); a link
    kept already keeps its first record."""
    b.execute("INSERT INTO watched_links (link, source, followed_at, article_id, error)"
              " VALUES (?, ?, ?, ?, ?) ON CONFLICT (link) DO NOTHING",
              (link, source, at, article_id, error))
