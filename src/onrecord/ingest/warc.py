"""WARC web archives (``.warc``, ``.warc.gz``): one article per archived page, read with warcio.

Each ``response`` (or ``resource``) record whose payload is HTML or plain text and whose HTTP
status is 200 becomes an Article: the page through :func:`parse_html` (or :func:`parse_text`),
its url the record's ``WARC-Target-URI``, its date the page's own, else the ``WARC-Date`` of
the capture. Requests, metadata, revisits and non-text payloads (images, scripts, styles) are
skipped; a text page with another status, or one that cannot be decoded, is a Discarded record.

Archives are streamed record by record (each payload under the size cap), so an archive may be
larger than the cap. A truncated or corrupt archive keeps every record read before the damage
and ends with ONE Discarded record for the archive.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from onrecord.errors import InputError, InputTooLargeError, MalformedInputError
from onrecord.ingest.dates import parse_published
from onrecord.ingest.html import parse_html
from onrecord.ingest.reader import MAX_BYTES
from onrecord.ingest.text import parse_text
from onrecord.ingest.urls import HTML_TYPES, decode_payload, media_type
from onrecord.models import Article

PAGE_RECORDS = frozenset({"response", "resource"})
TEXT_TYPES = frozenset({"text/plain"})
_CHUNK = 64 * 1024


class _Damaged(Exception):
    """The archive is truncated or corrupt at the current record."""


class _Iterator(ArchiveIterator):
    """warcio's iterator, noting whether the last gzip member was complete when it ends."""

    last_member_complete = True

    def close(self) -> None:
        decompressor = getattr(self.reader, "decompressor", None)
        if decompressor is not None and not getattr(decompressor, "eof", True):
            self.last_member_complete = False
        super().close()


def iter_warc_file(
    path: str | Path, max_bytes: int = MAX_BYTES
) -> Iterator[tuple[str, Article | InputError]]:
    """``(record origin, Article or the error it raised)`` for each page in a WARC file.

    Record origins are ``f"{path}#{n}"`` (n counts every record from 1); an error about the
    archive as a whole (unreadable, truncated, corrupt, no pages) has the path as its origin.
    """
    origin = str(path)
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield origin, InputError(f"cannot read the WARC: {exc.strerror or exc}")
        return
    with handle:
        size = os.fstat(handle.fileno()).st_size
        yield from iter_warc(handle, size, origin, max_bytes)


def iter_warc(
    stream: BinaryIO, size: int, origin: str, max_bytes: int = MAX_BYTES
) -> Iterator[tuple[str, Article | InputError]]:
    """Like :func:`iter_warc_file`, over an open binary ``stream`` of ``size`` bytes."""
    iterator = _Iterator(stream)
    records = pages = 0
    try:
        while (record := _next_record(iterator)) is not None:
            record_origin = f"{origin}#{records + 1}"
            _check_record(record)
            result = _read_record(record, record_origin, max_bytes)
            _finish_record(record)
            records += 1
            if result is not None:
                pages += 1
                yield record_origin, result
        unread = size - iterator.offset
        if unread > 0:
            raise _Damaged(f"{unread} bytes at offset {iterator.offset} could not be read")
        if not iterator.last_member_complete:
            raise _Damaged("the last gzip member is incomplete")
    except _Damaged as exc:
        yield origin, MalformedInputError(f"truncated WARC after {records} records: {exc}")
        return
    if not pages:
        yield origin, MalformedInputError(f"no HTML or text pages among the {records} records")


def _next_record(iterator: _Iterator) -> Any:
    """The next record, ``None`` at the end; raises _Damaged when the archive breaks off."""
    try:
        return next(iterator)
    except StopIteration:
        return None
    except Exception as exc:  # warcio, zlib and the header parsers raise many types
        raise _Damaged(_describe(exc)) from exc


def _check_record(record: Any) -> None:
    """Raise _Damaged unless the record is a WARC record with a Content-Length."""
    if record.format != "warc":
        raise _Damaged("not a WARC record")
    if not record.rec_headers.get_header("Content-Length"):
        raise _Damaged("the last record's headers are incomplete")


def _finish_record(record: Any) -> None:
    """Read the rest of the record; raises _Damaged when it ends before its Content-Length."""
    try:
        while record.raw_stream.read(_CHUNK):
            pass
    except Exception as exc:
        raise _Damaged(_describe(exc)) from exc
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise _Damaged("the last record is incomplete")


def _describe(exc: Exception) -> str:
    if isinstance(exc, ArchiveLoadFailed | StatusAndHeadersParserException | zlib.error):
        detail = " ".join(str(exc).split())[:200]
        if detail:
            return detail
    return f"the archive cannot be parsed ({type(exc).__name__})"


def _read_record(record: Any, origin: str, max_bytes: int) -> Article | InputError | None:
    """The page of one record, the error that keeps it out, or ``None`` to skip it silently."""
    if record.rec_type not in PAGE_RECORDS:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    where = f" ({uri})" if uri else ""
    http = record.http_headers
    content_type = (http or record.rec_headers).get_header("Content-Type") or ""
    mime, charset = media_type(content_type)
    if mime and mime not in HTML_TYPES and mime not in TEXT_TYPES:
        return None  # an image, a script, a style sheet ...
    if http is not None and record.rec_type == "response":
        status = http.get_statuscode()
        if status != "200":
            return InputError(f"HTTP {http.statusline or status}{where}")
    try:
        payload = _read_capped(record.content_stream(), max_bytes)
    except InputError as err:
        err.args = (f"{err}{where}",)
        return err
    except Exception as exc:  # a corrupt chunked or compressed payload
        return MalformedInputError(f"undecodable payload ({type(exc).__name__}){where}")
    try:
        text = decode_payload(payload, charset, origin)
        if mime in TEXT_TYPES:
            article = parse_text(text, origin, url=uri)
        else:
            article = parse_html(text, origin, url=uri)
    except InputError as err:
        err.args = (f"{err}{where}",)
        return err
    if article.published is None:
        captured = _capture_date(record.rec_headers.get_header("WARC-Date"))
        if captured:
            article = replace(article, published=captured)
    return article


def _read_capped(stream: Any, max_bytes: int) -> bytes:
    data = bytearray()
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return bytes(data)
        data += chunk
        if len(data) > max_bytes:
            raise InputTooLargeError(
                f"the payload is over the {max_bytes / 1024 / 1024:g} MB limit"
            )


def _capture_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parse_published(value.strip())
    except MalformedInputError:
        return None
