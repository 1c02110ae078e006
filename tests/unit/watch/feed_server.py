"""A local feed server for the watch tests: loopback only, every text invented.

``/feed.xml`` is an RSS feed of the items published so far; it sends an ETag and a
Last-Modified that change with each publication, and answers 304 to a request whose
If-None-Match (or, without one, If-Modified-Since) names the current version. ``/dated.xml``
is the same feed with Last-Modified only. ``/flaky.xml`` answers 500 (or 503 with a
Retry-After) while ``failures_left`` is above zero, then serves the feed. ``/story`` is one
article page. ``/summaries.xml`` is a feed of two one-line summaries, one linking to ``/story``
and one to ``/gone`` (404). Every request is recorded with its conditional headers and the
answer's status.
"""

from __future__ import annotations

import email.utils
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# an invented story told over three days: the coast guard says the ferry struck the trawler,
# the minister says it did not
ITEMS = [
    ("Ferry and trawler collide off Velka", "Mon, 12 May 2025 09:00:00 +0000",
     "https://velka.example/news/collision",
     "Coast guard chief Marta Ilic said on Monday that the ferry Aurora had struck the "
     "trawler in thick fog off the port of Velka.\n\nThe coast guard said two fishermen "
     "were treated for minor injuries after the collision near Velka."),
    ("Velka collision inquiry opens", "Tue, 13 May 2025 09:00:00 +0000",
     "https://velka.example/news/inquiry",
     "Investigators opened an inquiry on Tuesday into the collision between the ferry Aurora "
     "and a trawler off Velka, the transport ministry said.\n\nThe ferry operator said the "
     "Aurora had kept to its usual route into Velka."),
    ("Minister disputes coast guard account of Velka collision",
     "Wed, 14 May 2025 09:00:00 +0000", "https://velka.example/news/minister",
     "Transport Minister Goran Petek said on Wednesday that the ferry Aurora had not struck "
     "the trawler off Velka.\n\nPetek said the trawler had crossed the ferry's path in the "
     "fog near Velka."),
]

STORY = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Velka harbour reopens after collision</title>
<meta property="article:published_time" content="2025-05-15T08:00:00Z"></head>
<body><article><h1>Velka harbour reopens after collision</h1>
<p>The port of Velka reopened to ferries on Thursday, three days after the ferry Aurora and a
trawler collided in fog outside the harbour, the port authority said.</p>
<p>Harbour master Elin Dovic said pilots would guide every ferry into Velka until the inquiry
into the collision had reported.</p></article></body></html>
"""


def summaries(base: str) -> list[tuple[str, str, str, str]]:
    """Feed entries that are one-line summaries of pages on the server at ``base``."""
    return [("Velka harbour reopens", "Thu, 15 May 2025 08:00:00 +0000", f"{base}/story",
             "The port of Velka reopened on Thursday."),
            ("Velka pilots strike", "Fri, 16 May 2025 08:00:00 +0000", f"{base}/gone",
             "Harbour pilots in Velka walked out on Friday over night shifts.")]


def rss(items: list[tuple[str, str, str, str]]) -> str:
    """An RSS feed of ``items`` (title, date, link, text)."""
    entries = "".join(
        f"<item><title>{escape(title)}</title><link>{link}</link><pubDate>{date}</pubDate>"
        f"<description>{escape(text)}</description></item>"
        for title, date, link, text in items)
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Velka Harbour News</title>{entries}</channel></rss>")


@dataclass
class Request:
    path: str
    if_none_match: str | None
    if_modified_since: str | None
    status: int


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.published = 2  # items of ITEMS served so far
        self.failures_left = 0
        self.failure_status = 500
        self.retry_after: str | None = None
        self.requests: list[Request] = []

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def publish(self, count: int = 1) -> None:
        """Publish the next ``count`` items."""
        self.published = min(len(ITEMS), self.published + count)

    @property
    def etag(self) -> str:
        return f'"velka-v{self.published}"'

    @property
    def last_modified(self) -> str:
        return email.utils.formatdate(1747000000 + 3600 * self.published, usegmt=True)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


class _Handler(BaseHTTPRequestHandler):
    server: FeedServer

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        self._answer()

    def _answer(self) -> int:
        s = self.server
        if self.path == "/story":
            return self._send(200, "text/html; charset=utf-8", STORY.encode())
        if self.path == "/summaries.xml":
            return self._send(200, "application/rss+xml", rss(summaries(s.base)).encode())
        if self.path == "/flaky.xml" and s.failures_left > 0:
            s.failures_left -= 1
            headers = {"Retry-After": s.retry_after} if s.retry_after else {}
            return self._send(s.failure_status, "text/plain", b"try later", headers)
        if self.path not in ("/feed.xml", "/dated.xml", "/flaky.xml"):
            return self._send(404, "text/plain", b"no such page")
        validators = {"Last-Modified": s.last_modified}
        if self.path != "/dated.xml":
            validators["ETag"] = s.etag
        asked_etag = self.headers.get("If-None-Match")
        if asked_etag is not None and self.path != "/dated.xml":
            unchanged = asked_etag == s.etag
        else:
            unchanged = self.headers.get("If-Modified-Since") == s.last_modified
        if unchanged:
            return self._send(304, None, b"", validators)
        body = rss(ITEMS[:s.published]).encode()
        return self._send(200, "application/rss+xml", body, validators)

    def _send(self, status: int, content_type: str | None, body: bytes,
              headers: dict[str, str] | None = None) -> int:
        # recorded before answering: the client may look as soon as it has the answer
        self.server.requests.append(Request(self.path, self.headers.get("If-None-Match"),
                                            self.headers.get("If-Modified-Since"), status))
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return status

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    """A running FeedServer on a free loopback port."""
    httpd = FeedServer()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


class FakeClock:
    """A clock that only moves when told to, or when slept on (which never waits)."""

    def __init__(self, start: float = 1_747_000_000.0) -> None:
        self.now = start
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds
