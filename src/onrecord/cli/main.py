"""The ``onrecord`` command line: a thin layer that parses, calls the library, and renders."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from onrecord.cli.brief import register as register_brief_command
from onrecord.cli.corpus import register as register_corpus_commands
from onrecord.cli.options import (
    DEFAULT_DB,
    ActorsOption,
    AddressOption,
    AgentsOption,
    ByRuleOption,
    DbOption,
    Engine,
    EngineOption,
    Format,
    FormatOption,
    LimitOption,
    PublishedOption,
    WorkersOption,
    dictionaries,
    engine_ready,
    err,
    fail,
    out,
    require_db,
)
from onrecord.cli.serve import register as register_serve_command
from onrecord.cli.watch import register as register_watch_command
from onrecord.errors import OnRecordError
from onrecord.models import ArticleRecord, Discarded
from onrecord.version import __version__

if TYPE_CHECKING:
    from onrecord.extract.entities.dictionaries import ActorDictionary

T = TypeVar("T")

app = typer.Typer(
    name="onrecord",
    help="Turn news coverage into a sourced record: who said what, what happened, and when.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
_fail = fail


def _version(value: bool) -> None:
    if value:
        out.print(f"onrecord {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn news coverage into a sourced record: who said what, what happened, and when."""


def _emit(records: list[ArticleRecord], fmt: Format, explain: bool = False) -> None:
    from onrecord.cli.render import emit_records

    emit_records(records, out, as_json=fmt is Format.json, explain=explain)


@app.command()
def analyze(
    path: Annotated[str, typer.Argument(help="An article (text, HTML, JSONL), or - for stdin.")],
    published: PublishedOption = None,
    fmt: FormatOption = Format.text,
    explain: Annotated[bool, typer.Option(
        "--explain", help="With --format text, name the extraction rule behind each statement "
        "and event (JSON always carries it, as 'rule').")] = False,
    actors: ActorsOption = None,
    agents: AgentsOption = None,
) -> None:
    """Print the whole record of one article: entities, statements, times, events.

    Example: [bold]onrecord analyze story.txt --published 2020-01-14 --format json[/bold]
    Example: [bold]onrecord analyze story.txt --explain[/bold] (which rule found what)
    Example: [bold]onrecord analyze story.txt --actors my.actors.txt --agents my.agents.txt[/bold]
    (event actors coded with your own dictionaries)
    """
    from onrecord.analyze import analyze_articles
    from onrecord.ingest import load_path

    dictionary = dictionaries(actors, agents)

    try:
        loaded = list(load_path(path, published=published))
    except OnRecordError as error:
        raise _fail(f"{path}: {error}") from error
    discarded = [d for d in loaded if isinstance(d, Discarded)]
    articles = [a for a in loaded if not isinstance(a, Discarded)]
    for d in discarded:
        err.print(f"[red]onrecord:[/red] {escape(d.doc_id)}: {escape(d.reason)}", highlight=False,
                  soft_wrap=True)
    if not articles:
        raise typer.Exit(code=1)
    records: list[ArticleRecord] = []
    for result in analyze_articles(articles, dictionary=dictionary):
        if isinstance(result, Discarded):
            err.print(f"[red]onrecord:[/red] {escape(result.doc_id)}: {escape(result.reason)}",
                      highlight=False)
            discarded.append(result)
        else:
            records.append(result)
    _emit(records, fmt, explain)
    if discarded and len(loaded) == 1:
        raise typer.Exit(code=1)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(
        help="Files (text, HTML, JSONL, RSS/Atom feeds, WARC archives), directories, "
             "http(s) URLs, or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    published: PublishedOption = None,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private",
        help="Allow fetching URLs on private, loopback and link-local addresses.")] = False,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1,
        help="Worker processes (or Ray actors), each loading the pipeline once "
             "\\[default: the CPU cores].")]
    = None,
    actors: ActorsOption = None,
    agents: AgentsOption = None,
    engine: EngineOption = Engine.local,
    address: AddressOption = None,
) -> None:
    """Analyse articles and store their records in the corpus database.

    Sources: text, HTML and JSON Lines files, RSS/Atom feeds (one article per entry), WARC
    archives (.warc, .warc.gz: one article per archived page) and http(s) URLs (fetched).
    Each article is committed on its own: an interrupted run keeps what it stored, and running
    it again skips those (same text, same id) and does the rest. A republished copy of a
    stored story is stored and linked to that story. A document that cannot be analysed is
    reported, recorded as discarded with its reason, and the batch goes on.

    Example: [bold]onrecord ingest examples/ feed.xml crawl.warc.gz --db onrecord.db[/bold]
    Example: [bold]onrecord ingest news/ --actors my.actors.txt --agents agents.csv[/bold]
    (event actors coded with your own dictionaries)
    Example: [bold]onrecord ingest news/ --engine ray --address auto --workers 16[/bold]
    (analysed by 16 Ray actors on this machine's cluster; needs onrecord\\[ray])
    """
    from rich.progress import SpinnerColumn

    from onrecord.engine import default_workers
    from onrecord.engine.batch import ingest_sources
    from onrecord.store import Corpus

    engine_ready(engine, address)
    dictionary = dictionaries(actors, agents)
    try:
        corpus = Corpus(db)
    except OnRecordError as error:
        raise _fail(str(error)) from error
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    counts = {"stored": 0, "skipped": 0, "discarded": 0}
    with corpus, Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("starting", total=None)

        def show_progress(event: str, item: Discarded | None) -> None:
            if event == "disputes":
                progress.update(task, description="finding where accounts diverge")
                return
            counts[event] += 1
            if item is not None:
                progress.console.print(
                    f"[yellow]discarded[/yellow] {escape(item.doc_id)} ({item.stage}): "
                    f"{escape(item.reason)}",
                    highlight=False, soft_wrap=True)
            progress.update(task, description=", ".join(f"{v} {k}" for k, v in counts.items()))

        try:
            report = ingest_sources(corpus, paths, published=published,
                                    allow_private=allow_private,
                                    workers=workers or default_workers(),
                                    progress=show_progress, dictionary=dictionary,
                                    engine=engine.value, address=address)
        except OnRecordError as error:
            raise _fail(str(error)) from error
        totals = corpus.counts()
    err.print(f"stored {report.stored} new, {report.skipped} already stored, "
              f"{len(report.discarded)} discarded; {db} now holds {totals['articles']} articles "
              f"({totals['stories']} stories in {totals['storylines']} storylines), "
              f"{totals['statements']} statements"
              + (f"; {report.links} links between statements kept for disputes"
                 if report.links is not None else "")
              + (f", the views of {report.storyline_views} large storylines for their pages"
                 if report.storyline_views else ""),
              highlight=False)
    if report.interrupted:
        err.print("interrupted: what was stored is kept; run the same command again to finish",
                  highlight=False)
        raise typer.Exit(code=130)
    if not report.stored and not report.skipped and report.discarded:
        raise typer.Exit(code=1)


