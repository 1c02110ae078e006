"""Ingest: turn sources (plain text, HTML pages, JSON Lines; files, directories, stdin) into
clean :class:`~onrecord.models.Article` records, or say why not.

One module per concern: ``reader`` (bytes, size cap, gzip, decoding), ``sniff`` (what kind of
source), ``text``/``html``/``jsonl`` (one parser per kind), ``boilerplate`` (site furniture in
plain text), ``language`` (English only for now), ``dates`` (publication dates), ``sources``
(the loaders below).

Single-document functions (``load_article``, ``load_text``) raise
:class:`~onrecord.errors.InputError` subclasses; batch functions (``load_path``,
``load_sources``) yield a :class:`~onrecord.models.Discarded` record for each document that
cannot be analysed.
"""

from onrecord.ingest.boilerplate import remove_boilerplate
from onrecord.ingest.dates import parse_published
from onrecord.ingest.html import parse_html
from onrecord.ingest.jsonl import parse_jsonl
from onrecord.ingest.language import detect_language, ensure_english
from onrecord.ingest.reader import MAX_BYTES, decode_text, read_source_bytes
from onrecord.ingest.sniff import SourceKind, sniff_kind
from onrecord.ingest.sources import load_article, load_path, load_sources, load_text
from onrecord.ingest.text import parse_text

__all__ = [
    "MAX_BYTES",
    "SourceKind",
    "decode_text",
    "detect_language",
    "ensure_english",
    "load_article",
    "load_path",
    "load_sources",
    "load_text",
    "parse_html",
    "parse_jsonl",
    "parse_published",
    "parse_text",
    "read_source_bytes",
    "remove_boilerplate",
    "sniff_kind",
]
