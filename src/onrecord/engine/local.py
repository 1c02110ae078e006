"""Analysing a stream of articles in worker processes, each loading the pipeline once.

Articles are read lazily and sent in small chunks, with a bounded number of chunks in flight,
so memory stays flat however long the stream is. Results come back in input order. With one
worker everything runs in this process (no pickling, easiest to debug). A user dictionary
(:func:`~onrecord.read_dictionaries`) is given to each worker once, when its process starts.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TYPE_CHECKING

from onrecord.engine.orphans import die_with_parent
from onrecord.errors import EngineError, ModelError
from onrecord.models import Article, ArticleRecord, Discarded

if TYPE_CHECKING:
    from onrecord.extract.entities.dictionaries import ActorDictionary

Result = ArticleRecord | Discarded
CHUNK = 8
_worker_dictionary: ActorDictionary | None = None
"""In a worker process: the user dictionary its pool was started with."""


def default_workers() -> int:
    """The number of CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _start_worker(parent: int, dictionary: ActorDictionary | None) -> None:
    """A worker process's start: exit with the parent, keep the user dictionary."""
    global _worker_dictionary
    die_with_parent(parent)
    _worker_dictionary = dictionary


def _analyse_chunk(articles: list[Article]) -> list[Result]:
    """A chunk analysed with this process's dictionary (the pool's, or the one set here)."""
    from onrecord.analyze import analyze_articles

    return list(analyze_articles(articles, dictionary=_worker_dictionary))


def _failed(article: Article, err: BaseException) -> Discarded:
    reason = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
    return Discarded(article.origin or article.id, "extract", f"the analysis failed: {reason}")


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def _in_process(chunk: list[Article]) -> list[Result]:
    """A chunk analysed here; if that raises, again one article at a time, so an article
    that raises costs only itself (a missing model is still the caller's ModelError)."""
    try:
        return _analyse_chunk(chunk)
    except ModelError:
        raise
    except Exception:  # noqa: BLE001 - retried one by one below
        results: list[Result] = []
        for article in chunk:
            try:
                results += _analyse_chunk([article])
            except ModelError:
                raise
            except Exception as err:  # noqa: BLE001 - reported as discarded
                results.append(_failed(article, err))
        return results


def _one_by_one(chunk: list[Article], workers: int,
                dictionary: ActorDictionary | None) -> list[Result]:
    """Analyse a chunk one article per task, so the article that raises, or whose process
    dies, is the only one lost (a fresh pool after each death)."""
    results: list[Result] = []
    pool = _new_pool(workers, dictionary)
    try:
        for article in chunk:
            try:
                results += pool.submit(_analyse_chunk, [article]).result()
            except BrokenProcessPool as err:
                results.append(Discarded(article.origin or article.id, "extract",
                                         f"the worker process died: {err}"))
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(workers, dictionary)
            except ModelError:
                raise
            except Exception as err:  # noqa: BLE001 - reported as discarded
                results.append(_failed(article, err))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return results


def _new_pool(workers: int, dictionary: ActorDictionary | None) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                               initargs=(os.getpid(), dictionary))


def analyze_in_workers(articles: Iterable[Article], workers: int = 1,
                       chunk_size: int = CHUNK,
                       dictionary: ActorDictionary | None = None) -> Iterator[Result]:
    """The record (or Discarded) of each article, in order, analysed by ``workers`` processes.

    A failing article costs only itself: when a chunk raises, or its worker process dies
    (out of memory, killed), the chunk is analysed again one article at a time, and only the
    article that raises or kills its process is discarded, with the reason; the stream goes
    on (with a fresh pool after a death). Worker processes exit when this process dies
    (:func:`~onrecord.engine.orphans.die_with_parent`). Only a missing model
    (:class:`~onrecord.errors.ModelError`) ends the stream. ``dictionary`` (the user's actors
    and agents) is used by every worker.
    """
    global _worker_dictionary
    if workers <= 1:  # this process is the worker: its dictionary is set for each chunk
        for chunk in _chunks(articles, chunk_size):
            _worker_dictionary = dictionary
            yield from _in_process(chunk)
        return
    chunks = _chunks(articles, chunk_size)
    pool = _new_pool(workers, dictionary)
    pending: deque[tuple[list[Article], Future[list[Result]]]] = deque()
    try:
        while True:
            while len(pending) < workers * 2:
                upcoming = next(chunks, None)
                if upcoming is None:
                    break
                pending.append((upcoming, pool.submit(_analyse_chunk, upcoming)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:  # every pending chunk failed with it: run them again
                pool.shutdown(wait=False, cancel_futures=True)
                results = _one_by_one(chunk, workers, dictionary)
                retry = [c for c, _ in pending]
                pending.clear()
                pool = _new_pool(workers, dictionary)
                pending.extend((c, pool.submit(_analyse_chunk, c)) for c in retry)
            except ModelError:
                raise
            except Exception:  # noqa: BLE001 - the chunk again, one article per task
                results = _one_by_one(chunk, workers, dictionary)
            yield from results
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


ENGINES = ("local", "ray")


def analyze_with_engine(articles: Iterable[Article], workers: int = 1, *,
                        dictionary: ActorDictionary | None = None, engine: str = "local",
                        address: str | None = None) -> Iterator[Result]:
    """The record (or Discarded) of each article, in order, from ``engine``: "local" (worker
    processes, :func:`analyze_in_workers`) or "ray" (Ray actors on the cluster at
    ``address``, :func:`onrecord.engine.ray_engine.analyze_with_ray`, which needs
    ``onrecord[ray]``)."""
    if engine == "ray":
        from onrecord.engine.ray_engine import analyze_with_ray

        return analyze_with_ray(articles, workers, address=address, dictionary=dictionary)
    if engine != "local":
        raise EngineError(f"no engine {engine!r}: choose one of {', '.join(ENGINES)}")
    return analyze_in_workers(articles, workers, dictionary=dictionary)