@app.command()
def show(
    article_id: Annotated[str | None, typer.Argument(
        help="An article id (or a unique prefix of 6+ characters); all articles when omitted.")]
    = None,
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.text,
) -> None:
    """Print stored records from the corpus database, oldest publication first.

    Example: [bold]onrecord show --db onrecord.db[/bold]
    """
    from onrecord.store import Corpus

    require_db(db)
    try:
        with Corpus(db) as corpus:
            records = [corpus.record(article_id)] if article_id else list(corpus.records())
    except OnRecordError as error:
        raise _fail(str(error)) from error
    _emit(records, fmt)


@app.command()
def discarded(db: DbOption = DEFAULT_DB) -> None:
    """List the documents that could not be analysed, with the stage and the reason.

    Example: [bold]onrecord discarded --db onrecord.db[/bold]
    """
    from onrecord.store import Corpus

    require_db(db)
    with Corpus(db) as corpus:
        for d in corpus.discarded():
            out.print(f"{d.doc_id}\t{d.stage}\t{d.reason}", highlight=False, soft_wrap=True,
                      markup=False)


eval_app = typer.Typer(help="Measure onrecord against gold annotations.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def _score_gold(gold: Path, limit: int | None, workers: int, date_key: str,
                score: Callable[[dict[str, Any], dict[str, Any]], T],
                dictionary: ActorDictionary | None = None,
                run: tuple[Engine, str | None] = (Engine.local, None)) -> list[T]:
    """Run onrecord over a gold file with a progress bar; ``score(doc, record)`` for each;
    ``run``: the engine and the Ray address."""
    from onrecord.eval.runner import analyse_documents, read_gold

    engine_ready(*run)
    try:
        docs = read_gold(gold, limit)
    except OnRecordError as error:
        raise _fail(str(error)) from error
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    results: list[T] = []
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("scoring", total=len(docs))
        try:
            for doc, record in analyse_documents(
                docs, workers, date_key=date_key, progress=lambda n: progress.advance(task, n),
                dictionary=dictionary, engine=run[0].value, address=run[1],
            ):
                results.append(score(doc, record))
        except OnRecordError as error:
            raise _fail(str(error)) from error
    return results


