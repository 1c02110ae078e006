"""Fixtures shared by the end-to-end tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def canonical_record(shared_path):
    """The canonical article (../shared/corpus/strike-rationale.txt) analysed once per session.

    The article is third-party text: it is read from ../shared at test time, never copied here.
    """
    from onrecord.analyze import analyze
    from onrecord.ingest import load_article

    article = load_article(shared_path("corpus", "strike-rationale.txt"), published="2020-01-14")
    return analyze(article)


@pytest.fixture(scope="module")
def example_db(tmp_path_factory) -> Path:
    """The examples/ corpus, ingested once per test module (needs the model)."""
    from typer.testing import CliRunner

    from onrecord.cli.main import app

    db = tmp_path_factory.mktemp("corpus") / "examples.db"
    examples = Path(__file__).resolve().parent.parent.parent / "examples"
    result = CliRunner().invoke(app, ["ingest", str(examples), "--db", str(db), "-w", "2"])
    assert result.exit_code == 0, result.output
    return db
