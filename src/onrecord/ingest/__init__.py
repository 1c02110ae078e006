"""Ingest: turn sources (plain text, HTML pages, JSON Lines, RSS/Atom feeds, WARC archives;
files, directories, stdin, URLs) into clean :class:`~onrecord.models.Article` records, or say
why not.

One module per concern: ``reader`` (bytes, size cap, gzip, decoding), ``sniff`` (what kind of
source), ``text``/``html``/``jsonl``/``feeds``/``warc`` (one parser per kind), ``urls``
(fetching from the web), ``boilerplate`` (site furniture in plain text), ``language`` (English
only for now), ``dates`` (publication dates), ``sources`` (the loaders below), ``shards``
(the sources split for parallel reading).

Single-document functions (``load_article``, ``load_text``) raise
:class:`~onrecord.errors.InputError` subclasses; batch functions (``load_path``,
``load_sources``, ``load_url``) yield a :class:`~onrecord.models.Discarded` record for each
document that cannot be analysed.

For a distributed engine, :func:`plan_shards` splits sources cheaply on the driver into
:class:`Shard` s (a file, a URL, standard input's bytes, a byte range of a WARC archive bigger
than ``WARC_SHARD_BYTES``) and :func:`read_shard` reads one on a worker; together they give
what ``load_sources`` gives.
"""

from onrecord.ingest.boilerplate import remove_boilerplate
from onrecord.ingest.dates import parse_published
from onrecord.ingest.feeds import parse_feed
from onrecord.ingest.html import parse_html
from onrecord.ingest.jsonl import parse_jsonl
from onrecord.ingest.language import detect_language, ensure_english
from onrecord.ingest.reader import MAX_BYTES, decode_text, read_source_bytes
from onrecord.ingest.shards import WARC_SHARD_BYTES, Shard, plan_shards, read_shard
from onrecord.ingest.sniff import SourceKind, is_warc, sniff_kind
from onrecord.ingest.sources import (
    load_article,
    load_fetched,
    load_path,
    load_sources,
    load_text,
    load_url,
)
from onrecord.ingest.text import parse_text
from onrecord.ingest.urls import FetchedPage, fetch_if_changed, fetch_url
from onrecord.ingest.warc import iter_warc, iter_warc_file, iter_warc_range

__all__ = [
    "MAX_BYTES",
    "WARC_SHARD_BYTES",
    "FetchedPage",
    "Shard",
    "SourceKind",
    "decode_text",
    "detect_language",
    "ensure_english",
    "fetch_if_changed",
    "fetch_url",
    "is_warc",
    "iter_warc",
    "iter_warc_file",
    "iter_warc_range",
    "load_article",
    "load_fetched",
    "load_path",
    "load_sources",
    "load_text",
    "load_url",
    "parse_feed",
    "parse_html",
    "parse_jsonl",
    "parse_published",
    "parse_text",
    "plan_shards",
    "read_shard",
    "read_source_bytes",
    "remove_boilerplate",
    "sniff_kind",
]
