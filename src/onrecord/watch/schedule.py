"""When a watched source is next checked: the interval (``15m``), backoff after failures, and a
minimum gap between two requests to one host.

Everything here is arithmetic on times given by the caller (seconds on the watcher's clock), so
a test drives it with a fake clock and never waits.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from onrecord.errors import WatchError

__all__ = ["DEFAULT_GAP", "MAX_BACKOFF", "MAX_RETRY_AFTER", "HostGate", "backoff_delay",
           "format_duration", "host_of", "parse_every"]

MAX_BACKOFF = 6 * 3600.0
"""The longest wait backoff alone sets after failures (unless the interval is longer)."""
MAX_RETRY_AFTER = 24 * 3600.0
"""The longest wait a server's ``Retry-After`` is honoured for."""
DEFAULT_GAP = 5.0
"""Seconds between two requests to one host, at least."""
MIN_EVERY = 1.0

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION_RE = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])")


def parse_every(text: str) -> float:
    """Seconds in a duration written ``90s``, ``15m``, ``1h``, ``1d``, or several together
    (``1h30m``); a WatchError for anything else, or for less than a second."""
    compact = text.strip().lower()
    parts = _DURATION_RE.findall(compact)
    if not parts or "".join(f"{n}{u}" for n, u in parts) != compact.replace(" ", ""):
        raise WatchError(f"bad interval {text!r}: write it as 90s, 15m, 1h, 1d or 1h30m")
    seconds = sum(float(n) * _UNITS[u] for n, u in parts)
    if seconds < MIN_EVERY:
        raise WatchError(f"bad interval {text!r}: at least {MIN_EVERY:g} s")
    return seconds


def format_duration(seconds: float) -> str:
    """A duration as ``parse_every`` reads it, to the second: ``1h30m``, ``45s``, ``0s``."""
    left = round(seconds)
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if left >= size:
            parts.append(f"{left // size}{unit}")
            left %= size
    return "".join(parts) or "0s"


def backoff_delay(every: float, failures: int, retry_after: float | None = None) -> float:
    """The wait before checking again a source whose last ``failures`` checks in a row failed:
    the interval doubled per failure (``every * 2**failures``) up to :data:`MAX_BACKOFF` (or
    the interval itself when that is longer), and never less than the ``Retry-After`` the
    server asked for (up to :data:`MAX_RETRY_AFTER`). ``failures`` 0 is the plain interval."""
    cap = max(every, MAX_BACKOFF)
    delay = min(every * 2.0 ** min(failures, 32), cap)
    if retry_after is not None:
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
    return delay


def host_of(url: str) -> str | None:
    """The host (and port) of a URL, lower-cased; None when it has none."""
    try:
        netloc = urlsplit(url).netloc
    except ValueError:
        return None
    return netloc.lower().rpartition("@")[2] or None


class HostGate:
    """Politeness per host: at least ``gap`` seconds from one request to a host to the next.

    >>> gate = HostGate(5.0)
    >>> gate.wait("news.example", 100.0)
    0.0
    >>> gate.note("news.example", 100.0)
    >>> gate.wait("news.example", 102.0)
    3.0
    """

    def __init__(self, gap: float = DEFAULT_GAP) -> None:
        self.gap = gap
        self._last: dict[str, float] = {}

    def wait(self, host: str | None, now: float) -> float:
        """Seconds to wait at ``now`` before the next request to ``host`` (0 for a file)."""
        if host is None or host not in self._last:
            return 0.0
        return max(0.0, self._last[host] + self.gap - now)

    def note(self, host: str | None, at: float) -> None:
        """A request to ``host`` was made at ``at``."""
        if host is not None:
            self._last[host] = at
