"""The coverage checker's disputes figures, split by story: two folds of one corpus.

    python3 ../shared/eval/coverage/check.py --exe .venv/bin/onrecord --keep-db cov.db
    .venv/bin/python training/coverage_by_story.py --db cov.db --story khashoggi --rest mh17

An article belongs to the first story one of whose words (``a|b``) its text contains
(case-insensitive), else to ``--rest`` when it is given; a finding
to the story of its first statement's article; a label to the story of the articles its side
``a`` statements come from. For each story: the findings ``onrecord contradictions`` would list
(the library's ``find_findings`` then ``pairs_of``, as the CLI does), and the labelled
contradictions, shifts (any kind, and as shifts) and agreements among them, matched by the
checker's own rules (``check.py`` is imported from ``../shared`` at run time, not copied).
Write rules looking at one story; the other is the fold that says whether they generalise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

COVERAGE = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "coverage"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="the checker's corpus (--keep-db)")
    parser.add_argument("--story", action="append", required=True,
                        help="words naming a story, a|b (repeat: one per story)")
    parser.add_argument("--rest", help="the story of articles no --story names")
    parser.add_argument("--coverage", default=str(COVERAGE), help="the coverage folder")
    args = parser.parse_args()

    sys.path.insert(0, args.coverage)
    import check  # the checker's matching rules

    from onrecord.analysis.consistency import article_entities, find_findings, load_sides
    from onrecord.analysis.disputes import group_disputes, pairs_of
    from onrecord.store import Corpus

    with Corpus(args.db) as corpus:
        sides = load_sides(corpus)
        entities = article_entities(corpus)
        articles = corpus.query("SELECT id, url, text FROM articles")
    words = [w.lower() for w in args.story]
    story = {aid: next((w for w in words if any(a in (text or "").lower() for a in w.split("|"))),
                       args.rest) for aid, _url, text in articles}
    check.AID2URL.update({aid: url for aid, url, _text in articles})
    found = [f.to_json() for f in pairs_of(group_disputes(
        find_findings(sides, min_score=0.5, entities=entities)))]
    expect = json.loads((Path(args.coverage) / "expect.json").read_text("utf-8"))
    urls = dict(check.AID2URL)

    def label_story(label: dict) -> str | None:
        homes = Counter(story.get(s.article_id) for s in sides if check.side_matches(
            label["a"], {"speaker": s.speaker, "content": s.content}, urls.get(s.article_id)))
        return homes.most_common(1)[0][0] if homes else None

    report = {}
    for word in [*words, *([args.rest] if args.rest else [])]:
        mine = [f for f in found if story.get(f["a"]["article_id"]) == word]
        row: dict[str, object] = {"articles": sum(1 for s in story.values() if s == word),
                                  "findings": len(mine)}
        for kind in ("contradictions", "shifts", "non_contradictions"):
            labels = [L for L in expect[kind] if label_story(L) == word]
            hits = [L for L in labels if check.pair_hits(L, found)]
            row[kind] = f"{len(hits)}/{len(labels)}"
            if kind == "shifts":
                row["shifts_as_shift"] = sum(1 for L in hits if any(
                    f["kind"] == "shift" for f in check.pair_hits(L, found)))
        report[word] = row
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
