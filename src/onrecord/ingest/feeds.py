"""RSS and Atom feeds: one article per entry, parsed with feedparser from the document's text.

feedparser only ever sees the bytes of a document already read (it is never given a URL or a
path, so it fetches nothing). An entry's text is its fullest content (``content:encoded``,
Atom ``content``) or else its summary: HTML goes through :func:`parse_html`, and a summary too
short to read as an article (or plain text) through :func:`parse_text`. Its metadata: title,
link (url), author (byline), date (published) and the feed's title (source).

A bad entry becomes a :class:`Discarded` record for that entry (``path#n``, entries numbered
from 1) and the other entries go on; a feed that cannot be parsed at all is one Discarded
record for the whole document.
"""

from __future__ import annotations

import email.utils
import html as html_lib
import io
import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from onrecord.errors import EmptyInputError, InputError, MalformedInputError
from onrecord.ingest.dates import parse_published
from onrecord.ingest.html import clean_field, parse_html
from onrecord.ingest.text import parse_text
from onrecord.models import Article, Discarded

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_XML_ENCODING_RE = re.compile(r"""\A(\s*<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""")
_TAG_RE = re.compile(r"<[a-zA-Z/!?][^<>]*>")
_BLOCK_END_RE = re.compile(
    r"<(?:br\s*/?|/(?:p|div|li|h[1-6]|blockquote|tr|pre|section|article))\s*>", re.IGNORECASE
)
_BLANK_LINES_RE = re.compile(r"\n\s*\n\s*")


def parse_feed(text: str, origin: str) -> Iterator[Article | Discarded]:
    """One Article per entry of the RSS/Atom feed ``text``, or a Discarded record saying why
    not. Every entry's origin is ``f"{origin}#{n}"`` (n from 1). The language is not checked.
    """
    for entry_origin, result in parse_entries(text, origin):
        if isinstance(result, InputError):
            yield Discarded(doc_id=entry_origin, stage=result.stage, reason=str(result))
        else:
            yield result


def parse_entries(text: str, origin: str) -> Iterator[tuple[str, Article | InputError]]:
    """``(entry origin, Article or the error it raised)`` for each entry of the feed ``text``.

    A feed that cannot be parsed, or has no entries, yields one ``(origin, error)`` pair.
    """
    parsed = _parse(text)
    entries = parsed.get("entries") or []
    if not entries:
        yield origin, _feed_error(parsed)
        return
    feed = parsed.get("feed") or {}
    source = clean_field(feed.get("title"))
    # a feed read despite errors: said of each entry that fails, as it may be the cause
    note = f" (malformed feed: {_bozo_detail(parsed)})" if parsed.get("bozo") else ""
    for number, entry in enumerate(entries, start=1):
        entry_origin = f"{origin}#{number}"
        try:
            yield entry_origin, parse_entry(entry, entry_origin, source=source)
        except InputError as err:
            label = clean_field(entry.get("link")) or clean_field(entry.get("title")) or "no link"
            err.args = (f"feed entry {number} ({label}): {err}{note}",)
            yield entry_origin, err


def parse_entry(entry: Any, origin: str, source: str | None = None) -> Article:
    """The Article of one feedparser entry; raises an InputError saying what is wrong."""
    value, kind = _entry_text(entry)
    if not value.strip():
        raise EmptyInputError("no text (no content or summary)")
    meta: dict[str, str | None] = {
        "title": clean_field(_plain(entry.get("title"))),
        "source": source,
        "byline": clean_field(entry.get("author")),
        "published": entry_date(entry),
    }
    url = clean_field(entry.get("link"))
    if kind in _HTML_TYPES or _TAG_RE.search(value):
        page = f"<html><body><article>{value}</article></body></html>"
        try:
            return parse_html(page, origin, url=url, **meta)
        except EmptyInputError:
            value = html_to_text(value)  # a short summary: keep it as plain text
        if not value.strip():
            raise EmptyInputError("no text in the entry's HTML") from None
    return parse_text(value, origin, url=url, **meta)


def entry_date(entry: Any) -> str | None:
    """An entry's publication (else update) date as ``YYYY-MM-DD``, on the calendar of the
    time zone it is written in; ``None`` when it has none that can be read."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if isinstance(raw, str) and raw.strip():
            day = _parse_date(raw.strip())
            if day is not None:
                return day
        parsed = entry.get(f"{key}_parsed")  # feedparser's reading, in UTC
        if parsed is not None:
            return time.strftime("%Y-%m-%d", parsed)
    return None


def html_to_text(fragment: str) -> str:
    """Plain text of a small HTML fragment: block ends become paragraph breaks."""
    text = _BLOCK_END_RE.sub("\n\n", fragment)
    text = html_lib.unescape(_TAG_RE.sub("", text))
    paragraphs = (" ".join(p.split()) for p in _BLANK_LINES_RE.split(text))
    return "\n\n".join(p for p in paragraphs if p)


def _parse(text: str) -> Any:
    # Re-encode the decoded text as UTF-8 and say so in the XML declaration, and hand it over as
    # a stream: a string could be taken for a URL or a file name.
    data = _XML_ENCODING_RE.sub(r"\1\2utf-8\2", text, count=1).encode("utf-8")
    try:
        return feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    except Exception as exc:  # feedparser is lenient, but a parser crash must not end the batch
        return {"bozo": 1, "bozo_exception": exc, "entries": []}


def _feed_error(parsed: Any) -> InputError:
    if parsed.get("bozo"):
        detail = _bozo_detail(parsed)
        return MalformedInputError(f"malformed feed, no entries could be read: {detail}")
    if not parsed.get("version"):
        return MalformedInputError("not an RSS or Atom feed")
    return EmptyInputError("the feed has no entries")


def _bozo_detail(parsed: Any) -> str:
    lines = str(parsed.get("bozo_exception") or "").splitlines()
    return lines[0] if lines else "unknown error"


def _entry_text(entry: Any) -> tuple[str, str]:
    """The entry's fullest text and its type: content (the longest), else the summary."""
    candidates = [
        (str(item.get("value") or ""), str(item.get("type") or ""))
        for item in entry.get("content") or []
    ]
    if not any(value.strip() for value, _ in candidates):
        detail = entry.get("summary_detail") or {}
        candidates = [(str(entry.get("summary") or ""), str(detail.get("type") or ""))]
    return max(candidates, key=lambda candidate: len(candidate[0]))


def _parse_date(raw: str) -> str | None:
    try:
        return parse_published(raw)  # ISO 8601 (Atom)
    except MalformedInputError:
        pass
    parts = email.utils.parsedate_tz(raw)  # RFC 822 (RSS), as written, not shifted to UTC
    if parts is None:
        return None
    try:
        return parse_published(f"{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}")
    except MalformedInputError:
        return None


def _plain(value: str | None) -> str | None:
    return html_to_text(value) if value and _TAG_RE.search(value) else value



