"""The corpus store on both backends: idempotent writes, discarded documents, round trips,
cross-article identities, near-duplicate stories, full-text search, migrations (no model)."""

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


def test_add_is_idempotent(corpus_db):
    db = corpus_db
    with Corpus(db) as corpus:
        assert corpus.add(make_record()) is True
        assert corpus.add(make_record()) is False
        assert corpus.counts()["articles"] == 1
        assert corpus.counts()["statements"] == 1
    with Corpus(db) as corpus:  # reopening applies no migration twice
        assert corpus.migrate() == []
        assert corpus.counts()["articles"] == 1


def test_round_trip(corpus_db):
    record = make_record()
    with Corpus(corpus_db) as corpus:
        corpus.add(record)
        back = corpus.record(record.article.id)
        assert back.to_json() == record.to_json()
        assert corpus.record(record.article.id[:8]).article.id == record.article.id
        with pytest.raises(StoreError):
            corpus.record("nonexistent")
    assert record_from_json(record.to_json()) == record


def test_discarded_recorded_once(corpus_db):
    with Corpus(corpus_db) as corpus:
        item = Discarded("bad.bin", "ingest", "binary content (looks like a PNG image)")
        corpus.add_discarded(item)
        corpus.add_discarded(item)
        assert corpus.discarded() == [item]


def test_hostile_text_is_stored_verbatim(corpus_db):
    text = "Robert'); DROP TABLE articles;-- said <script>alert(1)</script> nothing."
    record = ArticleRecord(Article.create(text, title="x'); DROP TABLE statements;--"))
    with Corpus(corpus_db) as corpus:
        corpus.add(record)
        assert corpus.record(record.article.id).article.text == text
        assert corpus.counts()["articles"] == 1


def test_failed_write_leaves_nothing_half_stored(corpus_db):
    record = make_record()
    bad = ArticleRecord(record.article, record.entities * 2)  # duplicate entity ids
    with Corpus(corpus_db) as corpus:
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


# -- cross-article identities ---------------------------------------------------------------
ESPER_FULL = "Defense Secretary Mark Esper said the base was safe."
ESPER_SHORT = "Esper said on Sunday the troops would stay."


def _esper(build, text, name, published, **kw):
    start = text.index(name)
    e = build.person("e1", name, (start, start + len(name)), **kw)
    content = text[text.index("said") + 5:-1]
    return build.article(text, published, entities=(e,),
                         statements=(build.said(text, content, e, name, date=published),))


@pytest.mark.parametrize("order", ["full name first", "surname first"])
def test_surname_and_full_name_are_one_person(corpus_db, build, order):
    full = _esper(build, ESPER_FULL, "Mark Esper", "2020-01-12", titles=("Defense Secretary",))
    short = _esper(build, ESPER_SHORT, "Esper", "2020-01-13")
    with Corpus(corpus_db) as corpus:
        for record in ([full, short] if order == "full name first" else [short, full]):
            corpus.add(record)
        people = corpus.query("SELECT id, name FROM corpus_entities WHERE kind = 'PERSON'")
        assert [name for _, name in people] == ["Mark Esper"]
        assert corpus.query("SELECT articles FROM corpus_entities") == [(2,)]
        speakers = corpus.query("SELECT DISTINCT corpus_speaker FROM statements")
        assert speakers == [(people[0][0],)]
        # the kept per-speaker counts follow the merge of "Esper" into "Mark Esper"
        assert corpus.query("SELECT key, statements, articles, first, last FROM speaker_stats"
                            ) == [(people[0][0], 2, 2, "2020-01-12", "2020-01-13")]
        assert corpus.query("SELECT title, date FROM entity_titles") == [
            ("Defense Secretary", "2020-01-12")]


def test_a_shared_surname_stays_ambiguous(corpus_db, build):
    texts = ["Mark Esper said the base was safe.", "Tom Esper said the vote was close.",
             "Esper said the talks had ended."]
    names = ["Mark Esper", "Tom Esper", "Esper"]
    with Corpus(corpus_db) as corpus:
        for i, (text, name) in enumerate(zip(texts, names, strict=True)):
            corpus.add(_esper(build, text, name, f"2020-01-1{i}"))
        people = sorted(n for (n,) in corpus.query(
            "SELECT name FROM corpus_entities WHERE kind = 'PERSON'"))
        # the bare surname could be either man: it is kept apart, not guessed
        assert people == ["Esper", "Mark Esper", "Tom Esper"]


# -- near-duplicate stories -------------------------------------------------------------------
WIRE = ("The harbour authority said on Tuesday that the northern breakwater would close for "
        "repairs from next month, after inspectors found cracks along a 40-metre section. "
        "Fishing boats will be moved to the southern basin, and the ferry timetable will not "
        "change, the authority said in a statement. Repairs are expected to last six weeks and "
        "to cost about 2 million euros, paid from the port's maintenance budget.")


