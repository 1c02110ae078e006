"""Ingesting on a Ray cluster: the sources read, analysed and (with PostgreSQL) stored by actors.

The driver only plans: it lists directories, expands globs and cuts big WARC archives into
byte ranges (:func:`~onrecord.ingest.plan_shards`), never reading a document, and groups the
shards into work units (:data:`FILES_PER_UNIT` files, or one archive range). The units are a Ray
Dataset; ``map_batches`` gives each to an actor (:class:`_Ingester`, the pipeline loaded once
per actor; ``concurrency`` is the number of workers), which reads its shards
(:func:`~onrecord.ingest.read_shard`), passes over the articles already stored, analyses the
rest and:

- with PostgreSQL, stores each record itself, one transaction per article, its own rows only
  (``Corpus.add(record, derive=False)``), so the cluster has no single writer; the driver then
  derives the cross-article rows (entities, stories, counts) of each, in input order
  (``Corpus.derive_stored``), which makes the store the local engine's, row for row;
- with SQLite, sends the record back, and the driver stores it (SQLite has one writer).

Each unit's outcomes come back in input order. A bad document is a Discarded row; an actor that
dies is restarted (at most :data:`~onrecord.engine.ray_engine.ACTOR_RESTARTS` times) and its
unit retried once; a unit still lost costs only its shards, each reported as Discarded, and a
re-run reads them again. Articles an actor stored before it died are derived when the retry or
the next run finds them waiting.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onrecord.engine import local
from onrecord.engine.outcomes import Outcome, Skipped, Stored
from onrecord.engine.ray_engine import _Analyser, actor_rows, import_ray, run_on_ray
from onrecord.errors import ModelError, OnRecordError, StoreError
from onrecord.ingest import WARC_SHARD_BYTES, Shard, plan_shards, read_shard
from onrecord.models import Article, ArticleRecord, Discarded

if TYPE_CHECKING:
    from onrecord.extract.entities.dictionaries import ActorDictionary
    from onrecord.store import Corpus

FILES_PER_UNIT = 4
"""Files (or URLs) an actor reads and analyses as one unit; an archive range is a unit alone."""
WARC_RANGE = WARC_SHARD_BYTES
"""Bytes of a WARC archive in one unit (a bigger archive is read in ranges, in parallel)."""




def units_of(shards: Sequence[Shard]) -> list[list[Shard]]:
    """The shards in work units, in order: up to :data:`FILES_PER_UNIT` documents together, an
    archive range alone."""
    units: list[list[Shard]] = []
    for shard in shards:
        if (units and shard.kind != "warc_range" and units[-1][-1].kind != "warc_range"
                and len(units[-1]) < FILES_PER_UNIT):
            units[-1].append(shard)
        else:
            units.append([shard])
    return units


def shard_name(shard: Shard) -> str:
    """How a shard is named in a Discarded row."""
    if shard.kind == "warc_range":
        return f"{shard.source}#bytes={shard.start}-{shard.end if shard.end is not None else ''}"
    return shard.source


class _Ingester(_Analyser):
    """A Ray actor: reads a unit's shards, passes over stored articles, analyses the rest and
    stores them (PostgreSQL) or sends them back (SQLite)."""

    def __init__(self, dictionary: ActorDictionary | None = None, *, store: str | None = None,
                 known: Any = None, published: str | None = None,
                 allow_private: bool = False) -> None:
        super().__init__(dictionary)
        self.published, self.allow_private = published, allow_private
        self.corpus: Corpus | None = None
        self.store_error: str | None = None
        if store is not None:
            from onrecord.store import Corpus

            try:
                self.corpus = Corpus(store, migrate=False)  # the driver migrated it
            except OnRecordError as err:  # said for each article this actor reads
                self.store_error = str(err)
        if known is not None and not isinstance(known, set | frozenset):
            import ray

            known = ray.get(known)
        self.known: frozenset[str] = frozenset(known or ())

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        outcomes = [pickle.dumps(self.ingest(pickle.loads(blob))) for blob in batch["shards"]]
        return {"unit": batch["unit"], "outcomes": outcomes}

    def ingest(self, shards: list[Shard]) -> list[Outcome] | str:
        """The unit's outcomes in order, or the model error that stops the run."""
        if self.model_error is not None:
            return self.model_error
        read: list[Article | Discarded] = []
        fresh: list[Article] = []
        for shard in shards:
            for item in read_shard(shard, self.published, allow_private=self.allow_private):
                read.append(item)
                if isinstance(item, Article):
                    fresh.append(item)
        try:
            if self.store_error is not None:
                raise StoreError(self.store_error)
            waiting = self._stored_of([a.id for a in fresh])
        except OnRecordError as err:  # the store cannot be reached: the unit's articles wait
            return [item if isinstance(item, Discarded) else
                    Discarded(item.origin or item.id, "store", str(err)) for item in read]
        to_analyse = [a for a in fresh if a.id not in waiting]
        if self.fault and any(self.fault in a.text for a in to_analyse):
            os._exit(1)  # the test's actor death, as on an out-of-memory kill
        local._worker_dictionary = self.dictionary
        try:
            results = iter(local._in_process(to_analyse))
        except ModelError as err:
            return str(err)
        done: list[Outcome] = []
        for item in read:
            if not isinstance(item, Article):
                done.append(item)
            elif item.id in waiting:  # stored: derived (skip) or waiting (the driver derives)
                done.append(Skipped(item.id) if waiting[item.id] else Stored(item.id))
            else:
                done.append(self._keep(next(results)))
        return done

    def _stored_of(self, ids: list[str]) -> dict[str, bool]:
        if self.corpus is not None:
            return self.corpus.stored_among(ids)
        return {i: True for i in ids if i in self.known}

    def _keep(self, result: ArticleRecord | Discarded) -> Outcome:
        if self.corpus is None or isinstance(result, Discarded):
            return result
        a = result.article
        try:
            return Stored(a.id) if self.corpus.add(result, derive=False) else Skipped(a.id)
        except OnRecordError as err:
            return Discarded(a.origin or a.id, "store", str(err))


