"""The corpus database: SQLite (WAL), one transaction per article, content-hash ids.

Re-ingesting an article changes nothing: its id is the hash of its text, and every record id is
derived from the article id and character offsets. Discarded documents are kept with their stage
and reason. Every value from a document reaches SQL as a bound parameter, never as SQL text.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from onrecord.errors import StoreError
from onrecord.models import ArticleRecord, Discarded, record_from_json
from onrecord.store.schema import MIGRATIONS

DEFAULT_DB = "onrecord.db"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Corpus:
    """A corpus of analysed articles in one SQLite file.

    >>> with Corpus(":memory:") as corpus:
    ...     corpus.counts()["articles"]
    0
    """

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA busy_timeout = 5000")
            self.migrate()
        except sqlite3.Error as err:
            raise StoreError(f"cannot open the corpus database {self.path}: {err}") from err

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def migrate(self) -> list[int]:
        """Apply the migrations not yet recorded; return the versions applied."""
        db = self._db
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in db.execute("SELECT version FROM schema_migrations")}
        applied = []
        for version, name, script in MIGRATIONS:
            if version in done:
                continue
            db.execute("BEGIN")
            try:
                for statement in script.split(";\n"):
                    if statement.strip():
                        db.execute(statement)
                db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                           (version, name, _now()))
                db.execute("COMMIT")
            except sqlite3.Error:
                db.execute("ROLLBACK")
                raise
            applied.append(version)
        return applied

    # -- writing -----------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def add(self, record: ArticleRecord) -> bool:
        """Store one article's record in one transaction. False when it was already stored."""
        a = record.article
        if self.has_article(a.id):
            return False
        db = self._db
        try:
            db.execute("BEGIN")
            db.execute(
                "INSERT INTO articles (id, url, source, title, byline, published, language, text,"
                " origin, ingested_at, record_json) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (a.id, a.url, a.source, a.title, a.byline, a.published, a.language, a.text,
                 a.origin, _now(), json.dumps(record.to_json(), ensure_ascii=False)),
            )
            db.executemany(
                "INSERT INTO entities (article_id, id, name, kind, actor, aliases, titles,"
                " mentions) VALUES (?,?,?,?,?,?,?,?)",
                [(a.id, e.id, e.name, e.kind, e.actor, json.dumps(e.aliases),
                  json.dumps(e.titles), json.dumps(e.mentions)) for e in record.entities],
            )
            db.executemany(
                "INSERT INTO times (article_id, id, text, start_char, end_char, type, value,"
                " start_date, end_date, mod) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [(a.id, t.id, t.text, t.span[0], t.span[1], t.type, t.value, t.start, t.end,
                  t.mod) for t in record.times],
            )
            db.executemany(
                "INSERT INTO statements (article_id, id, speaker, speaker_text, speaker_start,"
                " speaker_end, sourcing, cue, kind, content, content_start, content_end,"
                " channel, time, date, time_defaulted, nested_in, continues) VALUES"
                " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(a.id, s.id, s.speaker, s.speaker_text,
                  s.speaker_span[0] if s.speaker_span else None,
                  s.speaker_span[1] if s.speaker_span else None, s.sourcing, s.cue, s.kind,
                  s.content, s.content_span[0], s.content_span[1], s.channel, s.time, s.date,
                  int(s.time_defaulted), s.nested_in, s.continues) for s in record.statements],
            )
            db.executemany(
                "INSERT INTO events (article_id, id, type, cameo, trigger, trigger_start,"
                " trigger_end, source_actor, target_actor, status, time) VALUES"
                " (?,?,?,?,?,?,?,?,?,?,?)",
                [(a.id, e.id, e.type, e.cameo, e.trigger, e.trigger_span[0], e.trigger_span[1],
                  e.source.actor if e.source else None, e.target.actor if e.target else None,
                  e.status, e.time) for e in record.events],
            )
            db.execute("COMMIT")
        except sqlite3.Error as err:
            db.execute("ROLLBACK")
            raise StoreError(f"cannot store article {a.id} ({a.origin}): {err}") from err
        return True

    def add_discarded(self, item: Discarded) -> None:
        """Record a document that could not be analysed (once per document, stage and reason)."""
        try:
            self._db.execute(
                "INSERT INTO discarded (doc_id, stage, reason, first_seen, last_seen)"
                " VALUES (?,?,?,?,?) ON CONFLICT (doc_id, stage, reason)"
                " DO UPDATE SET last_seen = excluded.last_seen",
                (item.doc_id, item.stage, item.reason, _now(), _now()),
            )
        except sqlite3.Error as err:
            raise StoreError(f"cannot record discarded document {item.doc_id}: {err}") from err

    # -- reading -----------------------------------------------------------------------------
    def record(self, article_id: str) -> ArticleRecord:
        """The stored record of one article; a unique id prefix of 6+ characters will do."""
        rows = self._db.execute(
            "SELECT record_json FROM articles"
            " WHERE id = ? OR (length(?) >= 6 AND id LIKE ? || '%')",
            (article_id, article_id, article_id.replace("%", "").replace("_", "")),
        ).fetchall()
        if len(rows) != 1:
            found = "no" if not rows else "more than one"
            raise StoreError(f"{found} article matches id {article_id!r}")
        return record_from_json(json.loads(rows[0][0]))

    def records(self) -> Iterator[ArticleRecord]:
        """Every stored record, oldest publication date first."""
        for (blob,) in self._db.execute(
            "SELECT record_json FROM articles ORDER BY published IS NULL, published, id"
        ):
            yield record_from_json(json.loads(blob))

    def discarded(self) -> list[Discarded]:
        rows = self._db.execute(
            "SELECT doc_id, stage, reason FROM discarded ORDER BY first_seen, doc_id"
        ).fetchall()
        return [Discarded(*row) for row in rows]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "entities", "statements", "times", "events", "discarded")
        return {t: self._db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
