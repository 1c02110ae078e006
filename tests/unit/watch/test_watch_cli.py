"""``onrecord watch``: one round with --once prints what changed, bad arguments are clear
errors, and SIGTERM stops a running watch cleanly. Invented feed texts only."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli.main import app
from onrecord.store import Corpus
from onrecord.store.watched import watched_sources
from onrecord.watch import Watcher

from .feed_server import ITEMS, FakeClock, FeedServer, rss

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.model
def test_once_runs_one_round_and_prints_the_change_lines(tmp_path: Path,
                                                          server: FeedServer) -> None:
    server.publish()  # all three items: the minister contradicts the coast guard chief
    feed, db = f"{server.base}/feed.xml", str(tmp_path / "watch.db")
    args = ["watch", feed, "--once", "--db", db, "--allow-private", "--every", "15m"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "3 new articles in '" in result.output
    assert "new dispute: " in result.output and "Goran Petek" in result.output
    assert "round 1: 1 source checked, 0 not modified, 3 new articles, 0 failed" in result.output
    # --once checks a healthy source now, whatever its schedule (cron's start drifts)
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0, again.output
    assert "round 1: 1 source checked, 1 not modified, 0 new articles, 0 failed" in again.output
    assert len(server.requests) == 2
    assert server.requests[1].if_none_match and server.requests[1].status == 304


def test_a_private_url_is_refused_without_allow_private(tmp_path: Path,
                                                        server: FeedServer) -> None:
    db = str(tmp_path / "watch.db")
    result = CliRunner().invoke(app, ["watch", f"{server.base}/feed.xml", "--once", "--db", db])
    assert result.exit_code == 0, result.output  # a failing source is backed off, not fatal
    assert "non-public address" in result.output and "1 failed" in result.output
    assert server.requests == []
    again = CliRunner().invoke(app, ["watch", f"{server.base}/feed.xml", "--once", "--db", db])
    assert "no source due" in again.output  # --once: a failing source waits out its backoff
    with Corpus(db) as corpus:
        state = watched_sources(corpus, [f"{server.base}/feed.xml"])
    assert state[f"{server.base}/feed.xml"].failures == 1


@pytest.mark.parametrize(("args", "message"), [
    (["--every", "soon"], "bad interval 'soon'"),
    (["--every", "0s"], "at least 1 s"),
])
def test_a_bad_interval_is_a_clear_error(tmp_path: Path, args: list[str], message: str) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(ITEMS[:1]), encoding="utf-8")
    result = CliRunner().invoke(app, ["watch", str(feed), "--db", str(tmp_path / "w.db"),
                                      *args])
    assert result.exit_code != 0
    assert message in result.output


def test_an_unwatchable_source_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["watch", str(tmp_path), "--once",
                                      "--db", str(tmp_path / "w.db")])
    assert result.exit_code != 0
    assert "a directory cannot be watched" in result.output


def test_the_help_has_an_example() -> None:
    result = CliRunner().invoke(app, ["watch", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and "--every" in result.output


@pytest.mark.model
def test_the_loop_sleeps_until_a_source_is_due_and_stops_when_asked(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(ITEMS[:1]), encoding="utf-8")
    clock = FakeClock()
    with Corpus(tmp_path / "w.db") as corpus:
        lines: list[str] = []

        def sleep(seconds: float) -> None:
            clock.sleep(seconds)
            if len(clock.slept) == 2:
                watcher.stop()  # as the SIGTERM handler does

        watcher = Watcher(corpus, [str(feed)], every=600, clock=clock, sleep=sleep,
                          log=lines.append)
        assert watcher.run() == 2
    assert clock.slept == [600, 600]
    assert [line.split(":")[0] for line in lines if line.startswith("round")] == [
        "round 1", "round 2"]


@pytest.mark.model
def test_sigterm_stops_a_running_watch_cleanly(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(ITEMS[:1]), encoding="utf-8")
    db = tmp_path / "w.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "onrecord.cli.main", "watch", str(feed),
                             "--every", "1h", "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=env)
    try:
        assert proc.stderr is not None
        lines = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            lines.append(line)
            if line.startswith("round 1:"):
                break
        assert any(line.startswith("round 1: 1 source checked") for line in lines), lines
        proc.send_signal(signal.SIGTERM)  # it is asleep until the feed is due in an hour
        rest = proc.communicate(timeout=60)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, rest
    assert "stopped after 1 rounds" in rest
    with Corpus(db) as corpus:
        assert corpus.counts()["articles"] == 1


def test_an_interrupted_ingest_keeps_the_source_due_and_stops(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from onrecord.engine.batch import IngestReport
    from onrecord.watch import watcher as watcher_module

    feed = tmp_path / "feed.xml"
    feed.write_text(rss(ITEMS[:2]), encoding="utf-8")
    seen: list[int] = []

    def interrupted(corpus: Corpus, loaded: list[object], **kwargs: object) -> IngestReport:
        seen.append(len(loaded))
        return IngestReport(interrupted=True)  # a second Ctrl-C inside the ingest

    monkeypatch.setattr(watcher_module, "ingest_articles", interrupted)
    clock = FakeClock()
    with Corpus(tmp_path / "w.db") as corpus:
        watcher = Watcher(corpus, [str(feed)], every=600, clock=clock, sleep=clock.sleep)
        report = watcher.run_round()
        state = watched_sources(corpus, [str(feed)])
    assert seen == [2] and report.new_articles == []
    assert watcher.stopping
    assert state == {}  # no validator kept: the next run reads the feed again
