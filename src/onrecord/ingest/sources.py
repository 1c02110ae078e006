"""Loading articles from sources: files of any kind (text, HTML, JSON Lines, RSS/Atom feeds,
WARC archives), directories, standard input, URLs, strings.

``load_article`` and ``load_text`` return one Article or raise an InputError subclass.
``load_path``, ``load_sources`` and ``load_url`` never raise for bad content: each document
that cannot be analysed becomes a :class:`Discarded` record carrying the stage and the reason.
"""

from __future__ import annotations

import glob
import io
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from onrecord.errors import EmptyInputError, InputError, InputTooLargeError, MalformedInputError
from onrecord.ingest.dates import parse_published
from onrecord.ingest.feeds import parse_entries
from onrecord.ingest.html import parse_html
from onrecord.ingest.jsonl import parse_records
from onrecord.ingest.language import ensure_english
from onrecord.ingest.reader import (
    MAX_BYTES,
    decode_text,
    normalize_newlines,
    read_source_bytes,
    read_stdin_bytes,
)
from onrecord.ingest.sniff import SourceKind, is_warc, sniff_kind
from onrecord.ingest.text import parse_text
from onrecord.ingest.urls import DEFAULT_TIMEOUT, HTML_TYPES, FetchedPage, fetch_url, is_url
from onrecord.ingest.warc import iter_warc, iter_warc_file
from onrecord.models import Article, Discarded

STDIN = "-"

Loaded = Article | Discarded
Results = Iterable[tuple[str, Article | InputError]]
_PEEK_BYTES = 512


def load_text(
    text: str, origin: str = STDIN, published: str | None = None, **meta: str | None
) -> Article:
    """One Article from a string of plain text or HTML (sniffed).

    ``meta`` (url, title, source, byline) is passed to the parser; ``published`` replaces any
    date found in the text. Raises an InputError subclass when the text cannot be analysed.
    """
    date = _published_override(published)
    if len(text) > MAX_BYTES or (len(text) * 4 > MAX_BYTES and len(text.encode()) > MAX_BYTES):
        raise InputTooLargeError(f"input is over the {MAX_BYTES // 1024 // 1024} MB limit")
    text = normalize_newlines(text).lstrip("\ufeff")
    return _single_article(text, origin, sniff_kind(text, None), date, meta)


def load_article(path: str | Path, published: str | None = None) -> Article:
    """One Article from a file, or from standard input when ``path`` is ``"-"``.

    A JSON Lines file, a feed or a WARC archive must hold exactly one record, entry or page
    (use :func:`load_path` for more).
    Raises an InputError subclass when the document cannot be analysed.
    """
    date = _published_override(published)
    if str(path) != STDIN and is_warc(_peek(path), Path(path).name):
        return _only_one(iter_warc_file(path), "pages in the WARC", date)
    origin, data, name = _read_bytes(path)
    if data.startswith(b"WARC/"):
        return _only_one(iter_warc(io.BytesIO(data), len(data), origin), "pages in the WARC", date)
    text = decode_text(data, origin)
    return _single_article(text, origin, sniff_kind(text, name), date, {})


def load_path(
    path: str | Path, published: str | None = None, *, allow_private: bool = False
) -> Iterator[Loaded]:
    """Every article in a file (JSON Lines, feeds and WARC archives may hold many), a
    directory, stdin (``"-"``) or a URL.

    Never raises for bad content: a document that cannot be analysed is yielded as a
    Discarded record. Only a malformed ``published`` raises (MalformedInputError), at once.
    """
    return _iter_sources([path], _published_override(published), allow_private)


def load_sources(
    paths: Sequence[str | Path], published: str | None = None, *, allow_private: bool = False
) -> Iterator[Loaded]:
    """Every article in ``paths``: files, directories (recursively, sorted, hidden entries
    skipped), ``"-"`` for standard input, and ``http://``/``https://`` URLs (fetched, see
    :func:`load_url`). A path that does not exist is yielded as a Discarded record. Only a
    malformed ``published`` raises (MalformedInputError), at once.
    """
    return _iter_sources(list(paths), _published_override(published), allow_private)


