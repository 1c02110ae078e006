"""Shared fixtures: the pipeline (loaded once per test session) and paths."""

from __future__ import annotations

import datetime as dt
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
