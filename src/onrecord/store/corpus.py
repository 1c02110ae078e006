"""The corpus database: one record per article, one transaction each, content-hash ids.

Re-ingesting an article changes nothing: its id is the hash of its text, and every record id is
derived from the article id and character offsets. Discarded documents are kept with their stage
and reason. Every value from a document reaches SQL as a bound parameter, never as SQL text.

Storing an article also derives what the corpus queries need: cross-article entities
(:mod:`onrecord.store.identities`), its story (near-duplicates, :mod:`onrecord.store.stories`),
full-text index rows, and event participants and dates. ``reindex`` re-derives them from the
stored records, which the migrations that introduced them do on an existing database.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any

from onrecord.errors import StoreError
from onrecord.extract.entities.person_names import accents, display_name, fold, richer_spelling
from onrecord.extract.entities.roles import credit_role, role_of_text
from onrecord.models import ArticleRecord, Discarded, Entity, content_id, record_from_json
from onrecord.store import identities, kept, stories
from onrecord.store.backends import Backend, Row, open_backend, retry_transient
from onrecord.store.schema import MIGRATIONS

DEFAULT_DB = "onrecord.db"
_HEX_PREFIX_RE = re.compile(r"[0-9a-fA-F]{6,64}")
_DERIVED_SINCE = 4  # migrations from this version on add rows derived from stored records
_DERIVED_TABLES = 10  # the newest migration that added derived rows


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
        self._merged: dict[str, str] = {}  # corpus entities folded into others, this article
        self._b: Backend = open_backend(db)
        self.dialect = self._b.dialect
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

    def add(self, record: ArticleRecord) -> bool:
        """Store one article's record in one transaction (tried again when writers deadlock,
        :func:`retry_transient`). False when it was already stored."""
        if self.has_article(record.article.id):
            return False
        return retry_transient(lambda: self._add_once(record))

    def _add_once(self, record: ArticleRecord) -> bool:
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
                self._derive(record)
                b.execute(kept.FORGET)
        except b.errors() as err:
            reason = " ".join(str(err).split())  # PostgreSQL's messages span lines
            raise StoreError(f"cannot store article {a.id} ({a.origin}): {reason}") from err
        return True

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

    # -- derived rows ------------------------------------------------------------------------
    def _derive(self, record: ArticleRecord) -> None:
        """Write the rows derived from a stored record (inside the caller's transaction)."""
        a, b = record.article, self._b
        self._merged = {}
        links = {e.id: self._resolve(e) for e in record.entities}
        for eid, cid in links.items():  # an entity resolved before a merge in this article
            while cid in self._merged:
                cid = self._merged[cid]
            links[eid] = cid
        b.executemany("INSERT INTO entity_links (article_id, entity_id, corpus_entity_id)"
                      " VALUES (?,?,?)", [(a.id, eid, cid) for eid, cid in links.items()])
        record = self._credit_roles(record, links)
        b.executemany("UPDATE corpus_entities SET articles = articles + 1 WHERE id = ?",
                      [(cid,) for cid in sorted(set(links.values()))])
        b.executemany(
            "INSERT INTO entity_titles (corpus_entity_id, title, article_id, date)"
            " VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
            [(links[e.id], t, a.id, a.published) for e in record.entities for t in e.titles])
        b.executemany("UPDATE statements SET corpus_speaker = ? WHERE article_id = ? AND id = ?",
                      [(links.get(s.speaker or ""), a.id, s.id) for s in record.statements])
        dates = {t.id: t.start for t in record.times}
        b.executemany(
            "UPDATE events SET source_text = ?, target_text = ?, source_entity = ?,"
            " target_entity = ?, location = ?, date = ?, time_defaulted = ?"
            " WHERE article_id = ? AND id = ?",
            [(e.source.text if e.source else None, e.target.text if e.target else None,
              links.get(e.source.entity or "") if e.source else None,
              links.get(e.target.entity or "") if e.target else None,
              e.location, dates.get(e.time or "") or a.published,
              int(not dates.get(e.time or "")), a.id, e.id) for e in record.events])
        story = self._assign_story(a.id, a.text)
        self._count_sourcing(record, links, story == a.id)
        if self.dialect == "sqlite":
            b.executemany("INSERT INTO statements_fts (content, speaker_text, article_id,"
                          " statement_id) VALUES (?,?,?,?)",
                          [(s.content, s.speaker_text, a.id, s.id) for s in record.statements])
            b.execute("INSERT INTO articles_fts (title, text, article_id) VALUES (?,?,?)",
                      (a.title, a.text, a.id))

    def _resolve(self, entity: Any) -> str:
        """The corpus entity of an article's entity, created or merged as needed."""
        b, kind = self._b, entity.kind
        target = None
        for key in identities.lookup_keys(entity):
            row = b.execute("SELECT corpus_entity_id FROM corpus_aliases"
                            " WHERE kind = ? AND key = ?", (kind, key))
            if row and row[0][0] != identities.AMBIGUOUS:
                target = row[0][0]
                break
        if target is None:
            target = self._same_person(entity)
        elif kind == "PERSON":  # shown with its accents once any article writes them
            shown = display_name(entity.name)
            if richer_spelling(str(b.execute("SELECT name FROM corpus_entities WHERE id = ?",
                                             (target,))[0][0]), shown):
                b.execute("UPDATE corpus_entities SET name = ? WHERE id = ?", (shown, target))
        if target is None:
            key = identities.name_key(entity.name, kind) or entity.name.lower()
            target = content_id("entity", kind, key)
            name = display_name(entity.name) if kind == "PERSON" else entity.name
            b.execute("INSERT INTO corpus_entities (id, name, kind, actor, key)"
                      " VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
                      (target, name, kind, entity.actor, key))
        b.executemany("INSERT INTO corpus_person_names (family, key, corpus_entity_id)"
                      " VALUES (?,?,?) ON CONFLICT DO NOTHING",
                      [(f, p.key, target) for p in identities.person_names(entity)
                       for f in p.families])
        for key in identities.alias_keys(entity):
            row = b.execute("SELECT a.corpus_entity_id, e.key FROM corpus_aliases a LEFT JOIN"
                            " corpus_entities e ON e.id = a.corpus_entity_id"
                            " WHERE a.kind = ? AND a.key = ?", (kind, key))
            existing = row[0][0] if row else None
            singleton = bool(row) and row[0][1] is not None and not identities.is_full_name(
                row[0][1])
            new = identities.alias_update(existing, target, key, existing_is_singleton=singleton)
            if new is None:
                continue
            if existing and singleton and new == target:
                self._merge(existing, target)
            b.execute("INSERT INTO corpus_aliases (kind, key, corpus_entity_id) VALUES (?,?,?)"
                      " ON CONFLICT (kind, key) DO UPDATE SET corpus_entity_id ="
                      " excluded.corpus_entity_id", (kind, key, new))
        if entity.actor:
            b.execute("UPDATE corpus_entities SET actor = ? WHERE id = ? AND actor IS NULL",
                      (entity.actor, target))
        return str(target)

    def _credit_roles(self, record: ArticleRecord, links: dict[str, str]) -> ArticleRecord:
        """The record with each statement whose speaker is a role ("Turkey's chief
        prosecutor", "the crown prince") credited to the one person of the article who holds
        that office anywhere in the corpus (:func:`~onrecord.extract.entities.roles.credit_role`),
        sourced ``named``; the stored statements' sourcing follows."""
        roles = {s.id: office for s in record.statements if s.speaker is None
                 and s.speaker_text and (office := role_of_text(s.speaker_text)) is not None}
        if not roles:
            return record
        people = [e for e in record.entities if e.kind == "PERSON" and e.id in links]
        titles: dict[str, list[str]] = {}
        for e in people:
            titles[e.id] = [t for (t,) in self._b.execute(
                "SELECT DISTINCT title FROM entity_titles WHERE corpus_entity_id = ?",
                (links[e.id],))] + list(e.titles)
        candidates = [(e.id, e.name, titles[e.id]) for e in people]
        statements = []
        for st in record.statements:
            office = roles.get(st.id)
            holder = credit_role(office, candidates) if office is not None else None
            if office is not None:
                self._b.execute("UPDATE statements SET sourcing = ? WHERE article_id = ? AND"
                                " id = ?", ("named" if holder else st.sourcing,
                                            record.article.id, st.id))
            statements.append(replace(st, speaker=holder, sourcing="named") if holder else st)
        return replace(record, statements=tuple(statements))

    def _same_person(self, entity: Any) -> str | None:
        """The one corpus person a full name can be without being written the same way
        ("Tayyip Erdogan" for "Recep Tayyip Erdogan"), or ``None`` (none, or several)."""
        for name in identities.person_names(entity):
            rows = [(k, c) for f in name.families for k, c in self._b.execute(
                "SELECT key, corpus_entity_id FROM corpus_person_names WHERE family = ?", (f,))]
            found = identities.same_person_among(name, rows)
            if found is not None:
                return found
        return None

    def _merge(self, old: str, new: str) -> None:
        """Fold corpus entity ``old`` (a bare surname) into ``new`` (the full-name person)."""
        b = self._b
        self._merged[old] = new
        b.execute("UPDATE entity_links SET corpus_entity_id = ? WHERE corpus_entity_id = ?",
                  (new, old))
        b.execute("UPDATE statements SET corpus_speaker = ? WHERE corpus_speaker = ?", (new, old))
        b.execute("UPDATE events SET source_entity = ? WHERE source_entity = ?", (new, old))
        b.execute("UPDATE events SET target_entity = ? WHERE target_entity = ?", (new, old))
        b.execute("UPDATE corpus_aliases SET corpus_entity_id = ? WHERE corpus_entity_id = ?",
                  (new, old))
        b.execute("UPDATE corpus_person_names SET corpus_entity_id = ? WHERE corpus_entity_id"
                  " = ? AND key NOT IN (SELECT key FROM corpus_person_names WHERE"
                  " corpus_entity_id = ?)", (new, old, new))
        b.execute("DELETE FROM corpus_person_names WHERE corpus_entity_id = ?", (old,))
        b.execute("UPDATE entity_titles SET corpus_entity_id = ? WHERE corpus_entity_id = ?"
                  " AND NOT EXISTS (SELECT 1 FROM entity_titles t2 WHERE t2.corpus_entity_id = ?"
                  " AND t2.title = entity_titles.title"
                  " AND t2.article_id = entity_titles.article_id)",
                  (new, old, new))
        b.execute("DELETE FROM entity_titles WHERE corpus_entity_id = ?", (old,))
        b.execute("UPDATE corpus_entities SET articles = articles + (SELECT articles FROM"
                  " corpus_entities WHERE id = ?) WHERE id = ?", (old, new))
        b.execute("DELETE FROM corpus_entities WHERE id = ?", (old,))
        moved = b.execute("SELECT speaker, statements, articles, named, anonymous, first, last"
                          " FROM speaker_stats WHERE key = ?", (old,))
        if moved:
            b.execute("DELETE FROM speaker_stats WHERE key = ?", (old,))
            name, n, arts, named, anon, first, last = moved[0]
            self._add_speaker_stats([(new, name, new, n, arts, named, anon, first, last)])

    def _count_sourcing(self, record: ArticleRecord, links: dict[str, str],
                        story_head: bool) -> None:
        """Per-article sourcing counts, and per-speaker counts for the head of each story."""
        a, b = record.article, self._b
        top = [s for s in record.statements if s.nested_in is None]
        kinds = ("named", "anonymous", "organization", "document", "unattributed")
        b.execute("INSERT INTO article_sourcing (article_id, outlet, title, published,"
                  " statements, named, anonymous, organization, document, unattributed)"
                  " VALUES (?,?,?,?,?,?,?,?,?,?)",
                  (a.id, a.source, a.title, a.published, len(top),
                   *(sum(s.sourcing == k for s in top) for k in kinds)))
        if not story_head:
            return  # a republished copy: its speakers were counted with the story
        by_key: dict[str, list[Any]] = {}
        for st in top:
            cid = links.get(st.speaker or "")
            name = st.speaker_text or "(no source given)"
            key = cid or "text:" + name.lower()
            row = by_key.setdefault(key, [name, cid, 0, 0, 0, st.date, st.date])
            row[2] += 1
            row[3] += st.sourcing == "named"
            row[4] += st.sourcing == "anonymous"
            dates = [d for d in (row[5], row[6], st.date) if d]
            row[5], row[6] = (min(dates), max(dates)) if dates else (None, None)
        self._add_speaker_stats([(k, name, cid, n, 1, named, anon, first, last)
                                 for k, (name, cid, n, named, anon, first, last)
                                 in by_key.items()])

    def _add_speaker_stats(self, rows: list[tuple[Any, ...]]) -> None:
        """Add (key, speaker, speaker_id, statements, articles, named, anonymous, first, last)
        rows to the per-speaker counts."""
        self._b.executemany(
            "INSERT INTO speaker_stats (key, speaker, speaker_id, statements, articles, named,"
            " anonymous, first, last) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (key) DO UPDATE SET"
            " statements = speaker_stats.statements + excluded.statements,"
            " articles = speaker_stats.articles + excluded.articles,"
            " named = speaker_stats.named + excluded.named,"
            " anonymous = speaker_stats.anonymous + excluded.anonymous,"
            " first = CASE WHEN speaker_stats.first IS NULL OR excluded.first < speaker_stats.first"
            " THEN excluded.first ELSE speaker_stats.first END,"
            " last = CASE WHEN speaker_stats.last IS NULL OR excluded.last > speaker_stats.last"
            " THEN excluded.last ELSE speaker_stats.last END", rows)

    def _assign_story(self, article_id: str, text: str) -> str:
        b = self._b
        signature = stories.minhash(text)
        keys = stories.band_keys(signature)
        story, best = article_id, 0.0
        seen: set[str] = set()
        for band, digest in keys:
            for other, other_story, blob in b.execute(
                "SELECT a.id, a.story_id, a.minhash FROM article_bands k JOIN articles a"
                " ON a.id = k.article_id WHERE k.band = ? AND k.hash = ?", (band, digest)):
                if other in seen or other == article_id:
                    continue
                seen.add(other)
                score = stories.similarity(signature, stories.decode(blob))
                if score >= stories.SAME_STORY and score > best:
                    story, best = other_story or other, score
        b.execute("UPDATE articles SET story_id = ?, minhash = ? WHERE id = ?",
                  (story, stories.encode(signature), article_id))
        b.executemany("INSERT INTO article_bands (band, hash, article_id) VALUES (?,?,?)"
                      " ON CONFLICT DO NOTHING", [(k, h, article_id) for k, h in keys])
        return story

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
                          "article_sourcing"):
                b.execute(f"DELETE FROM {table}")  # fixed table names, no document values
            if self.dialect == "sqlite":
                b.execute("DELETE FROM statements_fts")
                b.execute("DELETE FROM articles_fts")
            self._register_people()
            for article_id in ids:
                self._derive(self.record(article_id))
            b.execute(kept.FORGET)
        return len(ids)

    def keep_findings(self, key: str, version: str, statements: list[str],
                      links: list[str]) -> None:
        """Keep the cross-article links of ``key`` computed at ``version`` and the statements
        they join (:mod:`onrecord.store.kept`); they are read back with ``kept.kept``."""
        try:
            kept.keep(self._b, key, version, statements, links)
        except self._b.errors() as err:
            raise StoreError(f"cannot keep findings in {self._b.label}: {err}") from err

    def _register_people(self) -> None:
        """Create the corpus people of every stored full name, fullest names first, and of
        one fullness the spelling most articles use first (with its accents, "Erdoğan"
        before "Erdogan"), so that each person is shown as most articles write them."""
        people = []
        written: dict[str, int] = {}
        for name, aliases in self._b.execute(
                "SELECT name, aliases FROM entities WHERE kind = 'PERSON'"):
            entity = Entity("", name, "PERSON", (), tuple(json.loads(aliases)))
            names = identities.person_names(entity)
            if names:
                people.append((-len(names[0].given), name, entity))
                for form in {fold(name), name}:  # an unaccented name counts once
                    written[form] = written.get(form, 0) + 1
        self._merged = {}
        for _rank, _name, entity in sorted(people, key=lambda p: (
                p[0], -written[fold(p[1])], -accents(p[1]), -written[p[1]], p[1])):
            self._resolve(entity)

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
        return counts
