"""Analysing a stream of articles in worker processes, each loading the pipeline once.

Articles are read lazily and sent in small chunks, with a bounded number of chunks in flight,
so memory stays flat however long the stream is. Results come back in input order. With one
worker everything runs in this process (no pickling, easiest to debug).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from onrecord.models import Article, ArticleRecord, Discarded

Result = ArticleRecord | Discarded
CHUNK = 8


def default_workers() -> int:
    """The number of CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _analyse_chunk(articles: list[Article]) -> list[Result]:
    from onrecord.analyze import analyze_articles

    return list(analyze_articles(articles))


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def _one_by_one(chunk: list[Article], workers: int) -> list[Result]:
    """Analyse a chunk one article per task, so the article whose process dies is the only
    one lost (a fresh pool after each death)."""
    results: list[Result] = []
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        for article in chunk:
            try:
                results += pool.submit(_analyse_chunk, [article]).result()
            except BrokenProcessPool as err:
                results.append(Discarded(article.origin or article.id, "extract",
                                         f"the worker process died: {err}"))
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=workers)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return results


def analyze_in_workers(articles: Iterable[Article], workers: int = 1,
                       chunk_size: int = CHUNK) -> Iterator[Result]:
    """The record (or Discarded) of each article, in order, analysed by ``workers`` processes.

    When a worker process dies (out of memory, killed), its chunk is analysed again one
    article at a time, so only the article that kills its process is discarded, and the
    stream goes on with a fresh pool. An ordinary error in a worker discards its chunk with
    the reason.
    """
    if workers <= 1:
        from onrecord.analyze import analyze_articles

        yield from analyze_articles(articles)
        return
    chunks = _chunks(articles, chunk_size)
    pool = ProcessPoolExecutor(max_workers=workers)
    pending: deque[tuple[list[Article], Future[list[Result]]]] = deque()
    try:
        while True:
            while len(pending) < workers * 2:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, pool.submit(_analyse_chunk, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:  # every pending chunk failed with it: run them again
                pool.shutdown(wait=False, cancel_futures=True)
                results = _one_by_one(chunk, workers)
                retry = [c for c, _ in pending]
                pending.clear()
                pool = ProcessPoolExecutor(max_workers=workers)
                pending.extend((c, pool.submit(_analyse_chunk, c)) for c in retry)
            except Exception as err:  # noqa: BLE001 - reported, and the stream goes on
                reason = f"worker failed: {type(err).__name__}: {err}"
                results = [Discarded(a.origin or a.id, "extract", reason) for a in chunk]
            yield from results
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
