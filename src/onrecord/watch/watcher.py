"""The watch loop: rounds of checking the sources that are due, ingesting what is new, and
saying what changed.

A round checks each due source in order (waiting first when the last request to its host was
less than the politeness gap ago), ingests everything the round found in one go through the
same path as ``onrecord ingest`` (analysis, storylines, links for disputes), then stores each
source's new state: its validators and next due time, or, after a failure, its failure count
and a next due time backed off exponentially (:func:`~onrecord.watch.schedule.backoff_delay`).
The state is stored after the ingest, so a run killed mid-round checks those sources again.

The clock and the sleep are injectable, so tests run rounds on a fake clock and never wait.
:meth:`Watcher.stop` (from a signal handler) ends the loop after the source being checked.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from onrecord.engine.batch import ingest_articles
from onrecord.ingest.urls import DEFAULT_TIMEOUT, is_url
from onrecord.models import Article, Discarded
from onrecord.store import Corpus
from onrecord.store.watched import WatchedSource, followed_links, watched_sources
from onrecord.watch.changes import (
    DisputeSnapshot,
    article_changes,
    dispute_changes,
    snapshot_disputes,
)
from onrecord.watch.follow import FollowedLink, follow_links, followable
from onrecord.watch.poll import Poll, check_watchable, poll_source
from onrecord.watch.schedule import DEFAULT_GAP, HostGate, backoff_delay, format_duration, host_of

__all__ = ["RoundReport", "Watcher"]

_WAKE_EVERY = 1.0  # seconds: the longest a sleeping watcher goes without looking up


@dataclass
class RoundReport:
    """What one round did."""

    number: int
    checked: int = 0
    not_modified: int = 0
    failed: int = 0
    new_articles: list[str] = field(default_factory=list)  # ids stored by this round
    discarded: int = 0
    changes: list[str] = field(default_factory=list)  # the lines saying what changed
    followed: int = 0  # feed entries' links followed to their pages

    def summary(self) -> str:
        """``round 3: 2 sources checked, 1 not modified, 4 new articles, 0 failed`` (and
        ``, 3 links followed`` when some were)."""
        sources = "source" if self.checked == 1 else "sources"
        articles = "article" if len(self.new_articles) == 1 else "articles"
        links = (f", {self.followed} link{'s' if self.followed != 1 else ''} followed"
                 if self.followed else "")
        return (f"round {self.number}: {self.checked} {sources} checked, {self.not_modified} "
                f"not modified, {len(self.new_articles)} new {articles}, {self.failed} failed"
                f"{links}")


class Watcher:
    """Watches ``sources`` (http(s) URLs of feeds or pages, files) every ``every`` seconds,
    storing into ``corpus`` and its state (:mod:`onrecord.store.watched`) beside it.

    ``log(line)`` receives each line worth showing: what changed, a failing source, a
    discarded entry, the round's summary. ``clock()`` gives seconds since the epoch and
    ``sleep(seconds)`` waits (by default, until :meth:`stop` is called at the latest).
    ``follow``: a feed entry with only a summary is replaced by its linked page
    (:mod:`onrecord.watch.follow`). Raises a WatchError when a source cannot be watched.
    """

    def __init__(self, corpus: Corpus, sources: Sequence[str], *, every: float,
                 allow_private: bool = False, workers: int = 1, gap: float = DEFAULT_GAP,
                 timeout: float = DEFAULT_TIMEOUT, follow: bool = False,
                 log: Callable[[str], None] | None = None,
                 clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], object] | None = None) -> None:
        for source in sources:
            check_watchable(source)
        self.corpus = corpus
        self.sources = list(dict.fromkeys(
            s if is_url(s) else str(Path(s).resolve()) for s in sources))
        self.every, self.allow_private, self.workers = every, allow_private, workers
        self.timeout, self.follow = timeout, follow
        self.gate = HostGate(gap)
        self.rounds = 0
        self._log = log or (lambda line: None)
        self._clock = clock
        self._stopped = False  # a plain flag: set from a signal handler (see stop)
        self._sleep = sleep or self._wait
        self._disputes: DisputeSnapshot | None = None

    # -- control -----------------------------------------------------------------------------
    def stop(self) -> None:
        """End the loop after the source being checked (safe from a signal handler: it only
        sets a flag; a threading.Event's set() would take the lock its wait() may hold in
        the very thread the handler interrupts, and deadlock)."""
        self._stopped = True

    def _wait(self, seconds: float) -> None:
        """Sleep ``seconds``, or until stopped, waking every second: a signal may be delivered
        to another thread of the process (one a library started), and its Python handler
        only runs when the main thread next runs Python code."""
        end = time.monotonic() + seconds
        while not self._stopped and (left := end - time.monotonic()) > 0:
            time.sleep(min(left, _WAKE_EVERY))

    @property
    def stopping(self) -> bool:
        return self._stopped

    def states(self) -> dict[str, WatchedSource]:
        """Each source's stored state (a source never checked: due now)."""
        stored = watched_sources(self.corpus, self.sources)
        return {s: stored.get(s) or WatchedSource(s) for s in self.sources}

    def next_due(self) -> float:
        """When the next source is due, on the watcher's clock."""
        return min(state.next_due for state in self.states().values())

    def run(self, rounds: int | None = None) -> int:
        """Run rounds until stopped (or ``rounds`` of them), each when a source is due;
        return how many ran."""
        done = 0
        while not self.stopping and (rounds is None or done < rounds):
            wait = self.next_due() - self._clock()
            if wait > 0:
                self._sleep(wait)
                continue  # woken early (stopped), or due now: look again
            self.run_round()
            done += 1
        return done

    # -- one round ---------------------------------------------------------------------------
    def run_round(self, *, healthy_now: bool = False) -> RoundReport:
        """Check every source due now, ingest what is new, store the sources' states, log
        what changed and the round's summary. ``healthy_now``: a source whose last check
        succeeded is due now whatever its schedule (a round run from cron, whose start
        drifts by seconds against the stored due time); a failing one still waits out its
        backoff."""
        self.rounds += 1
        report = RoundReport(self.rounds)
        states = self.states()
        now = self._clock()
        due = [s for s in self.sources if states[s].next_due <= now
               or (healthy_now and states[s].failures == 0)]
        if due and self._disputes is None:
            self._disputes = snapshot_disputes(self.corpus)[0]
        polled: list[tuple[WatchedSource, Poll, float]] = []
        followed: list[FollowedLink] = []
        for source in due:
            self._polite(host_of(source) if is_url(source) else None)
            if self.stopping:
                break
            poll, at = self._poll(states[source]), self._clock()
            if self.follow and poll.outcome == "changed":
                poll, links = self._follow(source, poll)
                followed += links
            polled.append((states[source], poll, at))
        loaded = [item for _, poll, _ in polled for item in poll.loaded]
        report.new_articles, complete = self._ingest(loaded, report)
        for state, poll, at in polled:
            if complete or poll.outcome != "changed":  # else read it all again next time
                self._save(state, poll, at, report)
        if complete:
            report.followed = len(followed)
            checked = dt.datetime.fromtimestamp(self._clock(), dt.UTC).isoformat(
                timespec="seconds")
            for link in followed:
                self.corpus.save_followed(link.link, link.source, checked, link.article_id,
                                          link.error)
        self._note_changes(report)
        if not due:
            wait = self.next_due() - self._clock()
            self._log(f"round {report.number}: no source due; the next is due in "
                      f"{format_duration(max(0.0, wait))}")
        else:
            self._log(report.summary())
        return report

    def _poll(self, state: WatchedSource) -> Poll:
        return poll_source(state, allow_private=self.allow_private, timeout=self.timeout)

    def _polite(self, host: str | None) -> None:
        """Wait out the gap since the last request to ``host``, and note this one."""
        wait = self.gate.wait(host, self._clock())
        if wait > 0:
            self._sleep(wait)
        self.gate.note(host, self._clock())

    def _follow(self, source: str, poll: Poll) -> tuple[Poll, list[FollowedLink]]:
        """The poll with each new summary entry replaced by its page, and the links followed
        (links followed in earlier rounds are passed over: their articles are stored)."""
        links = [link for item in poll.loaded if (link := followable(item)) is not None]
        seen = followed_links(self.corpus, links)
        loaded, followed = follow_links(
            poll.loaded, source, seen=seen, before_fetch=lambda url: self._polite(host_of(url)),
            allow_private=self.allow_private, timeout=self.timeout, log=self._log)
        return replace(poll, loaded=loaded), followed

    def _ingest(self, loaded: list[Article | Discarded],
                report: RoundReport) -> tuple[list[str], bool]:
        """Ingest what the round found: the ids of the articles it stored, in order, and
        whether it finished (an interrupted ingest, a second Ctrl-C, stops the watcher)."""
        if not loaded:
            return [], True
        ids = list(dict.fromkeys(a.id for a in loaded if isinstance(a, Article)))
        before = self.corpus.stored_among(ids)

        def show(event: str, item: Discarded | None) -> None:
            if item is not None:
                report.discarded += 1
                self._log(f"discarded {item.doc_id} ({item.stage}): {item.reason}")

        done = ingest_articles(self.corpus, loaded, workers=self.workers, progress=show)
        if done.interrupted:
            self.stop()
        after = self.corpus.stored_among(ids)
        return [i for i in ids if i in after and i not in before], not done.interrupted

    def _save(self, state: WatchedSource, poll: Poll, at: float, report: RoundReport) -> None:
        report.checked += 1
        checked = dt.datetime.fromtimestamp(at, dt.UTC).isoformat(timespec="seconds")
        if poll.outcome == "failed":
            report.failed += 1
            failures = state.failures + 1
            delay = backoff_delay(self.every, failures, poll.retry_after)
            new = replace(state, last_checked=checked, next_due=at + delay, failures=failures,
                          last_error=poll.error)
            self._log(f"{state.source}: failed ({poll.error}); failure {failures} in a row, "
                      f"next check in {format_duration(delay)}")
        else:
            report.not_modified += poll.outcome == "not_modified"
            new = replace(state, etag=poll.etag, last_modified=poll.last_modified,
                          last_checked=checked, next_due=at + self.every, failures=0,
                          last_error=None)
        self.corpus.save_watched(new)

    def _note_changes(self, report: RoundReport) -> None:
        if not report.new_articles:
            return
        report.changes = article_changes(self.corpus, report.new_articles)
        snapshot, disputes = snapshot_disputes(self.corpus)
        if self._disputes is not None:
            report.changes += dispute_changes(self._disputes, disputes)
        self._disputes = snapshot
        for line in report.changes:
            self._log(line)
