"""Shared fixtures: the pipeline (loaded once per test session) and paths."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    from onrecord.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def analyse():
    """analyse(text, published="2020-01-14") -> ArticleRecord, through the whole pipeline."""
    from onrecord.analyze import analyze

    def run(text: str, published: str | None = "2020-01-14"):
        return analyze(text, published=published)

    return run


@pytest.fixture(scope="session")
def parsed(nlp):
    """parsed(text) -> Doc with spaCy's analysis only (onrecord's components not run)."""
    from onrecord.nlp.pipeline import ONRECORD_COMPONENTS

    def run(text: str, published: dt.date | None = dt.date(2020, 1, 14)):
        with nlp.select_pipes(disable=list(ONRECORD_COMPONENTS)):
            doc = nlp.make_doc(text)
            doc._.onrecord_published = published
            for _name, proc in nlp.pipeline:
                doc = proc(doc)
        return doc

    return run


@pytest.fixture(scope="session")
def shared_path():
    """shared_path(*parts) -> a path under ../shared, or skip (visibly) when it is absent."""

    def find(*parts: str) -> Path:
        path = SHARED.joinpath(*parts)
        if not path.exists():
            pytest.skip(f"{path} is not present (CI provides ../shared)")
        return path

    return find


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/*.json from the current output")


# -- corpus locations on both backends ---------------------------------------------------------
# Store, analysis and API tests run on SQLite always, and on PostgreSQL when a server is given:
# ./test starts a throwaway one (scripts/postgres.sh) and sets ONRECORD_TEST_POSTGRES to its URL.
# Without it the PostgreSQL variants are skipped with that reason; under CI (CI set) a missing
# server fails them instead, so CI can never pass without testing PostgreSQL.
BACKENDS = ["sqlite", "postgres"]


def _reset_postgres(url: str) -> None:
    """Empty the test database; refuse one whose name does not say it is for tests."""
    import psycopg

    if not url.rsplit("/", 1)[-1].split("?")[0].endswith("_test"):
        pytest.fail(f"ONRECORD_TEST_POSTGRES must name a database ending in _test: the tests "
                    f"wipe it ({url.rsplit('@', 1)[-1]})")

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


@pytest.fixture(params=BACKENDS)
def corpus_db(request, tmp_path) -> str:
    """A fresh, empty corpus location: a SQLite file, or a wiped PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    url = os.environ.get("ONRECORD_TEST_POSTGRES")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI must test PostgreSQL: ONRECORD_TEST_POSTGRES is not set")
        pytest.skip("no PostgreSQL server (run: export ONRECORD_TEST_POSTGRES="
                    "$(scripts/postgres.sh start))")
    _reset_postgres(url)
    return url



@pytest.fixture(scope="session")
def long_article() -> str:
    """An invented article over spaCy's 1,000,000-character limit that is cheap to parse.

    Its first and last paragraphs hold a statement by the same minister; between them, 1,050
    paragraphs each carry one sentence and a 1,000-character archive link (one token each),
    so the text is long in characters but short in tokens.
    """
    first = ("Foreign Minister Anna Kovac said on Monday that the border talks would resume "
             "in Geneva next week.\n\n")
    filler = ("The ministry said the full transcript had been archived online at "
              "https://archive.example.org/transcripts/{:04d}/" + "q7f3" * 240 + "\n\n")
    last = "Kovac said on Tuesday that the talks had been postponed again.\n"
    text = first + "".join(filler.format(i) for i in range(1050)) + last
    assert len(text) > 1_000_000
    return text
