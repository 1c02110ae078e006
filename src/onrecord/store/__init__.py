"""Storage of analysed records: SQLite by default."""

from onrecord.store.sqlite import DEFAULT_DB, Corpus

__all__ = ["DEFAULT_DB", "Corpus"]
