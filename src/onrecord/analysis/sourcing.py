"""Sourcing: how much of the record rests on named people, and how much on anonymous sources."""

from __future__ import annotations

from typing import Any, Literal

from onrecord.analysis.queries import storyline_bounds
from onrecord.store import Corpus

SOURCINGS = ("named", "anonymous", "organization", "document", "unattributed")


def sourcing_shares(corpus: Corpus, by: Literal["outlet", "article"] = "outlet",
                    limit: int = 100, storyline: str | None = None) -> list[dict[str, Any]]:
    """Statements per sourcing kind, and the anonymous share, by outlet or by article (of
    one storyline's articles with ``storyline``).

    By outlet every article counts, republished copies included (each outlet chose to run it).
    """
    within, params = storyline_bounds(corpus, storyline, "storyline_id")
    where = f" WHERE article_id IN (SELECT id FROM articles WHERE 1 = 1{within})" \
        if within else ""
    if by == "outlet":
        keys: tuple[str, ...] = ("outlet", "articles")
        rows = corpus.query(
            "SELECT COALESCE(outlet, '(unknown outlet)'), count(*), sum(statements),"
            f" {', '.join(f'sum({k})' for k in SOURCINGS)} FROM article_sourcing{where}"
            " GROUP BY COALESCE(outlet, '(unknown outlet)') ORDER BY sum(statements) DESC, 1"
            " LIMIT ?", (*params, limit))
    else:
        keys = ("article_id", "title", "outlet", "published")
        rows = corpus.query(
            f"SELECT article_id, title, outlet, published, statements, {', '.join(SOURCINGS)}"
            f" FROM article_sourcing{where} ORDER BY statements DESC, article_id LIMIT ?",
            (*params, limit))
    items = []
    for row in rows:
        item = dict(zip((*keys, "statements", *SOURCINGS), row, strict=True))
        total = item["statements"] or 0
        item["anonymous_share"] = round(item["anonymous"] / total, 3) if total else None
        items.append(item)
    return items
