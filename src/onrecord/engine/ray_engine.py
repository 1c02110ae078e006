"""Analysing articles on a Ray cluster: a Ray Dataset of articles, analysed by actors that each
load the pipeline once, with the results streamed back to this process in input order.

Ray is an optional extra (``pip install 'onrecord[ray]'``), imported only when this engine is
used; without it :func:`analyze_with_ray` raises :class:`~onrecord.errors.EngineError` saying
how to install it. ``address`` is ``None`` (a Ray started here, on this machine, and stopped
at the end), ``"auto"`` (the cluster this machine belongs to) or ``ray://HOST:PORT`` (a remote
cluster through Ray Client); a Ray this process is already connected to is used as it is.

The records are written by the caller, in this process (the store's one writer), in input
order, so the store ends up row for row as with the local engine: a near-duplicate story is
assigned on insertion, which depends on the order. The cross-article steps (stories, the
links kept for disputes, entity resolution) stay with the store, after the analysis.

Failures cost what they cost locally: an article that raises is analysed again on its own and
becomes a :class:`~onrecord.models.Discarded` record; an actor that dies (killed, out of
memory) is restarted a bounded number of times and its batch retried once; a batch still lost
after that costs only the articles in flight on that actor (at most :data:`IN_FLIGHT` batches
of :data:`BATCH`), each reported as Discarded, and the run goes on. Only a missing model
(:class:`~onrecord.errors.ModelError`) ends the stream.
"""

from __future__ import annotations

import os
import pickle
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from onrecord.errors import EngineError, ModelError
from onrecord.models import Article, ArticleRecord, Discarded

if TYPE_CHECKING:
    from types import ModuleType

    from onrecord.extract.entities.dictionaries import ActorDictionary

Result = ArticleRecord | Discarded
T = TypeVar("T")
BATCH = 4
"""Articles per Ray task (and per block of the Dataset)."""
IN_FLIGHT = 2
"""Batches queued on an actor at once (one analysed, the next waiting, so it never idles): a
dead actor costs at most IN_FLIGHT * BATCH articles."""
ACTOR_RESTARTS = 3
"""How many times Ray restarts a dead actor (each death also retries its batch once)."""
FAULT_ENV = "ONRECORD_RAY_TEST_KILL"
"""Test-only: an actor analysing an article whose text holds this variable's value dies (set
in the driver's environment, it is passed on to the actors)."""
INSTALL_HINT = "the Ray engine needs Ray: pip install 'onrecord[ray]'"


def import_ray() -> ModuleType:
    """The ``ray`` module, or an EngineError saying how to install it."""
    try:
        import ray
        import ray.data  # noqa: F401 - the Dataset API, from the ray[data] extra
    except ImportError as err:
        raise EngineError(f"{INSTALL_HINT} ({err})") from err
    return ray


class _Analyser:
    """A Ray actor's work: the pipeline loaded once, then batches of pickled articles in,
    pickled results out (records stay plain frozen dataclasses)."""

    def __init__(self, dictionary: ActorDictionary | None = None) -> None:
        from onrecord.engine import local

        self.dictionary = dictionary
        self.fault = os.environ.get(FAULT_ENV) or None
        self.model_error: str | None = None
        try:
            from onrecord.nlp.pipeline import load_pipeline

            load_pipeline()
        except ModelError as err:  # said in each batch's results, raised by the driver
            self.model_error = str(err)
        self._local = local

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        articles: list[Article] = [pickle.loads(blob) for blob in batch["article"]]
        if self.model_error is not None:
            return {"index": batch["index"], "result": [b"" for _ in articles],
                    "error": [self.model_error for _ in articles]}
        if self.fault and any(self.fault in a.text for a in articles):
            os._exit(1)  # the test's actor death, as on an out-of-memory kill
        self._local._worker_dictionary = self.dictionary
        try:
            results = self._local._in_process(articles)
        except ModelError as err:
            return {"index": batch["index"], "result": [b"" for _ in articles],
                    "error": [str(err) for _ in articles]}
        return {"index": batch["index"], "result": [pickle.dumps(r) for r in results],
                "error": ["" for _ in articles]}


def _lost(article: Article) -> Discarded:
    return Discarded(article.origin or article.id, "extract",
                     "the Ray actor analysing it died (killed or out of memory) and its "
                     "retry failed too; run the same command again to retry it")


def connect(ray: ModuleType, address: str | None, workers: int) -> bool:
    """Connect to Ray (start one here when ``address`` is None); True if this call did. A Ray
    Client address is tried :data:`CLIENT_ATTEMPTS` times (its server starts a process per
    client, which can time out on a busy head); a failed attempt is undone, so this process
    can connect again."""
    if ray.is_initialized():
        return False
    options: dict[str, Any] = {"ignore_reinit_error": True, "log_to_driver": False}
    if address is None:
        options.update(num_cpus=max(workers, 1), include_dashboard=False)
    attempts = CLIENT_ATTEMPTS if (address or "").startswith("ray://") else 1
    for attempt in range(1, attempts + 1):
        try:
            ray.init(address=address, **options)
            return True
        except Exception as err:  # noqa: BLE001 - Ray raises many kinds; all mean "no Ray"
            with suppress(Exception):
                ray.shutdown()
            if attempt == attempts:
                raise EngineError(f"cannot connect to Ray at {address or 'a local Ray'}: "
                                  f"{type(err).__name__}: {err}") from err
            time.sleep(2 * attempt)
    raise AssertionError("unreachable")


CLIENT_ATTEMPTS = 3
"""How many times a Ray Client (``ray://``) connection is tried."""


