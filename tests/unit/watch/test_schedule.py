"""Intervals, backoff and politeness per host: arithmetic on given times, no clock, no model."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.errors import WatchError
from onrecord.watch.poll import check_watchable, file_validator
from onrecord.watch.schedule import (
    MAX_BACKOFF,
    MAX_RETRY_AFTER,
    HostGate,
    backoff_delay,
    format_duration,
    host_of,
    parse_every,
)


@pytest.mark.parametrize(("text", "seconds"), [
    ("90s", 90), ("15m", 900), ("1h", 3600), ("1d", 86400), ("1h30m", 5400), (" 2M ", 120),
    ("1.5h", 5400),
])
def test_intervals_are_read(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "15", "m", "15 minutes", "-5m", "1h-30m", "0s", "15m!"])
def test_a_bad_interval_is_a_clear_error(text: str) -> None:
    with pytest.raises(WatchError, match="bad interval"):
        parse_every(text)


def test_durations_are_written_as_they_are_read() -> None:
    for seconds in (45, 900, 5400, 90061):
        assert parse_every(format_duration(seconds)) == seconds
    assert format_duration(0) == "0s"


def test_backoff_doubles_per_failure_up_to_its_cap() -> None:
    delays = [backoff_delay(900, n) for n in range(6)]
    assert delays[:4] == [900, 1800, 3600, 7200]
    assert delays[-1] == MAX_BACKOFF  # 900 * 32 would be 8 h
    assert backoff_delay(900, 500) == MAX_BACKOFF  # no overflow however many failures
    assert backoff_delay(86400, 3) == 86400  # an interval over the cap is the cap


def test_a_retry_after_longer_than_the_backoff_wins_up_to_a_day() -> None:
    assert backoff_delay(900, 1, retry_after=7200) == 7200
    assert backoff_delay(900, 1, retry_after=60) == 1800  # never sooner than the backoff
    assert backoff_delay(900, 1, retry_after=10**9) == MAX_RETRY_AFTER


def test_the_gate_keeps_a_gap_per_host_only() -> None:
    gate = HostGate(5.0)
    assert gate.wait("a.example", 100.0) == 0.0
    gate.note("a.example", 100.0)
    assert gate.wait("a.example", 101.5) == 3.5
    assert gate.wait("a.example", 106.0) == 0.0
    assert gate.wait("b.example", 101.0) == 0.0  # another host waits for nothing
    gate.note(None, 101.0)  # a file
    assert gate.wait(None, 101.0) == 0.0


def test_hosts_are_compared_without_case_or_credentials() -> None:
    assert host_of("https://News.Example:8443/feed") == "news.example:8443"
    assert host_of("http://user:pw@news.example/feed") == "news.example"


def test_unwatchable_sources_are_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(WatchError, match="standard input"):
        check_watchable("-")
    with pytest.raises(WatchError, match="only http and https"):
        check_watchable("ftp://files.example/feed.xml")
    with pytest.raises(WatchError, match="a directory cannot be watched"):
        check_watchable(str(tmp_path))
    with pytest.raises(WatchError, match="no such file"):
        check_watchable(str(tmp_path / "missing.xml"))
    feed = tmp_path / "feed.xml"
    feed.write_text("<rss/>", encoding="utf-8")
    check_watchable(str(feed))
    check_watchable("https://news.example/feed.xml")


def test_a_file_validator_changes_with_its_content(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text("<rss/>", encoding="utf-8")
    before = file_validator(str(path))
    assert file_validator(str(path)) == before
    path.write_text("<rss version='2.0'/>", encoding="utf-8")
    assert file_validator(str(path)) != before
