"""WARC web archives (``.warc``, ``.warc.gz``): one article per archived page, read with warcio.

Each ``response`` (or ``resource``) record whose payload is HTML or plain text and whose HTTP
status is 200 becomes an Article: the page through :func:`parse_html` (or :func:`parse_text`),
its url the record's ``WARC-Target-URI``, its date the page's own, else the ``WARC-Date`` of
the capture. Requests, metadata, revisits and non-text payloads (images, scripts, styles) are
skipped; a text page with another status, or one that cannot be decoded, is a Discarded record.

Archives are streamed record by record (each payload under the size cap), so an archive may be
larger than the cap. A truncated or corrupt archive keeps every record read before the damage
and ends with ONE Discarded record for the archive, which names the offset of the record where
the damage was met.

A page's origin is ``f"{path}#offset={offset}"``, the byte offset at which its record starts
(of its gzip member in a ``.warc.gz``), so that it is the same whether the archive is read whole
or in byte ranges by :func:`iter_warc_range` (see ``onrecord.ingest.shards``): a range reads
the records that START in it, finding the first by scanning (an uncompressed record starts
with a ``WARC/`` line at offset 0 or after a blank line; a record of a ``.warc.gz`` is a gzip
member whose text starts with ``WARC/``), each candidate checked by parsing its headers.
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
_SCAN = 1024 * 1024  # bytes scanned at a time for the first record of a range
_PROBE = 512  # compressed bytes read to tell whether a gzip member holds a WARC record
_GZIP_MEMBER = b"\x1f\x8b\x08"
_BLANK_LINE = (b"\n\n", b"\n\r\n")
_WARC_LINE = b"WARC/"


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

    Record origins are ``f"{path}#offset={offset}"`` (the byte offset at which the record
    starts); an error about the archive as a whole (unreadable, truncated, corrupt, no pages)
    has the path as its origin.
    """
    return iter_warc_range(path, 0, None, max_bytes)


def iter_warc_range(
    path: str | Path, start: int = 0, end: int | None = None, max_bytes: int = MAX_BYTES
) -> Iterator[tuple[str, Article | InputError]]:
    """Like :func:`iter_warc_file`, for the records whose start offset lies in ``[start, end)``
    (``end=None``: to the end of the file). The last record read may extend past ``end``.

    The ranges ``[0, k), [k, 2k), ...`` together give exactly what the whole file gives, as
    long as the archive is damaged at its end if at all: the damage is reported once, by the
    range that reads the record before it (or the record itself); an archive without pages is
    reported by the range at 0, which reads on until it meets a page. A ``.warc.gz`` compressed
    as one gzip stream has no record starts after 0: the range at 0 reads it, the others find
    nothing. Damage in the middle of an archive ends the whole-file reading there, but not the
    later ranges, which read the records they find after it.
    """
    origin = str(path)
    try:
        handle = open(path, "rb")
    except OSError as exc:
        if start == 0:  # said once for the file, by its first range
            yield origin, InputError(f"cannot read the WARC: {exc.strerror or exc}")
        return
    with handle:
        size = os.fstat(handle.fileno()).st_size
        if start > 0:
            first = _find_record(handle, start, size if end is None else min(end, size))
            if first is None:
                return
            handle.seek(first)
        yield from _iter_records(handle, size, origin, start, end, max_bytes)


def iter_warc(
    stream: BinaryIO, size: int, origin: str, max_bytes: int = MAX_BYTES
) -> Iterator[tuple[str, Article | InputError]]:
    """Like :func:`iter_warc_file`, over an open binary ``stream`` of ``size`` bytes."""
    return _iter_records(stream, size, origin, 0, None, max_bytes)


def _iter_records(
    stream: BinaryIO, size: int, origin: str, start: int, end: int | None, max_bytes: int
) -> Iterator[tuple[str, Article | InputError]]:
    """The pages of the records from the stream's position on that start before ``end``."""
    iterator = _Iterator(stream)
    records = pages = 0
    beyond = None  # the first record that starts at or after ``end``
    try:
        while (record := _next_record(iterator)) is not None:
            _check_record(record)
            if end is not None and iterator.offset >= end:
                beyond = record
                break
            record_origin = f"{origin}#offset={iterator.offset}"
            result = _read_record(record, record_origin, max_bytes)
            _finish_record(record)
            records += 1
            if result is not None:
                pages += 1
                yield record_origin, result
        else:
            _check_end(iterator, size)
    except _Damaged as exc:
        yield origin, MalformedInputError(f"truncated WARC at offset {iterator.offset}: {exc}")
        return
    if pages or start > 0:
        return
    if beyond is not None:  # the first range: are there pages in the records after it?
        more = _records_without_pages(iterator, beyond, size)
        if more is None:
            return
        records += more
    yield origin, MalformedInputError(f"no HTML or text pages among the {records} records")


