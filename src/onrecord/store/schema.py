"""The corpus schema, as numbered migrations applied once each and recorded in the database."""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "articles, records and discarded documents",
        """
CREATE TABLE articles (
    id TEXT PRIMARY KEY, url TEXT, source TEXT, title TEXT, byline TEXT, published TEXT,
    language TEXT, text TEXT NOT NULL, origin TEXT, ingested_at TEXT NOT NULL,
    record_json TEXT NOT NULL);
CREATE INDEX articles_published ON articles (published);
CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE, id TEXT NOT NULL,
    name TEXT NOT NULL, kind TEXT NOT NULL, actor TEXT, aliases TEXT NOT NULL,
    titles TEXT NOT NULL, mentions TEXT NOT NULL, PRIMARY KEY (article_id, id));
CREATE INDEX entities_name ON entities (name);
CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE, id TEXT NOT NULL,
    text TEXT NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    type TEXT NOT NULL, value TEXT NOT NULL, start_date TEXT, end_date TEXT, mod TEXT,
    PRIMARY KEY (article_id, id));
CREATE TABLE statements (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE, id TEXT NOT NULL,
    speaker TEXT, speaker_text TEXT, speaker_start INTEGER, speaker_end INTEGER,
    sourcing TEXT NOT NULL, cue TEXT, kind TEXT NOT NULL, content TEXT NOT NULL,
    content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, channel TEXT, time TEXT,
    time_defaulted INTEGER NOT NULL DEFAULT 0, nested_in TEXT,
    PRIMARY KEY (article_id, id));
CREATE INDEX statements_speaker ON statements (article_id, speaker);
CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE, id TEXT NOT NULL,
    type TEXT NOT NULL, cameo TEXT, trigger TEXT NOT NULL, trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL, source_actor TEXT, target_actor TEXT, status TEXT NOT NULL,
    time TEXT, PRIMARY KEY (article_id, id));
CREATE TABLE discarded (
    doc_id TEXT NOT NULL, stage TEXT NOT NULL, reason TEXT NOT NULL,
    first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, PRIMARY KEY (doc_id, stage, reason))
""",
    ),
    (
        2,
        "statements: the part a split quotation continues",
        """
ALTER TABLE statements ADD COLUMN continues TEXT
""",
    ),
    (
        3,
        "statements: the day each was said",
        """
ALTER TABLE statements ADD COLUMN date TEXT
""",
    ),
]
