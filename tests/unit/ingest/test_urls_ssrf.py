"""Fetching URLs safely (SSRF): every address that is not globally routable is refused, and the
connection goes to the very address that was checked, so a DNS answer that changes between the
check and the connection (DNS rebinding) cannot get in.

No test sends traffic beyond 127.0.0.1: a fake resolver answers every host name, real DNS
lookups fail the test, and a fake network routes the one invented public address to a local
server and refuses every other address but 127.0.0.1. Every page served is invented.
"""

from __future__ import annotations

import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpcore
import pytest

from onrecord.errors import InputError
from onrecord.ingest import urls
from onrecord.ingest.urls import fetch_url, is_public

PUBLIC = "93.184.216.34"  # the one public address of the fake network

PAGE = (
    "<html><head><title>Ferry timetable changes</title></head><body><article><p>The winter "
    "timetable for the Portmere ferry starts on Monday, with two crossings a day instead of "
    "four, the operator said.</p></article></body></html>"
)

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        self.server.requests.append((self.path, self.headers.get("Host", "")))
        if self.path == "/story":
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        target = {"/moved": "/story", "/to-private": "http://metadata.example/latest"}
        self.send_response(302 if self.path in target else 404)
        if self.path in target:
            self.send_header("Location", target[self.path])
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    requests: list[tuple[str, str]]

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (a refused TLS handshake) is expected


def _serve(httpd: _Server) -> Iterator[_Server]:
    httpd.requests = []
    serve = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    serve.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def server() -> Iterator[_Server]:
    yield from _serve(_Server(("127.0.0.1", 0), _Handler))


class FakeResolver:
    """Stands in for :func:`onrecord.ingest.urls.resolve_host`: each host's answers in turn
    (one list of addresses a call), then a resolution failure; every call is recorded."""

    def __init__(self) -> None:
        self.answers: dict[str, list[list[str]]] = {}
        self.calls: list[tuple[str, int]] = []

    def __call__(self, host: str, port: int) -> list[Address]:
        turn = sum(1 for name, _ in self.calls if name == host)
        self.calls.append((host, port))
        answers = self.answers.get(host, [])
        if turn >= len(answers):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [ipaddress.ip_address(address) for address in answers[turn]]


class FakeNetwork:
    """Every TCP connection httpcore opens: :data:`PUBLIC` is routed to the local server,
    127.0.0.1 is reached for real, and any other address is unreachable."""

    def __init__(self, local_port: int) -> None:
        self.local_port = local_port
        self.connects: list[tuple[str, int]] = []


