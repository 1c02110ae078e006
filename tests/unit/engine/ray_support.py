"""Shared by the Ray engine's tests: Ray or a visible skip (a failure under CI), and the whole
content of a corpus, table by table, to compare one engine's store with the other's."""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

import pytest

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
ARTICLE_COLUMNS = ("id, url, source, title, byline, published, language, text, origin, "
                   "record_json, story_id, minhash, storyline_id")  # not ingested_at: a time
TABLES = ("articles", "article_bands", "article_sourcing", "entities", "entity_links",
          "entity_titles", "statements", "events", "times", "speaker_stats", "corpus_entities",
          "corpus_aliases", "corpus_person_names", "kept_statements", "kept_findings",
          "storylines", "storyline_features", "feature_df", "storyline_merges",
          "discarded")


def need_ray() -> ModuleType:
    """The ``ray`` module; without it a skip saying how to install it, or a failure under CI
    (CI must test the Ray engine)."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("CI must test the Ray engine: Ray is not installed "
                        "(./test installs onrecord[ray])")
        pytest.skip("Ray is not installed (pip install -e '.[ray]', or run ./test)")
    return ray


def dump(db: str) -> dict[str, list[tuple[str, ...]]]:
    """Every row of every table of the corpus at ``db``, as text, sorted."""
    from onrecord.store import Corpus

    with Corpus(db) as corpus:
        return {table: sorted(tuple(str(v) for v in row)
                              for row in corpus.query(f"SELECT {_columns(table)} FROM {table}"))
                for table in TABLES}


def _columns(table: str) -> str:
    return {"articles": ARTICLE_COLUMNS, "discarded": "doc_id, stage, reason"}.get(table, "*")


def ingest(db: str, engine: str, workers: int = 2, address: str | None = None):
    """``examples/`` ingested into ``db`` by ``engine``: the report."""
    return ingest_paths(db, engine, [EXAMPLES], workers, address)


def ingest_paths(db: str, engine: str, paths: list[Path], workers: int = 2,
                 address: str | None = None):
    """``paths`` ingested into ``db`` by ``engine``: the report."""
    from onrecord.engine.batch import ingest_sources
    from onrecord.store import Corpus

    with Corpus(db) as corpus:
        return ingest_sources(corpus, [str(p) for p in paths], workers=workers, engine=engine,
                              address=address)