@eval_app.command("attribution")
def eval_attribution(
    gold: Annotated[Path, typer.Option("--gold", help="Gold JSON Lines (PolNeAR format).")],
    fmt: FormatOption = Format.text,
    workers: WorkersOption = 1,
    limit: LimitOption = None,
    by_rule: ByRuleOption = False,
    engine: EngineOption = Engine.local,
    address: AddressOption = None,
) -> None:
    """Score statements (content, speaker, cue) against gold attributions.

    Matching and measures as in ../shared/eval/attribution/README.md.

    Example: [bold]onrecord eval attribution --gold ../shared/eval/attribution/dev.jsonl -w 2[/bold]
    Example: [bold]onrecord eval attribution --gold dev.jsonl --by-rule[/bold] (precision per rule)
    """
    from onrecord.eval.attribution import aggregate, gold_items, predicted_items, score_document
    from onrecord.eval.by_rule import attribution_by_rule, rules_report

    scored = _score_gold(
        gold, limit, workers, "published",
        lambda doc, rec: (score_document(doc["text"], predicted_items(rec), gold_items(doc)),
                          attribution_by_rule(doc, rec) if by_rule else {}),
        run=(engine, address),
    )
    report = aggregate(scores for scores, _ in scored)
    if by_rule:
        report["by_rule"] = rules_report(rules for _, rules in scored)
    if fmt is Format.json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
        return
    from onrecord.cli.render import render_attribution_report, render_rules_report

    render_attribution_report(report, out, str(gold))
    if by_rule:
        render_rules_report(report["by_rule"], out, "content Jaccard >= 0.5", "coverage > 0.3")


@eval_app.command("timex")
def eval_timex(
    gold: Annotated[Path, typer.Option("--gold", help="Gold JSON Lines (TimeML, with dct).")],
    fmt: FormatOption = Format.text,
    workers: WorkersOption = 1,
    limit: LimitOption = None,
    engine: EngineOption = Engine.local,
    address: AddressOption = None,
) -> None:
    """Score time expressions (recognition and TIMEX3 values) as TempEval-3 does.

    Each document's ``dct`` is its publication date.

    Example: [bold]onrecord eval timex --gold ../shared/eval/timex/dev.jsonl -f json[/bold]
    """
    from onrecord.eval.timex import gold_timexes, predicted_timexes, score_timexes, timex_report

    report = timex_report(_score_gold(
        gold, limit, workers, "dct",
        lambda doc, rec: score_timexes(doc["text"], predicted_timexes(rec), gold_timexes(doc)),
        run=(engine, address),
    ))
    if fmt is Format.json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
        return
    from onrecord.cli.render import render_timex_report

    render_timex_report(report, out, str(gold))

@eval_app.command("events")
def eval_events(
    gold: Annotated[Path, typer.Option("--gold", help="Gold JSON Lines (coded sentences).")],
    fmt: FormatOption = Format.text,
    workers: WorkersOption = 1,
    limit: LimitOption = None,
    by_rule: ByRuleOption = False,
    actors: ActorsOption = None,
    agents: AgentsOption = None,
    engine: EngineOption = Engine.local,
    address: AddressOption = None,
) -> None:
    """Score events: PLOVER type + actors, exact CAMEO root + actors, and PLOVER type.

    Levels and actor matching as in ../shared/eval/events/README.md and onrecord.eval.events;
    figures overall, for the real-news sources (real_news) and by gold source. Each case's
    ``date`` is its publication date.

    Example: [bold]onrecord eval events --gold ../shared/eval/events/dev.jsonl -f json[/bold]
    Example: [bold]onrecord eval events --gold dev.jsonl --by-rule[/bold] (precision per rule)
    Example: [bold]onrecord eval events --gold dev.jsonl --engine ray -w 8[/bold] (on Ray actors)
    Example: [bold]onrecord eval events --gold unittest.jsonl --actors PETR.Validate.actors.txt
    --agents PETR.Validate.agents.txt[/bold] (the gold's actors from its own dictionaries)
    """
    from onrecord.eval.by_rule import events_by_rule, rules_report
    from onrecord.eval.events import events_report, score_case

    dictionary = dictionaries(actors, agents)
    scored = _score_gold(gold, limit, workers, "date", lambda case, rec: (
        score_case(case, rec), events_by_rule(case, rec) if by_rule else {}), dictionary,
        run=(engine, address))
    report = events_report(case for case, _ in scored)
    if by_rule:
        report["by_rule"] = rules_report(rules for _, rules in scored)
    if fmt is Format.json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
        return
    from onrecord.cli.render import render_events_report, render_rules_report

    render_events_report(report, out, str(gold))
    if by_rule:
        render_rules_report(report["by_rule"], out, "type + actors in gold", "type in gold")