def run_on_ray(address: str | None, workers: int, start: Callable[[], Iterator[T]]
               ) -> Iterator[T]:
    """What ``start()`` yields, run as Ray's driver: here, or on the cluster when this process
    reaches it through Ray Client (``ray://``), where Ray Data cannot drive a Dataset: there a
    pump actor (:class:`_Pump`) runs ``start()`` and this process takes its items in chunks.
    Connects first (module docstring); Ray is shut down at the end only if started here."""
    ray = import_ray()
    started = connect(ray, address, workers)
    try:
        if _through_client(ray):
            pump = ray.remote(num_cpus=0)(_Pump).remote(start)
            try:
                while chunk := ray.get(pump.take.remote(PUMP_CHUNK)):
                    for kind, item in chunk:
                        if kind == "model_error":
                            raise ModelError(item)
                        if kind == "error":
                            raise EngineError(f"the run failed on the Ray cluster: {item}")
                        yield item
            finally:
                ray.kill(pump)
        else:
            with ordered_stream():
                yield from start()
    finally:
        if started:
            ray.shutdown()


PUMP_CHUNK = 32
"""Items a Ray Client process takes from the cluster at a time."""


def _through_client(ray: ModuleType) -> bool:
    try:
        return bool(ray.util.client.ray.is_connected())
    except AttributeError:
        return False


class _Pump:
    """On the cluster, for a Ray Client process: runs ``start()`` as the driver and gives its
    items in chunks (a missing model, or another failure, as a ``("model_error" | "error",
    message)`` item, raised by the client as ModelError or EngineError)."""

    def __init__(self, start: Callable[[], Iterator[Any]]) -> None:
        self._context = ordered_stream()
        self._context.__enter__()  # this actor's process drives nothing else
        self._items = start()

    def take(self, n: int) -> list[tuple[str, Any]]:
        try:
            return [("item", item) for item in islice(self._items, n)]
        except ModelError as err:
            return [("model_error", str(err))]
        except Exception as err:  # noqa: BLE001 - said to the client, raised there
            return [("error", f"{type(err).__name__}: {err}")]


def analyze_with_ray(articles: Iterable[Article], workers: int = 2,
                     address: str | None = None,
                     dictionary: ActorDictionary | None = None,
                     batch_size: int = BATCH) -> Iterator[Result]:
    """The record (or Discarded) of each article, in order, analysed by ``workers`` Ray actors.

    ``address`` chooses the cluster (module docstring); Ray is shut down at the end only if
    it was started here. A lost batch's articles come back as Discarded, in their place.
    """
    import_ray()
    items = [{"index": i, "article": pickle.dumps(a)} for i, a in enumerate(articles)]
    if not items:
        return
    yield from run_on_ray(address, workers,
                          partial(_stream, items, workers, dictionary, batch_size))


@contextmanager
def ordered_stream() -> Iterator[None]:
    """Ray Data set to give rows in input order, to report a lost block (instead of failing the
    run) and to draw no progress bars; the caller's own settings come back after."""
    from ray.data import DataContext

    context = DataContext.get_current()
    saved = (context.execution_options.preserve_order, context.max_errored_blocks,
             context.enable_progress_bars)
    context.execution_options.preserve_order = True
    context.max_errored_blocks = -1  # a lost batch is reported per article, not fatal
    context.enable_progress_bars = False
    try:
        yield
    finally:  # the caller's own Datasets keep their settings
        (context.execution_options.preserve_order, context.max_errored_blocks,
         context.enable_progress_bars) = saved


def fault_env() -> dict[str, Any] | None:
    """The runtime environment that passes the test's actor-death hook on to the actors."""
    fault = os.environ.get(FAULT_ENV)
    return {"env_vars": {FAULT_ENV: fault}} if fault else None


def actor_rows(items: list[dict[str, Any]], blocks: int, actor: type,
               options: dict[str, Any], workers: int) -> Iterator[dict[str, Any]]:
    """The rows ``actor`` (a class: one instance per Ray actor, built with ``options``) makes
    of ``items`` cut in ``blocks`` (one block a call), in input order, from ``workers`` actors
    (restarted when they die, each call retried once; a lost block is left out)."""
    import ray
    from ray.data import ActorPoolStrategy

    with warnings.catch_warnings():  # the actor's restart options have no named parameter
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = ray.data.from_items(items, override_num_blocks=blocks).map_batches(
            actor, fn_constructor_kwargs=options,
            compute=ActorPoolStrategy(size=max(workers, 1),
                                      max_tasks_in_flight_per_actor=IN_FLIGHT),
            batch_size=None, num_cpus=1, batch_format="numpy", runtime_env=fault_env(),
            max_restarts=ACTOR_RESTARTS, max_task_retries=1)
    yield from dataset.iter_rows()


def _stream(items: list[dict[str, Any]], workers: int, dictionary: ActorDictionary | None,
            batch_size: int) -> Iterator[Result]:
    blocks = -(-len(items) // batch_size)  # one block per task (batch_size None: not bundled)
    rows = actor_rows(items, blocks, _Analyser, {"dictionary": dictionary}, workers)
    expected = 0
    for row in rows:
        index = int(row["index"])
        if row["error"]:
            raise ModelError(str(row["error"]))
        while expected < index:  # the rows between were in a lost batch
            yield _lost(pickle.loads(items[expected]["article"]))
            expected += 1
        yield pickle.loads(row["result"])
        expected = max(expected, index + 1)
    while expected < len(items):
        yield _lost(pickle.loads(items[expected]["article"]))
        expected += 1
