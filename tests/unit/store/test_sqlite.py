"""The SQLite corpus: idempotent writes, discarded documents, round trips (no model needed)."""

from __future__ import annotations

import sqlite3

import pytest

from onrecord.errors import StoreError
from onrecord.models import (
    Article,
    ArticleRecord,
    Discarded,
    Entity,
    Statement,
    TimeExpr,
    record_from_json,
)
from onrecord.store import Corpus

FERRIES = "Mayor Ruth Okafor said on Monday the ferries would sail."


def make_record(text: str = FERRIES) -> ArticleRecord:
    article = Article.create(text, title="Ferries", published="2024-05-07", origin="t.txt")
    s = text.index("the ferries")
    person = Entity("e6", "Ruth Okafor", "PERSON", ((6, 17),), titles=("Mayor",))
    monday = TimeExpr("t26", "Monday", (26, 32), "DATE", "2024-05-06", "2024-05-06", "2024-05-06")
    stmt = Statement("s" + str(s), text[s:len(text) - 1], (s, len(text) - 1), "indirect",
                     "named", speaker="e6", speaker_text="Mayor Ruth Okafor",
                     speaker_span=(0, 17), cue="say", cue_span=(18, 22), time="t26")
    return ArticleRecord(article, (person,), (stmt,), (monday,))


def test_add_is_idempotent(tmp_path):
    db = tmp_path / "c.db"
    with Corpus(db) as corpus:
        assert corpus.add(make_record()) is True
        assert corpus.add(make_record()) is False
        assert corpus.counts()["articles"] == 1
        assert corpus.counts()["statements"] == 1
    with Corpus(db) as corpus:  # reopening applies no migration twice
        assert corpus.migrate() == []
        assert corpus.counts()["articles"] == 1


def test_round_trip(tmp_path):
    record = make_record()
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(record)
        back = corpus.record(record.article.id)
        assert back.to_json() == record.to_json()
        assert corpus.record(record.article.id[:8]).article.id == record.article.id
        with pytest.raises(StoreError):
            corpus.record("nonexistent")
    assert record_from_json(record.to_json()) == record


def test_discarded_recorded_once(tmp_path):
    with Corpus(tmp_path / "c.db") as corpus:
        item = Discarded("bad.bin", "ingest", "binary content (looks like a PNG image)")
        corpus.add_discarded(item)
        corpus.add_discarded(item)
        assert corpus.discarded() == [item]


def test_hostile_text_is_stored_verbatim(tmp_path):
    text = "Robert'); DROP TABLE articles;-- said <script>alert(1)</script> nothing."
    record = ArticleRecord(Article.create(text, title="x'); DROP TABLE statements;--"))
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(record)
        assert corpus.record(record.article.id).article.text == text
        assert corpus.counts()["articles"] == 1


def test_failed_write_leaves_nothing_half_stored(tmp_path):
    record = make_record()
    bad = ArticleRecord(record.article, record.entities * 2)  # duplicate entity ids
    with Corpus(tmp_path / "c.db") as corpus:
        with pytest.raises(StoreError):
            corpus.add(bad)
        assert corpus.counts()["articles"] == 0 and corpus.counts()["entities"] == 0
        assert corpus.add(record) is True


def test_unopenable_database(tmp_path):
    path = tmp_path / "not-a-db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Corpus(path)
    assert sqlite3.sqlite_version
