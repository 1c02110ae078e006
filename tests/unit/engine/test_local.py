"""The worker pool: order kept, a dying worker costs only the article that killed it."""

from __future__ import annotations

import os

from onrecord.engine import local
from onrecord.models import Article, Discarded


def _fake_analyse(articles: list[Article]) -> list[object]:
    for article in articles:
        if "CRASH" in article.text:
            os._exit(3)  # the worker process dies, as on an out-of-memory kill
    return [f"ok {a.origin}" for a in articles]


def _articles(n: int, crash: int | None = None) -> list[Article]:
    return [Article.create(f"story {i}" + (" CRASH" if i == crash else ""), origin=f"a{i}")
            for i in range(n)]


def test_order_is_kept_across_workers(monkeypatch):
    monkeypatch.setattr(local, "_analyse_chunk", _fake_analyse)
    out = list(local.analyze_in_workers(_articles(40), workers=2, chunk_size=3))
    assert out == [f"ok a{i}" for i in range(40)]


def test_a_dying_worker_loses_only_its_article(monkeypatch):
    monkeypatch.setattr(local, "_analyse_chunk", _fake_analyse)
    out = list(local.analyze_in_workers(_articles(30, crash=17), workers=2, chunk_size=4))
    assert len(out) == 30
    lost = [r for r in out if isinstance(r, Discarded)]
    assert [d.doc_id for d in lost] == ["a17"] and "died" in lost[0].reason
    assert [r for r in out if not isinstance(r, Discarded)] == [
        f"ok a{i}" for i in range(30) if i != 17]
