"""Kept findings: the cross-article links that disputes are made of, stored once per corpus state.

Finding where accounts diverge compares every statement with the others on its matter, which at
10,000 articles takes seconds; a reader asks for disputes far more often than the corpus
changes. So the links are computed once for a corpus state and kept in three tables: a state
row per ``key`` (which detector and settings: :func:`onrecord.analysis.links.kept_key`) with
the corpus version it was computed on, the statements the links join (each once: a statement
relayed by hundreds of outlets carries their list, and is in many links), and the links, in
rank order, naming their two statements by position.

They are forgotten whenever the corpus changes: :meth:`onrecord.store.Corpus.add` and
:meth:`~onrecord.store.Corpus.reindex` delete the state rows in their own transaction, and a
reader also compares the kept version with the corpus's current one (:func:`corpus_version`), so
links computed while another process was storing articles are never served as current.
Large storylines' views (:mod:`onrecord.analysis.storyline_view`: their day counts, cast,
outlets and disputes, one JSON text per storyline) are kept the same way, in
``kept_storyline_views``, with the version they were computed at, and forgotten with the links.
Everything here is SQL over fixed table names with bound parameters.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from onrecord.store.backends import Backend
    from onrecord.store.corpus import Corpus

__all__ = ["FORGET", "corpus_version", "keep", "keep_view", "kept", "kept_view"]

FORGET = ("DELETE FROM kept_findings_state", "DELETE FROM kept_storyline_views")
"""Run by every write that changes what the links or views would be (in the write's
transaction)."""


def corpus_version(corpus: Corpus) -> str:
    """The corpus state links are computed on: how many articles and the latest ingest time (a
    reindex forgets the kept links instead)."""
    count, latest = corpus.query("SELECT count(*), max(ingested_at) FROM articles")[0]
    return f"{count}|{latest or ''}"


def kept(corpus: Corpus, key: str, version: str) -> tuple[list[str], list[str]] | None:
    """The kept statements and links (JSON texts, links in rank order) for ``key`` at
    ``version``; None when none are kept for this state (never computed, or the corpus changed
    since)."""
    state = corpus.query("SELECT version FROM kept_findings_state WHERE key = ?", [key])
    if not state or state[0][0] != version:
        return None
    statements = [row[0] for row in corpus.query(
        "SELECT statement FROM kept_statements WHERE key = ? ORDER BY position", [key])]
    links = [row[0] for row in corpus.query(
        "SELECT finding FROM kept_findings WHERE key = ? ORDER BY position", [key])]
    return statements, links


def keep(b: Backend, key: str, version: str, statements: list[str], links: list[str]) -> None:
    """Keep ``statements`` (each once, however many links it is in) and ``links`` (JSON texts,
    in rank order, naming their statements by position) as those of ``key`` at ``version``, in
    place of any kept before, in one transaction (through :meth:`Corpus.keep_findings`)."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with b.transaction():
        for table in ("kept_findings", "kept_statements", "kept_findings_state"):
            b.execute(f"DELETE FROM {table} WHERE key = ?", (key,))  # fixed table names
        b.executemany("INSERT INTO kept_statements (key, position, statement) VALUES (?, ?, ?)",
                      [(key, n, text) for n, text in enumerate(statements)])
        b.executemany("INSERT INTO kept_findings (key, position, finding) VALUES (?, ?, ?)",
                      [(key, n, text) for n, text in enumerate(links)])
        b.execute("INSERT INTO kept_findings_state (key, version, computed_at, findings)"
                  " VALUES (?, ?, ?, ?)", (key, version, now, len(links)))


def kept_view(corpus: Corpus, storyline_id: str, version: str) -> str | None:
    """The kept view of a storyline (a JSON text) at ``version``; None when none is kept for
    this state."""
    rows = corpus.query("SELECT version, view FROM kept_storyline_views WHERE storyline_id = ?",
                        [storyline_id])
    return str(rows[0][1]) if rows and rows[0][0] == version else None


def keep_view(b: Backend, storyline_id: str, version: str, view: str) -> None:
    """Keep ``view`` (a JSON text) as that of ``storyline_id`` at ``version``, in place of any
    kept before (through :meth:`Corpus.keep_storyline_view`)."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with b.transaction():
        b.execute("DELETE FROM kept_storyline_views WHERE storyline_id = ?", (storyline_id,))
        b.execute("INSERT INTO kept_storyline_views (storyline_id, version, computed_at, view)"
                  " VALUES (?, ?, ?, ?)", (storyline_id, version, now, view))