def test_a_republished_wire_story_joins_the_first_story(corpus_db, build):
    copy = "Coastal Herald — " + WIRE.replace("six weeks", "six weeks or more") + " (Wire)"
    other = ("The city council voted on Tuesday to extend library opening hours on weekends, "
             "starting in spring, after a petition gathered four thousand signatures.")
    with Corpus(corpus_db) as corpus:
        first = build.article(WIRE, "2024-03-05", source="Harbor Wire")
        corpus.add(first)
        corpus.add(build.article(copy, "2024-03-05", source="Coastal Herald"))
        corpus.add(build.article(other, "2024-03-05", source="City Paper"))
        stories = dict(corpus.query("SELECT source, story_id FROM articles"))
        assert stories["Coastal Herald"] == stories["Harbor Wire"] == first.article.id
        assert stories["City Paper"] != first.article.id
        assert corpus.counts()["stories"] == 2


# -- full-text search and migrations ----------------------------------------------------------
def test_search_finds_statements_and_ignores_query_syntax(corpus_db):
    from onrecord.analysis.queries import search

    with Corpus(corpus_db) as corpus:
        corpus.add(make_record())
        hits = search(corpus, 'ferries NEAR/2 "sail" OR ); DROP TABLE articles; --')
        assert not hits  # every word must match; none of it is executed as syntax
        hits = search(corpus, "ferry sailing")
        assert {h["type"] for h in hits} == {"statement", "article"}
        assert corpus.counts()["articles"] == 1


def test_opening_an_older_database_derives_the_new_tables(tmp_path, monkeypatch):
    from onrecord.store import corpus as corpus_module
    from onrecord.store.derive import Derivation

    db = tmp_path / "old.db"
    record = make_record()
    with monkeypatch.context() as m:  # a database written before migration 4 existed
        # (with migrations 9, 11 and 13's columns, 12's kept findings and 18's kept views,
        # which today's insert writes; 18's indexes need columns of later migrations)
        views = ("CREATE TABLE kept_storyline_views (storyline_id TEXT PRIMARY KEY,"
                 " version TEXT NOT NULL, computed_at TEXT NOT NULL, view TEXT NOT NULL)")
        m.setattr(corpus_module, "MIGRATIONS",
                  [x for x in corpus_module.MIGRATIONS if x[0] <= 3 or x[0] in (9, 11, 12, 13)]
                  + [(18, "kept storyline views", views)])
        m.setattr(Derivation, "derive", lambda self, record: None)
        with Corpus(db) as corpus:
            corpus.add(record)
    with Corpus(db) as corpus:
        assert corpus.counts()["corpus_entities"] == 1  # derived when migration 4 ran
        assert corpus.query("SELECT story_id FROM articles") == [(record.article.id,)]
        assert corpus.query("SELECT count(*) FROM statements_fts")[0][0] == 1


def test_a_merge_inside_one_article_leaves_no_stale_rows(corpus_db, build):
    text = "Esper said the base was safe. Later Mark Esper said the troops would stay."
    short = build.person("e0", "Esper", (0, 5))
    full = build.person("e36", "Mark Esper", (36, 46))
    record = build.article(text, "2020-01-12", entities=(short, full), statements=(
        build.said(text, "the base was safe", short, "Esper"),
        build.said(text, "the troops would stay", full, "Mark Esper")))
    with Corpus(corpus_db) as corpus:
        corpus.add(record)
        ids = {i for (i,) in corpus.query("SELECT id FROM corpus_entities")}
        linked = {c for (c,) in corpus.query("SELECT corpus_entity_id FROM entity_links")}
        speakers = {c for (c,) in corpus.query("SELECT corpus_speaker FROM statements")}
        assert len(ids) == 1 and linked == ids and speakers == ids
        assert corpus.query("SELECT key, statements FROM speaker_stats") == [(ids.pop(), 2)]


def test_search_skips_republished_copies_before_ranking(corpus_db, build):
    from onrecord.analysis.queries import search

    base = ("Ferry captain Lia Moss said the ferry would sail to the outer islands at dawn "
            "on Tuesday, weather permitting, with extra crossings on the weekend for visitors "
            "and a later return on Sunday evening for the island workers and their families.")
    with Corpus(corpus_db) as corpus:
        first = build.article(base, "2024-05-01", source="Harbor Wire", statements=(
            build.said(base, base[base.index("the ferry"):-1], None, "Ferry captain Lia Moss"),))
        corpus.add(first)
        for n in range(5):  # copies whose shorter statements rank higher
            copy = f"Outlet {n}: " + base + f" (Copy {n})"
            corpus.add(build.article(copy, "2024-05-01", source=f"Outlet {n}", statements=(
                build.said(copy, "the ferry would sail", None, "Ferry captain Lia Moss"),)))
        assert corpus.counts()["stories"] == 1
        hits = [h for h in search(corpus, "ferry", limit=3) if h["type"] == "statement"]
        assert [h["article_id"] for h in hits] == [first.article.id]


def test_an_id_prefix_with_like_wildcards_matches_nothing(corpus_db):
    record = make_record()
    with Corpus(corpus_db) as corpus:
        corpus.add(record)
        assert corpus.record(record.article.id[:8]).article.id == record.article.id
        article_id = record.article.id
        for wild in ("%%%%%%", "______", article_id[:6] + "%", "%" + article_id[2:8]):
            with pytest.raises(StoreError, match="no article matches"):
                corpus.record(wild)
