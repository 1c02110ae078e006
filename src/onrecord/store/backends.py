"""Database backends behind one small interface: SQLite (embedded, default) and PostgreSQL.

The corpus code writes portable SQL with ``?`` placeholders; each backend runs it on its own
driver (PostgreSQL's placeholders are rewritten to ``%s``). What differs between the two, full-
text search and connection set-up, lives here. Every value reaches the database as a bound
parameter; only fixed SQL text written in this package is ever formatted.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeVar

from onrecord.errors import StoreError

T = TypeVar("T")

Row = tuple[Any, ...]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


def search_terms(query: str) -> list[str]:
    """The words of a user's search text, with every search-syntax character dropped.

    >>> search_terms('four "embassies" OR drop table; --')
    ['four', 'embassies', 'or', 'drop', 'table']
    """
    return [w.lower() for w in _WORD.findall(query)][:32]


def is_postgres_url(db: str | Path) -> bool:
    return str(db).startswith(("postgresql://", "postgres://"))


class Backend(Protocol):
    """What the corpus needs from a database."""

    dialect: str
    label: str

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...
    def transaction(self) -> Any: ...
    def close(self) -> None: ...
    def errors(self) -> tuple[type[BaseException], ...]: ...


class SqliteBackend:
    """One SQLite file (or ``:memory:``) in WAL mode with foreign keys on."""

    dialect = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.label = str(path)
        try:
            self._db = sqlite3.connect(self.label, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.label != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA busy_timeout = 10000")
        except sqlite3.Error as err:
            raise StoreError(f"cannot open the corpus database {self.label}: {err}") from err

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self._db.execute(sql, tuple(params)).fetchall()

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._db.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()

    def errors(self) -> tuple[type[BaseException], ...]:
        return (sqlite3.Error,)


class PostgresBackend:
    """A PostgreSQL database reached by URL, through psycopg 3 (the ``postgres`` extra)."""

    dialect = "postgres"

    def __init__(self, url: str) -> None:
        self.label = re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)  # never print a password
        try:
            import psycopg
        except ImportError as err:
            raise StoreError(
                "PostgreSQL needs psycopg: pip install 'onrecord[postgres]'") from err
        self._psycopg = psycopg
        try:
            self._db = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as err:
            raise StoreError(f"cannot connect to {self.label}: {err}") from err

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        cur = self._db.execute(self._sql(sql), tuple(params))
        return [tuple(r) for r in cur.fetchall()] if cur.description else []

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self._db.cursor() as cur:
                cur.executemany(self._sql(sql), [tuple(r) for r in rows])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._db.transaction():
            yield

    def close(self) -> None:
        self._db.close()

    def errors(self) -> tuple[type[BaseException], ...]:
        return (self._psycopg.Error,)


def open_backend(db: str | Path) -> Backend:
    """The backend for ``db``: a PostgreSQL URL, or else a SQLite path."""
    if is_postgres_url(db):
        return PostgresBackend(str(db))
    return SqliteBackend(db)


_TRANSIENT = frozenset({"40P01", "40001"})  # PostgreSQL: deadlock detected; serialization


def retry_transient(attempt: Callable[[], T], tries: int = 4) -> T:
    """``attempt()``, called again (up to ``tries`` times in all) when it raised a StoreError
    caused by a transient database error: concurrent writers that deadlocked, or a transaction
    that could not be serialised. Any other error, or the last one, is raised."""
    for n in range(1, tries + 1):
        try:
            return attempt()
        except StoreError as err:
            if n == tries or getattr(err.__cause__, "sqlstate", None) not in _TRANSIENT:
                raise
    raise AssertionError("unreachable")
