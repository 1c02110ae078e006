"""Loading articles from sources: files of any kind, directories, standard input, strings.

``load_article`` and ``load_text`` return one Article or raise an InputError subclass.
``load_path`` and ``load_sources`` never raise for bad content: each document that cannot be
analysed becomes a :class:`Discarded` record carrying the stage and the reason.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from onrecord.errors import EmptyInputError, InputError, InputTooLargeError, MalformedInputError
from onrecord.ingest.dates import parse_published
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
from onrecord.ingest.sniff import SourceKind, sniff_kind
from onrecord.ingest.text import parse_text
from onrecord.models import Article, Discarded

STDIN = "-"

Loaded = Article | Discarded


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

    A JSON Lines file must hold exactly one record (use :func:`load_path` for more).
    Raises an InputError subclass when the document cannot be analysed.
    """
    date = _published_override(published)
    origin, text, name = _read(path)
    return _single_article(text, origin, sniff_kind(text, name), date, {})


def load_path(path: str | Path, published: str | None = None) -> Iterator[Loaded]:
    """Every article in a file (JSON Lines may hold many), a directory, or stdin (``"-"``).

    Never raises for bad content: a document that cannot be analysed is yielded as a
    Discarded record. Only a malformed ``published`` raises (MalformedInputError), at once.
    """
    return _iter_sources([path], _published_override(published))


def load_sources(paths: Sequence[str | Path], published: str | None = None) -> Iterator[Loaded]:
    """Every article in ``paths``: files, directories (recursively, sorted, hidden entries
    skipped) and ``"-"`` for standard input. A path that does not exist is yielded as a
    Discarded record. Only a malformed ``published`` raises (MalformedInputError), at once.
    """
    return _iter_sources(list(paths), _published_override(published))


def _published_override(published: str | None) -> str | None:
    return None if published is None else parse_published(published)


def _read(path: str | Path) -> tuple[str, str, str | None]:
    """``(origin, decoded text, file name or None)``; raises an InputError subclass."""
    if str(path) == STDIN:
        return STDIN, decode_text(read_stdin_bytes(), STDIN), None
    origin = str(path)
    return origin, decode_text(read_source_bytes(path), origin), Path(path).name


def _single_article(
    text: str, origin: str, kind: SourceKind, published: str | None, meta: dict[str, str | None]
) -> Article:
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


def _iter_sources(paths: list[str | Path], published: str | None) -> Iterator[Loaded]:
    for path in paths:
        if str(path) == STDIN:
            yield from _load_document(STDIN, published)
            continue
        path = Path(path)
        if path.is_dir():
            yield from _iter_directory(path, published)
        elif path.exists():
            yield from _load_document(path, published)
        else:
            yield Discarded(doc_id=str(path), stage="ingest", reason="no such file or directory")


def _iter_directory(directory: Path, published: str | None) -> Iterator[Loaded]:
    seen: set[str] = set()

    def walk(folder: Path) -> Iterator[Loaded]:
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
                yield from _load_document(Path(entry.path), published)

    yield from walk(directory)


def _load_document(path: str | Path, published: str | None) -> Iterator[Loaded]:
    """Everything in one file (or stdin), with errors turned into Discarded records."""
    origin = str(path)
    try:
        origin, text, name = _read(path)
        kind = sniff_kind(text, name)
        if kind != "jsonl":
            article = _finish(_parse_document(text, origin, kind, {}), origin, published)
    except InputError as err:
        yield Discarded(doc_id=origin, stage=err.stage, reason=str(err))
        return
    if kind != "jsonl":
        yield article
        return
    for line_origin, result in parse_records(text, origin):
        if not isinstance(result, InputError):
            try:
                result = _finish(result, line_origin, published)
            except InputError as err:
                result = err
        if isinstance(result, InputError):
            yield Discarded(doc_id=line_origin, stage=result.stage, reason=str(result))
        else:
            yield result
