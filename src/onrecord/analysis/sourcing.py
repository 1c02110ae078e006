"""Sourcing: how much of the record rests on named people, and how much on anonymous sources."""

from __future__ import annotations

from typing import Any, Literal

from onrecord.store import Corpus

SOURCINGS = ("named", "anonymous", "organization", "document", "unattributed")


def sourcing_shares(corpus: Corpus, by: Literal["outlet", "article"] = "outlet",
                    limit: int = 100) -> list[dict[str, Any]]:
    """Statements per sourcing kind, and the anonymous share, by outlet or by article.

    By outlet every article counts, republished copies included (each outlet chose to run it).
    """
    counts = ", ".join(f"sum(CASE WHEN s.sourcing = '{k}' THEN 1 ELSE 0 END)" for k in SOURCINGS)
    keys: tuple[str, ...]
    if by == "outlet":
        group, keys = "COALESCE(a.source, '(unknown outlet)')", ("outlet", "articles")
        select = f"{group}, count(DISTINCT a.id)"
    else:
        group, keys = "a.id, a.title, a.source, a.published", ("article_id", "title", "outlet",
                                                                "published")
        select = group
    rows = corpus.query(
        f"SELECT {select}, count(s.id), {counts} FROM articles a LEFT JOIN statements s"
        f" ON s.article_id = a.id AND s.nested_in IS NULL GROUP BY {group}"
        " ORDER BY count(s.id) DESC, 1 LIMIT ?", (limit,))
    items = []
    for row in rows:
        item = dict(zip((*keys, "statements", *SOURCINGS), row, strict=True))
        total = item["statements"] or 0
        item["anonymous_share"] = round(item["anonymous"] / total, 3) if total else None
        items.append(item)
    return items
