"""The Ray engine on a two-node cluster on this machine (a head and a worker node, one CPU
each, ``ray.cluster_utils.Cluster``), reached by its address and through Ray Client
(``ray://``): ``examples/`` ingested into SQLite and PostgreSQL gives the local engine's store
row for row; and ``--engine ray`` without Ray says how to install it."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator

import pytest

from .ray_support import dump, ingest, need_ray


@pytest.fixture(scope="module")
def two_nodes() -> Iterator[tuple[str, str]]:
    """The cluster's address, and its Ray Client address (``ray://127.0.0.1:PORT``)."""
    ray = need_ray()
    from ray.cluster_utils import Cluster

    if ray.is_initialized():
        ray.shutdown()
    with socket.socket() as probe:  # a free port for the Ray Client server
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cluster = Cluster(initialize_head=True, head_node_args={
        "num_cpus": 1, "include_dashboard": False, "ray_client_server_port": port})
    cluster.add_node(num_cpus=1)
    cluster.wait_for_nodes()
    try:
        yield cluster.address, f"ray://127.0.0.1:{port}"
    finally:
        if ray.is_initialized():
            ray.shutdown()
        cluster.shutdown()


@pytest.fixture(scope="module")
def local_examples(tmp_path_factory) -> dict[str, list[tuple[str, ...]]]:
    db = str(tmp_path_factory.mktemp("local") / "local.db")
    ingest(db, "local", workers=1)
    return dump(db)


@pytest.mark.ray
@pytest.mark.model
@pytest.mark.parametrize("through", ["address", "ray client"])
def test_two_nodes_store_what_the_local_engine_stores(two_nodes, local_examples, corpus_db,
                                                      through):
    import ray

    address = two_nodes[0] if through == "address" else two_nodes[1]
    report = ingest(corpus_db, "ray", workers=2, address=address)
    assert not ray.is_initialized()  # connected for the run, disconnected after it
    assert report.stored > 5 and not report.discarded
    assert dump(corpus_db) == local_examples


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
