"""The worker pool: order kept, a dying or raising worker costs only the article that did it."""

from __future__ import annotations

import os

import pytest

from onrecord.engine import local
from onrecord.errors import ModelError
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


def _fake_raising(articles: list[Article]) -> list[object]:
    for article in articles:
        if "BOOM" in article.text:
            raise ValueError("a bug the analysis did not catch")
    return [f"ok {a.origin}" for a in articles]


def _articles_with(n: int, marked: set[int], mark: str) -> list[Article]:
    return [Article.create(f"story {i}" + (f" {mark}" if i in marked else ""), origin=f"a{i}")
            for i in range(n)]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_raising_chunk_is_retried_one_article_at_a_time(monkeypatch, workers):
    monkeypatch.setattr(local, "_analyse_chunk", _fake_raising)
    out = list(local.analyze_in_workers(_articles_with(20, {5, 13}, "BOOM"), workers=workers,
                                        chunk_size=4))
    assert len(out) == 20
    lost = [r for r in out if isinstance(r, Discarded)]
    assert [d.doc_id for d in lost] == ["a5", "a13"]
    assert all(d.stage == "extract" and "ValueError: a bug" in d.reason for d in lost)
    assert [r for r in out if not isinstance(r, Discarded)] == [
        f"ok a{i}" for i in range(20) if i not in (5, 13)]


def _fake_missing_model(articles: list[Article]) -> list[object]:
    raise ModelError("cannot load the spaCy model")


@pytest.mark.parametrize("workers", [1, 2])
def test_a_missing_model_ends_the_stream(monkeypatch, workers):
    monkeypatch.setattr(local, "_analyse_chunk", _fake_missing_model)
    with pytest.raises(ModelError):
        list(local.analyze_in_workers(_articles_with(6, set(), ""), workers=workers))
