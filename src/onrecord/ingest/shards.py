"""Shards: the sources split into parts that can be read independently, on other machines.

A distributed engine (Ray) reads sources in parallel instead of on the driver: the driver
calls :func:`plan_shards`, which is cheap (it lists directories, expands globs, stats files and
peeks at the first bytes of a big file to tell a WARC archive; it never reads a file's
contents, except standard input, which only the driver can read), and each worker calls
:func:`read_shard` on the shards it is given.

A shard is one of:

- ``document``: one file, read whole as ``load_sources`` reads it (a directory is planned as a
  shard per file, so a folder of thousands of files is read in parallel);
- ``warc_range``: the records of a WARC archive bigger than ``warc_shard_bytes`` whose START
  offsets lie in ``[start, end)``; the ranges ``[0, k), [k, 2k), ...`` are planned by size
  only, and each reader finds its first record by scanning (see
  :func:`~onrecord.ingest.warc.iter_warc_range`);
- ``url``: one URL, fetched by the worker;
- ``bytes``: standard input, read on the driver;
- ``missing``: a Discarded record decided on the driver (a path that does not exist, a glob
  that matches nothing, a directory that cannot be listed, standard input that cannot be read),
  with its reason; its stage is ``ingest``.

The invariant: for any ``paths``, any published override ``p`` and any ``k``::

    [x for s in plan_shards(paths, warc_shard_bytes=k) for x in read_shard(s, parse(p))]
        == list(load_sources(paths, p))

Both sides share one code path: the walk over the paths (``sources._expand``), the readers of
a document, of bytes and of a URL, and the WARC reader, whose record origins
(``path#offset=N``) and damage reports name byte offsets, not counts, so that they do not
depend on the split. The one difference: an archive damaged in its MIDDLE (not cut short at
its end) ends at the damage when read whole, while the ranges after the damaged one still read
the records they find after it (and report a later damage too); an archive's first range
cannot know of damage further on without reading the whole file. A file that vanishes between
planning and reading is read as ``load_sources`` would read it then.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from onrecord.errors import InputError
from onrecord.ingest.sniff import is_warc
from onrecord.ingest.sources import (
    STDIN,
    Loaded,
    _expand,
    _finish_all,
    _load_bytes,
    _load_document,
    _load_url,
    _peek,
    _read_bytes,
)
from onrecord.ingest.urls import DEFAULT_TIMEOUT
from onrecord.ingest.warc import iter_warc_range
from onrecord.models import Discarded

WARC_SHARD_BYTES = 16 * 1024 * 1024

ShardKind = Literal["document", "warc_range", "url", "bytes", "missing"]


@dataclass(frozen=True)
class Shard:
    """One independently readable part of the sources."""

    source: str  # the path / URL / "-" as it will appear in origins
    kind: ShardKind
    start: int = 0  # warc_range: byte range [start, end) of record START offsets
    end: int | None = None  # warc_range: None for the last range (to the end of the file)
    data: bytes | None = None  # kind "bytes": standard input, read on the driver
    reason: str | None = None  # kind "missing": the Discarded reason

    def __repr__(self) -> str:  # standard input's bytes would fill a log
        data = "" if self.data is None else f", data=<{len(self.data)} bytes>"
        where = f", start={self.start}, end={self.end}" if self.kind == "warc_range" else ""
        reason = "" if self.reason is None else f", reason={self.reason!r}"
        return f"Shard({self.source!r}, {self.kind!r}{where}{data}{reason})"


def plan_shards(
    paths: Sequence[str | Path], *, warc_shard_bytes: int = WARC_SHARD_BYTES
) -> Iterator[Shard]:
    """The shards of ``paths``, in the order ``load_sources`` reads them (see the module).

    Cheap, for the driver: directories are listed, globs expanded, files stat-ed; a file
    bigger than ``warc_shard_bytes`` is peeked at (512 bytes) to tell a WARC archive, which is
    then planned as byte ranges of ``warc_shard_bytes``. Standard input (``"-"``) is read here.
    Never raises for a path (a missing one is a ``missing`` shard).
    """
    if warc_shard_bytes < 1:
        raise ValueError("warc_shard_bytes must be at least 1")
    for item in _expand(list(paths)):
        if isinstance(item, Discarded):
            yield Shard(item.doc_id, "missing", reason=item.reason)
        elif isinstance(item, Path):
            yield from _file_shards(item, warc_shard_bytes)
        elif item == STDIN:
            yield _stdin_shard()
        else:
            yield Shard(item, "url")


def read_shard(
    shard: Shard, published: str | None = None, *, allow_private: bool = False
) -> Iterator[Loaded]:
    """Every article in one shard, and a Discarded record for each document that cannot be
    analysed, as ``load_sources`` gives them. ``published`` is an override already parsed
    (``parse_published``), as ``load_sources`` passes it on; ``allow_private`` is for URLs.
    Never raises for bad content.
    """
    if shard.kind == "document":
        yield from _load_document(Path(shard.source), published)
    elif shard.kind == "warc_range":
        yield from _finish_all(iter_warc_range(shard.source, shard.start, shard.end), published)
    elif shard.kind == "url":
        yield from _load_url(shard.source, published, allow_private, DEFAULT_TIMEOUT)
    elif shard.kind == "bytes":
        yield from _load_bytes(shard.source, shard.data or b"", None, published)
    elif shard.kind == "missing":
        yield Discarded(doc_id=shard.source, stage="ingest", reason=shard.reason or "")
    else:
        raise ValueError(f"unknown shard kind {shard.kind!r}")


def _file_shards(path: Path, warc_shard_bytes: int) -> Iterator[Shard]:
    """One document shard, or byte ranges for a WARC archive bigger than a shard."""
    source = str(path)
    try:
        size = os.stat(path).st_size
    except OSError:  # vanished: the reader says so, as load_sources would
        size = 0
    if size <= warc_shard_bytes or not is_warc(_peek(path), path.name):
        yield Shard(source, "document")
        return
    for start in range(0, size, warc_shard_bytes):
        end = start + warc_shard_bytes
        yield Shard(source, "warc_range", start, end if end < size else None)


def _stdin_shard() -> Shard:
    """Standard input, read now: only the driver has it."""
    try:
        _, data, _ = _read_bytes(STDIN)
    except InputError as err:  # too large, a broken gzip: reading errors are all "ingest"
        return Shard(STDIN, "missing", reason=str(err))
    return Shard(STDIN, "bytes", data=data)