def load_url(
    url: str,
    published: str | None = None,
    *,
    allow_private: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
) -> Iterator[Loaded]:
    """The article (or the feed's articles) at a URL, fetched with :func:`fetch_url`.

    The page's final URL (after redirects) is the article's url; the URL as given is its
    origin. A refused URL, a dead link, an HTTP error, a timeout or a body that is not text
    is yielded as a Discarded record. Only a malformed ``published`` raises, at once.
    """
    return _load_url(url, _published_override(published), allow_private, timeout)


def _published_override(published: str | None) -> str | None:
    return None if published is None else parse_published(published)


def _read_bytes(path: str | Path) -> tuple[str, bytes, str | None]:
    """``(origin, bytes, file name or None)``; raises an InputError subclass."""
    if str(path) == STDIN:
        return STDIN, read_stdin_bytes(), None
    return str(path), read_source_bytes(path), Path(path).name


def _peek(path: str | Path) -> bytes:
    """The first bytes of a file (to tell a WARC archive), or none if it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read(_PEEK_BYTES)
    except OSError:
        return b""


def _single_article(
    text: str, origin: str, kind: SourceKind, published: str | None, meta: dict[str, str | None]
) -> Article:
    if kind == "feed":
        return _only_one(parse_entries(text, origin), "entries in the feed", published)
    if kind != "jsonl":
        return _finish(_parse_document(text, origin, kind, meta), origin, published)
    records = sum(1 for line in text.split("\n") if line.strip())
    if records > 1:
        raise MalformedInputError(
            f"{records} records in JSON Lines input; use load_path to read them all"
        )
    for line_origin, result in parse_records(text, origin):
        if isinstance(result, InputError):
            raise result
        return _finish(result, line_origin, published)
    raise EmptyInputError("no records in the JSON Lines input")


def _only_one(results: Results, what: str, published: str | None) -> Article:
    """The one article of a feed or an archive; raises when there are none or several."""
    found = list(results)
    if len(found) > 1:
        raise MalformedInputError(f"{len(found)} {what}; use load_path to read them all")
    if not found:
        raise EmptyInputError(f"no {what}")
    origin, result = found[0]
    if isinstance(result, InputError):
        raise result
    return _finish(result, origin, published)


def _parse_document(
    text: str, origin: str, kind: SourceKind, meta: dict[str, str | None]
) -> Article:
    if kind == "html":
        url = meta.pop("url", None)
        return parse_html(text, origin, url=url, **meta)
    return parse_text(text, origin, **meta)


_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")


def date_from_name(origin: str) -> str | None:
    """A publication date written in a file name ("2025-03-03-harbor-wire.txt"), if valid."""
    match = _NAME_DATE.search(Path(origin.split("#", 1)[0]).name)
    if match is None:
        return None
    try:
        return parse_published(match.group(0))
    except MalformedInputError:
        return None


def _finish(article: Article, origin: str, published: str | None) -> Article:
    """Check the language and settle the date: the override, the document's, the file name's."""
    ensure_english(article.text, origin)
    date = published or article.published or date_from_name(origin)
    return replace(article, language="en", published=date)


def _iter_sources(
    paths: list[str | Path], published: str | None, allow_private: bool
) -> Iterator[Loaded]:
    for item in _expand(paths):
        if isinstance(item, Discarded):
            yield item
        elif isinstance(item, Path) or item == STDIN:
            yield from _load_document(item, published)
        else:
            yield from _load_url(item, published, allow_private, DEFAULT_TIMEOUT)


def _expand(paths: Iterable[str | Path]) -> Iterator[str | Path | Discarded]:
    """What ``load_sources`` reads, in its order, found without reading any file: ``"-"``, a URL
    (a str), a file (a Path), or a Discarded record for a path that gives nothing to read."""
    for path in paths:
        if str(path) == STDIN:
            yield STDIN
            continue
        if isinstance(path, str) and is_url(path):
            yield path
            continue
        path = Path(path)
        if path.is_dir():
            yield from _walk_directory(path)
        elif path.exists():
            yield path
        elif glob.has_magic(str(path)):  # a pattern the shell did not expand ("news/**/*.html")
            matches = sorted(glob.glob(str(path), recursive=True))
            if not matches:
                yield Discarded(doc_id=str(path), stage="ingest", reason="no file matches")
            yield from _expand(matches)
        else:
            yield Discarded(doc_id=str(path), stage="ingest", reason="no such file or directory")


def _walk_directory(directory: Path) -> Iterator[Path | Discarded]:
    """The files below a directory (recursively, sorted, hidden entries skipped, each folder
    once), and a Discarded record for each folder that cannot be listed."""
    seen: set[str] = set()

    def walk(folder: Path) -> Iterator[Path | Discarded]:
        real = os.path.realpath(folder)
        if real in seen:  # a symlink loop, or a folder reached twice
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as exc:
            reason = f"cannot list the directory: {exc.strerror or exc}"
            yield Discarded(doc_id=str(folder), stage="ingest", reason=reason)
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                yield from walk(Path(entry.path))
            else:
                yield Path(entry.path)

    yield from walk(directory)


def _load_document(path: str | Path, published: str | None) -> Iterator[Loaded]:
    """Everything in one file (or stdin), with errors turned into Discarded records."""
    origin = str(path)
    if origin != STDIN and is_warc(_peek(path), Path(path).name):
        yield from _finish_all(iter_warc_file(path), published)
        return
    try:
        origin, data, name = _read_bytes(path)
    except InputError as err:
        yield _discarded(origin, err)
        return
    yield from _load_bytes(origin, data, name, published)


def _load_bytes(
    origin: str, data: bytes, name: str | None, published: str | None
) -> Iterator[Loaded]:
    """Everything in the bytes of one file (or stdin), with errors turned into Discarded."""
    try:
        if data.startswith(b"WARC/"):  # from stdin, or misnamed
            results: Results = iter_warc(io.BytesIO(data), len(data), origin)
        else:
            text = decode_text(data, origin)
            results = _parse_all(text, origin, sniff_kind(text, name))
    except InputError as err:
        yield _discarded(origin, err)
        return
    yield from _finish_all(results, published)


def _discarded(origin: str, err: InputError) -> Discarded:
    return Discarded(doc_id=origin, stage=err.stage, reason=str(err))


def _load_url(
    url: str, published: str | None, allow_private: bool, timeout: float
) -> Iterator[Loaded]:
    try:
        page = fetch_url(url, timeout=timeout, allow_private=allow_private)
    except InputError as err:
        yield _discarded(url, err)
        return
    yield from _load_page(url, page, published)


def load_fetched(origin: str, page: FetchedPage, published: str | None = None) -> Iterator[Loaded]:
    """The article (or the feed's articles) of a page already fetched from the URL ``origin``
    (:func:`~onrecord.ingest.urls.fetch_if_changed`), as :func:`load_url` reads one. Never
    raises for bad content; only a malformed ``published`` raises, at once."""
    return _load_page(origin, page, _published_override(published))


def _load_page(origin: str, page: FetchedPage, published: str | None) -> Iterator[Loaded]:
    if page.media_type in HTML_TYPES:
        kind: SourceKind = "html"
    else:
        kind = sniff_kind(page.text, page.url.split("?", 1)[0].rsplit("/", 1)[-1])
    yield from _finish_all(_parse_all(page.text, origin, kind, {"url": page.url}), published)


def _parse_all(
    text: str, origin: str, kind: SourceKind, meta: dict[str, str | None] | None = None
) -> Results:
    """``(origin, Article or error)`` for every document in ``text`` (one, or many)."""
    if kind == "jsonl":
        return parse_records(text, origin)
    if kind == "feed":
        return parse_entries(text, origin)
    try:
        return [(origin, _parse_document(text, origin, kind, dict(meta or {})))]
    except InputError as err:
        return [(origin, err)]


def _finish_all(results: Results, published: str | None) -> Iterator[Loaded]:
    """Finish each article (language, date); every error becomes a Discarded record."""
    for origin, result in results:
        if not isinstance(result, InputError):
            try:
                result = _finish(result, origin, published)
            except InputError as err:
                result = err
        if isinstance(result, InputError):
            yield _discarded(origin, result)
        else:
            yield result