@eval_app.command("stance")
def eval_stance(
    gold: Annotated[Path, typer.Option(
        "--gold", help="Stance labels as offsets (JSON Lines: article, content, stance).")],
    articles: Annotated[Path, typer.Option(
        "--articles", help="The labelled articles' texts (JSON Lines with id, text, published).")],
    fmt: FormatOption = Format.text,
    workers: WorkersOption = 1,
    engine: EngineOption = Engine.local,
    address: AddressOption = None,
) -> None:
    """Score the stance of statements (asserts, denies, doubts, qualifies) against labels.

    Accuracy over the labels a statement covers, per-class precision and recall, overall and
    for each of two folds of articles (see onrecord.eval.stance).

    Example: [bold]onrecord eval stance --gold tests/data/stance_dev.jsonl
    --articles ../shared/eval/attribution/dev.jsonl -w 2[/bold]
    """
    from onrecord.eval.runner import analyse_documents, read_gold
    from onrecord.eval.stance import match_labels, read_labels, stance_report

    engine_ready(engine, address)
    try:
        labels = read_labels(gold)
        wanted = {label.article for label in labels}
        docs = [d for d in read_gold(articles) if str(d.get("id")) in wanted]
    except OnRecordError as error:
        raise _fail(str(error)) from error
    missing = wanted - {str(d.get("id")) for d in docs}
    if missing:
        raise _fail(f"{articles}: no text for {len(missing)} labelled articles "
                    f"(e.g. {sorted(missing)[0]})")
    outcomes = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("scoring", total=len(docs))
        try:
            for doc, record in analyse_documents(
                    docs, workers, progress=lambda n: progress.advance(task, n),
                    engine=engine.value, address=address):
                mine = [label for label in labels if label.article == str(doc.get("id"))]
                outcomes.extend(match_labels(doc["text"], mine, record["statements"]))
        except OnRecordError as error:
            raise _fail(str(error)) from error
    report = stance_report(outcomes)
    if fmt is Format.json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
        return
    from onrecord.cli.render import render_stance_report

    render_stance_report(report, out, str(gold))


@eval_app.command("contradictions")
def eval_contradictions(
    gold: Annotated[Path, typer.Option("--gold", help="Labelled statement pairs (JSON Lines).")],
    fmt: FormatOption = Format.text,
    min_score: Annotated[float, typer.Option(
        "--min-score", min=0.0, max=1.0, help="Report findings scored at least this.")] = 0.5,
    show_unlabelled: Annotated[bool, typer.Option(
        "--show-unlabelled", help="List predicted pairs that carry no label.")] = False,
    embeddings: Annotated[bool, typer.Option(
        "--embeddings", help="Also match statements by sentence embedding "
                             "(needs onrecord[embeddings]).")] = False,
) -> None:
    """Score contradiction and shift detection against hand-labelled statement pairs.

    Analyses every document the labels name (paths relative to the current directory), then
    reports precision and recall at --min-score and at a few other thresholds.

    Example: [bold]onrecord eval contradictions --gold tests/data/contradiction_pairs.jsonl[/bold]
    """
    from onrecord.eval.contradictions import evaluate_files

    thresholds = sorted({min_score, 0.3, 0.4, 0.5, 0.6, 0.7})
    try:
        reports, discarded = evaluate_files(gold, thresholds, embeddings)
    except OnRecordError as error:
        raise _fail(str(error)) from error
    for d in discarded:
        err.print(f"[yellow]discarded[/yellow] {escape(d.doc_id)}: {escape(d.reason)}",
                  highlight=False)
    main_report = next(r for r in reports if r["threshold"] == min_score)
    if fmt is Format.json:
        brief = [{k: v for k, v in r.items() if k != "unlabelled"} for r in reports]
        sys.stdout.write(json.dumps({"at": main_report["threshold"], "by_threshold": brief},
                                    indent=2) + "\n")
        return
    from onrecord.cli.render import render_contradictions_report

    render_contradictions_report(reports, main_report, out, str(gold), show_unlabelled)

register_corpus_commands(app)
register_brief_command(app)
register_serve_command(app)
register_watch_command(app)


def main() -> None:
    """Entry point of the ``onrecord`` script."""
    app()


if __name__ == "__main__":
    main()
