"""Disputes: where accounts diverge, set out as a fact-checker would, by matter and by side.

The pairwise findings of :mod:`onrecord.analysis.consistency` are links between two
statements; a reporter reads the dispute they belong to. :func:`group_disputes` joins findings
of one kind that share a statement and :data:`MATTER_OVERLAP` matter terms into one
:class:`Dispute`, then joins disputes sharing two claims, or one claim between the same
parties (one cluster, not several disputes on the same page), and sets out
its **parties**: for a contradiction, the sides (:mod:`onrecord.analysis.sides`: "Saudi
Arabia" for its foreign minister, consul and officials alike) or, where the record names no
side, the people; for a shift, the one speaker or side whose account changed, its claims in
date order. Each claim keeps its echoes (the same words in other articles), so one line
relayed by several outlets is one claim carried by several outlets, not several speakers.

A dispute's ``score`` is its strongest link's; disputes are ranked by it, then by how many
outlets carried their claims, then by their latest date. :func:`pairs_of` gives the view that
``onrecord contradictions`` prints: one pair per pair of opposed holders in each dispute (the
best-scored link between them), a shift's pairs being its consecutive steps.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from onrecord.analysis.claim import Finding, Side
from onrecord.analysis.links import corpus_findings
from onrecord.analysis.queries import storyline_bounds
from onrecord.analysis.sides import holder_of, party_of
from onrecord.extract.entities.actors import state_name
from onrecord.store import Corpus

__all__ = ["Dispute", "Party", "find_contradictions", "find_disputes", "group_disputes",
           "pairs_of"]


MATTER_OVERLAP = 3
"""Matter terms two links sharing a statement must also share to be one dispute (a story's
statements all touch; "who fired the missile" and "where the black boxes are" stay apart)."""
SHARED_CLAIMS = 2
"""Claims two disputes of one kind must share to be one (see :func:`_one_cluster`)."""
_SIDE_NAMES = {"REB": "armed groups"}


def _key(side: Side) -> tuple[str, str]:
    return side.article_id, side.statement_id


@dataclass(frozen=True, slots=True)
class Party:
    """One side of a dispute (or the one speaker of a shift) and its claims, in date order."""

    key: str  # a side's code ("SAU") or a holder's id
    name: str  # "Saudi Arabia", or the holder's name
    holders: tuple[str, ...]  # the people and bodies quoted for it
    claims: tuple[Side, ...]

    @property
    def outlets(self) -> int:
        """How many articles carried this party's claims, echoes included."""
        return len({c.article_id for c in self.claims} | {a for c in self.claims
                                                           for a, _ in c.repeats})

    def to_json(self) -> dict[str, Any]:
        return {"party": self.key, "name": self.name, "holders": list(self.holders),
                "outlets": self.outlets,
                "claims": [{**c.to_json(), "echoes": len(c.repeats)} for c in self.claims]}


@dataclass(frozen=True, slots=True)
class Dispute:
    """A matter on which parties' accounts diverge (contradiction) or one party's changed
    (shift), with the links that show it."""

    id: str
    kind: str  # "contradiction" or "shift"
    score: float
    matter: tuple[str, ...]
    parties: tuple[Party, ...]
    links: tuple[Finding, ...]  # best first

    @property
    def latest(self) -> str:
        return max((c.date or "" for p in self.parties for c in p.claims), default="")

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "score": self.score,
                "matter": list(self.matter), "latest": self.latest or None,
                "parties": [p.to_json() for p in self.parties],
                "links": [{"a": list(_key(f.a)), "b": list(_key(f.b)), "score": f.score,
                           "evidence": list(f.evidence)} for f in self.links]}


