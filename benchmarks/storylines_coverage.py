"""How well articles are grouped into storylines: B-cubed precision and recall against a gold
grouping, and the sizes of the storylines of a set without one.

    python benchmarks/storylines_coverage.py                       # coverage dev.jsonl
    python benchmarks/storylines_coverage.py --shuffle 3           # ingested in another order
    python benchmarks/storylines_coverage.py --db /tmp/cov.db      # reuse (or keep) a corpus
    python benchmarks/storylines_coverage.py --reindex --db /tmp/cov.db  # regroup in date order
    python benchmarks/storylines_coverage.py --sizes ../shared/eval/timex/dev.jsonl  # no gold

The gold rule, kept here and never in the library: the coverage dev split holds two stories and
no story field; its README says which is which, and every article names exactly one of them, so
an article belongs to the killing of Jamal Khashoggi when its text says "Khashoggi", and to the
downing of flight MH17 when it says "MH17" or "Malaysia". Articles are matched to the stored
ones by url (the stored text is cleaned, the url is kept).

B-cubed: for each article, precision is the share of its storyline that is of its gold story,
recall the share of its gold story that is in its storyline; both are averaged over articles.
Purity (precision) 1.0 means no storyline mixes stories; completeness (recall) 1.0 means each
story is one storyline.

``--sizes FILE`` ingests any JSON Lines set and prints the distribution of storyline sizes: a
set of unrelated articles should give mostly small storylines, not a few giant ones.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COVERAGE = ROOT.parent / "shared" / "eval" / "coverage" / "dev.jsonl"


def gold_story(text: str) -> str | None:
    """The coverage dev split's story of an article (the rule above), or ``None``."""
    if "Khashoggi" in text:
        return "khashoggi"
    if "MH17" in text or "Malaysia" in text:
        return "mh17"
    return None


def b_cubed(found: dict[str, str], gold: dict[str, str]) -> tuple[float, float]:
    """B-cubed (precision, recall) of a grouping ``found`` (item -> group) against ``gold``,
    over the items of both."""
    items = sorted(set(found) & set(gold))
    if not items:
        raise ValueError("no item is in both groupings")
    by_found: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for item in items:
        by_found.setdefault(found[item], set()).add(item)
        by_gold.setdefault(gold[item], set()).add(item)
    precision = recall = 0.0
    for item in items:
        same = len(by_found[found[item]] & by_gold[gold[item]])
        precision += same / len(by_found[found[item]])
        recall += same / len(by_gold[gold[item]])
    return precision / len(items), recall / len(items)


def ingest(source: Path, db: str, shuffle: int | None) -> None:
    """Ingest ``source`` (its lines shuffled with ``shuffle``; a TimeML set's ``dct`` as the
    publication date) into ``db`` with two workers."""
    from onrecord.engine.batch import ingest_sources
    from onrecord.store import Corpus

    items = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    for item in items:
        item.setdefault("published", item.get("dct"))
    if shuffle is not None:
        random.Random(shuffle).shuffle(items)
    path = Path(tempfile.mkdtemp(prefix="onrecord-storylines-")) / source.name
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items),
                    encoding="utf-8")
    with Corpus(db) as corpus:
        ingest_sources(corpus, [path], workers=2)


def stored_storylines(db: str) -> dict[str, tuple[str, str, str | None]]:
    """article id -> (storyline id, its label, the article's url) of every stored article."""
    from onrecord.analysis.storylines import storyline
    from onrecord.store import Corpus

    with Corpus(db) as corpus:
        rows = corpus.query("SELECT id, storyline_id, url FROM articles")
        labels = {sid: storyline(corpus, sid).label for sid in {r[1] for r in rows}}
    return {str(aid): (str(sid), labels[sid], url) for aid, sid, url in rows}


def sizes_report(found: dict[str, tuple[str, str, str | None]]) -> dict[str, object]:
    sizes = Counter(sid for sid, _, _ in found.values())
    by_size = Counter(sizes.values())
    biggest = sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    labels = {sid: label for sid, label, _ in found.values()}
    return {"articles": len(found), "storylines": len(sizes),
            "size_histogram": dict(sorted(by_size.items())),
            "biggest": [{"size": n, "label": labels[sid]} for sid, n in biggest]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=COVERAGE)
    parser.add_argument("--sizes", type=Path, help="a JSON Lines set without gold: sizes only")
    parser.add_argument("--db", help="the corpus (ingested when it does not exist)")
    parser.add_argument("--shuffle", type=int, help="ingest in an order shuffled by this seed")
    parser.add_argument("--reindex", action="store_true",
                        help="re-derive the corpus first (storylines regrouped in date order)")
    args = parser.parse_args()

    source = args.sizes or args.gold
    db = args.db or str(Path(tempfile.mkdtemp(prefix="onrecord-storylines-")) / "corpus.db")
    if not Path(db).exists():
        ingest(source, db, args.shuffle)
    if args.reindex:
        from onrecord.store import Corpus

        with Corpus(db) as corpus:
            corpus.reindex()
    found = stored_storylines(db)
    result: dict[str, object] = {"source": str(source), "db": db, **sizes_report(found)}
    if not args.sizes:
        gold = {}
        for line in source.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            story = gold_story(item["text"])
            if story is not None:
                gold[item["url"]] = story
        by_url = {url: sid for sid, _, url in found.values() if url}
        precision, recall = b_cubed(by_url, gold)
        result.update({"gold_articles": len(gold), "matched": len(set(gold) & set(by_url)),
                       "b_cubed_precision": round(precision, 3),
                       "b_cubed_recall": round(recall, 3)})
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
