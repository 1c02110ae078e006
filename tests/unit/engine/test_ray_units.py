"""The Ray engine's parts that need no Ray: shards grouped into work units, and an actor's unit
when the store cannot be reached (hand-built actor, no model loaded)."""

from __future__ import annotations

from pathlib import Path

from onrecord.engine.ray_ingest import FILES_PER_UNIT, _Ingester, shard_name, units_of
from onrecord.errors import StoreError
from onrecord.ingest import Shard, plan_shards
from onrecord.models import Discarded

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def test_files_go_four_to_a_unit_and_an_archive_range_alone() -> None:
    files = [Shard(f"f{n}.txt", "document") for n in range(6)]
    ranges = [Shard("a.warc", "warc_range", 0, 10), Shard("a.warc", "warc_range", 10, None)]
    units = units_of(files[:5] + ranges + files[5:])
    assert [len(u) for u in units] == [FILES_PER_UNIT, 1, 1, 1, 1]
    assert [s for u in units for s in u] == files[:5] + ranges + files[5:]  # order kept
    assert shard_name(ranges[0]) == "a.warc#bytes=0-10"
    assert shard_name(ranges[1]) == "a.warc#bytes=10-"


class _Unreachable:
    def stored_among(self, ids: list[str]) -> dict[str, bool]:
        raise StoreError("cannot reach the server")


def test_a_store_out_of_reach_discards_the_units_articles_with_the_reason() -> None:
    actor = _Ingester.__new__(_Ingester)  # no pipeline: the unit never gets to the analysis
    actor.model_error, actor.fault, actor.dictionary = None, None, None
    actor.published, actor.allow_private, actor.store_error = None, False, None
    actor.corpus, actor.known = _Unreachable(), frozenset()  # type: ignore[assignment]
    shards = list(plan_shards([EXAMPLES / "wire-digest.jsonl",
                               EXAMPLES / "2025-03-03-harbor-wire-collision.txt"]))
    outcomes = actor.ingest(shards)
    assert isinstance(outcomes, list) and len(outcomes) >= 3  # the digest holds several
    assert outcomes and all(isinstance(o, Discarded) and o.stage == "store"
                           and "cannot reach the server" in o.reason for o in outcomes)


def test_an_actor_that_cannot_open_the_store_discards_what_it_reads() -> None:
    actor = _Ingester.__new__(_Ingester)
    actor.model_error, actor.fault, actor.dictionary = None, None, None
    actor.published, actor.allow_private = None, False
    actor.corpus, actor.known = None, frozenset()
    actor.store_error = "cannot open the corpus database: connection refused"
    outcomes = actor.ingest(list(plan_shards([EXAMPLES / "wire-digest.jsonl"])))
    assert isinstance(outcomes, list) and len(outcomes) >= 2
    assert outcomes and all(isinstance(o, Discarded) and "connection refused" in o.reason
                            for o in outcomes)


class _FlakyRay:
    """A stand-in for the ray module whose init fails ``failures`` times."""

    def __init__(self, failures: int) -> None:
        self.failures, self.inits, self.shutdowns = failures, 0, 0

    def is_initialized(self) -> bool:
        return False

    def init(self, address: str | None = None, **options: object) -> None:
        self.inits += 1
        if self.inits <= self.failures:
            raise ConnectionAbortedError("Starting Ray client server failed")

    def shutdown(self) -> None:
        self.shutdowns += 1


def test_a_ray_client_connection_is_tried_again_and_a_failure_is_an_engine_error(
        monkeypatch) -> None:
    import pytest

    from onrecord.engine import ray_engine
    from onrecord.errors import EngineError

    monkeypatch.setattr(ray_engine.time, "sleep", lambda s: None)
    flaky = _FlakyRay(failures=2)
    assert ray_engine.connect(flaky, "ray://head:10001", 2) is True  # type: ignore[arg-type]
    assert (flaky.inits, flaky.shutdowns) == (3, 2)  # each failed attempt undone
    down = _FlakyRay(failures=99)
    with pytest.raises(EngineError, match="cannot connect to Ray at ray://head:10001"):
        ray_engine.connect(down, "ray://head:10001", 2)  # type: ignore[arg-type]
    assert down.inits == ray_engine.CLIENT_ATTEMPTS
    once = _FlakyRay(failures=1)
    with pytest.raises(EngineError):  # a cluster address is not a client's: tried once
        ray_engine.connect(once, "auto", 2)  # type: ignore[arg-type]
    assert once.inits == 1
