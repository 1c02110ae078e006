"""``onrecord brief``: one storyline on one page, as Markdown, HTML or JSON."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from onrecord.cli.options import DEFAULT_DB, DbOption, err, fail, require_db


class BriefFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"


def brief(
    storyline_id: Annotated[str, typer.Argument(
        metavar="STORYLINE", help="The storyline's id from 'onrecord storylines' (or 6+ "
                                  "leading digits of it).")],
    fmt: Annotated[BriefFormat, typer.Option(
        "--format", "-f", help="Markdown, a standalone HTML page, or JSON.")] = BriefFormat.md,
    output: Annotated[Path | None, typer.Option(
        "--out", "-o", help="File to write (standard output when omitted).")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """A one-page brief of a storyline, as a fact-checker hands it to an editor: what
    happened in date order (one line per happening however many outlets reported it; what
    was denied, planned or called off apart), who claims what (named or anonymous), and where
    accounts diverge, each claim with its speaker, date and source.

    Drawn only from the stored record: quotations are the statements' own words, and every
    line cites the articles it comes from (outlet, date, link).

    Example: [bold]onrecord brief e3104df4 --format html --out brief.html[/bold]
    """
    from onrecord.analysis.brief import build_brief
    from onrecord.analysis.brief_render import render_brief
    from onrecord.errors import OnRecordError
    from onrecord.store import Corpus

    require_db(db)
    try:
        with Corpus(db) as corpus:
            text = render_brief(build_brief(corpus, storyline_id), fmt.value)
    except OnRecordError as error:
        raise fail(str(error)) from error
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise fail(f"{output}: cannot write the brief ({error.strerror or error})") from error
    err.print(f"wrote the brief of storyline {storyline_id} to {output}", highlight=False,
              markup=False)


def register(app: typer.Typer) -> None:
    """Add ``brief`` to the ``onrecord`` application."""
    app.command()(brief)
