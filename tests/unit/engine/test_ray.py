"""The Ray engine on a local Ray (two CPUs): the same store as the local engine, row for row,
on SQLite and PostgreSQL; a re-run skips what is stored; eval gets the same records; a dead
actor costs only the batches in flight on it, and a re-run finishes with nothing lost or doubled."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from warcio.statusandheaders import StatusAndHeaders

from .ray_support import EXAMPLES, dump, ingest, ingest_paths, need_ray

pytestmark = [pytest.mark.ray, pytest.mark.model]


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray = need_ray()
    if ray.is_initialized():
        ray.shutdown()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def local_store(tmp_path_factory) -> dict[str, list[tuple[str, ...]]]:
    """``examples/`` ingested by the local engine (one worker): the reference."""
    db = str(tmp_path_factory.mktemp("local") / "local.db")
    report = ingest(db, "local", workers=1)
    assert report.stored > 5 and not report.discarded
    return dump(db)


def test_ray_stores_what_the_local_engine_stores(local_ray, local_store, corpus_db):
    report = ingest(corpus_db, "ray")
    assert report.stored == len(local_store["articles"]) and not report.discarded
    assert report.links is not None
    assert dump(corpus_db) == local_store
    again = ingest(corpus_db, "ray")  # resumable: everything is stored already
    assert (again.stored, again.skipped) == (0, report.stored)
    assert dump(corpus_db) == local_store


def test_eval_gets_the_same_records_from_ray(local_ray):
    from onrecord.eval.runner import analyse_documents

    docs = [{"id": p.name, "text": p.read_text("utf-8"), "published": "2025-03-05"}
            for p in sorted(EXAMPLES.glob("*.txt"))]
    by_ray = list(analyse_documents(docs, 2, engine="ray"))
    assert by_ray == list(analyse_documents(docs, 1))


def test_a_dead_actor_costs_only_its_batches_and_a_rerun_finishes(local_ray, local_store,
                                                                 corpus_db, monkeypatch):
    from onrecord.engine.ray_engine import FAULT_ENV, IN_FLIGHT
    from onrecord.engine.ray_ingest import FILES_PER_UNIT

    monkeypatch.setenv(FAULT_ENV, "Vasilis Karras")  # the actor with that article dies
    first = ingest(corpus_db, "ray")
    lost = [d for d in first.discarded if "Ray actor" in d.reason]
    assert 1 <= len(lost) <= IN_FLIGHT * FILES_PER_UNIT and len(lost) == len(first.discarded)
    assert any("expulsion" in d.doc_id for d in lost)
    from onrecord.ingest import load_sources
    from onrecord.models import Article

    in_lost = [a for a in load_sources([d.doc_id for d in lost]) if isinstance(a, Article)]
    assert first.stored + len(in_lost) == len(local_store["articles"])  # the lost files' only
    monkeypatch.delenv(FAULT_ENV)
    second = ingest(corpus_db, "ray")
    assert second.stored + first.stored == len(local_store["articles"])
    assert second.skipped == first.stored
    assert not second.discarded
    got = dump(corpus_db)
    assert len(got["discarded"]) == len(lost)  # the first run's losses stay on record
    # A speaker's or a person's display name depends on the order the articles were stored in,
    # and the lost articles came last (which ones depends on timing): the counts must agree
    # (nothing lost or doubled), the names may not.
    for table in ("speaker_stats", "corpus_entities"):  # (id, display name, the rest ...)
        assert [row[:1] + row[2:] for row in got[table]] == [
            row[:1] + row[2:] for row in local_store[table]], table
    # The statements kept for disputes carry their speakers' display names (as above).
    assert len(got["kept_statements"]) == len(local_store["kept_statements"])
    same = set(local_store) - {"discarded", "speaker_stats", "corpus_entities",
                               "kept_statements"}
    assert {k: got[k] for k in same} == {k: local_store[k] for k in same}


def test_a_warc_read_in_ranges_by_actors_stores_what_the_local_engine_stores(
        local_ray, tmp_path, monkeypatch):
    from warcio.warcwriter import WARCWriter

    from onrecord.engine import ray_ingest
    from onrecord.ingest import plan_shards

    archive = tmp_path / "examples.warc.gz"
    with open(archive, "wb") as handle:  # the examples' text files as archived pages
        writer = WARCWriter(handle, gzip=True)
        for n, page in enumerate(sorted(EXAMPLES.glob("*.txt"))):
            body = page.read_bytes()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/plain; charset=utf-8")],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://news.example/{n}", "response", payload=io.BytesIO(body),
                http_headers=http, warc_headers_dict={"WARC-Date": "2025-03-09T10:00:00Z"}))
    range_bytes = archive.stat().st_size // 3 + 1
    assert len(list(plan_shards([archive], warc_shard_bytes=range_bytes))) == 3
    monkeypatch.setattr(ray_ingest, "WARC_RANGE", range_bytes)
    by_ray = ingest_paths(str(tmp_path / "ray.db"), "ray", [archive])
    by_local = ingest_paths(str(tmp_path / "local.db"), "local", [archive], workers=1)
    assert by_ray.stored == by_local.stored == len(list(EXAMPLES.glob("*.txt")))
    assert dump(str(tmp_path / "ray.db")) == dump(str(tmp_path / "local.db"))
