"""A corpus benchmark: build N articles from the examples, ingest them, time every query.

    python benchmarks/corpus.py --articles 10000 --workers 2 --json
    python benchmarks/corpus.py --articles 300 --db /tmp/small.db      # a quick look
    python benchmarks/corpus.py --existing /tmp/big.db --json           # time a stored corpus

The articles recombine the paragraphs of examples/ into varied stories: each takes three to
seven paragraphs from different example articles, a dateline, an outlet and a date spread over
a year; one in ten is a republished copy of an earlier one (an outlet's tagline added and a
sentence dropped), so near-duplicate linking is exercised. The corpus is written as JSON Lines,
ingested with ``--workers`` processes (each loading the pipeline once), then each query runs
five times on the stored corpus and its median latency is reported (target: < 100 ms each on
SQLite at 10,000 articles). ``--db postgresql://...`` measures PostgreSQL instead. The web
pages that read the most are timed too, through the application (``page_ms``, median of five
after one warm-up; target < 300 ms): the storylines list and the largest storyline's page, whose
first rendering in the process (which reads the view an ingest kept of a storyline of 500+
articles, or counts the storyline's events and statements; later ones read the view held for
the corpus state) is timed once, as is keeping the views (nothing to do when they are kept).
``--existing DB`` skips building and ingesting and times the corpus already stored in ``DB``
(it keeps the links of disputes and the views of large storylines there, as an ingest would).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUTLETS = ["Harbor Wire", "Coastline Daily", "The Meridian Post", "Eastgate Radio News",
           "Northern Ledger", "Capital Courier", "Island Times", "Gulf Observer"]
PLACES = ["ATHENS", "ANKARA", "IZMIR", "KOS", "RHODES", "BRUSSELS", "THESSALONIKI", "ISTANBUL",
          "NICOSIA", "CHIOS", "LESBOS", "PIRAEUS"]


def example_paragraphs() -> list[str]:
    from onrecord.ingest import load_sources
    from onrecord.models import Article

    paragraphs = []
    for item in load_sources([ROOT / "examples"]):
        if isinstance(item, Article):
            paragraphs += [p.strip() for p in item.text.split("\n\n") if len(p.split()) >= 12]
    return paragraphs


def build_corpus(count: int, path: Path, seed: int = 7) -> int:
    """Write ``count`` recombined articles to ``path`` (JSON Lines); return the copies made."""
    rng = random.Random(seed)
    paragraphs = example_paragraphs()
    written: list[dict[str, Any]] = []
    copies = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            day = f"2025-{1 + (i // 28) % 12:02d}-{1 + i % 28:02d}"
            if written and rng.random() < 0.1:  # a republished wire story
                source = rng.choice(written)
                sentences = source["text"].split(". ")
                if len(sentences) > 3:
                    del sentences[rng.randrange(1, len(sentences) - 1)]
                text = ". ".join(sentences) + f"\n\n(Reporting by the {rng.choice(OUTLETS)} desk)"
                copies += 1
            else:
                body = rng.sample(paragraphs, rng.randint(3, 7))
                text = f"{rng.choice(PLACES)} — " + "\n\n".join(body)
            record = {"text": text, "published": day, "source": rng.choice(OUTLETS),
                      "title": f"Aegean report {i}", "url": f"https://bench.example/{i}"}
            written.append(record)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return copies


def median_ms(run: Callable[[], Any], repeat: int = 5) -> float:
    run()  # warm the caches once
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def time_queries(db: str) -> dict[str, float]:
    from onrecord.analysis import links
    from onrecord.analysis.disputes import find_contradictions, find_disputes, group_disputes
    from onrecord.analysis.links import _find_findings as find_links
    from onrecord.analysis.queries import find_statements, list_speakers, search
    from onrecord.analysis.sourcing import sourcing_shares
    from onrecord.analysis.timeline import build_timeline
    from onrecord.store import Corpus

    with Corpus(db) as c:
        links.keep_findings(c)  # as an ingest that stored anything leaves them
        return {
            "statements --speaker Theodorou": median_ms(lambda: find_statements(c, "Theodorou")),
            "statements --since/--until": median_ms(
                lambda: find_statements(c, since="2025-03-01", until="2025-03-31")),
            "timeline": median_ms(lambda: build_timeline(c)),
            "timeline --actor TUR --since 2025-06": median_ms(
                lambda: build_timeline(c, actor="TUR", since="2025-06")),
            "speakers": median_ms(lambda: list_speakers(c)),
            "sourcing --by outlet": median_ms(lambda: sourcing_shares(c, "outlet")),
            "sourcing --by article": median_ms(lambda: sourcing_shares(c, "article")),
            "search transponder": median_ms(lambda: search(c, "transponder")),
            "contradictions --speaker Theodorou --since 2025-03 --until 2025-03": median_ms(
                lambda: find_contradictions(c, "Theodorou", "2025-03", "2025-03"), repeat=3),
            "disputes (whole corpus, built from scratch)": once_ms(
                lambda: group_disputes(find_links(c, None, None, None, 0.5, False))),
            "disputes (whole corpus, kept links read by a new process)": median_ms(
                lambda: (links._CACHE.clear(), find_disputes(c))),
            "disputes (whole corpus, asked again)": median_ms(lambda: find_disputes(c)),
            "disputes --matter transponder (asked again)": median_ms(
                lambda: find_disputes(c, matter="transponder")),
        }


def time_pages(db: str) -> dict[str, Any]:
    """The storylines page and the largest storyline's page, rendered through the app."""
    import warnings

    from onrecord.analysis import links, storyline_view
    from onrecord.server.app import create_app
    from onrecord.store import Corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    with Corpus(db) as c:
        rows = c.query("SELECT id, articles FROM storylines ORDER BY articles DESC, id LIMIT 1")
        links.keep_findings(c)
        keeping = once_ms(lambda: storyline_view.keep_storyline_views(c))  # as an ingest does
    links._CACHE.clear()  # the first view is a new process's
    storyline_view._VIEWS.clear()
    client = TestClient(create_app(db))

    def get(path: str) -> Callable[[], Any]:
        def run() -> None:
            response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"{path}: {response.status_code} {response.text[:200]}")
        return run

    result: dict[str, Any] = {"keep storyline views (an ingest's end)": keeping,
                              "/storylines": median_ms(get("/storylines"))}
    if rows:
        sid, size = rows[0]
        result["largest storyline's articles"] = int(size)
        result["/storylines/{largest} (first asked)"] = once_ms(
            get(f"/storylines/{sid}"))
        result["/storylines/{largest}"] = median_ms(get(f"/storylines/{sid}"))
        result["/storylines/{largest}?since=2025-03&until=2025-03"] = median_ms(
            get(f"/storylines/{sid}?since=2025-03&until=2025-03"))
    return result


