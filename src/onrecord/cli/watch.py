"""``onrecord watch``: poll feeds, pages and files on a schedule and ingest what is new."""

from __future__ import annotations

import signal
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from onrecord.cli.options import DEFAULT_DB, DbOption, err, fail
from onrecord.errors import OnRecordError

if TYPE_CHECKING:
    from onrecord.watch import Watcher


def watch(
    sources: Annotated[list[str], typer.Argument(
        help="http(s) URLs of RSS/Atom feeds or article pages, and feed or article files.")],
    every: Annotated[str, typer.Option(
        "--every", metavar="DURATION", help="How often each source is checked: 90s, 15m, 1h, "
        "1h30m.")] = "15m",
    db: DbOption = DEFAULT_DB,
    once: Annotated[bool, typer.Option(
        "--once", help="Run one round now and exit, e.g. from cron: every source is checked "
        "but those failing, which wait out their backoff.")]
    = False,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private",
        help="Allow fetching URLs on private, loopback and link-local addresses.")] = False,
    workers: Annotated[int, typer.Option(
        "--workers", "-w", min=1, help="Worker processes analysing each round's articles.")]
    = 1,
    gap: Annotated[float, typer.Option(
        "--gap", min=0.0, help="Seconds between two requests to one host, at least.")] = 5.0,
    follow_links: Annotated[bool, typer.Option(
        "--follow-links", help="For a feed entry that is only a summary, fetch the page it "
        "links to and store that article instead (each link once; the summary is kept when "
        "the page fails).")] = False,
) -> None:
    """Watch feeds and pages: check them on a schedule, ingest what is new, say what changed.

    Each check of a URL is a conditional GET (If-None-Match / If-Modified-Since from the last
    answer's ETag / Last-Modified): a 304 costs nothing. A file is read again when its size or
    modification time changes. New articles go through the same analysis as 'onrecord ingest'
    (storylines, disputes); each round prints what changed ("3 new articles in '<storyline>'",
    "new dispute: <side> vs <side>") and a summary. A failing source is backed off (the
    interval doubled per failure, up to 6 h, or the server's Retry-After) and retried. The
    state of each source is kept in the --db, so running the command again resumes. Runs until
    Ctrl-C or SIGTERM, which stop it after the source being checked.

    Example: [bold]onrecord watch https://news.example/world.rss https://wire.example/feed
    --every 15m --db news.db[/bold]
    Example: [bold]onrecord watch feeds/harbour.xml --once --db news.db[/bold] (one round)
    Example: [bold]onrecord watch https://news.example/world.rss --follow-links[/bold] (a feed
    of summaries: each new story's page is read)
    """
    from onrecord.store import Corpus
    from onrecord.watch import Watcher, parse_every

    def log(line: str) -> None:
        err.print(escape(line), highlight=False, soft_wrap=True)

    try:
        interval = parse_every(every)
        corpus = Corpus(db)
    except OnRecordError as error:
        raise fail(str(error)) from error
    with corpus:
        try:
            watcher = Watcher(corpus, sources, every=interval, allow_private=allow_private,
                              workers=workers, gap=gap, follow=follow_links, log=log)
        except OnRecordError as error:
            raise fail(str(error)) from error
        if once:
            _run(watcher, 1)
            return
        count = len(watcher.sources)
        log(f"watching {count} source{'s' if count != 1 else ''} every {every} into {db}; "
            "Ctrl-C stops after the source being checked")
        stopped = _stop_on_signals(watcher)
        _run(watcher, None)
        if stopped or watcher.stopping:
            log(f"stopped after {watcher.rounds} rounds; run the same command to resume")


def _run(watcher: Watcher, rounds: int | None) -> None:
    """Run ``rounds`` rounds (None: until stopped); a store error ends the command."""
    try:
        if rounds is None:
            watcher.run()
        else:
            for _ in range(rounds):
                watcher.run_round(healthy_now=True)
    except OnRecordError as error:
        raise fail(str(error)) from error
    except KeyboardInterrupt:  # a second Ctrl-C: what was stored is kept
        err.print("interrupted: what was stored is kept; run the same command to resume",
                  highlight=False)
        raise typer.Exit(code=130) from None


def _stop_on_signals(watcher: Watcher) -> list[int]:
    """SIGINT and SIGTERM stop the watcher after its current source (a second Ctrl-C
    interrupts at once); the signals received are appended to the list returned."""
    received: list[int] = []

    def handle(signum: int, frame: FrameType | None) -> None:
        received.append(signum)
        watcher.stop()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    signal.signal(signal.SIGINT, handle)
    signal.signal(signal.SIGTERM, handle)
    return received


def register(app: typer.Typer) -> None:
    """Add ``watch`` to the ``onrecord`` application."""
    app.command()(watch)
