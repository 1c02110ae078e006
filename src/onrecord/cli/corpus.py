"""Commands that query the stored corpus: statements, timeline, speakers, sourcing, search,
contradictions, disputes, storylines and export. Each parses options, calls one function of
:mod:`onrecord.analysis`, and prints rows as a table, a JSON array or JSON Lines. And reindex,
which re-derives the corpus rows (the repair pass of cross-article identities)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from onrecord.cli.options import (
    DEFAULT_DB,
    DbOption,
    OffsetOption,
    RowsOption,
    SinceOption,
    StorylineOption,
    TableFormat,
    TableFormatOption,
    UntilOption,
    err,
    fail,
    out,
    require_db,
)
from onrecord.errors import OnRecordError

Columns = Sequence[tuple[str, str]]  # (key, header)


def _run(db: str, query: Callable[[Any], list[Any]]) -> list[Any]:
    from onrecord.store import Corpus

    require_db(db)
    try:
        with Corpus(db) as corpus:
            return query(corpus)
    except OnRecordError as error:
        raise fail(str(error)) from error


def _check_dates(since: str | None, until: str | None) -> None:
    """Refuse a date bound that is not a calendar date before anything is opened (exit 1)."""
    from onrecord.analysis.queries import check_date

    try:
        check_date(since, "--since")
        check_date(until, "--until")
    except OnRecordError as error:
        raise fail(str(error)) from error


def _print_rows(rows: list[dict[str, Any]], fmt: TableFormat, columns: Columns,
                title: str) -> None:
    if fmt is TableFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is TableFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if not rows:
        err.print(f"{title}: nothing found", highlight=False)
        return
    table = Table(title=title, title_justify="left", show_lines=False, expand=True)
    for _, header in columns:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(Text("" if row.get(k) is None else str(row.get(k))) for k, _ in columns))
    out.print(table)


def _date(row: dict[str, Any]) -> str:
    date = row.get("date") or "?"
    return f"{date}*" if row.get("date_defaulted") else date


STATEMENT_COLUMNS: Columns = (("when", "date"), ("speaker", "speaker"),
                              ("sourcing", "sourcing"), ("cue", "cue"), ("content", "content"),
                              ("outlet", "outlet"))


def statements(
    speaker: Annotated[str | None, typer.Option(
        "--speaker", "-s", help="A person as written in any article (\"Esper\"), or the words "
                                "of an unnamed source (\"officials\").")] = None,
    since: SinceOption = None, until: UntilOption = None, storyline: StorylineOption = None,
    limit: RowsOption = 100, offset: OffsetOption = 0,
    db: DbOption = DEFAULT_DB, fmt: TableFormatOption = TableFormat.table,
) -> None:
    """Statements in date order, optionally by one speaker, within dates, or of one storyline.

    A date marked * is the article's publication date (the text gave no date of its own).

    Example: [bold]onrecord statements --speaker Esper --since 2020-01-01[/bold]
    """
    from onrecord.analysis.queries import find_statements

    _check_dates(since, until)
    rows = _run(db, lambda c: find_statements(c, speaker, since, until, limit, offset,
                                              storyline))
    for row in rows:
        row["when"] = _date(row)
    _print_rows(rows, fmt, STATEMENT_COLUMNS, "Statements")


def timeline(
    actor: Annotated[str | None, typer.Option(
        "--actor", "-a", help="Source actor code or prefix (USA, IRNMIL).")] = None,
    target: Annotated[str | None, typer.Option(
        "--target", "-t", help="Target actor code or prefix.")] = None,
    since: SinceOption = None, until: UntilOption = None,
    only: Annotated[str | None, typer.Option(
        "--only", help="Only 'events' or only 'statements'.")] = None,
    storyline: StorylineOption = None,
    limit: RowsOption = 200, offset: OffsetOption = 0,
    db: DbOption = DEFAULT_DB, fmt: TableFormatOption = TableFormat.table,
) -> None:
    """Events and statements from every article (or one storyline's) on one time axis.

    With --actor or --target only events are shown (statements have speakers, not actors).

    Example: [bold]onrecord timeline --actor USA --target IRN --since 2019-12[/bold]
    """
    from onrecord.analysis.timeline import build_timeline

    kinds = {"events": ("event",), "statements": ("statement",), None: ("event", "statement")}
    if only not in kinds:
        raise fail("--only must be 'events' or 'statements'")
    _check_dates(since, until)
    rows = _run(db, lambda c: build_timeline(c, actor, target, since, until, limit, offset,
                                             kinds[only], storyline))
    for row in rows:
        row["when"] = _date(row)
        if row["item"] == "event":
            who = row.get("source") or row.get("source_actor") or "?"
            whom = row.get("target") or row.get("target_actor") or ""
            status = "" if row.get("status") == "occurred" else f" [{row.get('status')}]"
            row["what"] = f"{row['type']}{status}: {who} —{row['trigger']}→ {whom}".strip()
        else:
            row["what"] = f"{row.get('speaker') or '?'} ({row.get('cue')}): {row['content']}"
    _print_rows(rows, fmt, (("when", "date"), ("item", "kind"), ("what", "what"),
                            ("outlet", "outlet")), "Timeline")


def speakers(
    since: SinceOption = None, until: UntilOption = None, storyline: StorylineOption = None,
    limit: RowsOption = 50,
    db: DbOption = DEFAULT_DB, fmt: TableFormatOption = TableFormat.table,
) -> None:
    """Who is quoted, how often, in how many stories, named or anonymous (in one storyline
    with --storyline).

    Example: [bold]onrecord speakers --limit 20[/bold]
    """
    from onrecord.analysis.queries import list_speakers

    _check_dates(since, until)
    rows = _run(db, lambda c: list_speakers(c, limit, since, until, storyline))
    _print_rows(rows, fmt, (("speaker", "speaker"), ("statements", "statements"),
                            ("articles", "stories"), ("named", "named"),
                            ("anonymous", "anonymous"), ("first", "first"), ("last", "last")),
                "Speakers")


def sourcing(
    by: Annotated[str, typer.Option("--by", help="'outlet' or 'article'.")] = "outlet",
    storyline: StorylineOption = None,
    limit: RowsOption = 100,
    db: DbOption = DEFAULT_DB, fmt: TableFormatOption = TableFormat.table,
) -> None:
    """The share of anonymous sourcing, by outlet or by article (of one storyline's articles
    with --storyline).

    Example: [bold]onrecord sourcing --by outlet[/bold]
    """
    from onrecord.analysis.sourcing import SOURCINGS, sourcing_shares

    if by not in ("outlet", "article"):
        raise fail("--by must be 'outlet' or 'article'")
    rows = _run(db, lambda c: sourcing_shares(c, by, limit,  # type: ignore[arg-type]
                                              storyline))
    first = (("outlet", "outlet"), ("articles", "articles")) if by == "outlet" else (
        ("published", "published"), ("title", "title"), ("outlet", "outlet"))
    _print_rows(rows, fmt, (*first, ("statements", "statements"),
                            *((k, k) for k in SOURCINGS), ("anonymous_share", "anonymous share")),
                f"Sourcing by {by}")


def search(
    text: Annotated[str, typer.Argument(help="Words to find (all of them; stemmed).")],
    limit: RowsOption = 50,
    db: DbOption = DEFAULT_DB, fmt: TableFormatOption = TableFormat.table,
) -> None:
    """Full-text search over statements and articles.

    Example: [bold]onrecord search "four embassies"[/bold]
    """
    from onrecord.analysis.queries import search as run_search

    rows = _run(db, lambda c: run_search(c, text, limit))
    for row in rows:
        row["text"] = (f"{row.get('speaker') or '?'}: {row['content']}"
                       if row["type"] == "statement" else f"{row.get('title') or ''} — "
                       f"{row.get('snippet') or ''}")
        row["when"] = row.get("date") or row.get("published")
    _print_rows(rows, fmt, (("type", "hit"), ("when", "date"), ("text", "text"),
                            ("outlet", "outlet")), f"Search: {text}")


def contradictions(
    speaker: Annotated[str | None, typer.Option(
        "--speaker", "-s", help="Only findings involving this speaker.")] = None,
    since: SinceOption = None, until: UntilOption = None,
    kind: Annotated[str | None, typer.Option(
        "--kind", help="Only 'contradiction' or only 'shift'.")] = None,
    min_score: Annotated[float, typer.Option(
        "--min-score", min=0.0, max=1.0, help="Only findings scored at least this.")] = 0.5,
    embeddings: Annotated[bool, typer.Option(
        "--embeddings", help="Also group statements by sentence embedding "
                             "(needs onrecord[embeddings]).")] = False,
    storyline: StorylineOption = None,
    limit: RowsOption = 50,
    db: DbOption = DEFAULT_DB, fmt: TableFormatOption = TableFormat.table,
) -> None:
    """Statements that contradict each other, and speakers whose account shifts over time
    (in one storyline with --storyline).

    Each finding shows both statements with their dates and outlets, a score and the evidence
    (a denial, opposed words, conflicting numbers, a rebuttal, a change of account).

    Example: [bold]onrecord contradictions --speaker Theodorou[/bold]
    """
    from onrecord.analysis.disputes import find_contradictions

    if kind not in (None, "contradiction", "shift"):
        raise fail("--kind must be 'contradiction' or 'shift'")
    _check_dates(since, until)
    findings = _run(db, lambda c: find_contradictions(c, speaker, since, until, kind,
                                                      min_score, limit, embeddings, storyline))
    rows = [f.to_json() for f in findings]
    if fmt is not TableFormat.table:
        _print_rows(rows, fmt, (), "Contradictions")
        return
    if not rows:
        err.print("no contradiction or shift found", highlight=False)
        return
    for n, f in enumerate(findings, 1):
        out.print(f"[bold]{n}. {f.kind}[/bold] (score {f.score:.2f}) on "
                  f"{', '.join(f.matter) or 'the same matter'}", highlight=False)
        for side in (f.a, f.b):
            when = side.date or side.when or "undated"
            where = side.outlet or side.title or ""
            out.print(f"   {when} · {side.speaker} ({side.cue}) · {where}",
                      highlight=False, markup=False)
            out.print(f"      “{side.content}”", highlight=False, markup=False)
        out.print(f"   evidence: {'; '.join(f.evidence)}", highlight=False, markup=False)


def disputes(
    speaker: Annotated[str | None, typer.Option(
        "--speaker", "-s", help="Only disputes in which this speaker has a claim.")] = None,
    matter: Annotated[str | None, typer.Option(
        "--matter", "-m", help="Only disputes whose matter or claims hold these words.")] = None,
    since: SinceOption = None, until: UntilOption = None,
    kind: Annotated[str | None, typer.Option(
        "--kind", help="Only 'contradiction' or only 'shift'.")] = None,
    min_score: Annotated[float, typer.Option(
        "--min-score", min=0.0, max=1.0, help="Only links scored at least this.")] = 0.5,
    storyline: StorylineOption = None,
    limit: RowsOption = 20,
    db: DbOption = DEFAULT_DB, fmt: TableFormatOption = TableFormat.table,
) -> None:
    """Where accounts diverge, by matter and by side: each dispute's parties and their claims
    (those with a claim in one storyline with --storyline).

    A contradiction sets out the sides (a government's officials together) with each claim's
    speaker, date, outlet and echoes; a shift, one speaker's or side's account in date order.
    Ranked by the strongest link, then by how many outlets carried the claims.

    Example: [bold]onrecord disputes --matter "black boxes"[/bold]
    """
    from onrecord.analysis.disputes import find_disputes

    if kind not in (None, "contradiction", "shift"):
        raise fail("--kind must be 'contradiction' or 'shift'")
    _check_dates(since, until)
    found = _run(db, lambda c: find_disputes(c, speaker, since, until, kind, matter,
                                             min_score, limit, storyline=storyline))
    if fmt is not TableFormat.table:
        _print_rows([d.to_json() for d in found], fmt, (), "Disputes")
        return
    if not found:
        err.print("no dispute found", highlight=False)
        return
    for n, d in enumerate(found, 1):
        claims = sum(len(p.claims) for p in d.parties)
        out.print(f"[bold]{n}. {d.kind}[/bold] (score {d.score:.2f}) on "
                  f"{', '.join(d.matter) or 'one matter'}: {len(d.parties)} parties, {claims} "
                  f"claims, {sum(p.outlets for p in d.parties)} outlets · {d.id}",
                  highlight=False)
        for party in d.parties:
            out.print(f"   {party.name}", highlight=False, markup=False)
            for c in party.claims:
                echoes = f" (+{len(c.repeats)} echoes)" if c.repeats else ""
                out.print(f"      {c.date or 'undated'} · {c.speaker} ({c.cue}) · "
                          f"{c.outlet or c.title or ''}{echoes}", highlight=False, markup=False)
                out.print(f"         “{c.content}”", highlight=False, markup=False)
        out.print(f"   evidence: {'; '.join(d.links[0].evidence)}", highlight=False,
                  markup=False)


def storylines(
    storyline_id: Annotated[str | None, typer.Argument(
        metavar="ID", help="One storyline's id (or 6+ leading digits): list its articles.")
    ] = None,
    since: SinceOption = None, until: UntilOption = None,
    actor: Annotated[str | None, typer.Option(
        "--actor", "-a", help="Only storylines naming this state (its code: TUR) or this "
                              "person, organisation or place (as written: \"Erdogan\").")
    ] = None,
    min_articles: Annotated[int, typer.Option(
        "--min-articles", min=1, help="Only storylines of at least this many articles.")] = 1,
    limit: RowsOption = 50, offset: OffsetOption = 0,
    db: DbOption = DEFAULT_DB, fmt: TableFormatOption = TableFormat.table,
) -> None:
    """Developing stories: articles grouped across outlets and days, the most articles first.

    Each storyline has a stable id (its first article's), a label (its two main actors and
    key terms), its dates, outlets, actors, terms and event types. A republished copy is in
    its original's storyline. Give an ID to list that storyline's articles; pass the id to
    --storyline of statements, timeline, speakers, sourcing, disputes and contradictions.

    Example: [bold]onrecord storylines --actor TUR --since 2025-03[/bold]
    """
    from onrecord.analysis.storylines import articles_of_storyline, list_storylines

    _check_dates(since, until)
    if storyline_id is not None:
        articles = _run(db, lambda c: articles_of_storyline(c, storyline_id))
        _print_rows(articles, fmt, (("published", "published"), ("outlet", "outlet"),
                                    ("title", "title"), ("id", "article")),
                    f"Storyline {storyline_id}")
        return
    found = _run(db, lambda c: list_storylines(c, since, until, actor, min_articles, limit,
                                               offset))
    rows = [s.to_json() for s in found]
    if fmt is TableFormat.table:
        for row in rows:
            row["dates"] = f"{row['first'] or '?'} .. {row['last'] or '?'}"
            more = " …" if len(row["outlets"]) > 2 else ""
            row["carried"] = ", ".join(row["outlets"][:2]) + more
    _print_rows(rows, fmt, (("id", "id"), ("label", "label"), ("articles", "articles"),
                            ("dates", "dates"), ("carried", "outlets")), "Storylines")


def export(
    table: Annotated[str, typer.Option(
        "--table", help="statements, events, entities or articles.")] = "statements",
    to: Annotated[str, typer.Option(
        "--format", "-f", help="jsonl, csv, parquet, or gdelt (events, tab-separated). In csv "
                               "and gdelt a text cell starting with = + - @, a tab or a carriage "
                               "return gets a leading ' so spreadsheets do not run it as a "
                               "formula; numbers are unchanged.")
    ] = "jsonl",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (standard output when omitted; parquet needs a "
                               "file).")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export a table of the corpus for other tools.

    CSV and GDELT cells that a spreadsheet would run as a formula (text starting with = + - @,
    a tab or a carriage return) are written with a leading ' ; JSON Lines and Parquet keep the
    text as it is.

    Example: [bold]onrecord export --table events --format gdelt -o events.tsv[/bold]
    """
    from onrecord.analysis.export import write_export
    from onrecord.store import Corpus

    require_db(db)
    try:
        with Corpus(db) as corpus:
            count = write_export(corpus, table, to, output)
    except OnRecordError as error:
        raise fail(str(error)) from error
    err.print(f"exported {count} {table} rows as {to}"
              + (f" to {output}" if output else ""), highlight=False)


def reindex(db: DbOption = DEFAULT_DB) -> None:
    """Re-derive the corpus rows from the stored records: one person however written, stories,
    storylines (regrouped in date order), search index and counts.

    The repair pass of cross-article identities: every full name of every article is read
    first, fullest first, so spellings of one person join whatever order the articles came
    in, and a bare surname that two people share is split off the person it was merged into.
    Run it after a large ingest, or when new articles may have changed who is who.

    Example: [bold]onrecord reindex --db news.db[/bold]
    """
    from onrecord.store import Corpus

    require_db(db)
    try:
        with Corpus(db) as corpus:
            before = corpus.counts()["corpus_entities"]
            count = corpus.reindex()
            after = corpus.counts()["corpus_entities"]
    except OnRecordError as error:
        raise fail(str(error)) from error
    err.print(f"reindexed {count} articles: {after} corpus entities (were {before})",
              highlight=False)


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the ``onrecord`` application."""
    for command in (statements, timeline, speakers, sourcing, search, contradictions, disputes,
                    storylines, export, reindex):
        app.command()(command)
