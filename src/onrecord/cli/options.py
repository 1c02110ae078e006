"""Options and consoles shared by every command, so each reads and prints the same way."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:
    from onrecord.extract.entities.dictionaries import ActorDictionary

out = Console()
err = Console(stderr=True)


class Format(StrEnum):
    text = "text"
    json = "json"


class Engine(StrEnum):
    local = "local"
    ray = "ray"


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
EngineOption = Annotated[Engine, typer.Option(
    "--engine", help="Where the analysis runs: worker processes here (local), or actors on a "
                     "Ray cluster (ray; needs onrecord\\[ray]), with --workers actors (in "
                     "ingest they also read the sources and, with a PostgreSQL --db, store the "
                     "records).")]
AddressOption = Annotated[str | None, typer.Option(
    "--address", metavar="auto|ray://HOST:PORT",
    help="With --engine ray: the cluster to use (auto: the one this machine is in; "
         "ray://: a remote one, through Ray Client) \\[default: a Ray started here for "
         "this run].")]
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
StorylineOption = Annotated[
    str | None, typer.Option("--storyline", metavar="ID",
                             help="Only this storyline's articles (its id from 'onrecord "
                                  "storylines', or 6+ leading digits of it).")
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", metavar="YYYY-MM-DD",
                 help="Publication date; overrides any date found in the document."),
]

ActorsOption = Annotated[list[Path] | None, typer.Option(
    "--actors", metavar="FILE",
    help="Your own actors, over the built-in ones: a CAMEO/TABARI actor dictionary "
         "(NAME [CODE], as PETRARCH and Phoenix read) or a CSV with name,code[,start,end]. "
         "Repeatable.")]
AgentsOption = Annotated[list[Path] | None, typer.Option(
    "--agents", metavar="FILE",
    help="Your own agents (sector words): a CAMEO/TABARI agent dictionary (MINISTER [~GOV]) "
         "or a CSV with name,code. Repeatable.")]


def fail(message: str) -> typer.Exit:
    """Print an error the same way everywhere; raise the returned Exit."""
    from rich.markup import escape

    err.print(f"[red]onrecord:[/red] {escape(message)}", markup=True, highlight=False,
              soft_wrap=True)
    return typer.Exit(code=1)


def engine_ready(engine: Engine, address: str | None) -> None:
    """Refuse --address without --engine ray, and --engine ray without Ray installed (the
    message says how to install it; exit code 1)."""
    if address is not None and engine is not Engine.ray:
        raise fail("--address needs --engine ray")
    if engine is Engine.ray:
        from onrecord.engine.ray_engine import import_ray
        from onrecord.errors import EngineError

        try:
            import_ray()
        except EngineError as error:
            raise fail(str(error)) from error


def require_db(db: str) -> None:
    """Refuse a SQLite path that does not exist (reading must not create an empty corpus)."""
    from pathlib import Path

    from onrecord.store.backends import is_postgres_url

    if not is_postgres_url(db) and db != ":memory:" and not Path(db).exists():
        raise fail(f"{db}: no such corpus database (run 'onrecord ingest' first)")


def dictionaries(actors: list[Path] | None, agents: list[Path] | None) -> ActorDictionary | None:
    """The user's dictionaries read from ``--actors`` and ``--agents`` (``None`` without any);
    a file that cannot be read is an error naming its line, and exit code 1."""
    if not actors and not agents:
        return None
    from onrecord.errors import DictionaryError
    from onrecord.extract.entities.dictionaries import read_dictionaries

    try:
        return read_dictionaries(actors or [], agents or [])
    except DictionaryError as error:
        raise fail(str(error)) from error
