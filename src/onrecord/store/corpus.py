"""The corpus database: one record per article, one transaction each, content-hash ids.

Re-ingesting an article changes nothing: its id is the hash of its text, and every record id is
derived from the article id and character offsets. Discarded documents are kept with their stage
and reason. Every value from a document reaches SQL as a bound parameter, never as SQL text.

Storing an article also derives what the corpus queries need: cross-article entities
(:mod:`onrecord.store.identities`), its story (near-duplicates, :mod:`onrecord.store.stories`),
its storyline (a developing story, :mod:`onrecord.store.storylines`), full-text index rows, and
event participants and dates. ``reindex`` re-derives them from the stored records, which the
migrations that introduced them do on an existing database.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any

from onrecord.errors import StoreError
from onrecord.models import ArticleRecord, Discarded, record_from_json
from onrecord.store import kept, stories, watched
from onrecord.store.backends import Backend, Row, open_backend, retry_transient
from onrecord.store.derive import Derivation
from onrecord.store.schema import MIGRATIONS
from onrecord.store.watched import WatchedSource

DEFAULT_DB = "onrecord.db"
_HEX_PREFIX_RE = re.compile(r"[0-9a-fA-F]{6,64}")
_DERIVED_SINCE = 4  # migrations from this version on add rows derived from stored records
_DERIVED_TABLES = 15  # the newest migration that added derived rows (storylines)
DERIVE_BATCH = 32
"""Articles derived in one transaction by :meth:`Corpus.derive_stored`."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Corpus:
    """A corpus of analysed articles: a SQLite file by default, or a PostgreSQL URL.

    >>> with Corpus(":memory:") as corpus:
    ...     corpus.counts()["articles"]
    0
    """

    def __init__(self, db: str | Path = DEFAULT_DB, migrate: bool = True) -> None:
        """Open the corpus at ``db``; ``migrate=False`` skips the migration check (for a
        server opening a connection per request after migrating once at start-up)."""
        self.path = str(db)
        self._b: Backend = open_backend(db)
        self.dialect = self._b.dialect
        self._derivation = Derivation(self._b)
        try:
            if migrate:
                self.migrate()
        except self._b.errors() as err:
            self._b.close()
            raise StoreError(f"cannot prepare the corpus database {self._b.label}: {err}") from err

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self._b.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run one read query (portable SQL, ``?`` placeholders) and return its rows."""
        try:
            return self._b.execute(sql, params)
        except self._b.errors() as err:
            raise StoreError(f"query failed on {self._b.label}: {err}") from err

    def query_in(self, sql: str, values: Sequence[Any]) -> list[Row]:
        """The rows of a read query ending in ``IN``, completed with one bound parameter per
        value, run on 500 values at a time."""
        rows: list[Row] = []
        for start in range(0, len(values), 500):
            chunk = list(values[start:start + 500])
            rows += self.query(f"{sql} ({','.join('?' * len(chunk))})", chunk)
        return rows

    def migrate(self) -> list[int]:
        """Apply the migrations not yet recorded; return the versions applied."""
        b = self._b
        b.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                  "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        done = {row[0] for row in b.execute("SELECT version FROM schema_migrations")}
        applied = []
        for version, name, script in MIGRATIONS:
            if version in done:
                continue
            sql = script if isinstance(script, str) else script[self.dialect]
            with b.transaction():
                if self.dialect == "postgres":  # one migrating process at a time
                    b.execute("SELECT pg_advisory_xact_lock(20261125)")
                if b.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)):
                    continue  # another process applied it since we looked
                for statement in sql.split(";\n"):
                    if statement.strip():
                        b.execute(statement)
                b.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                          (version, name, _now()))
            applied.append(version)
        # an existing database got a migration that adds derived rows: derive them
        if done and any(_DERIVED_SINCE <= v <= _DERIVED_TABLES for v in applied):
            self.reindex()
        return applied

    # -- writing -----------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return bool(self._b.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def stored_among(self, article_ids: Sequence[str]) -> dict[str, bool]:
        """Which of ``article_ids`` are stored: id -> True when its cross-article rows are
        derived, False when it waits for :meth:`derive_stored`."""
        return {str(article_id): waiting is None for article_id, waiting in self.query_in(
            "SELECT a.id, u.article_id FROM articles a LEFT JOIN underived u"
            " ON u.article_id = a.id WHERE a.id IN", article_ids)}

    def add(self, record: ArticleRecord, *, derive: bool = True) -> bool:
        """Store one article's record in one transaction (tried again when writers deadlock,
        :func:`retry_transient`). False when it was already stored.

        ``derive=False`` stores the article's own rows only and queues it for
        :meth:`derive_stored`: a distributed engine's workers store records in parallel, and
        the cross-article rows, which depend on the order, are derived after, in input order.
        """
        if self.has_article(record.article.id):
            return False
        return retry_transient(lambda: self._add_once(record, derive))

    def _add_once(self, record: ArticleRecord, derive: bool) -> bool:
        a, b = record.article, self._b
        try:
            with b.transaction():
                inserted = b.execute(
                    "INSERT INTO articles (id, url, source, title, byline, published, language,"
                    " text, origin, ingested_at, record_json) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
                    " ON CONFLICT (id) DO NOTHING RETURNING id",
                    (a.id, a.url, a.source, a.title, a.byline, a.published, a.language, a.text,
                     a.origin, _now(), json.dumps(record.to_json(), ensure_ascii=False)),
                )
                if not inserted:  # stored meanwhile by another process
                    return False
                self._insert_rows(record)
                if derive:
                    self._derivation.derive(record)
                else:  # the signature is this article's alone: computed by the worker
                    b.execute("UPDATE articles SET minhash = ? WHERE id = ?",
                              (stories.encode(stories.minhash(a.text)), a.id))
                    b.execute("INSERT INTO underived (article_id, position) SELECT ?,"
                              " coalesce(max(position), 0) + 1 FROM underived", (a.id,))
                for forget in kept.FORGET:
                    b.execute(forget)
        except b.errors() as err:
            reason = " ".join(str(err).split())  # PostgreSQL's messages span lines
            raise StoreError(f"cannot store article {a.id} ({a.origin}): {reason}") from err
        return True

    def underived(self) -> list[str]:
        """The ids of stored articles whose cross-article rows are not derived yet, in the
        order they were stored (a run that stopped between storing and deriving leaves some)."""
        return [str(r[0]) for r in self.query(
            "SELECT article_id FROM underived ORDER BY position, article_id")]

    def derive_stored(self, article_ids: Sequence[str]) -> int:
        """Derive the cross-article rows of articles stored with ``derive=False``, in the
        given order, :data:`DERIVE_BATCH` to a transaction (one at a time again when a batch
        fails, so the error names its article); an article not waiting (derived already, by
        another process) is passed over. Returns how many were derived."""
        done = 0
        for start in range(0, len(article_ids), DERIVE_BATCH):
            batch = list(article_ids[start:start + DERIVE_BATCH])
            try:
                done += retry_transient(partial(self._derive_batch, batch))
            except StoreError:
                if len(batch) == 1:
                    raise
                done += sum(retry_transient(partial(self._derive_batch, [i])) for i in batch)
        return done

    def _derive_batch(self, article_ids: list[str]) -> int:
        b, done = self._b, 0
        try:
            with b.transaction():
                for article_id in article_ids:
                    if not b.execute("DELETE FROM underived WHERE article_id = ? RETURNING"
                                     " article_id", (article_id,)):
                        continue
                    blob, signature = b.execute("SELECT record_json, minhash FROM articles"
                                                " WHERE id = ?", (article_id,))[0]
                    self._derivation.derive(record_from_json(json.loads(blob)),
                                            stories.decode(signature) or None)
                    done += 1
                if done:
                    for forget in kept.FORGET:
                        b.execute(forget)
        except b.errors() as err:
            reason = " ".join(str(err).split())
            which = article_ids[0] if len(article_ids) == 1 else f"{len(article_ids)} articles"
            raise StoreError(f"cannot derive the rows of {which}: {reason}") from err
        return done

    def _insert_rows(self, record: ArticleRecord) -> None:
        a, b = record.article, self._b
        b.executemany(
            "INSERT INTO entities (article_id, id, name, kind, actor, aliases, titles,"
            " mentions) VALUES (?,?,?,?,?,?,?,?)",
            [(a.id, e.id, e.name, e.kind, e.actor, json.dumps(e.aliases),
              json.dumps(e.titles), json.dumps(e.mentions)) for e in record.entities],
        )
        b.executemany(
            "INSERT INTO times (article_id, id, text, start_char, end_char, type, value,"
            " start_date, end_date, mod) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(a.id, t.id, t.text, t.span[0], t.span[1], t.type, t.value, t.start, t.end,
              t.mod) for t in record.times],
        )
        b.executemany(
            "INSERT INTO statements (article_id, id, speaker, speaker_text, speaker_start,"
            " speaker_end, sourcing, cue, kind, content, content_start, content_end,"
            " channel, time, date, time_defaulted, nested_in, continues, stance, proposition,"
            " proposition_start, proposition_end, rule) VALUES"
            " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(a.id, s.id, s.speaker, s.speaker_text,
              s.speaker_span[0] if s.speaker_span else None,
              s.speaker_span[1] if s.speaker_span else None, s.sourcing, s.cue, s.kind,
              s.content, s.content_span[0], s.content_span[1], s.channel, s.time, s.date,
              int(s.time_defaulted), s.nested_in, s.continues, s.stance, s.proposition,
              s.proposition_span[0] if s.proposition_span else None,
              s.proposition_span[1] if s.proposition_span else None, s.rule)
             for s in record.statements],
        )
        b.executemany(
            "INSERT INTO events (article_id, id, type, cameo, trigger, trigger_start,"
            " trigger_end, source_actor, target_actor, status, time, rule) VALUES"
            " (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(a.id, e.id, e.type, e.cameo, e.trigger, e.trigger_span[0], e.trigger_span[1],
              e.source.actor if e.source else None, e.target.actor if e.target else None,
              e.status, e.time, e.rule) for e in record.events],
        )

    def reindex(self) -> int:
        """Re-derive every article's derived rows from its stored record; return the count.

        This is also the repair pass of cross-article identities: every full name a person
        was written with in any article is registered first, fullest names first, so each
        spelling finds the fullest form whatever order the articles came in, and a surname
        that two different people share is known to be ambiguous before any bare surname is
        linked (a bare "Esper" merged into "Mark Esper" before "Tom Esper" arrived is split
        off again).
        """
        b = self._b
        ids = [r[0] for r in b.execute(
            "SELECT id FROM articles ORDER BY published IS NULL, published, id")]
        with b.transaction():
            for table in ("entity_links", "entity_titles", "corpus_aliases", "corpus_entities",
                          "corpus_person_names", "article_bands", "speaker_stats",
                          "article_sourcing", "underived", "storylines", "storyline_features",
                          "feature_df", "storyline_merges"):
                b.execute(f"DELETE FROM {table}")  # fixed table names, no document values
            if self.dialect == "sqlite":
                b.execute("DELETE FROM statements_fts")
                b.execute("DELETE FROM articles_fts")
            self._derivation.register_people()
            for article_id in ids:
                self._derivation.derive(self.record(article_id))
            for forget in kept.FORGET:
                b.execute(forget)
        return len(ids)

    def keep_findings(self, key: str, version: str, statements: list[str],
                      links: list[str]) -> None:
        """Keep the cross-article links of ``key`` computed at ``version`` and the statements
        they join (:mod:`onrecord.store.kept`); they are read back with ``kept.kept``."""
        try:
            kept.keep(self._b, key, version, statements, links)
        except self._b.errors() as err:
            raise StoreError(f"cannot keep findings in {self._b.label}: {err}") from err

    def keep_storyline_view(self, storyline_id: str, version: str, view: str) -> None:
        """Keep a storyline's view (a JSON text) computed at ``version``
        (:mod:`onrecord.store.kept`); it is read back with ``kept.kept_view``."""
        try:
            kept.keep_view(self._b, storyline_id, version, view)
        except self._b.errors() as err:
            raise StoreError(f"cannot keep a storyline view in {self._b.label}: {err}") from err

    def save_watched(self, state: WatchedSource) -> None:
        """Store what ``onrecord watch`` knows of one source (:mod:`onrecord.store.watched`);
        read back with :func:`~onrecord.store.watched.watched_sources`."""
        try:
            watched.save_watched(self._b, state)
        except self._b.errors() as err:
            raise StoreError(f"cannot save the state of {state.source}: {err}") from err

    def save_followed(self, link: str, source: str, at: str, article_id: str | None,
                      error: str | None = None) -> None:
        """Keep a feed entry's link that ``onrecord watch --follow-links`` followed, with the
        article stored in the entry's place or the error (:mod:`onrecord.store.watched`)."""
        try:
            watched.save_followed(self._b, link, source, at, article_id, error)
        except self._b.errors() as err:
            raise StoreError(f"cannot keep the followed link {link}: {err}") from err

    def add_discarded(self, item: Discarded) -> None:
        """Record a document that could not be analysed (once per document, stage and reason)."""
        try:
            self._b.execute(
                "INSERT INTO discarded (doc_id, stage, reason, first_seen, last_seen)"
                " VALUES (?,?,?,?,?) ON CONFLICT (doc_id, stage, reason)"
                " DO UPDATE SET last_seen = excluded.last_seen",
                (item.doc_id, item.stage, item.reason, _now(), _now()),
            )
        except self._b.errors() as err:
            raise StoreError(f"cannot record discarded document {item.doc_id}: {err}") from err

    # -- reading -----------------------------------------------------------------------------
    def record(self, article_id: str) -> ArticleRecord:
        """The stored record of one article; a unique id prefix of 6+ characters will do."""
        # ids are hex digits: only such a prefix is matched (no LIKE wildcard can get in)
        prefix = article_id.lower() if _HEX_PREFIX_RE.fullmatch(article_id) else ""
        rows = self.query(
            "SELECT record_json FROM articles"
            " WHERE id = ? OR (length(?) >= 6 AND id LIKE ? || '%')",
            (article_id, prefix, prefix),
        )
        if len(rows) != 1:
            found = "no" if not rows else "more than one"
            raise StoreError(f"{found} article matches id {article_id!r}")
        return record_from_json(json.loads(rows[0][0]))

    def records(self) -> Iterator[ArticleRecord]:
        """Every stored record, oldest publication date first."""
        for (blob,) in self.query(
            "SELECT record_json FROM articles ORDER BY published IS NULL, published, id"
        ):
            yield record_from_json(json.loads(blob))

    def discarded(self) -> list[Discarded]:
        rows = self.query("SELECT doc_id, stage, reason FROM discarded ORDER BY first_seen, doc_id")
        return [Discarded(*row) for row in rows]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "entities", "statements", "times", "events", "discarded",
                  "corpus_entities")
        counts = {t: int(self.query(f"SELECT count(*) FROM {t}")[0][0]) for t in tables}
        counts["stories"] = int(self.query(
            "SELECT count(DISTINCT story_id) FROM articles")[0][0])
        counts["storylines"] = int(self.query("SELECT count(*) FROM storylines")[0][0])
        return counts
