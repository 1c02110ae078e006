"""The Ray engine on a two-node cluster on this machine (a head and a worker node, one CPU
each, ``ray.cluster_utils.Cluster``), reached by its address: ``examples/`` ingested into
SQLite and PostgreSQL gives the local engine's store row for row; and ``--engine ray``
without Ray says how to install it."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from .ray_support import dump, ingest, need_ray


@pytest.fixture(scope="module")
def two_nodes() -> Iterator[str]:
    ray = need_ray()
    from ray.cluster_utils import Cluster

    if ray.is_initialized():
        ray.shutdown()
    cluster = Cluster(initialize_head=True, head_node_args={
        "num_cpus": 1, "include_dashboard": False})
    cluster.add_node(num_cpus=1)
    cluster.wait_for_nodes()
    try:
        yield cluster.address
    finally:
        if ray.is_initialized():
            ray.shutdown()
        cluster.shutdown()


@pytest.mark.ray
@pytest.mark.model
def test_two_nodes_store_what_the_local_engine_stores(two_nodes, corpus_db, tmp_path):
    import ray

    local_db = str(tmp_path / "local.db")
    ingest(local_db, "local", workers=1)
    report = ingest(corpus_db, "ray", workers=2, address=two_nodes)
    assert not ray.is_initialized()  # connected for the run, disconnected after it
    assert report.stored > 5 and not report.discarded
    assert dump(corpus_db) == dump(local_db)


def test_the_ray_engine_without_ray_says_how_to_install_it(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from onrecord.cli.main import app

    monkeypatch.setitem(sys.modules, "ray", None)  # import ray fails, as when not installed
    result = CliRunner().invoke(app, ["ingest", "examples/", "--db", str(tmp_path / "c.db"),
                                      "--engine", "ray"])
    assert result.exit_code == 1
    assert "pip install 'onrecord[ray]'" in result.output
    assert not (tmp_path / "c.db").exists()
    result = CliRunner().invoke(app, ["eval", "timex", "--gold", "x.jsonl", "--engine", "ray"])
    assert result.exit_code == 1 and "onrecord[ray]" in result.output
    result = CliRunner().invoke(app, ["ingest", "examples/", "--address", "auto"])
    assert result.exit_code == 1 and "--address needs --engine ray" in result.output
