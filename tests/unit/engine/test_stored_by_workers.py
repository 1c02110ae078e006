"""Records stored by a distributed engine's workers (``Corpus.add(record, derive=False)``) and
derived after, in input order (``Corpus.derive_stored``), give the store the local engine
gives, row for row, on SQLite and PostgreSQL; a stop between storing and deriving loses
nothing (the queue says what is left) and deriving twice changes nothing."""

from __future__ import annotations

import pytest

from onrecord.models import ArticleRecord
from onrecord.store import Corpus

from .ray_support import EXAMPLES, dump

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def records() -> list[ArticleRecord]:
    """The examples' records, in the order the local engine stores them."""
    from onrecord.analyze import analyze_articles
    from onrecord.ingest import load_sources
    from onrecord.models import Article

    articles = [a for a in load_sources([str(EXAMPLES)]) if isinstance(a, Article)]
    found = [r for r in analyze_articles(articles) if isinstance(r, ArticleRecord)]
    assert len(found) > 5
    return found


@pytest.fixture(scope="module")
def stored_and_derived(records, tmp_path_factory) -> dict[str, list[tuple[str, ...]]]:
    db = str(tmp_path_factory.mktemp("ref") / "ref.db")
    with Corpus(db) as corpus:
        assert records and all(corpus.add(r) for r in records)
    return dump(db)


def test_workers_store_then_the_driver_derives_in_order(records, stored_and_derived,
                                                       corpus_db):
    ids = [r.article.id for r in records]
    with Corpus(corpus_db) as corpus:
        for r in reversed(records):  # workers finish in any order
            assert corpus.add(r, derive=False)
        assert corpus.add(records[0], derive=False) is False  # stored once
        assert corpus.underived() == ids[::-1]  # waiting, in the order they were stored
        assert corpus.stored_among([ids[0], "f" * 64]) == {ids[0]: False}
        assert corpus.query("SELECT count(*) FROM corpus_entities")[0][0] == 0
        assert corpus.derive_stored(ids) == len(ids)  # derived in input order
        assert corpus.underived() == []
        assert corpus.derive_stored(ids) == 0  # derived once
        assert corpus.stored_among(ids) == dict.fromkeys(ids, True)
    assert dump(corpus_db) == stored_and_derived


def test_a_stop_between_storing_and_deriving_is_finished_later(records, corpus_db):
    ids = [r.article.id for r in records]
    with Corpus(corpus_db) as corpus:
        for r in records:
            corpus.add(r, derive=False)
        assert corpus.derive_stored(ids[:2]) == 2  # then the run stopped
    with Corpus(corpus_db) as corpus:  # the next run finds the rest waiting
        assert corpus.underived() == ids[2:]
        assert corpus.derive_stored(corpus.underived()) == len(ids) - 2
        stories = corpus.query("SELECT count(*) FROM articles WHERE story_id IS NULL")
        assert stories[0][0] == 0
        assert corpus.reindex() == len(ids)
        assert corpus.underived() == []
