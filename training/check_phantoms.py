"""List phantom people in a corpus: names that are no names, and people made of two people.

    .venv/bin/python training/check_phantoms.py --db news.db

A corpus person is reported when

- its name, or the name it was written with in some article, holds a glued word ("SmithJohn")
  or a run of words written twice ("Anna Berg Anna Berg");
- it was written in full with two names that cannot be one person ("Mohammed bin Salman" and
  "Khalid bin Salman", "Jane Doe" and "John Smith");
- an article that names someone by a bare surname only is linked to it while that surname
  belongs to several people of the corpus (a merge that ``onrecord reindex`` undoes; a bare
  surname inside an article that also gives the full name is that article's evidence).

Prints one line per finding and exits 1 when there is any, 0 when there is none.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from itertools import combinations

from onrecord.extract.entities.person_names import (
    implausible_name,
    parse_person,
    same_person,
    written_as_name,
)
from onrecord.store import Corpus
from onrecord.store.identities import AMBIGUOUS, name_key


def _full(name: str) -> bool:
    parsed = parse_person(name)
    return parsed is not None and parsed.full


def find_phantoms(corpus: Corpus) -> list[str]:
    """One line for each phantom person of the corpus (see the module's docstring)."""
    names: dict[str, str] = dict(corpus.query(
        "SELECT id, name FROM corpus_entities WHERE kind = 'PERSON'"))
    written: dict[str, set[str]] = defaultdict(set)
    bare: dict[str, set[str]] = defaultdict(set)  # article entities that are a surname alone
    for cid, name, aliases in corpus.query(
            "SELECT l.corpus_entity_id, e.name, e.aliases FROM entity_links l JOIN entities e"
            " ON e.article_id = l.article_id AND e.id = l.entity_id WHERE e.kind = 'PERSON'"):
        written[cid].update(a for a in (name, *json.loads(aliases)) if written_as_name(a)
                            or implausible_name(a))
        if not _full(name):
            bare[cid].add(name)
    ambiguous = {key for (key,) in corpus.query(
        "SELECT key FROM corpus_aliases WHERE kind = 'PERSON' AND corpus_entity_id = ?",
        (AMBIGUOUS,))}
    found: list[str] = []
    for cid, name in sorted(names.items(), key=lambda kv: kv[1]):
        forms = {name} | written[cid]
        bad = sorted(f for f in forms if implausible_name(f))
        if bad:
            found.append(f"{name} [{cid}]: not a name as written: {'; '.join(bad)}")
        full = {p.key: p for p in (parse_person(f) for f in forms) if p is not None and p.full}
        for a, b in combinations(sorted(full), 2):
            if not same_person(full[a], full[b]) and not any(  # "Recep Tayyip X" joins both
                    same_person(full[a], c) and same_person(full[b], c) for c in full.values()):
                found.append(f"{name} [{cid}]: two people in one: {a!r} and {b!r}")
        shared = sorted(f for f in bare[cid] if name_key(f, "PERSON") in ambiguous
                        ) if _full(name) else []
        if shared:
            found.append(f"{name} [{cid}]: a surname that several people share is linked to"
                         f" it: {'; '.join(shared)}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the corpus (SQLite file or PostgreSQL URL)")
    args = parser.parse_args()
    with Corpus(args.db) as corpus:
        found = find_phantoms(corpus)
        people = len(corpus.query("SELECT id FROM corpus_entities WHERE kind = 'PERSON'"))
    for line in found:
        print(line)
    print(f"{len(found)} phantom finding(s) among {people} corpus people")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
