"""Telling what kind of source a document is: an HTML page, an RSS/Atom feed, JSON Lines, plain
text, or (from its bytes) a WARC web archive.

The content decides; a file's extension only breaks a tie when the content is ambiguous
(a few tags, a JSON Lines file whose first record is broken, XML that is not plainly a feed).
"""

from __future__ import annotations

import json
import re
import zlib
from typing import Literal

SourceKind = Literal["html", "feed", "jsonl", "text"]

HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson", ".jsonlines"})
TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md"})
FEED_EXTENSIONS = frozenset({".rss", ".atom", ".xml", ".rdf"})
WARC_EXTENSIONS = frozenset({".warc"})
WARC_MAGIC = b"WARC/"

_HTML_START_RE = re.compile(
    r"\A(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html\b)",
    re.IGNORECASE | re.DOTALL,
)
# A feed's root element (RSS 2.0, Atom, RSS 1.0), after an XML declaration, processing
# instructions (a stylesheet), comments or a doctype.
_FEED_START_RE = re.compile(
    r"\A(?:<\?xml[^>]*>\s*)?(?:(?:<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)\s*)*"
    r"<(?:[\w.-]+:)?(?:rss|feed|rdf)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG_RE = re.compile(
    r"</?(?:html|head|body|title|meta|link|script|style|div|span|p|a|br|hr|img|ul|ol|li|"
    r"table|tr|td|th|h[1-6]|article|section|header|footer|nav|main|aside|figure|figcaption|"
    r"blockquote|em|strong|b|i|time|iframe|noscript|form|input|button)\b[^<>]*>",
    re.IGNORECASE,
)
_SNIFF_CHARS = 64 * 1024
_JSONL_SAMPLE_LINES = 200


def sniff_kind(text: str, name: str | None = None) -> SourceKind:
    """Decide whether ``text`` is ``"html"``, ``"feed"``, ``"jsonl"`` or ``"text"``.

    HTML: it starts with ``<!doctype html``/``<html`` (after an XML declaration or comments),
    or has many tags. Feed: its root element is ``<rss>``, ``<feed>`` or ``<rdf:RDF>``, or it
    is XML in a file named ``.rss``/``.atom``/``.xml``/``.rdf``. JSON Lines: most non-blank
    lines are JSON objects (for a file named ``.jsonl``, any of them is enough). ``name`` is
    the file name, if any.
    """
    extension = _extension(name)
    head = text.lstrip("\ufeff \t\n\r")[:_SNIFF_CHARS]
    if _HTML_START_RE.match(head):
        return "html"
    if _FEED_START_RE.match(head) or (extension in FEED_EXTENSIONS and head.startswith("<")):
        return "feed"
    if head.startswith("{") or extension in JSONL_EXTENSIONS:
        objects, lines = _count_json_objects(head)
        if lines and (objects * 2 > lines or (objects and extension in JSONL_EXTENSIONS)):
            return "jsonl"
    tags = len(_HTML_TAG_RE.findall(head))
    if tags >= 10 or (tags >= 3 and head.startswith("<")):
        return "html"
    if tags >= 1 and extension in HTML_EXTENSIONS:
        return "html"
    return "text"


def is_warc(head: bytes, name: str | None = None) -> bool:
    """Whether a file is a WARC archive: named ``.warc``/``.warc.gz``, or its (possibly
    gzip-compressed) ``head`` bytes start with ``WARC/``."""
    if _extension(name) in WARC_EXTENSIONS or head.startswith(WARC_MAGIC):
        return True
    if head.startswith(b"\x1f\x8b"):
        try:
            return zlib.decompressobj(wbits=31).decompress(head, 16).startswith(WARC_MAGIC)
        except zlib.error:
            return False
    return False


def _extension(name: str | None) -> str:
    if not name:
        return ""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    dot = lowered.rfind(".")
    slash = max(lowered.rfind("/"), lowered.rfind("\\"))
    return lowered[dot:] if dot > slash else ""


def _count_json_objects(head: str) -> tuple[int, int]:
    """How many of the leading non-blank lines are JSON objects, and how many were looked at."""
    lines = [line for line in head.split("\n") if line.strip()]
    if len(head) == _SNIFF_CHARS and len(lines) > 1:
        lines.pop()  # the sample may have cut the last line in half
    lines = lines[:_JSONL_SAMPLE_LINES]
    return sum(1 for line in lines if _is_json_object(line)), len(lines)


def _is_json_object(line: str) -> bool:
    stripped = line.strip()
    if not stripped.startswith("{"):
        return False
    try:
        return isinstance(json.loads(stripped), dict)
    except ValueError:
        return False
