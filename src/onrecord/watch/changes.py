"""What changed in the corpus after a round of watching, in words a reader follows:
``3 new articles in 'Greece - Turkey: collision patrol' (storyline 3f9a0c2e)`` and
``new dispute: Greece vs Turkey (on collision, patrol) [dispute 7d41be09c2aa]``, with the ids
that ``onrecord storylines ID`` and the web pages (``/storylines/ID``, ``/disputes/ID``) take.

New articles are the ids a round stored, grouped by the storyline each joined (its label as it
reads now). Disputes are compared by their claims: a dispute none of whose claims was in any
dispute before the round is new; one that shares claims with an earlier dispute but has
gained some has grown.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from onrecord.analysis.disputes import Dispute, find_disputes
from onrecord.analysis.storylines import storyline, storylines_of_articles
from onrecord.store import Corpus

__all__ = ["DisputeSnapshot", "article_changes", "describe_dispute", "dispute_changes",
           "snapshot_disputes"]

_ALL = 1_000_000  # no limit: every dispute is compared


@dataclass(frozen=True, slots=True)
class DisputeSnapshot:
    """The claims of each dispute of the corpus at one moment, by dispute id."""

    claims: dict[str, frozenset[tuple[str, str]]]

    @property
    def every_claim(self) -> frozenset[tuple[str, str]]:
        return frozenset(c for claims in self.claims.values() for c in claims)


def _claims_of(dispute: Dispute) -> frozenset[tuple[str, str]]:
    return frozenset((c.article_id, c.statement_id) for p in dispute.parties for c in p.claims)


def snapshot_disputes(corpus: Corpus) -> tuple[DisputeSnapshot, list[Dispute]]:
    """The corpus's disputes now, and their snapshot to compare a later one with."""
    disputes = find_disputes(corpus, limit=_ALL)
    return DisputeSnapshot({d.id: _claims_of(d) for d in disputes}), disputes


def article_changes(corpus: Corpus, new_ids: list[str]) -> list[str]:
    """One line per storyline the stored articles ``new_ids`` joined, the most first."""
    joined = storylines_of_articles(corpus, new_ids)
    counts = Counter(joined.get(article_id) for article_id in new_ids)
    lines = []
    for sid, n in sorted(counts.items(), key=lambda item: (-item[1], item[0] or "")):
        noun = "article" if n == 1 else "articles"
        if sid is None:
            lines.append(f"{n} new {noun}, in no storyline yet")
        else:
            lines.append(f"{n} new {noun} in '{storyline(corpus, sid).label}' "
                         f"(storyline {sid[:8]})")
    return lines


def describe_dispute(dispute: Dispute) -> str:
    """A dispute in a few words: its parties (or the one whose account shifted) and matter."""
    names = [p.name for p in dispute.parties]
    matter = f" (on {', '.join(dispute.matter[:3])})" if dispute.matter else ""
    if dispute.kind == "shift":
        return f"{names[0] if names else 'a speaker'}'s account shifted{matter}"
    return " vs ".join(dict.fromkeys(names)) + matter


def dispute_changes(before: DisputeSnapshot, after: list[Dispute]) -> list[str]:
    """One line per dispute that is new since ``before``, or has grown (gained claims)."""
    known = before.every_claim
    lines = []
    for dispute in after:
        if dispute.id in before.claims:
            continue
        claims = _claims_of(dispute)
        what = "dispute" if dispute.kind == "contradiction" else "shift"
        said = f"{describe_dispute(dispute)} [dispute {dispute.id}]"
        if not claims & known:
            lines.append(f"new {what}: {said}")
        elif claims - known:
            lines.append(f"{what} grew: {said}")
    return lines
