"""The state of watched sources (migration 16) on both backends: stored, replaced, read back."""

from __future__ import annotations

from onrecord.store import Corpus
from onrecord.store.watched import WatchedSource, watched_sources


def test_a_source_state_is_stored_replaced_and_read_back(corpus_db: str) -> None:
    feed = "https://velka.example/feed.xml"
    first = WatchedSource(feed, etag='"v1"', last_modified="Mon, 12 May 2025 09:00:00 GMT",
                          last_checked="2025-05-12T09:00:00+00:00", next_due=1747041300.5)
    with Corpus(corpus_db) as corpus:
        assert watched_sources(corpus, [feed]) == {}
        corpus.save_watched(first)
        failed = WatchedSource(feed, etag='"v1"', last_checked="2025-05-12T09:15:00+00:00",
                               next_due=1747044000.0, failures=2, last_error="HTTP 500 'x'")
        corpus.save_watched(failed)
        corpus.save_watched(WatchedSource("/srv/feeds/harbour.xml", etag="size=1;mtime_ns=2"))
    with Corpus(corpus_db) as corpus:  # another connection, as after a restart
        found = watched_sources(corpus, [feed, "/srv/feeds/harbour.xml", "/none.xml"])
    assert found[feed] == failed  # replaced whole, the quote in the error kept as written
    assert found["/srv/feeds/harbour.xml"].etag == "size=1;mtime_ns=2"
    assert set(found) == {feed, "/srv/feeds/harbour.xml"}


def test_many_sources_are_read_in_chunks(corpus_db: str) -> None:
    sources = [f"https://feeds{i}.example/rss" for i in range(1200)]
    with Corpus(corpus_db) as corpus:
        for n, source in enumerate(sources[::100]):
            corpus.save_watched(WatchedSource(source, failures=n))
        found = watched_sources(corpus, sources)
    assert len(found) == 12
    assert [found[s].failures for s in sources[::100]] == list(range(12))
