"""What storyline assignment costs: its share of deriving the corpus rows, against a whole ingest.

    python benchmarks/storylines_cost.py --articles 10000 --workers 2
    python benchmarks/storylines_cost.py --articles 10000 --ingest-only            # the ingest
    python benchmarks/storylines_cost.py --articles 10000 --ingest-only --without  # no storylines
    python benchmarks/storylines_cost.py --db /tmp/bench.db     # an ingested corpus: derive only

Builds the recombined corpus of ``benchmarks/corpus.py`` (``--articles``, one in ten a
republished copy), ingests it with ``--workers`` processes (timed: analysis, storing and
deriving, storylines included), then re-derives every article twice (``Corpus.reindex``): once
as it is, once with storyline assignment left out. The difference is what storylines add; it is
reported per article and as a share of the ingest's time. A corpus given with ``--db`` is not
ingested again (the share is then of the derivation only). ``--ingest-only`` times only the
ingest, and with ``--without`` an ingest with storyline assignment left out: the two, run on an
idle machine, are the direct measure.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from corpus import build_corpus


def without_storylines() -> None:
    """Leave storyline assignment out of deriving, in this process."""
    from onrecord.store.derive import Derivation

    Derivation._assign_storyline = lambda self, record, links, story: story  # type: ignore


def reindex_seconds(db: str, storylines: bool) -> float:
    from onrecord.store import Corpus
    from onrecord.store.derive import Derivation

    assign = Derivation._assign_storyline
    if not storylines:
        without_storylines()
    try:
        with Corpus(db) as corpus:
            start = time.perf_counter()
            corpus.reindex()
            return time.perf_counter() - start
    finally:
        Derivation._assign_storyline = assign  # type: ignore


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", help="an ingested corpus (default: build and ingest one)")
    parser.add_argument("--ingest-only", action="store_true", help="only time the ingest")
    parser.add_argument("--without", action="store_true",
                        help="leave storyline assignment out (with --ingest-only)")
    args = parser.parse_args()
    if args.without and not args.ingest_only:
        parser.error("--without goes with --ingest-only")
    if args.without:
        without_storylines()

    from onrecord.engine.batch import ingest_sources
    from onrecord.store import Corpus

    result: dict[str, object] = {}
    db = args.db
    if db is None:
        work = Path(tempfile.mkdtemp(prefix="onrecord-bench-"))
        db, source = str(work / "corpus.db"), work / "corpus.jsonl"
        build_corpus(args.articles, source)
        start = time.perf_counter()
        with Corpus(db) as corpus:
            ingest_sources(corpus, [source], workers=args.workers)
        result["ingest_s"] = round(time.perf_counter() - start, 1)
        if args.ingest_only:
            print(json.dumps({**result, "articles": args.articles,
                              "storylines": "left out" if args.without else "assigned"}))
            return
    with Corpus(db) as corpus:
        articles = corpus.counts()["articles"]
        storylines = int(corpus.query("SELECT count(*) FROM storylines")[0][0])
    without_s = reindex_seconds(db, False)
    with_s = reindex_seconds(db, True)  # last: the corpus is left with its storylines
    added = with_s - without_s
    result.update({"db": db, "articles": articles, "storylines": storylines,
                   "derive_s": round(with_s, 1), "derive_without_storylines_s":
                   round(without_s, 1), "storylines_ms_per_article":
                   round(1000 * added / max(articles, 1), 2)})
    total = float(result.get("ingest_s", with_s))  # type: ignore[arg-type]
    result["storylines_share_of_ingest" if "ingest_s" in result else
           "storylines_share_of_derive"] = round(added / total, 3)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
