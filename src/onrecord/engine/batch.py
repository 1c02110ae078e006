"""Batch ingest: sources in, records stored, one transaction per article, resumable.

Each article is committed on its own, so an interrupted run (Ctrl-C, a crash, a killed
process) loses at most the articles in flight; running the same command again skips every
article already stored (its id is the hash of its text) and finishes the rest. Documents that
cannot be analysed are recorded as discarded, with the stage and the reason, as they happen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from onrecord.engine.local import analyze_with_engine
from onrecord.errors import OnRecordError
from onrecord.ingest import load_sources
from onrecord.models import Article, Discarded
from onrecord.store import Corpus

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


def ingest_sources(corpus: Corpus, paths: Sequence[str | Path], *,
                   published: str | None = None, allow_private: bool = False,
                   workers: int = 1,
                   progress: Callable[[str, Discarded | None], None] | None = None,
                   dictionary: ActorDictionary | None = None,
                   engine: str = "local", address: str | None = None,
                   ) -> IngestReport:
    """Load, analyse and store every article of ``paths``.

    ``progress(event, item)`` is called with "stored", "skipped" or "discarded" (and the
    Discarded record) after each document, and with "disputes" before the run ends by keeping
    the corpus's links between statements, of which disputes are made
    (:func:`onrecord.analysis.links.keep_findings`), when it stored anything. A
    KeyboardInterrupt stops the run cleanly: what was committed stays, and the report says it
    was interrupted. ``dictionary`` (the user's actors and agents) codes the events' actors;
    an article already stored is not analysed again with it. ``engine`` is "local" (worker
    processes here) or "ray" (``workers`` Ray actors on the cluster at ``address``:
    :mod:`onrecord.engine.ray_engine`); either way the records are stored here, in order.
    """
    report = IngestReport()
    seen: set[str] = set()

    def note(event: str, item: Discarded | None = None) -> None:
        if item is not None:
            report.discarded.append(item)
            corpus.add_discarded(item)
        if progress:
            progress(event, item)

    def fresh() -> Iterator[Article]:
        for item in load_sources(paths, published=published, allow_private=allow_private):
            if isinstance(item, Discarded):
                note("discarded", item)
            elif item.id in seen or corpus.has_article(item.id):
                report.skipped += 1
                note("skipped")
            else:
                seen.add(item.id)
                yield item

    try:
        for result in analyze_with_engine(fresh(), workers, dictionary=dictionary,
                                          engine=engine, address=address):
            if isinstance(result, Discarded):
                note("discarded", result)
                continue
            try:
                added = corpus.add(result)
            except OnRecordError as error:
                note("discarded", Discarded(result.article.origin or result.article.id,
                                            "store", str(error)))
                continue
            if added:
                report.stored += 1
                note("stored")
            else:
                report.skipped += 1
                note("skipped")
    except KeyboardInterrupt:
        report.interrupted = True
        return report
    if report.stored:
        from onrecord.analysis.links import keep_findings

        if progress:
            progress("disputes", None)
        try:
            report.links = len(keep_findings(corpus))
        except KeyboardInterrupt:  # the articles are stored; the next query computes the links
            report.interrupted = True
    return report