@pytest.fixture(autouse=True)
def no_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real DNS lookup fails the test; numeric addresses are still parsed by the system."""
    real = socket.getaddrinfo

    def numeric_only(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            ipaddress.ip_address(host.decode() if isinstance(host, bytes) else host)
        except ValueError:
            raise socket.gaierror(socket.EAI_NONAME, f"no DNS in tests ({host!r})") from None
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", numeric_only)


@pytest.fixture
def resolver(monkeypatch: pytest.MonkeyPatch) -> FakeResolver:
    fake = FakeResolver()
    monkeypatch.setattr(urls, "resolve_host", fake)
    return fake


@pytest.fixture
def network(monkeypatch: pytest.MonkeyPatch, server: _Server) -> FakeNetwork:
    fake = FakeNetwork(server.server_address[1])
    real = httpcore.SyncBackend.connect_tcp

    def connect_tcp(
        self: httpcore.SyncBackend, host: str, port: int, *args: Any, **kwargs: Any
    ) -> httpcore.NetworkStream:
        fake.connects.append((host, port))
        if host == PUBLIC:
            return real(self, "127.0.0.1", fake.local_port, *args, **kwargs)
        if host == "127.0.0.1":
            return real(self, host, port, *args, **kwargs)
        raise httpcore.ConnectError(f"{host} is unreachable in the test network")

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", connect_tcp)
    return fake


REFUSED = [
    "100.64.0.1",  # shared address space (carrier-grade NAT; a cloud metadata address)
    "169.254.169.254",  # link-local, the usual cloud metadata address
    "10.0.0.1",
    "127.0.0.1",
    "::1",
    "fec0::1",  # IPv6 site-local (deprecated, still routed inside some networks)
    "fe80::1",
    "::ffff:127.0.0.1",  # IPv4-mapped loopback
    "0.0.0.0",
    "224.0.0.1",  # multicast
]


@pytest.mark.parametrize("address", REFUSED)
def test_a_host_resolving_to_a_non_global_address_is_refused(
    address: str, resolver: FakeResolver, network: FakeNetwork
) -> None:
    resolver.answers["target.example"] = [[address]]
    with pytest.raises(InputError) as refusal:
        fetch_url("http://target.example/story")
    message = str(refusal.value)
    assert "target.example" in message
    assert f"non-public address ({ipaddress.ip_address(address)})" in message
    assert network.connects == []


@pytest.mark.parametrize("address", REFUSED)
def test_a_non_global_address_literal_is_refused(address: str, network: FakeNetwork) -> None:
    host = f"[{address}]" if ":" in address else address
    with pytest.raises(InputError, match=r"non-public address \("):
        fetch_url(f"http://{host}/story")
    assert network.connects == []


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("100.64.0.1", False),
        ("100.127.255.254", False),
        ("fec0::1", False),
        ("224.0.0.1", False),
        ("233.252.0.1", False),  # multicast, though ipaddress calls it global
        ("ff02::1", False),
        ("4000::1", False),  # reserved IPv6
        ("2002:7f00:1::1", False),  # 6to4 around 127.0.0.1
        ("2002:a00:1::1", False),  # 6to4 around 10.0.0.1
        ("64:ff9b::7f00:1", False),  # NAT64 around 127.0.0.1
        ("64:ff9b::a9fe:a9fe", False),  # NAT64 around 169.254.169.254
        ("64:ff9b::5db8:d822", True),  # NAT64 around 93.184.216.34 (DNS64 networks)
        ("::ffff:93.184.216.34", True),
        ("2002:5db8:d822::1", True),  # 6to4 around 93.184.216.34
        ("fe80::1%eth0", False),
    ],
)
def test_is_public_closes_the_gaps(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) is public


def test_a_host_with_public_and_private_answers_is_refused(
    resolver: FakeResolver, network: FakeNetwork
) -> None:
    resolver.answers["news.example"] = [[PUBLIC, "10.0.0.1"]]
    with pytest.raises(InputError, match=r"news\.example .*non-public address \(10\.0\.0\.1\)"):
        fetch_url("http://news.example/story")
    assert network.connects == []


def test_a_redirect_to_a_private_host_is_refused(
    resolver: FakeResolver, network: FakeNetwork, server: _Server
) -> None:
    resolver.answers["news.example"] = [[PUBLIC]]
    resolver.answers["metadata.example"] = [["169.254.169.254"]]
    with pytest.raises(InputError) as refusal:
        fetch_url("http://news.example/to-private")
    assert "metadata.example" in str(refusal.value)
    assert "169.254.169.254" in str(refusal.value)
    assert server.requests == [("/to-private", "news.example")]
    assert network.connects == [(PUBLIC, 80)]
    assert resolver.calls == [("news.example", 80), ("metadata.example", 80)]


def test_the_connection_goes_to_the_checked_address(
    resolver: FakeResolver, network: FakeNetwork, server: _Server
) -> None:
    # the second answer (a rebinding to loopback) must never be asked for, let alone used
    resolver.answers["news.example"] = [[PUBLIC], ["127.0.0.1"]]
    page = fetch_url("http://news.example/story")
    assert "two crossings a day" in page.text
    assert page.url == "http://news.example/story"
    assert resolver.calls == [("news.example", 80)]
    assert network.connects == [(PUBLIC, 80)]
    assert server.requests == [("/story", "news.example")]


def test_allow_private_still_pins_the_checked_address(
    resolver: FakeResolver, network: FakeNetwork, server: _Server
) -> None:
    port = server.server_address[1]
    # checked: 127.0.0.1 (allowed); any later lookup would answer 127.0.0.2, where nobody listens
    resolver.answers["news.example"] = [["127.0.0.1"], ["127.0.0.2"], ["127.0.0.2"]]
    page = fetch_url(f"http://news.example:{port}/story", allow_private=True)
    assert "two crossings a day" in page.text
    assert resolver.calls == [("news.example", port)]
    assert network.connects == [("127.0.0.1", port)]
    assert server.requests == [("/story", f"news.example:{port}")]


def test_every_redirect_hop_is_resolved_once_and_pinned(
    resolver: FakeResolver, network: FakeNetwork, server: _Server
) -> None:
    port = server.server_address[1]
    resolver.answers["news.example"] = [["127.0.0.1"], ["127.0.0.1"], ["127.0.0.2"]]
    page = fetch_url(f"http://news.example:{port}/moved", allow_private=True)
    assert page.url == f"http://news.example:{port}/story"
    assert resolver.calls == [("news.example", port)] * 2
    assert network.connects == [("127.0.0.1", port)] * 2
    host = f"news.example:{port}"
    assert server.requests == [("/moved", host), ("/story", host)]


def test_the_next_checked_address_is_tried_when_one_is_unreachable(
    resolver: FakeResolver, network: FakeNetwork, server: _Server
) -> None:
    resolver.answers["news.example"] = [["198.51.100.7", PUBLIC]]
    # 198.51.100.7 is documentation space (not global): with allow_private both are checked
    page = fetch_url("http://news.example/story", allow_private=True)
    assert "two crossings a day" in page.text
    assert network.connects == [("198.51.100.7", 80), (PUBLIC, 80)]


@pytest.mark.parametrize("answers", [[], [[]]], ids=["lookup-fails", "no-addresses"])
def test_a_host_that_does_not_resolve_is_an_input_error(
    answers: list[list[str]], resolver: FakeResolver, network: FakeNetwork
) -> None:
    resolver.answers["gone.example"] = answers
    with pytest.raises(InputError, match=r"cannot resolve the host gone\.example"):
        fetch_url("https://gone.example/story")
    assert network.connects == []


def test_an_unreachable_checked_address_is_an_input_error(
    resolver: FakeResolver, network: FakeNetwork
) -> None:
    resolver.answers["news.example"] = [["8.8.4.4"]]
    with pytest.raises(InputError, match="cannot fetch the URL"):
        fetch_url("http://news.example/story")
    assert network.connects == [("8.8.4.4", 80)]


@pytest.fixture
def tls_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[_Server]:
    """A local HTTPS server with a self-signed certificate for news.example, trusted by the
    client through ``SSL_CERT_FILE``."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=news.example",
         "-addext", "subjectAltName=DNS:news.example"],
        check=True, capture_output=True,
    )  # fmt: skip
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    httpd = _Server(("127.0.0.1", 0), _Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    yield from _serve(httpd)


def test_tls_verifies_the_host_name_not_the_pinned_address(
    resolver: FakeResolver, tls_server: _Server
) -> None:
    port = tls_server.server_address[1]
    resolver.answers["news.example"] = [["127.0.0.1"]]
    resolver.answers["other.example"] = [["127.0.0.1"]]
    page = fetch_url(f"https://news.example:{port}/story", allow_private=True)
    assert "two crossings a day" in page.text
    assert tls_server.requests == [("/story", f"news.example:{port}")]
    with pytest.raises(InputError, match="cannot fetch the URL: .*certificate"):  # not its name
        fetch_url(f"https://other.example:{port}/story", allow_private=True)
    assert len(tls_server.requests) == 1
