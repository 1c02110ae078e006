"""Options and consoles shared by every command, so each reads and prints the same way."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

out = Console()
err = Console(stderr=True)


class Format(StrEnum):
    text = "text"
    json = "json"


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


DEFAULT_DB = "onrecord.db"

DbOption = Annotated[
    str, typer.Option("--db", metavar="PATH|URL",
                      help="Corpus: a SQLite file (created if missing) or postgresql://...")
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
TableFormatOption = Annotated[
    TableFormat, typer.Option("--format", "-f", help="Output: a table, a JSON array, or JSONL.")
]
WorkersOption = Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")]
LimitOption = Annotated[
    int | None, typer.Option("--limit", min=1, help="Score only the first N documents.")
]
ByRuleOption = Annotated[bool, typer.Option(
    "--by-rule", help="Also print precision per extraction rule (which rules do not generalise).")]
RowsOption = Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many rows.")]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Skip this many rows first.")]
SinceOption = Annotated[
    str | None, typer.Option("--since", metavar="YYYY[-MM[-DD]]", help="From this date on.")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", metavar="YYYY[-MM[-DD]]", help="Up to this date.")
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", metavar="YYYY-MM-DD",
                 help="Publication date; overrides any date found in the document."),
]


def fail(message: str) -> typer.Exit:
    """Print an error the same way everywhere; raise the returned Exit."""
    from rich.markup import escape

    err.print(f"[red]onrecord:[/red] {escape(message)}", markup=True, highlight=False,
              soft_wrap=True)
    return typer.Exit(code=1)


def require_db(db: str) -> None:
    """Refuse a SQLite path that does not exist (reading must not create an empty corpus)."""
    from pathlib import Path

    from onrecord.store.backends import is_postgres_url

    if not is_postgres_url(db) and db != ":memory:" and not Path(db).exists():
        raise fail(f"{db}: no such corpus database (run 'onrecord ingest' first)")
