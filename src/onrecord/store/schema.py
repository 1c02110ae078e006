"""The corpus schema, as numbered migrations applied once each and recorded in the database.

A migration's script is portable SQL, or a mapping from dialect ("sqlite", "postgres") to SQL
where the two differ (full-text search). Statements are separated by ``;`` at a line end.
"""

from __future__ import annotations

Script = str | dict[str, str]

SEARCHED_CHARS = 100_000
"""PostgreSQL searches an article's title and first this many characters: a ``tsvector`` holds
at most 1 MB, which the whole text of a very long article can exceed (statements are searched
wherever they are)."""
ARTICLE_TSVECTOR = (
    "to_tsvector('english', left(coalesce({a}title, '') || ' ' || {a}text, "
    f"{SEARCHED_CHARS}))"
)
"""The indexed expression; ``{a}`` is the table's alias with its dot (``a.``), or nothing."""

MIGRATIONS: list[tuple[int, str, Script]] = [
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
    (
        4,
        "cross-article entities, near-duplicate stories, event participants and dates",
        """
CREATE TABLE corpus_entities (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, actor TEXT,
    key TEXT NOT NULL);
CREATE INDEX corpus_entities_name ON corpus_entities (name);
CREATE TABLE corpus_aliases (
    kind TEXT NOT NULL, key TEXT NOT NULL, corpus_entity_id TEXT NOT NULL,
    PRIMARY KEY (kind, key));
CREATE TABLE entity_links (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL, corpus_entity_id TEXT NOT NULL,
    PRIMARY KEY (article_id, entity_id));
CREATE INDEX entity_links_corpus ON entity_links (corpus_entity_id);
CREATE TABLE entity_titles (
    corpus_entity_id TEXT NOT NULL, title TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE, date TEXT,
    PRIMARY KEY (corpus_entity_id, title, article_id));
ALTER TABLE articles ADD COLUMN story_id TEXT;
ALTER TABLE articles ADD COLUMN minhash TEXT;
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_source ON articles (source);
CREATE TABLE article_bands (
    band INTEGER NOT NULL, hash TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article_id));
ALTER TABLE statements ADD COLUMN corpus_speaker TEXT;
CREATE INDEX statements_corpus_speaker ON statements (corpus_speaker, date);
CREATE INDEX statements_date ON statements (date);
ALTER TABLE events ADD COLUMN source_text TEXT;
ALTER TABLE events ADD COLUMN target_text TEXT;
ALTER TABLE events ADD COLUMN source_entity TEXT;
ALTER TABLE events ADD COLUMN target_entity TEXT;
ALTER TABLE events ADD COLUMN location TEXT;
ALTER TABLE events ADD COLUMN date TEXT;
ALTER TABLE events ADD COLUMN time_defaulted INTEGER NOT NULL DEFAULT 0;
CREATE INDEX events_source ON events (source_actor, date);
CREATE INDEX events_target ON events (target_actor, date);
CREATE INDEX events_date ON events (date)
""",
    ),
    (
        5,
        "full-text search over articles and statements",
        {
            "sqlite": """
CREATE VIRTUAL TABLE statements_fts USING fts5(
    content, speaker_text, article_id UNINDEXED, statement_id UNINDEXED,
    tokenize = 'porter unicode61');
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, article_id UNINDEXED, tokenize = 'porter unicode61')
""",
            "postgres": """
CREATE INDEX statements_fts ON statements USING GIN (to_tsvector('english', content));
CREATE INDEX articles_fts ON articles
    USING GIN (to_tsvector('english', coalesce(title, '') || ' ' || text))
""",
        },
    ),
    (
        6,
        "indexes in query order, and per-speaker and per-article sourcing counts",
        """
CREATE INDEX articles_id_story ON articles (id, story_id);
CREATE INDEX articles_source_id ON articles (source, id);
CREATE INDEX statements_date_order ON statements (date, article_id, content_start);
CREATE INDEX events_date_order ON events (date, article_id, trigger_start);
CREATE INDEX statements_sourcing ON statements (article_id, nested_in, sourcing);
CREATE TABLE speaker_stats (
    key TEXT PRIMARY KEY, speaker TEXT NOT NULL, speaker_id TEXT, statements INTEGER NOT NULL,
    articles INTEGER NOT NULL, named INTEGER NOT NULL, anonymous INTEGER NOT NULL,
    first TEXT, last TEXT);
CREATE INDEX speaker_stats_count ON speaker_stats (statements);
CREATE TABLE article_sourcing (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE, outlet TEXT,
    title TEXT, published TEXT, statements INTEGER NOT NULL, named INTEGER NOT NULL,
    anonymous INTEGER NOT NULL, organization INTEGER NOT NULL, document INTEGER NOT NULL,
    unattributed INTEGER NOT NULL);
CREATE INDEX article_sourcing_count ON article_sourcing (statements);
CREATE INDEX article_sourcing_outlet ON article_sourcing (outlet)
""",
    ),
    (
        7,
        "corpus entities: the number of articles that mention each",
        """
ALTER TABLE corpus_entities ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
CREATE INDEX corpus_entities_articles ON corpus_entities (articles)
""",
    ),
    (
        8,
        "PostgreSQL's article search index over the first 100,000 characters (a tsvector holds "
        "at most 1 MB, which a very long article exceeds)",
        {
            "sqlite": "",
            "postgres": f"""
DROP INDEX IF EXISTS articles_fts;
CREATE INDEX articles_fts ON articles USING GIN ({ARTICLE_TSVECTOR.format(a="")})
""",
        },
    ),
    (
        9,
        "statements: the speaker's stance on the content (asserts, denies, doubts, qualifies); "
        "statements stored before it read 'asserts' until their articles are analysed again",
        """
ALTER TABLE statements ADD COLUMN stance TEXT NOT NULL DEFAULT 'asserts'
""",
    ),
    (
        10,
        "people's full names by family name: one person however written",
        """
CREATE TABLE corpus_person_names (
    family TEXT NOT NULL, key TEXT NOT NULL, corpus_entity_id TEXT NOT NULL,
    PRIMARY KEY (family, key));
CREATE INDEX corpus_person_names_entity ON corpus_person_names (corpus_entity_id)
""",
    ),
    (
        11,
        "statements: the proposition (what is asserted, denied or doubted) and its span; "
        "statements stored before it have none until their articles are analysed again",
        """
ALTER TABLE statements ADD COLUMN proposition TEXT;
ALTER TABLE statements ADD COLUMN proposition_start INTEGER;
ALTER TABLE statements ADD COLUMN proposition_end INTEGER
""",
    ),
    (
        12,
        "kept findings: the cross-article links disputes are made of, computed once per corpus "
        "state and read by every query (an article stored or a reindex forgets them)",
        """
CREATE TABLE kept_findings_state (
    key TEXT PRIMARY KEY, version TEXT NOT NULL, computed_at TEXT NOT NULL,
    findings INTEGER NOT NULL);
CREATE TABLE kept_findings (
    key TEXT NOT NULL, position INTEGER NOT NULL, finding TEXT NOT NULL,
    PRIMARY KEY (key, position));
CREATE TABLE kept_statements (
    key TEXT NOT NULL, position INTEGER NOT NULL, statement TEXT NOT NULL,
    PRIMARY KEY (key, position))
""",
    ),
    (
        13,
        "statements and events: the named extraction rule that found each (see "
        "docs/architecture.md); rows stored before it have none until their articles are "
        "analysed again",
        """
ALTER TABLE statements ADD COLUMN rule TEXT;
ALTER TABLE events ADD COLUMN rule TEXT
""",
    ),
    (
        14,
        "underived: articles stored by a distributed engine's workers whose cross-article rows "
        "(entities, story, counts) are derived after, in input order",
        """
CREATE TABLE underived (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL)
""",
    ),
    (
        15,
        "storylines: articles grouped into developing stories across outlets and days, each "
        "storyline's profile (the sum of its articles' feature vectors), the features' "
        "document frequencies, and the ids of storylines merged into others "
        "(store/storylines.py)",
        """
CREATE TABLE storylines (
    id TEXT PRIMARY KEY, articles INTEGER NOT NULL, profiled INTEGER NOT NULL,
    norm2 DOUBLE PRECISION NOT NULL, first TEXT, last TEXT);
CREATE INDEX storylines_last ON storylines (last);
CREATE TABLE storyline_features (
    storyline_id TEXT NOT NULL, feature TEXT NOT NULL, weight DOUBLE PRECISION NOT NULL,
    articles INTEGER NOT NULL, PRIMARY KEY (storyline_id, feature));
CREATE INDEX storyline_features_feature ON storyline_features (feature, storyline_id);
CREATE TABLE feature_df (
    feature TEXT PRIMARY KEY, articles INTEGER NOT NULL, name TEXT NOT NULL);
CREATE TABLE storyline_merges (id TEXT PRIMARY KEY, storyline_id TEXT NOT NULL);
CREATE INDEX storyline_merges_into ON storyline_merges (storyline_id);
ALTER TABLE articles ADD COLUMN storyline_id TEXT;
CREATE INDEX articles_storyline ON articles (storyline_id, published)
""",
    ),
    (
        16,
        "watched sources: per feed, page or file that 'onrecord watch' polls, the validators "
        "of the copy last read (ETag and Last-Modified; a file's size and mtime), when it was "
        "last checked and is next due, and its consecutive failures and last error "
        "(store/watched.py)",
        """
CREATE TABLE watched_sources (
    source TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_checked TEXT,
    next_due DOUBLE PRECISION NOT NULL DEFAULT 0, failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT)
""",
    ),
    (
        17,
        "watched links: each feed entry's link that 'onrecord watch --follow-links' fetched, "
        "with the article stored in the entry's place or the error (store/watched.py)",
        """
CREATE TABLE watched_links (
    link TEXT PRIMARY KEY, source TEXT NOT NULL, followed_at TEXT NOT NULL, article_id TEXT,
    error TEXT)
""",
    ),
    (
        18,
        "the storyline page's reads made cheap: the corpus version (the latest ingest time) "
        "by index, a storyline's outlets and event types from indexes alone, and kept "
        "storyline views: a large storyline's counts, cast and disputes as of one corpus "
        "state (store/kept.py)",
        """
CREATE INDEX articles_ingested ON articles (ingested_at);
CREATE INDEX articles_storyline_source ON articles (storyline_id, source, id, story_id);
CREATE INDEX events_article_status ON events (article_id, status, type);
CREATE TABLE kept_storyline_views (
    storyline_id TEXT PRIMARY KEY, version TEXT NOT NULL, computed_at TEXT NOT NULL,
    view TEXT NOT NULL)
""",
    ),
]