def once_ms(run: Callable[[], Any]) -> float:
    """One cold run (of a function that reads nothing kept)."""
    start = time.perf_counter()
    run()
    return round((time.perf_counter() - start) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", help="corpus to create (default: a temporary SQLite file)")
    parser.add_argument("--existing", metavar="DB",
                        help="time the queries and pages of this stored corpus instead")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if args.existing:
        from onrecord.store import Corpus

        with Corpus(args.existing) as corpus:
            counts = corpus.counts()
        found = {"db": args.existing, "articles": counts["articles"],
                 "storylines": counts.get("storylines"), "statements": counts["statements"],
                 "events": counts["events"], "query_ms": time_queries(args.existing),
                 "page_ms": time_pages(args.existing)}
        _print(found, args.json)
        return

    from onrecord.engine.batch import ingest_sources
    from onrecord.store import Corpus

    work = Path(tempfile.mkdtemp(prefix="onrecord-bench-"))
    db = args.db or str(work / "corpus.db")
    source = work / "corpus.jsonl"
    copies = build_corpus(args.articles, source)
    start = time.perf_counter()
    with Corpus(db) as corpus:
        report = ingest_sources(corpus, [source], workers=args.workers)
        counts = corpus.counts()
    seconds = time.perf_counter() - start
    size = sum(p.stat().st_size for p in Path(db).parent.glob(Path(db).name + "*")) \
        if not db.startswith("postgres") else None
    result = {
        "articles": args.articles, "workers": args.workers, "republished_copies": copies,
        "stored": report.stored, "skipped": report.skipped,
        "discarded": len(report.discarded),
        "stories": counts["stories"], "statements": counts["statements"],
        "events": counts["events"], "seconds": round(seconds, 1),
        "articles_per_s": round(report.stored / seconds, 2),
        "db_mb": round(size / 1e6, 1) if size else None,
        "query_ms": time_queries(db),
        "page_ms": time_pages(db),
    }
    _print(result, args.json)


def _print(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        if key not in ("query_ms", "page_ms"):
            print(f"{key:>20}: {value}")
    for name, ms in {**result["query_ms"], **result["page_ms"]}.items():
        print(f"{ms:>8.1f} ms  {name}" if isinstance(ms, float) else f"{ms:>8}     {name}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
