"""``onrecord serve``: the HTTP API and the web UI over a corpus, with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from onrecord.cli.options import DEFAULT_DB, DbOption, err, fail


def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    private: Annotated[bool, typer.Option(
        "--private", help="Reads need the token too (ONRECORD_TOKEN), not only writes.")]
    = False,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private",
        help="Let POST /api/articles fetch URLs on private, loopback and link-local "
             "addresses.")] = False,
) -> None:
    """Serve the HTTP API (/api, schema at /openapi.json) and the web UI over a corpus.

    Writing (POST /api/articles) needs ONRECORD_TOKEN set where the server runs, sent as
    'Authorization: Bearer <token>'; with --private, reading needs it too.

    Example: [bold]ONRECORD_TOKEN=secret onrecord serve --db onrecord.db --port 8000[/bold]
    """
    import uvicorn

    from onrecord.errors import OnRecordError
    from onrecord.server.app import create_app
    from onrecord.server.deps import configured_token
    from onrecord.store import Corpus

    try:
        Corpus(db).close()  # create or migrate it now, and fail early if it cannot be opened
    except OnRecordError as error:
        raise fail(str(error)) from error
    if configured_token() is None:
        note = "reads are refused too" if private else "reads are open"
        err.print(f"ONRECORD_TOKEN is not set: writing is disabled, {note}", highlight=False)
    app = create_app(db, private=private, allow_private=allow_private)
    uvicorn.run(app, host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``onrecord`` application."""
    app.command()(serve)
