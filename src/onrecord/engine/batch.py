"""Batch ingest: sources in, records stored, one transaction per article, resumable.

Each article is committed on its own, so an interrupted run (Ctrl-C, a crash, a killed
process) loses at most the articles in flight; running the same command again skips every
article already stored (its id is the hash of its text) and finishes the rest. Documents that
cannot be analysed are recorded as discarded, with the stage and the reason, as they happen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from onrecord.engine.local import analyze_with_engine
from onrecord.engine.outcomes import Outcome, Skipped, Stored
from onrecord.errors import EngineError, OnRecordError
from onrecord.ingest import load_sources, parse_published
from onrecord.models import Article, ArticleRecord, Discarded
from onrecord.store import Corpus
from onrecord.store.corpus import DERIVE_BATCH

if TYPE_CHECKING:
    from onrecord.extract.entities.dictionaries import ActorDictionary


@dataclass
class IngestReport:
    """What one ingest run did."""

    stored: int = 0
    skipped: int = 0  # already in the corpus, or the same text twice in this batch
    discarded: list[Discarded] = field(default_factory=list)
    interrupted: bool = False
    links: int | None = None  # links between statements kept for disputes, when recomputed
    storyline_views: int | None = None  # large storylines' views kept for their pages


def _outcomes(corpus: Corpus, paths: Sequence[str | Path],
              fresh: Callable[[], Iterator[Article]], *, published: str | None,
              allow_private: bool, workers: int, dictionary: ActorDictionary | None,
              engine: str, address: str | None) -> Iterator[Outcome]:
    """Each document's outcome, in input order, from ``engine``."""
    if engine != "ray":  # read here, analysed in worker processes
        yield from analyze_with_engine(fresh(), workers, dictionary=dictionary, engine=engine,
                                       address=address)
        return
    from onrecord.engine.ray_ingest import ingest_on_ray

    date = None if published is None else parse_published(published)
    yield from ingest_on_ray(corpus, paths, published=date, allow_private=allow_private,
                             workers=workers, address=address, dictionary=dictionary)


def ingest_articles(corpus: Corpus, loaded: Iterable[Article | Discarded], *,
                    workers: int = 1,
                    progress: Callable[[str, Discarded | None], None] | None = None,
                    dictionary: ActorDictionary | None = None) -> IngestReport:
    """Analyse and store articles already loaded (a Discarded item is recorded as such), as
    :func:`ingest_sources` does with the articles of its paths, on the local engine: the same
    analysis, cross-article rows, storylines and kept links for disputes. ``onrecord watch``
    ingests what each round fetched with it."""
    return ingest_sources(corpus, [], workers=workers, progress=progress,
                          dictionary=dictionary, loaded=loaded)


def ingest_sources(corpus: Corpus, paths: Sequence[str | Path], *,
                   published: str | None = None, allow_private: bool = False,
                   workers: int = 1,
                   progress: Callable[[str, Discarded | None], None] | None = None,
                   dictionary: ActorDictionary | None = None,
                   engine: str = "local", address: str | None = None,
                   loaded: Iterable[Article | Discarded] | None = None,
                   ) -> IngestReport:
    """Load, analyse and store every article of ``paths``.

    ``progress(event, item)`` is called with "stored", "skipped" or "discarded" (and the
    Discarded record) after each document, and with "disputes" before the run ends by keeping
    the corpus's links between statements, of which disputes are made
    (:func:`onrecord.analysis.links.keep_findings`) and the views of its large storylines
    (:func:`onrecord.analysis.storyline_view.keep_storyline_views`), when it stored anything. A
    KeyboardInterrupt stops the run cleanly: what was committed stays, and the report says it
    was interrupted. ``dictionary`` (the user's actors and agents) codes the events' actors;
    an article already stored is not analysed again with it. ``engine`` is "local" (worker
    processes here) or "ray" (``workers`` Ray actors on the cluster at ``address`` read,
    analyse and, with PostgreSQL, store the articles: :mod:`onrecord.engine.ray_ingest`);
    either way the cross-article rows are derived here, in input order, so the store is the
    same. Articles stored by the workers of a run that stopped before deriving them are
    derived first. ``loaded``, when given, is read in place of ``paths`` (local engine only).
    """
    if loaded is not None and engine == "ray":
        raise EngineError("articles already loaded are analysed on the local engine only")
    report = IngestReport()
    seen: set[str] = set()

    def note(event: str, item: Discarded | None = None) -> None:
        if item is not None:
            report.discarded.append(item)
            corpus.add_discarded(item)
        if progress:
            progress(event, item)

    def store(record: ArticleRecord) -> None:
        try:
            added = corpus.add(record)
        except OnRecordError as error:
            a = record.article
            note("discarded", Discarded(a.origin or a.id, "store", str(error)))
            return
        if added:
            report.stored += 1
        else:
            report.skipped += 1
        note("stored" if added else "skipped")

    def fresh() -> Iterator[Article]:
        items = loaded if loaded is not None else load_sources(
            paths, published=published, allow_private=allow_private)
        for item in items:
            if isinstance(item, Discarded):
                note("discarded", item)
            elif item.id in seen or corpus.has_article(item.id):
                report.skipped += 1
                note("skipped")
            else:
                seen.add(item.id)
                yield item

    waiting: list[str] = []  # stored by workers, to derive here in input order

    def derive_waiting() -> None:
        ids, waiting[:] = list(waiting), []
        try:
            derived = corpus.derive_stored(ids)
        except OnRecordError:  # again one by one: only the article that fails is lost
            derived = 0
            for article_id in list(ids):
                try:
                    derived += corpus.derive_stored([article_id])
                except OnRecordError as error:
                    ids.remove(article_id)
                    note("discarded", Discarded(article_id, "store", str(error)))
        report.stored += derived
        report.skipped += len(ids) - derived  # derived meanwhile by another process
        for event in ["stored"] * derived + ["skipped"] * (len(ids) - derived):
            note(event)

    try:
        waiting.extend(corpus.underived())  # a run that stopped before deriving them
        derive_waiting()
        for result in _outcomes(corpus, paths, fresh, published=published,
                                allow_private=allow_private, workers=workers,
                                dictionary=dictionary, engine=engine, address=address):
            if isinstance(result, Stored):  # a worker stored it: derive it, in order
                waiting.append(result.article_id)
                if len(waiting) >= DERIVE_BATCH:
                    derive_waiting()
            elif isinstance(result, Discarded):
                note("discarded", result)
            elif isinstance(result, Skipped):
                report.skipped += 1
                note("skipped")
            else:
                store(result)
        waiting.extend(a for a in corpus.underived() if a not in waiting)  # a lost unit's
        derive_waiting()
    except KeyboardInterrupt:
        report.interrupted = True
        return report
    if report.stored:
        from onrecord.analysis.links import keep_findings
        from onrecord.analysis.storyline_view import keep_storyline_views

        if progress:
            progress("disputes", None)
        try:
            report.links = len(keep_findings(corpus))
            report.storyline_views = keep_storyline_views(corpus)
        except KeyboardInterrupt:  # the articles are stored; the next query computes the links
            report.interrupted = True
    return report
