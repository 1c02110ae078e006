"""The store's write rate: articles/s and rows/s into SQLite and PostgreSQL, 1, 2 and 4 writers.

    python benchmarks/store_writes.py                           # SQLite only
    python benchmarks/store_writes.py --pg auto --json          # and a throwaway PostgreSQL
    python benchmarks/store_writes.py --pg postgresql://USER@HOST:PORT/DB --writers 1 2 4

Real records: ``--analyse`` articles (default 100, as benchmarks/scale.py collects them) are
analysed once, with two worker processes. Each configuration then stores ``--copies`` new
articles (default 800) into a fresh, empty store: copy k of a record is the record with its
article's words shuffled (a seeded shuffle per copy) and its id the hash of that text, so
every copy is a new article with its own near-duplicate signature (no story is shared by
accident), and the same entities, statements, events and times as the analysed article. The
copies are split among ``--writers`` processes, each with its own ``Corpus(db)`` (one
connection) calling ``Corpus.add`` per record, as an ingest does; they start together, after
the schema is made. The figure is from the start to the last writer's end.

``--split`` also measures the Ray engine's way with PostgreSQL: the writers store each
article's own rows (``Corpus.add(record, derive=False)``), then one process derives the
cross-article rows in input order (``Corpus.derive_stored``); the two phases are timed apart
(stored and derived articles/s), and the run's figure is their sum.

rows/s counts every row written, in every table of the store (articles, entities, statements,
events, times, entity links, corpus entities and aliases, story bands, sourcing and speaker
counts, and on SQLite the full-text index), from the counts after the run; an update of an
existing row (a corpus entity's article count, say) is not a row. Rows per article per table
are in ``--json``.

``--pg auto`` starts the repository's throwaway server (scripts/postgres.sh start) and, as
with any ``--pg`` URL, writes into a database of its own beside the URL's (``onrecord_bench``
by default, dropped and made again for each configuration), so no test's wipe meets it.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import pickle
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
_RECORDS: list[Any] = []


def analysed_records(count: int) -> list[Any]:
    from scale import collect_articles

    from onrecord.engine.local import analyze_in_workers

    return [r for r in analyze_in_workers(iter(collect_articles(count)), 2)
            if hasattr(r, "article")]


def copy_of(record: Any, k: int) -> Any:
    from onrecord.models import Article

    words = record.article.text.split()
    random.Random(k).shuffle(words)
    text = " ".join(words) + f" ({k})"
    return replace(record, article=replace(record.article, text=text,
                                           id=Article.create(text).id,
                                           origin=f"copy-{k}"))


def table_rows(db: str) -> dict[str, int]:
    from onrecord.store import Corpus

    with Corpus(db) as c:
        if c.dialect == "sqlite":
            names = [n for (n,) in c.query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                if not re.search(r"_fts_|^schema_migrations$", n)]
        else:
            names = [n for (n,) in c.query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                " current_schema() AND table_type = 'BASE TABLE'") if n != "schema_migrations"]
        return {n: int(c.query(f"SELECT count(*) FROM {n}")[0][0]) for n in sorted(names)}


def _writer(db: str, ks: list[int], barrier: Any, out: Any, split: bool) -> None:
    from onrecord.errors import StoreError
    from onrecord.store import Corpus

    copies = [copy_of(_RECORDS[k % len(_RECORDS)], k) for k in ks]
    failed = 0
    with Corpus(db, migrate=False) as corpus:
        barrier.wait()
        start = time.perf_counter()
        for record in copies:
            try:
                corpus.add(record, derive=not split)
            except StoreError as err:
                failed += 1
                print(f"store_writes.py: {err}", file=sys.stderr)
        out.put((os.getpid(), time.perf_counter() - start, failed))


def fresh(db: str) -> None:
    """Make ``db`` an empty store with its schema."""
    from onrecord.store import Corpus

    if db.startswith("postgres"):
        import psycopg

        base, name = db.rsplit("/", 1)
        with psycopg.connect(base + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    else:
        for p in Path(db).parent.glob(Path(db).name + "*"):
            p.unlink()
    Corpus(db).close()


def run_config(db: str, writers: int, copies: int, split: bool = False) -> dict[str, Any]:
    fresh(db)
    ctx = multiprocessing.get_context("fork")
    barrier, out = ctx.Barrier(writers + 1), ctx.Queue()
    shares = [list(range(i, copies, writers)) for i in range(writers)]
    procs = [ctx.Process(target=_writer, args=(db, share, barrier, out, split))
             for share in shares]
    for p in procs:
        p.start()
    barrier.wait()
    start = time.perf_counter()
    done = [out.get() for _ in procs]
    wall = time.perf_counter() - start
    for p in procs:
        p.join()
    derived: dict[str, Any] = {}
    if split:  # the driver derives what the writers stored, in input order
        from onrecord.store import Corpus

        with Corpus(db, migrate=False) as corpus:
            order = corpus.underived()
            begun = time.perf_counter()
            count = corpus.derive_stored(order)
            took = time.perf_counter() - begun
        derived = {"store_wall_s": round(wall, 2), "derive_wall_s": round(took, 2),
                   "stored_articles_per_s": round(len(order) / wall, 1),
                   "derived_articles_per_s": round(count / took, 1)}
        wall += took
    rows = table_rows(db)
    articles = rows["articles"]
    total = sum(rows.values())
    return {
        "backend": "postgresql" if db.startswith("postgres") else "sqlite",
        "writers": writers, "split": split, "articles": articles, **derived,
        "failed": sum(f for _, _, f in done), "wall_s": round(wall, 2),
        "articles_per_s": round(articles / wall, 1), "rows": total,
        "rows_per_article": round(total / max(articles, 1), 1),
        "rows_per_s": round(total / wall), "load_avg_1min": round(os.getloadavg()[0], 2),
        "rows_per_article_by_table": {t: round(n / max(articles, 1), 2)
                                      for t, n in rows.items() if n},
    }


def postgres_url(pg: str, name: str) -> str:
    if pg == "auto":
        pg = subprocess.run([str(ROOT / "scripts" / "postgres.sh"), "start"], check=True,
                            stdout=subprocess.PIPE, text=True).stdout.strip().splitlines()[-1]
    return pg.rsplit("/", 1)[0] + "/" + name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--analyse", type=int, default=100, help="articles analysed once")
    parser.add_argument("--copies", type=int, default=800, help="articles stored per run")
    parser.add_argument("--writers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--pg", help="a PostgreSQL URL, or 'auto' (scripts/postgres.sh start)")
    parser.add_argument("--pg-database", default="onrecord_bench")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--records", help="a pickle of analysed records to reuse (made if"
                        " missing)")
    parser.add_argument("--split", action="store_true", help="also measure the Ray engine's"
                        " way with PostgreSQL: the writers store each article's own rows"
                        " (Corpus.add(record, derive=False)), then one process derives the"
                        " cross-article rows in order (Corpus.derive_stored), timed apart")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    global _RECORDS
    cache = Path(args.records) if args.records else None
    if cache and cache.exists():
        _RECORDS = pickle.loads(cache.read_bytes())
    else:
        _RECORDS = analysed_records(args.analyse)
        if cache:
            cache.write_bytes(pickle.dumps(_RECORDS))
    dbs = [] if args.no_sqlite else [str(Path(tempfile.mkdtemp(prefix="onrecord-writes-"))
                                         / "store.db")]
    if args.pg:
        dbs.append(postgres_url(args.pg, args.pg_database))
    runs = []
    for db in dbs:
        for n in args.writers:
            for split in (False, True) if args.split else (False,):
                runs.append(run_config(db, n, args.copies, split))
                if not args.json:
                    r = runs[-1]
                    print(f"  done: {r['backend']} x{n}{' split' if split else ''}:"
                          f" {r['articles_per_s']} articles/s", file=sys.stderr)
    result = {"analysed": len(_RECORDS), "copies": args.copies, "cores": os.cpu_count(),
              "runs": runs}
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{len(_RECORDS)} analysed articles, {args.copies} copies stored per run,"
          f" {os.cpu_count()} cores")
    print(f"{'store':<11}{'writers':>8}{'wall s':>9}{'art/s':>9}{'rows/art':>10}{'rows/s':>9}"
          f"{'failed':>8}{'load':>7}  split: stored art/s, derived art/s")
    for r in runs:
        extra = (f"  {r['stored_articles_per_s']}, {r['derived_articles_per_s']}"
                 if r["split"] else "")
        print(f"{r['backend']:<11}{r['writers']:>8}{r['wall_s']:>9}{r['articles_per_s']:>9}"
              f"{r['rows_per_article']:>10}{r['rows_per_s']:>9}{r['failed']:>8}"
              f"{r['load_avg_1min']:>7}{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
