"""Fetching URLs: a local HTTP server stands in for the web (so these tests allow private
addresses, except the one that checks the refusal). Every page served is invented.
"""

from __future__ import annotations

import importlib
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import onrecord
from onrecord.errors import InputError, InputTooLargeError
from onrecord.ingest import load_sources, load_url, urls
from onrecord.ingest.urls import check_url, fetch_url, is_public
from onrecord.models import Article, Discarded

STORY_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Customs seize counterfeit brake pads at Vellmar crossing | Border Weekly</title>
<meta property="og:title" content="Customs seize counterfeit brake pads at Vellmar crossing">
<meta property="og:site_name" content="Border Weekly">
<meta property="article:published_time" content="2025-02-14T10:00:00Z">
</head><body><article>
<h1>Customs seize counterfeit brake pads at Vellmar crossing</h1>
<p>VELLMAR — Customs officers at the Vellmar border crossing seized 4,000 sets of counterfeit
brake pads hidden behind pallets of bottled water, the national customs agency said on
Friday.</p>
<p>"These parts would have failed the first time someone braked hard on a wet road," said
inspector Dalia Greaves, who led the search of the lorry on Wednesday night.</p>
<p>The driver was released without charge, and investigators are trying to trace the
company in Orsk that booked the shipment, the agency said.</p>
</article></body></html>
"""

LATIN1_PAGE = (
    "<html><head><title>Café owners protest</title></head><body><article>"
    "<p>Owners of the café terraces on the Place Rouvière said on Monday that the new "
    "licence fee, due in March, would force several of them to close before the summer "
    "season begins.</p></article></body></html>"
)

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Border Weekly</title>
<item><title>Queues at Vellmar</title><link>https://border.example/queues</link>
<description>Lorries queued for nine hours at the Vellmar crossing on Thursday after a
computer fault at the customs post, drivers said.</description></item>
<item><title>New customs post</title><link>https://border.example/post</link>
<description>A second customs post will open north of Vellmar in the autumn, the agency
said on Friday.</description></item>
</channel></rss>
"""


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        self.server.requests.append((self.path, self.headers.get("User-Agent", "")))
        route = getattr(self, "route_" + self.path.strip("/").replace("-", "_"), None)
        if route is None:
            self._send(404, "text/html", b"<html><body><p>No such page.</p></body></html>")
        else:
            route()

    def _send(self, status: int, content_type: str, body: bytes, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def route_story(self) -> None:
        self._send(200, "text/html; charset=utf-8", STORY_HTML.encode())

    def route_latin1(self) -> None:
        self._send(200, "text/html; charset=iso-8859-1", LATIN1_PAGE.encode("latin-1"))

    def route_feed(self) -> None:
        self._send(200, "application/rss+xml", FEED.encode())

    def route_image(self) -> None:
        self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200))

    def route_moved(self) -> None:
        self.send_response(302)
        self.send_header("Location", "/story")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route_loop(self) -> None:
        self.send_response(301)
        self.send_header("Location", "/loop")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route_slow(self) -> None:
        time.sleep(2)
        self._send(200, "text/html", STORY_HTML.encode())

    def route_big(self) -> None:  # no Content-Length: the cap must stop the stream
        self._send(200, "text/html", b"<p>" + b"word " * 40_000 + b"</p>", length=False)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    requests: list[tuple[str, str]]

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (the timeout test) is expected


@pytest.fixture(scope="module")
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def base(server: _Server) -> str:
    server.requests.clear()
    return f"http://127.0.0.1:{server.server_address[1]}"


def _one(url: str, **kwargs: Any) -> Article | Discarded:
    (item,) = load_sources([url], allow_private=True, **kwargs)
    return item


def test_an_html_page(base: str, server: _Server) -> None:
    article = _one(f"{base}/story")
    assert isinstance(article, Article)
    assert article.url == f"{base}/story"
    assert article.origin == f"{base}/story"
    assert article.title == "Customs seize counterfeit brake pads at Vellmar crossing"
    assert article.text.startswith("VELLMAR — Customs officers at the Vellmar border crossing")
    assert article.published == "2025-02-14"
    path, agent = server.requests[0]
    assert agent == f"onrecord/{onrecord.__version__} (+https://github.com/onrecord/onrecord)"


def test_a_redirect_gives_the_final_url(base: str, server: _Server) -> None:
    article = _one(f"{base}/moved")
    assert isinstance(article, Article)
    assert article.url == f"{base}/story"
    assert article.origin == f"{base}/moved"
    assert [path for path, _ in server.requests] == ["/moved", "/story"]


