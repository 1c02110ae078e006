"""What became of each document of an ingest run, besides an analysed record or a Discarded
row: the engine's workers may have stored the article themselves, or found it stored."""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.models import ArticleRecord, Discarded


@dataclass(frozen=True)
class Stored:
    """An article a worker stored (its own rows): the driver derives the cross-article rows."""

    article_id: str


@dataclass(frozen=True)
class Skipped:
    """An article stored before (by an earlier run, or earlier in this one)."""

    article_id: str


Outcome = ArticleRecord | Stored | Skipped | Discarded
