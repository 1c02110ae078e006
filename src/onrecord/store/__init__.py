"""Storage of analysed records: SQLite by default, PostgreSQL by URL (``postgresql://...``)."""

from onrecord.store.corpus import DEFAULT_DB, Corpus

__all__ = ["DEFAULT_DB", "Corpus"]