def _records_without_pages(iterator: _Iterator, record: Any, size: int) -> int | None:
    """How many records there are from ``record`` (read, checked) to the end, or ``None`` when
    one of them holds a page or the archive is damaged (the range that meets it says so)."""
    count = 0
    try:
        while record is not None:
            if _page_type(record) is not None:
                return None
            _finish_record(record)
            count += 1
            if (record := _next_record(iterator)) is not None:
                _check_record(record)
        _check_end(iterator, size)
    except _Damaged:
        return None
    return count


def _check_end(iterator: _Iterator, size: int) -> None:
    """Raise _Damaged unless the iterator ended at the end of a complete archive."""
    unread = size - iterator.offset
    if unread > 0:
        raise _Damaged(f"{unread} bytes could not be read")
    if not iterator.last_member_complete:
        raise _Damaged("the last gzip member is incomplete")


def _find_record(handle: BinaryIO, start: int, limit: int) -> int | None:
    """The offset of the first record that starts in ``[start, limit)``, or ``None``."""
    handle.seek(0)
    gzipped = handle.read(2) == _GZIP_MEMBER[:2]
    magic = _GZIP_MEMBER if gzipped else _WARC_LINE
    pos = start
    while pos < limit:
        stop = min(pos + _SCAN, limit)
        base = max(pos - len(_BLANK_LINE[1]), 0)  # to see the blank line before a record
        handle.seek(base)
        window = handle.read(stop - base + len(magic) - 1)
        found = window.find(magic, pos - base)
        while 0 <= found < stop - base:
            if (gzipped or window.endswith(_BLANK_LINE, 0, found)) and _starts_record(
                handle, base + found, gzipped
            ):
                return base + found
            found = window.find(magic, found + 1)
        pos = stop
    return None


def _starts_record(handle: BinaryIO, offset: int, gzipped: bool) -> bool:
    """Whether a WARC record with a WARC-Type and a Content-Length starts at ``offset``."""
    if gzipped:
        handle.seek(offset)
        try:
            text = zlib.decompressobj(wbits=31).decompress(handle.read(_PROBE), len(_WARC_LINE))
        except zlib.error:
            return False
        if text != _WARC_LINE:
            return False
    handle.seek(offset)
    try:
        record = _next_record(_Iterator(handle))
        if record is None:
            return False
        _check_record(record)
    except _Damaged:
        return False
    return True


def _next_record(iterator: _Iterator) -> Any:
    """The next record, ``None`` at the end; raises _Damaged when the archive breaks off."""
    try:
        return next(iterator)
    except StopIteration:
        return None
    except Exception as exc:  # warcio, zlib and the header parsers raise many types
        raise _Damaged(_describe(exc)) from exc


def _check_record(record: Any) -> None:
    """Raise _Damaged unless the record is a WARC record with a Content-Length and a type."""
    if record.format != "warc":
        raise _Damaged("not a WARC record")
    headers = record.rec_headers
    if not headers.get_header("Content-Length") or not headers.get_header("WARC-Type"):
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


def _page_type(record: Any) -> tuple[str, str | None] | None:
    """``(media type, charset)`` of a record that holds a page, ``None`` for one to skip
    silently (not a response or resource; an image, a script, a style sheet ...)."""
    if record.rec_type not in PAGE_RECORDS:
        return None
    content_type = (record.http_headers or record.rec_headers).get_header("Content-Type") or ""
    mime, charset = media_type(content_type)
    if mime and mime not in HTML_TYPES and mime not in TEXT_TYPES:
        return None
    return mime, charset


def _read_record(record: Any, origin: str, max_bytes: int) -> Article | InputError | None:
    """The page of one record, the error that keeps it out, or ``None`` to skip it silently."""
    page_type = _page_type(record)
    if page_type is None:
        return None
    mime, charset = page_type
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    where = f" ({uri})" if uri else ""
    http = record.http_headers
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
