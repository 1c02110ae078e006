"""One check of one watched source: a conditional GET of a URL, or a look at a file's size and
modification time, and the articles of what changed.

A URL is fetched with :func:`~onrecord.ingest.urls.fetch_if_changed`, sending the validators of
the copy last read; a 304 answer means nothing new. A feed's entries become articles, a page
one article (:func:`~onrecord.ingest.sources.load_fetched`); an entry already stored is
skipped by the ingest (article ids are content hashes). A file is read again only when its
size or modification time changed. Every fetch goes through the SSRF checks of
:mod:`onrecord.ingest.urls`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from onrecord.errors import HTTPStatusError, InputError, WatchError
from onrecord.ingest import load_fetched, load_path
from onrecord.ingest.sources import STDIN
from onrecord.ingest.urls import DEFAULT_TIMEOUT, SCHEMES, fetch_if_changed, is_url
from onrecord.models import Article, Discarded
from onrecord.store.watched import WatchedSource

__all__ = ["Poll", "check_watchable", "file_validator", "poll_source"]

Outcome = Literal["changed", "not_modified", "failed"]


@dataclass(frozen=True, slots=True)
class Poll:
    """What one check of a source found: ``changed`` (with what it holds now, and the new
    validators), ``not_modified``, or ``failed`` (with the error, and the ``Retry-After``
    seconds a 429 or 503 asked for)."""

    outcome: Outcome
    loaded: list[Article | Discarded] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    retry_after: float | None = None


def check_watchable(source: str) -> None:
    """Raise a WatchError when ``source`` cannot be watched: standard input, a URL whose scheme
    is not http(s), a directory, a path that does not exist."""
    if source == STDIN:
        raise WatchError("standard input (-) cannot be watched: give a URL or a file")
    if is_url(source):
        scheme = source.split("://", 1)[0].lower()
        if scheme not in SCHEMES:
            raise WatchError(f"{source}: only http and https URLs are watched")
        return
    path = Path(source)
    if path.is_dir():
        raise WatchError(f"{source}: a directory cannot be watched; give its files "
                         f"(e.g. {os.path.join(source, '*.xml')})")
    if not path.is_file():
        raise WatchError(f"{source}: no such file")


def file_validator(path: str) -> str:
    """A file's size and modification time, as its validator; raises OSError."""
    stat = os.stat(path)
    return f"size={stat.st_size};mtime_ns={stat.st_mtime_ns}"


def poll_source(state: WatchedSource, *, allow_private: bool = False,
                timeout: float = DEFAULT_TIMEOUT) -> Poll:
    """Check one source against its stored state; never raises for a bad source."""
    if is_url(state.source):
        return _poll_url(state, allow_private, timeout)
    return _poll_file(state)


def _poll_url(state: WatchedSource, allow_private: bool, timeout: float) -> Poll:
    try:
        page = fetch_if_changed(state.source, etag=state.etag,
                                last_modified=state.last_modified,
                                allow_private=allow_private, timeout=timeout)
    except HTTPStatusError as error:
        return Poll("failed", error=str(error), retry_after=error.retry_after)
    except InputError as error:
        return Poll("failed", error=str(error))
    if page is None:
        return Poll("not_modified", etag=state.etag, last_modified=state.last_modified)
    return Poll("changed", list(load_fetched(state.source, page)), page.etag,
                page.last_modified)


def _poll_file(state: WatchedSource) -> Poll:
    try:
        validator = file_validator(state.source)
    except OSError as error:
        return Poll("failed", error=f"cannot read the file: {error.strerror or error}")
    if validator == state.etag:
        return Poll("not_modified", etag=validator)
    return Poll("changed", list(load_path(state.source)), etag=validator)