def _components(findings: list[Finding]) -> list[list[Finding]]:
    """Findings joined when of one kind, sharing a statement and :data:`MATTER_OVERLAP` matter
    terms."""
    parent = list(range(len(findings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_statement: dict[tuple[str, tuple[str, str]], list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        for side in (f.a, f.b):
            by_statement[(f.kind, _key(side))].append(i)
    for members in by_statement.values():
        for n, i in enumerate(members):
            for j in members[:n]:
                if len(set(findings[i].matter) & set(findings[j].matter)) >= MATTER_OVERLAP:
                    parent[root(i)] = root(j)
    groups: dict[int, list[Finding]] = defaultdict(list)
    for i, f in enumerate(findings):
        groups[root(i)].append(f)
    return list(groups.values())


def _party_name(key: str, claims: list[Side]) -> str:
    named = (state_name(key) if len(key) == 3 and key.isupper() else None) or _SIDE_NAMES.get(key)
    if named:
        return named
    if key == claims[0].side:
        return key
    return claims[0].speaker or key


def _dispute(links: list[Finding]) -> Dispute:
    links = sorted(links, key=lambda f: -f.score)
    kind = links[0].kind
    claims: dict[tuple[str, str], Side] = {}
    for f in links:
        for side in (f.a, f.b):
            claims.setdefault(_key(side), side)
    # a side at odds with itself ("one official contradicting another") is set out by person
    split = {f.a.side for f in links if f.a.side is not None and f.a.side == f.b.side}

    def grouping(side: Side) -> str:
        if kind == "shift":
            return "account"
        return holder_of(side) if side.side in split else party_of(side)

    by_party: dict[str, list[Side]] = defaultdict(list)
    for side in claims.values():
        by_party[grouping(side)].append(side)
    parties = []
    later = {_key(f.b) for f in links if kind == "shift" and f.a.date == f.b.date}
    for key, members in by_party.items():
        # on one day, a shift's recalled account before the new one (its links' order)
        members.sort(key=lambda s: (s.date or "", _key(s) in later, s.article_id, s.start))
        if kind == "shift":
            key = party_of(members[0])
        holders = tuple(dict.fromkeys(s.speaker or "" for s in members if s.speaker))
        parties.append(Party(key, _party_name(key, members), holders, tuple(members)))
    parties.sort(key=lambda p: (p.claims[0].date or "", p.key))
    matter = tuple(dict.fromkeys(t for f in links for t in f.matter))[:5]
    digest = hashlib.sha256("|".join([kind, *sorted("/".join(k) for k in claims)]).encode())
    return Dispute(digest.hexdigest()[:12], kind, links[0].score, matter, tuple(parties),
                   tuple(links))


def _claims(dispute: Dispute) -> set[tuple[str, str]]:
    return {_key(side) for f in dispute.links for side in (f.a, f.b)}


def _one_cluster(disputes: list[Dispute]) -> list[list[Finding]]:
    """The links of disputes that are one cluster: of one kind, sharing
    :data:`SHARED_CLAIMS` claims, or one claim between the same parties (a matter whose links
    fell short of :data:`MATTER_OVERLAP` shared words is still one dispute)."""
    parent = list(range(len(disputes)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    claims = [_claims(d) for d in disputes]
    parties = [frozenset(p.key for p in d.parties) for d in disputes]
    holding: dict[tuple[str, tuple[str, str]], list[int]] = defaultdict(list)
    for i, dispute in enumerate(disputes):
        for claim in claims[i]:
            holding[(dispute.kind, claim)].append(i)
    shared: Counter[tuple[int, int]] = Counter()  # pairs of disputes sharing a claim
    for members in holding.values():
        shared.update(combinations(members, 2))
    for (i, j), count in shared.items():
        if count >= SHARED_CLAIMS or parties[i] == parties[j]:
            parent[root(i)] = root(j)
    groups: dict[int, list[Finding]] = defaultdict(list)
    for i, dispute in enumerate(disputes):
        groups[root(i)].extend(dispute.links)
    return list(groups.values())


def group_disputes(findings: list[Finding]) -> list[Dispute]:
    """The disputes the findings make up, ranked (see the module's docstring)."""
    disputes = [_dispute(links) for links in _one_cluster(
        [_dispute(c) for c in _components(findings)])]
    disputes.sort(key=lambda d: (-d.score, -sum(p.outlets for p in d.parties),
                                 _negated(d.latest), d.id))
    return disputes


def _negated(date: str) -> tuple[int, ...]:
    """A sort key that puts later dates first, and undated last."""
    return tuple(-ord(ch) for ch in date) if date else (1,)


def pairs_of(disputes: list[Dispute]) -> list[Finding]:
    """One finding per pair of opposed holders in each dispute, best first; a shift's links
    all stay (a count series' links are its consecutive steps)."""
    out: list[Finding] = []
    for dispute in disputes:
        if dispute.kind == "shift":
            out.extend(dispute.links)  # count series come as steps already
            continue
        best: dict[tuple[str, ...], Finding] = {}
        for f in dispute.links:
            pair = tuple(sorted((holder_of(f.a), holder_of(f.b))))
            if pair not in best or f.score > best[pair].score:
                best[pair] = f
        out.extend(best.values())
    return sorted(out, key=lambda f: (-f.score, f.a.date or "", f.a.start))


def _articles_of(corpus: Corpus, storyline: str | None) -> set[str] | None:
    """The ids of the articles of one storyline (``None``: no storyline asked for)."""
    if storyline is None:
        return None
    within, params = storyline_bounds(corpus, storyline, "storyline_id")
    return {str(r[0]) for r in corpus.query(f"SELECT id FROM articles WHERE 1 = 1{within}",
                                            params)}


def _within(dispute: Dispute, articles: set[str]) -> bool:
    """Whether a claim of the dispute, or an echo of one, is in one of ``articles``."""
    return any(c.article_id in articles or any(a in articles for a, _ in c.repeats)
               for p in dispute.parties for c in p.claims)


def find_disputes(corpus: Corpus, speaker: str | None = None, since: str | None = None,
                  until: str | None = None, kind: str | None = None, matter: str | None = None,
                  min_score: float = 0.5, limit: int = 50,
                  embeddings: bool = False, storyline: str | None = None) -> list[Dispute]:
    """The corpus's disputes, ranked; optionally those involving one speaker, of one kind,
    whose matter or claims mention ``matter`` (case-insensitive words), or with a claim in
    one storyline's articles."""
    articles = _articles_of(corpus, storyline)
    disputes = group_disputes(corpus_findings(corpus, speaker, since, until, min_score,
                                              embeddings))
    if articles is not None:
        disputes = [d for d in disputes if _within(d, articles)]
    if kind:
        disputes = [d for d in disputes if d.kind == kind]
    if matter:
        words = matter.lower().split()
        disputes = [d for d in disputes if all(
            w in " ".join((*d.matter, *(c.content.lower() for p in d.parties
                                        for c in p.claims))) for w in words)]
    return disputes[:limit]


def find_contradictions(corpus: Corpus, speaker: str | None = None, since: str | None = None,
                        until: str | None = None, kind: str | None = None,
                        min_score: float = 0.5, limit: int = 100,
                        embeddings: bool = False,
                        storyline: str | None = None) -> list[Finding]:
    """Contradictions and shifts, optionally involving one speaker, of one kind, or of the
    disputes of one storyline: one pair per pair of opposed holders in each dispute
    (:func:`onrecord.analysis.disputes.pairs_of`)."""
    articles = _articles_of(corpus, storyline)
    disputes = group_disputes(
        corpus_findings(corpus, speaker, since, until, min_score, embeddings))
    if articles is not None:
        disputes = [d for d in disputes if _within(d, articles)]
    findings = pairs_of(disputes)
    if kind:
        findings = [f for f in findings if f.kind == kind]
    return findings[:limit]
