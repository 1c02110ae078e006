"""Fixtures shared by the end-to-end tests."""

from __future__ import annotations

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