def ingest_on_ray(corpus: Corpus, paths: Sequence[str | Path], *, published: str | None,
                  allow_private: bool, workers: int, address: str | None,
                  dictionary: ActorDictionary | None) -> Iterator[Outcome]:
    """Each document's outcome, in input order: an ArticleRecord for the caller to store
    (SQLite), ``Stored`` (an actor stored it; the caller derives it), ``Skipped`` or
    Discarded. ``published`` is the parsed date override; ``address`` as for
    :func:`~onrecord.engine.ray_engine.run_on_ray`."""
    import_ray()
    shards = []
    for shard in plan_shards(paths, warc_shard_bytes=WARC_RANGE):
        if shard.kind == "missing":
            yield Discarded(shard.source, "ingest", shard.reason or "cannot be read")
        else:
            shards.append(shard)
    units = units_of(shards)
    if not units:
        return
    options: dict[str, Any] = {"published": published, "allow_private": allow_private,
                               "dictionary": dictionary}
    if corpus.dialect == "postgres":  # the actors store; the server must be reachable
        options["store"] = corpus.path
    else:  # the driver stores; the actors pass over what it holds
        options["known"] = frozenset(str(r[0]) for r in corpus.query("SELECT id FROM articles"))
    yield from run_on_ray(address, workers, partial(_stream, units, workers, options))


def _stream(units: list[list[Shard]], workers: int, options: dict[str, Any]
            ) -> Iterator[Outcome]:
    import ray

    if "known" in options:  # one copy in the object store, not one per actor
        options = {**options, "known": ray.put(options["known"])}
    items = [{"unit": i, "shards": pickle.dumps(unit)} for i, unit in enumerate(units)]
    rows = actor_rows(items, len(items), _Ingester, options, workers)
    expected = 0
    for row in rows:
        index = int(row["unit"])
        outcomes = pickle.loads(row["outcomes"])
        if isinstance(outcomes, str):
            raise ModelError(outcomes)
        while expected < index:  # the units between were lost with their actor
            yield from _lost(units[expected])
            expected += 1
        yield from outcomes
        expected = max(expected, index + 1)
    while expected < len(units):
        yield from _lost(units[expected])
        expected += 1


def _lost(unit: list[Shard]) -> Iterator[Discarded]:
    for shard in unit:
        yield Discarded(shard_name(shard), "extract",
                        "the Ray actor reading and analysing it died (killed or out of memory)"
                        " and its retry failed too; run the same command again to retry it")
