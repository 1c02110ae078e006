"""The watch loop against a local feed server that publishes new items during the test, on a
fake clock (no test waits in real time). Every feed text is invented."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from onrecord.analysis.disputes import find_disputes
from onrecord.analysis.storylines import storyline, storylines_of_articles
from onrecord.store import Corpus
from onrecord.store.watched import watched_sources
from onrecord.watch import Watcher

from .feed_server import ITEMS, FakeClock, FeedServer, rss

pytestmark = pytest.mark.model

EVERY = 900.0  # 15m


def _watcher(corpus: Corpus, sources: list[str], clock: FakeClock, lines: list[str],
             gap: float = 5.0) -> Watcher:
    return Watcher(corpus, sources, every=EVERY, allow_private=True, gap=gap, clock=clock,
                   sleep=clock.sleep, log=lines.append)


def test_rounds_ingest_new_items_get_304_in_between_and_say_what_changed(
        corpus_db: str, server: FeedServer, clock: FakeClock) -> None:
    feed = f"{server.base}/feed.xml"
    lines: list[str] = []
    with Corpus(corpus_db) as corpus:
        watcher = _watcher(corpus, [feed], clock, lines)
        first = watcher.run_round()
        assert len(first.new_articles) == 2
        assert server.requests[-1].if_none_match is None and server.requests[-1].status == 200
        assert corpus.counts()["articles"] == 2

        clock.now += EVERY
        second = watcher.run_round()
        assert (second.checked, second.not_modified, second.new_articles) == (1, 1, [])
        assert server.requests[-1].if_none_match == '"velka-v2"'
        assert server.requests[-1].status == 304
        assert corpus.counts()["articles"] == 2
        assert lines[-1] == "round 2: 1 source checked, 1 not modified, 0 new articles, 0 failed"

        server.publish()  # the minister's item: it contradicts the coast guard chief
        clock.now += EVERY
        lines.clear()
        third = watcher.run_round()
        assert len(third.new_articles) == 1  # only the new item; the two others are stored
        assert corpus.counts()["articles"] == 3
        (sid,) = storylines_of_articles(corpus, third.new_articles).values()
        assert sid is not None
        label = storyline(corpus, sid).label
        assert f"1 new article in '{label}' (storyline {sid[:8]})" in lines
        disputes = [line for line in lines if line.startswith("new dispute:")]
        assert len(disputes) == 1, lines
        assert "Marta Ilic" in disputes[0] and "Goran Petek" in disputes[0]
        (found,) = find_disputes(corpus, limit=100)
        assert disputes[0].endswith(f" [dispute {found.id}]")
        assert lines[-1] == "round 3: 1 source checked, 0 not modified, 1 new article, 0 failed"
    assert [r.status for r in server.requests] == [200, 304, 200]


def test_a_restart_sends_the_stored_validators_and_ingests_nothing_twice(
        corpus_db: str, server: FeedServer, clock: FakeClock) -> None:
    feed, db = f"{server.base}/feed.xml", corpus_db
    with Corpus(db) as corpus:
        assert len(_watcher(corpus, [feed], clock, []).run_round().new_articles) == 2
    with Corpus(db) as corpus:  # a new process over the same database
        lines: list[str] = []
        watcher = _watcher(corpus, [feed], clock, lines)
        early = watcher.run_round()  # the feed is not due yet: nothing is fetched
        assert early.checked == 0 and len(server.requests) == 1
        assert lines[-1] == "round 1: no source due; the next is due in 15m"
        clock.now += EVERY
        again = watcher.run_round()
        assert again.not_modified == 1 and again.new_articles == []
        assert server.requests[-1].if_none_match == '"velka-v2"'
        assert server.requests[-1].status == 304
        server.publish()
        clock.now += EVERY
        assert len(watcher.run_round().new_articles) == 1
        assert corpus.counts()["articles"] == 3


def test_last_modified_alone_is_sent_back_as_if_modified_since(
        tmp_path: Path, server: FeedServer, clock: FakeClock) -> None:
    feed = f"{server.base}/dated.xml"
    with Corpus(tmp_path / "watch.db") as corpus:
        watcher = _watcher(corpus, [feed], clock, [])
        watcher.run_round()
        clock.now += EVERY
        assert watcher.run_round().not_modified == 1
    last = server.requests[-1]
    assert (last.if_none_match, last.if_modified_since) == (None, server.last_modified)
    assert last.status == 304


def test_a_failing_source_is_backed_off_then_ingested_and_the_others_go_on(
        tmp_path: Path, server: FeedServer, clock: FakeClock) -> None:
    flaky, story = f"{server.base}/flaky.xml", f"{server.base}/story"
    server.failures_left = 2
    lines: list[str] = []
    with Corpus(tmp_path / "watch.db") as corpus:
        watcher = _watcher(corpus, [flaky, story], clock, lines)
        first = watcher.run_round()
        assert (first.failed, len(first.new_articles)) == (1, 1)  # the page went in
        state = watched_sources(corpus, [flaky])[flaky]
        assert state.failures == 1 and state.last_error == "HTTP 500 Internal Server Error"
        first_wait = state.next_due - clock.now
        assert first_wait > EVERY
        assert any(line.startswith(f"{flaky}: failed (HTTP 500") for line in lines)

        clock.now += EVERY  # the page is due again, the failing feed is not
        asked = len(server.requests)
        watcher.run_round()
        assert [r.path for r in server.requests[asked:]] == ["/story"]

        clock.now = state.next_due
        watcher.run_round()
        state = watched_sources(corpus, [flaky])[flaky]
        assert state.failures == 2
        assert state.next_due - clock.now > first_wait  # the wait grows

        clock.now = state.next_due
        recovered = watcher.run_round()
        assert len(recovered.new_articles) == 2 and recovered.failed == 0
        state = watched_sources(corpus, [flaky])[flaky]
        assert (state.failures, state.last_error) == (0, None)
        assert state.next_due == pytest.approx(clock.now + EVERY)


def test_a_retry_after_is_honoured(tmp_path: Path, server: FeedServer,
                                   clock: FakeClock) -> None:
    flaky = f"{server.base}/flaky.xml"
    server.failures_left, server.failure_status, server.retry_after = 1, 503, "7200"
    with Corpus(tmp_path / "watch.db") as corpus:
        _watcher(corpus, [flaky], clock, []).run_round()
        state = watched_sources(corpus, [flaky])[flaky]
    assert state.failures == 1 and state.last_error == "HTTP 503 Service Unavailable"
    assert state.next_due - clock.now >= 7200  # more than the backoff alone (2 x 15m)


def test_requests_to_one_host_keep_the_politeness_gap(
        tmp_path: Path, server: FeedServer, clock: FakeClock) -> None:
    feed, story = f"{server.base}/feed.xml", f"{server.base}/story"
    other = tmp_path / "other.xml"
    other.write_text(rss(ITEMS[2:]), encoding="utf-8")
    with Corpus(tmp_path / "watch.db") as corpus:
        watcher = _watcher(corpus, [feed, str(other), story], clock, [], gap=7.0)
        start = clock.now
        report = watcher.run_round()
    assert report.checked == 3
    assert clock.slept == [7.0]  # only before the second request to the server's host
    assert clock.now == start + 7.0


def test_a_file_is_read_again_when_it_changes(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "velka.xml"
    path.write_text(rss(ITEMS[:1]), encoding="utf-8")
    with Corpus(tmp_path / "watch.db") as corpus:
        watcher = _watcher(corpus, [str(path)], clock, [])
        assert len(watcher.run_round().new_articles) == 1
        clock.now += EVERY
        assert watcher.run_round().not_modified == 1
        path.write_text(rss(ITEMS[:2]), encoding="utf-8")
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        clock.now += EVERY
        changed = watcher.run_round()
        assert len(changed.new_articles) == 1 and changed.not_modified == 0
        assert corpus.counts()["articles"] == 2


def test_an_entry_that_cannot_be_analysed_is_recorded_and_the_round_goes_on(
        tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "velka.xml"
    empty = ("Velka ferry timetable", "Thu, 15 May 2025 09:00:00 +0000",
             "https://velka.example/news/timetable", "")
    path.write_text(rss([ITEMS[0], empty]), encoding="utf-8")
    lines: list[str] = []
    with Corpus(tmp_path / "watch.db") as corpus:
        report = _watcher(corpus, [str(path)], clock, lines).run_round()
        discarded = corpus.discarded()
    assert len(report.new_articles) == 1 and report.discarded == 1
    assert [(d.doc_id, d.stage) for d in discarded] == [(f"{path}#2", "ingest")]
    assert "no text" in discarded[0].reason
    assert any(line.startswith(f"discarded {path}#2 (ingest): ") for line in lines)


def test_following_links_stores_the_pages_of_summary_entries_once_each(
        tmp_path: Path, server: FeedServer, clock: FakeClock) -> None:
    feed = f"{server.base}/summaries.xml"
    lines: list[str] = []
    with Corpus(str(tmp_path / "follow.db")) as corpus:
        watcher = Watcher(corpus, [feed], every=EVERY, allow_private=True, gap=5.0, clock=clock,
                          sleep=clock.sleep, log=lines.append, follow=True)
        first = watcher.run_round()
        texts = {str(url): str(text) for url, text in corpus.query(
            "SELECT url, text FROM articles")}
        # the page in place of its one-line summary, dated and titled by the page
        story = texts[f"{server.base}/story"]
        assert "Harbour master Elin Dovic" in story
        assert corpus.query("SELECT published FROM articles WHERE url = ?",
                            (f"{server.base}/story",)) == [("2025-05-15",)]
        # the page that is gone: its summary is kept, and the log says so
        assert texts[f"{server.base}/gone"].startswith("Harbour pilots in Velka walked out")
        assert any(line.startswith(f"could not follow {server.base}/gone (HTTP 404")
                   and line.endswith("kept the feed's summary") for line in lines), lines
        assert len(first.new_articles) == 2 and first.followed == 2
        assert first.summary().endswith("2 new articles, 0 failed, 2 links followed")
        # one request to each page, and each after the politeness gap since the last
        paths = [r.path for r in server.requests]
        assert paths == ["/summaries.xml", "/story", "/gone"]
        assert clock.slept == [5.0, 5.0]
        # the next round lists the same entries: no page is fetched again, nothing is added
        clock.now += EVERY
        second = watcher.run_round(healthy_now=True)
        assert [r.path for r in server.requests][3:] == ["/summaries.xml"]
        assert second.new_articles == [] and second.followed == 0
        assert corpus.counts()["articles"] == 2


def test_without_following_a_summary_entry_is_stored_as_it_is(
        tmp_path: Path, server: FeedServer, clock: FakeClock) -> None:
    with Corpus(str(tmp_path / "summaries.db")) as corpus:
        watcher = _watcher(corpus, [f"{server.base}/summaries.xml"], clock, [])
        assert len(watcher.run_round().new_articles) == 2
        assert {str(t) for (t,) in corpus.query("SELECT text FROM articles")} == {
            "The port of Velka reopened on Thursday.",
            "Harbour pilots in Velka walked out on Friday over night shifts."}
    assert [r.path for r in server.requests] == ["/summaries.xml"]


def test_a_watched_page_is_not_followed_to_itself(
        tmp_path: Path, server: FeedServer, clock: FakeClock) -> None:
    page = f"{server.base}/story"
    with Corpus(str(tmp_path / "page.db")) as corpus:
        watcher = Watcher(corpus, [page], every=EVERY, allow_private=True, gap=5.0, clock=clock,
                          sleep=clock.sleep, log=[].append, follow=True)
        report = watcher.run_round()
        assert len(report.new_articles) == 1 and report.followed == 0
    assert [r.path for r in server.requests] == ["/story"]
