"""Throughput of onrecord's full analysis against bare spaCy, on the same articles, in one run.

    python benchmarks/throughput.py            # a readable summary
    python benchmarks/throughput.py --json     # one JSON object

The articles: examples/ plus texts from ../shared/eval (attribution and timex dev sets) when
present, up to ``--limit``. The baseline is ``nlp.pipe`` over the texts with spaCy's own English
pipeline; onrecord is ``analyze_articles`` (parse plus entities, times, statements, events). Both
run once on a few articles first, so neither pays for loading. ``ratio`` is onrecord's articles/s
over spaCy's (target >= 0.7); ``peak_rss_mb`` is the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def collect_articles(limit: int) -> list:
    from onrecord.ingest import load_sources
    from onrecord.models import Article

    articles: list[Article] = [a for a in load_sources([ROOT / "examples"])
                               if isinstance(a, Article)]
    for name in ("attribution", "timex"):
        path = SHARED / "eval" / name / "dev.jsonl"
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if len(articles) >= limit:
                    break
                doc = json.loads(line)
                published = doc.get("published") or doc.get("dct")
                articles.append(Article.create(doc["text"], published=published,
                                               origin=doc.get("id")))
    return articles[:limit]


def run(limit: int, batch_size: int) -> dict[str, float]:
    from onrecord.analyze import analyze_articles
    from onrecord.nlp.pipeline import load_baseline, load_pipeline

    articles = collect_articles(limit)
    if not articles:
        raise SystemExit("no articles found: run from the repository with examples/ present")
    texts = [a.text for a in articles]
    baseline, _ = load_baseline(), load_pipeline()
    # warm both up
    for _ in baseline.pipe(texts[:4]):
        pass
    for _ in analyze_articles(articles[:4]):
        pass

    t0 = time.perf_counter()
    for _ in baseline.pipe(texts, batch_size=batch_size):
        pass
    spacy_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    discarded = 0
    for result in analyze_articles(articles, batch_size=batch_size):
        discarded += not hasattr(result, "article")
    onrecord_s = time.perf_counter() - t0

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    n = len(articles)
    return {
        "articles": n,
        "characters": sum(len(t) for t in texts),
        "discarded": discarded,
        "spacy_articles_per_s": round(n / spacy_s, 2),
        "onrecord_articles_per_s": round(n / onrecord_s, 2),
        "ratio": round(spacy_s / onrecord_s, 3),
        "peak_rss_mb": round(peak_kb / 1024, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--limit", type=int, default=240, help="articles to run (default 240)")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args(argv)
    result = run(args.limit, args.batch_size)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['articles']} articles, {result['characters']:,} characters")
        print(f"spaCy     {result['spacy_articles_per_s']:8.2f} articles/s")
        print(f"onrecord  {result['onrecord_articles_per_s']:8.2f} articles/s")
        print(f"ratio     {result['ratio']:8.3f}  (onrecord / spaCy, target >= 0.7)")
        print(f"peak RSS  {result['peak_rss_mb']:8.1f} MB (target <= 1024)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
