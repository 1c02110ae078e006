"""A whole ingest, the local engine against the Ray engine: articles/s from files to a store.

    python benchmarks/ingest_engines.py --articles 300                        # SQLite
    python benchmarks/ingest_engines.py --articles 300 --pg auto --json       # and PostgreSQL

Where benchmarks/scale.py times the analysis alone, this times ``onrecord ingest``'s whole
path (``ingest_sources``): reading the files, the analysis, storing, deriving the cross-article
rows and the disputes' links at the end. The articles (``--articles``, collected as scale.py
collects them) are written as text files into one folder; each configuration (store, engine,
workers) ingests that folder into a fresh, empty store, in a fresh Python process.

The engines differ in who does what: with ``--engine local`` this process reads the files and
stores every record (worker processes analyse); with ``--engine ray`` the actors read the
files and analyse, and with PostgreSQL also store each article's own rows, so this process
only derives the cross-article rows, in input order (with SQLite it stores the records as the
local engine does). Printed per configuration: wall seconds, articles/s, and against the local
engine at equal workers and store, the ratio of Ray's rate to the local engine's.

``--pg auto`` starts the repository's throwaway server (scripts/postgres.sh start); the runs
write into a database of their own beside the URL's (``onrecord_bench``), made anew each time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))


def write_articles(count: int, folder: Path) -> int:
    """``count`` articles as text files (a title line, a blank line, the text)."""
    from scale import collect_articles

    articles = collect_articles(count)
    for n, article in enumerate(articles):
        date = article.published or "2025-03-05"
        (folder / f"{date[:10]}-article-{n:05d}.txt").write_text(article.text, "utf-8")
    return len(articles)


def run_one(folder: str, db: str, engine: str, workers: int) -> dict[str, Any]:
    """One ingest into a fresh store (in this process): the figures."""
    from store_writes import fresh

    from onrecord.engine.batch import ingest_sources
    from onrecord.store import Corpus

    fresh(db)
    start = time.perf_counter()
    with Corpus(db) as corpus:
        report = ingest_sources(corpus, [folder], workers=workers, engine=engine)
    wall = time.perf_counter() - start
    return {"store": "postgresql" if db.startswith("postgres") else "sqlite",
            "engine": engine, "workers": workers, "stored": report.stored,
            "discarded": len(report.discarded), "wall_s": round(wall, 2),
            "articles_per_s": round(report.stored / wall, 2),
            "load_avg_1min": round(os.getloadavg()[0], 2)}


def spawn(folder: str, db: str, engine: str, workers: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, __file__, "--one", folder, db, engine, str(workers)],
                          env=env, check=True, stdout=subprocess.PIPE, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--pg", help="a PostgreSQL URL, or 'auto' (scripts/postgres.sh start)")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        folder, db, engine, workers = args.one
        print(json.dumps(run_one(folder, db, engine, int(workers))))
        return 0
    from store_writes import postgres_url

    folder = Path(tempfile.mkdtemp(prefix="onrecord-ingest-"))
    count = write_articles(args.articles, folder)
    dbs = [] if args.no_sqlite else [str(folder.parent / (folder.name + ".db"))]
    if args.pg:
        dbs.append(postgres_url(args.pg, "onrecord_bench"))
    runs = []
    for db in dbs:
        for workers in args.workers:
            for engine in ("local", "ray"):
                runs.append(spawn(str(folder), db, engine, workers))
                print(f"  done: {runs[-1]}", file=sys.stderr)
    for run in runs:
        if run["engine"] == "ray":
            base = next(r for r in runs if r["engine"] == "local"
                        and r["store"] == run["store"] and r["workers"] == run["workers"])
            run["ratio_to_local"] = round(run["articles_per_s"] / base["articles_per_s"], 3)
    if args.json:
        print(json.dumps({"articles": count, "cores": os.cpu_count(), "runs": runs}))
        return 0
    print(f"{count} articles, {os.cpu_count()} cores")
    print(f"{'store':<11}{'engine':<7}{'workers':>8}{'wall s':>9}{'art/s':>8}{'ray/local':>10}")
    for r in runs:
        print(f"{r['store']:<11}{r['engine']:<7}{r['workers']:>8}{r['wall_s']:>9}"
              f"{r['articles_per_s']:>8}{r.get('ratio_to_local', ''):>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