def test_every_redirect_hop_is_checked(base: str, monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[str] = []
    original = urls.check_url

    def spy(url: str, allow_private: bool = False) -> urls.CheckedHost:
        checked.append(url)
        return original(url, allow_private)

    monkeypatch.setattr(urls, "check_url", spy)
    assert isinstance(_one(f"{base}/moved"), Article)
    assert checked == [f"{base}/moved", f"{base}/story"]


def test_too_many_redirects(base: str, server: _Server) -> None:
    discarded = _one(f"{base}/loop")
    assert isinstance(discarded, Discarded)
    assert discarded.reason == "too many redirects (over 5)"
    assert len(server.requests) == 6


def test_the_header_charset_decodes_the_body(base: str) -> None:
    article = _one(f"{base}/latin1")
    assert isinstance(article, Article)
    assert "café terraces on the Place Rouvière" in article.text


def test_a_feed_url_gives_its_entries(base: str) -> None:
    loaded = list(load_sources([f"{base}/feed"], allow_private=True))
    articles = [item for item in loaded if isinstance(item, Article)]
    assert len(articles) == len(loaded) == 2
    assert [item.origin for item in articles] == [f"{base}/feed#1", f"{base}/feed#2"]
    assert articles[0].url == "https://border.example/queues"
    assert articles[0].source == "Border Weekly"


def test_http_errors_and_bad_content_are_discarded(base: str) -> None:
    missing = _one(f"{base}/gone")
    assert missing == Discarded(doc_id=f"{base}/gone", stage="ingest",
                                reason="HTTP 404 Not Found")
    image = _one(f"{base}/image")
    assert isinstance(image, Discarded)
    assert image.reason == "not a text page: the content type is image/png"


def test_a_dead_url(base: str) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    discarded = _one(f"http://127.0.0.1:{port}/story")
    assert isinstance(discarded, Discarded)
    assert discarded.reason.startswith("cannot fetch the URL: ")


def test_a_slow_server_times_out(base: str) -> None:
    started = time.monotonic()
    (discarded,) = load_url(f"{base}/slow", allow_private=True, timeout=0.3)
    assert time.monotonic() - started < 1.5
    assert discarded == Discarded(doc_id=f"{base}/slow", stage="ingest",
                                  reason="timed out after 0.3 s")


def test_the_size_cap_stops_the_stream(base: str) -> None:
    with pytest.raises(InputTooLargeError, match="over the"):
        fetch_url(f"{base}/big", allow_private=True, max_bytes=10_000)
    assert len(fetch_url(f"{base}/big", allow_private=True).text) > 200_000


def test_private_addresses_are_refused_by_default(base: str, server: _Server) -> None:
    (discarded,) = load_sources([f"{base}/story"])
    assert isinstance(discarded, Discarded)
    assert "non-public address (127.0.0.1)" in discarded.reason
    assert "--allow-private" in discarded.reason
    assert server.requests == []  # refused before any request


@pytest.mark.parametrize(
    "url", ["ftp://files.example/story.txt", "file:///etc/hostname", "gopher://x.example/"]
)
def test_other_schemes_are_refused(url: str) -> None:
    (discarded,) = load_sources([url], allow_private=True)
    assert isinstance(discarded, Discarded)
    assert discarded.doc_id == url
    assert "unsupported URL scheme" in discarded.reason


def test_a_path_is_not_a_url(tmp_path: Path) -> None:
    (discarded,) = load_sources([str(tmp_path / "http-notes.txt")])
    assert isinstance(discarded, Discarded)
    assert discarded.reason == "no such file or directory"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:4700:4700::1111", True),
        ("10.1.2.3", False),
        ("192.168.0.10", False),
        ("172.20.0.1", False),
        ("127.0.0.1", False),
        ("169.254.169.254", False),
        ("::1", False),
        ("fe80::1", False),
        ("::ffff:127.0.0.1", False),
        ("0.0.0.0", False),
    ],
)
def test_is_public(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) is public


def test_check_url_refuses_a_name_resolving_to_a_private_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def resolve(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        address = {"news.example": "93.184.216.34", "metadata.example": "169.254.169.254"}
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address[host], port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    check_url("https://news.example/story")
    with pytest.raises(InputError, match="non-public address"):
        check_url("http://metadata.example/latest")
    check_url("http://metadata.example/latest", allow_private=True)


def test_the_cli_passes_allow_private(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from onrecord.cli.main import app

    batch_module = importlib.import_module("onrecord.engine.batch")

    calls: list[dict[str, Any]] = []

    def fake_load_sources(paths: list[str], **kwargs: Any) -> list[Discarded]:
        calls.append(kwargs)
        return [Discarded(doc_id=paths[0], stage="ingest", reason="HTTP 404 Not Found")]

    monkeypatch.setattr(batch_module, "load_sources", fake_load_sources)
    db = str(tmp_path / "corpus.db")
    runner = CliRunner()
    runner.invoke(app, ["ingest", "https://border.example/story", "--db", db, "-w", "1"])
    result = runner.invoke(
        app, ["ingest", "https://border.example/story", "--db", db, "-w", "1", "--allow-private"]
    )
    assert "HTTP 404 Not Found" in result.output
    assert [call["allow_private"] for call in calls] == [False, True]
