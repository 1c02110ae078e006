"""Kept storyline views: a large storyline's counts, cast, outlets and disputes kept in the store
(``kept_storyline_views``) are read back equal to freshly computed ones, only at the corpus state
and storyline size they were computed at, and forgotten when an article is stored or the corpus
reindexed; the page drawn from a kept view is the page drawn from a computed one."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.analysis import storyline_view
from onrecord.analysis.storyline_view import StorylineView, keep_storyline_views, view_storyline
from onrecord.store import Corpus

from .conftest import _water

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
LATER = ("Engineer Tomas Ruiz said on Friday the water in the reservoir was safe again after "
         "the new filters were fitted.")


def _water_id(corpus: Corpus) -> str:
    return str(corpus.query("SELECT storyline_id FROM articles WHERE title = ?",
                            ("Lena Brandt on the water",))[0][0])


def _kept_rows(corpus: Corpus) -> int:
    return int(corpus.query("SELECT count(*) FROM kept_storyline_views")[0][0])


def _forbid_counting(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, a view that is counted again instead of read back fails the test."""
    def counted(*args: object) -> StorylineView:
        raise AssertionError("the storyline was counted again instead of read back")
    monkeypatch.setattr(storyline_view, "_view", counted)
    storyline_view._VIEWS.clear()


def test_a_kept_view_reads_back_equal_to_the_computed_one(corpus_path, client, monkeypatch):
    with Corpus(corpus_path) as corpus:
        water = _water_id(corpus)
        storyline_view._VIEWS.clear()
        computed = view_storyline(corpus, water)
        page = client.get(f"/storylines/{water}").text
        assert computed.disputes and computed.cast and computed.totals.dated
        assert _kept_rows(corpus) == 0  # nothing is kept of a small storyline by default
        assert keep_storyline_views(corpus) == 0
        assert keep_storyline_views(corpus, min_articles=1) >= 1
        assert _kept_rows(corpus) >= 1
        _forbid_counting(monkeypatch)
        assert keep_storyline_views(corpus, min_articles=1) >= 1  # kept already: not again
        read = view_storyline(corpus, water)
    assert read == computed
    assert read.totals.running[-1] + read.totals.undated == sum(
        r["statements"] for r in read.cast) + sum(
        t.number for t in read.totals.dated if t.lane == "events")
    assert client.get(f"/storylines/{water}").text == page  # drawn from the kept view


def test_a_large_storyline_counted_for_its_page_is_kept(corpus_path, client, monkeypatch):
    with Corpus(corpus_path) as corpus:  # an article stored by the API, without an ingest
        water = _water_id(corpus)
        storyline_view._VIEWS.clear()
        client.get(f"/storylines/{water}")
        assert _kept_rows(corpus) == 0  # a small storyline: counting it is cheap
        monkeypatch.setattr(storyline_view, "KEPT_ARTICLES", 1)
        storyline_view._VIEWS.clear()
        page = client.get(f"/storylines/{water}").text
        assert corpus.query("SELECT storyline_id FROM kept_storyline_views") == [(water,)]
        _forbid_counting(monkeypatch)  # another process reads it back
        assert client.get(f"/storylines/{water}").text == page


def test_a_view_kept_for_another_state_is_counted_again(corpus_path, monkeypatch):
    with Corpus(corpus_path) as corpus:
        water = _water_id(corpus)
        storyline_view._VIEWS.clear()
        computed = view_storyline(corpus, water)
        stale = StorylineView([], [("other", "others")], [{"speaker": "Nobody"}], [])
        # kept by a process that read the corpus before another one stored an article
        corpus.keep_storyline_view(water, "view/1|stale", stale.to_state())
        storyline_view._VIEWS.clear()
        assert view_storyline(corpus, water) == computed
        # a kept text that is no view is counted again, not served
        version, _ = storyline_view._version(corpus, water)
        corpus.keep_storyline_view(water, version, '{"format": "view/0"}')
        storyline_view._VIEWS.clear()
        assert view_storyline(corpus, water) == computed
        corpus.keep_storyline_view(water, version, stale.to_state())  # the matching version
        storyline_view._VIEWS.clear()
        assert view_storyline(corpus, water) == stale  # read back, as the version says


def test_storing_an_article_or_reindexing_forgets_the_kept_views(corpus_path):
    with Corpus(corpus_path) as corpus:
        water = _water_id(corpus)
        storyline_view._VIEWS.clear()
        before = view_storyline(corpus, water)
        assert keep_storyline_views(corpus, min_articles=1) >= 1
        corpus.add(_water(LATER, "Tomas Ruiz", "the water in the reservoir was safe again after "
                          "the new filters were fitted", "2024-06-07"))
        assert _kept_rows(corpus) == 0
        assert corpus.query("SELECT storyline_id FROM articles WHERE published = ?",
                            ("2024-06-07",)) == [(water,)]
        after = view_storyline(corpus, water)  # counted again, with the new statement
        ruiz = [r["statements"] for r in after.cast if r["speaker"] == "Tomas Ruiz"]
        assert ruiz == [r["statements"] + 1 for r in before.cast
                        if r["speaker"] == "Tomas Ruiz"]
        assert keep_storyline_views(corpus, min_articles=1) >= 1
        corpus.reindex()
        assert _kept_rows(corpus) == 0
        storyline_view._VIEWS.clear()
        assert view_storyline(corpus, water) == after  # the same rows: the same view


@pytest.mark.model
@pytest.mark.parametrize("corpus_db", ["sqlite"], indirect=True)
def test_an_ingest_ends_by_keeping_the_large_storylines_views(corpus_db, monkeypatch):
    from onrecord.engine.batch import ingest_sources

    monkeypatch.setattr(storyline_view, "KEPT_ARTICLES", 2)
    with Corpus(corpus_db) as corpus:
        report = ingest_sources(corpus, [str(EXAMPLES)], workers=1)  # the local engine's path,
        # which the Ray engine's and ``onrecord watch``'s (ingest_articles) end by too
        large = corpus.query("SELECT id FROM storylines WHERE articles >= 2")
        kept = corpus.query("SELECT storyline_id FROM kept_storyline_views")
        assert report.stored > 5 and large
        assert report.storyline_views == len(large)
        assert sorted(kept) == sorted(large)
        _forbid_counting(monkeypatch)  # each is read back, none counted
        assert len([view_storyline(corpus, str(sid)) for (sid,) in large]) == len(large)
