"""The stance of statements in the corpus: its column (migration 9) and the stored record."""

from __future__ import annotations

import json

from onrecord.models import Article, ArticleRecord, Statement
from onrecord.store import Corpus


def test_a_statement_keeps_its_stance_in_the_table_and_the_record(corpus_db):
    text = "The ministry denied that the ferry sank."
    article = Article.create(text, published="2024-05-07")
    s = text.index("that")
    stmt = Statement("s" + str(s), text[s:-1], (s, len(text) - 1), "indirect", "organization",
                     speaker_text="The ministry", speaker_span=(0, 12), cue="deny",
                     cue_span=(13, 19), stance="denies", proposition=text[s + 5:-1],
                     proposition_span=(s + 5, len(text) - 1))
    record = ArticleRecord(article, (), (stmt,))
    with Corpus(corpus_db) as corpus:
        corpus.add(record)
        assert corpus.query("SELECT stance, proposition, proposition_start, proposition_end"
                            " FROM statements") == [("denies", "the ferry sank", 25, 39)]
        assert corpus.record(article.id).statements[0].stance == "denies"


def _record() -> ArticleRecord:
    text = "Mayor Ruth Okafor said the ferries would sail."
    s = text.index("the ferries")
    stmt = Statement("s" + str(s), text[s:-1], (s, len(text) - 1), "indirect", "named",
                     speaker_text="Mayor Ruth Okafor", speaker_span=(0, 17), cue="say",
                     cue_span=(18, 22))
    return ArticleRecord(Article.create(text, published="2024-05-07"), (), (stmt,))


def test_migration_9_gives_statements_stored_before_it_asserts(tmp_path, monkeypatch):
    from onrecord.store import corpus as corpus_module

    db = tmp_path / "old.db"
    record = _record().to_json()
    del record["statements"][0]["stance"]
    with monkeypatch.context() as m:  # a database written before migration 9 existed
        m.setattr(corpus_module, "MIGRATIONS", [x for x in corpus_module.MIGRATIONS if x[0] < 9])
        with Corpus(db) as corpus:
            a = record["article"]["id"]
            corpus._b.execute(
                "INSERT INTO articles (id, text, ingested_at, record_json) VALUES (?,?,?,?)",
                (a, record["article"]["text"], "2024-05-07", json.dumps(record)))
            corpus._b.execute(
                "INSERT INTO statements (article_id, id, sourcing, kind, content, content_start,"
                " content_end) VALUES (?, 's0', 'named', 'indirect', 'x', 0, 1)", (a,))
    with Corpus(db) as corpus:
        assert 9 in {r[0] for r in corpus.query("SELECT version FROM schema_migrations")}
        assert corpus.query("SELECT stance FROM statements") == [("asserts",)]
