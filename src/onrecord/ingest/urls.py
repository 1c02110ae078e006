"""Fetching articles from the web: ``http://`` and ``https://`` URLs, with httpx.

A fetch is polite and bounded: a User-Agent naming onrecord, a timeout on the whole fetch
(:data:`DEFAULT_TIMEOUT`), a size cap checked while streaming (:data:`~onrecord.ingest.reader.
MAX_BYTES`), at most :data:`MAX_REDIRECTS` redirects. Other schemes are refused.

Against server-side request forgery, every hop (the URL, then each redirect target) is handled
alike: its host is resolved once (:func:`resolve_host`), every address it resolved to is checked
(:func:`check_url`: a host with any address that is not globally routable, see
:func:`is_public`, is refused unless ``allow_private`` is set), and the connection is pinned to
those checked addresses (:class:`PinnedTransport`), so a DNS answer that changes between the
check and the connection (DNS rebinding) is never used. TLS (SNI and certificate verification)
and the Host header keep the URL's host name. Proxies from the environment are not used: a
proxy would connect to addresses that were never checked.

:func:`fetch_url` returns the decoded page (:class:`FetchedPage`) or raises an
:class:`~onrecord.errors.InputError` subclass saying why not (an HTTP error status is a
:class:`~onrecord.errors.HTTPStatusError` carrying the status and any ``Retry-After``);
parsing it is the loaders' job. :func:`fetch_if_changed` is the conditional GET of a poller:
it sends the validators of the copy it has (``If-None-Match``, ``If-Modified-Since``) and
returns None when the server answers 304 Not Modified; each hop is checked just the same.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import ipaddress
import re
import socket
import ssl
import time
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from onrecord.errors import (
    BinaryInputError,
    EncodingError,
    HTTPStatusError,
    InputError,
    InputTooLargeError,
)
from onrecord.ingest.reader import MAX_BYTES, decode_text, normalize_newlines
from onrecord.version import __version__

DEFAULT_TIMEOUT = 10.0
MAX_REDIRECTS = 5
PROJECT_URL = "https://github.com/onrecord/onrecord"
SCHEMES = frozenset({"http", "https"})

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset(
    {
        *HTML_TYPES,
        "text/plain",
        "text/xml",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
    }
)
_ACCEPT = (
    "text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.8,"
    "application/atom+xml;q=0.8,text/plain;q=0.7,*/*;q=0.1"
)
_SCHEME_RE = re.compile(r"\A([a-zA-Z][a-zA-Z0-9+.-]*)://")
_CHUNK = 64 * 1024
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # the well-known NAT64 prefix (RFC 6052)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class CheckedHost:
    """A URL's host and port with the addresses it resolved to, every one of them checked: the
    only addresses a connection to that host may go to. ``host`` is the ASCII (IDNA) form."""

    host: str
    port: int
    addresses: tuple[IPAddress, ...]


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A page fetched from the web: its final URL (after redirects), text and media type, and
    the validators the server gave for it (to ask next time whether it changed)."""

    url: str
    text: str
    media_type: str  # lower-cased, without parameters; "" when the server gave none
    etag: str | None = None  # the ETag response header, as sent
    last_modified: str | None = None  # the Last-Modified response header, as sent


def is_url(source: str) -> bool:
    """Whether a source argument is a URL (``scheme://...``) rather than a path."""
    return bool(_SCHEME_RE.match(source))


def user_agent() -> str:
    """The User-Agent onrecord sends: ``onrecord/<version> (+<project URL>)``."""
    return f"onrecord/{__version__} (+{PROJECT_URL})"


def fetch_url(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    allow_private: bool = False,
    max_bytes: int = MAX_BYTES,
) -> FetchedPage:
    """Fetch a web page and decode it (the header's charset, else :func:`decode_text`).

    ``timeout`` (seconds) bounds the whole fetch, redirects included. Each hop is checked and
    pinned as the module docstring says. Raises an InputError subclass (and nothing else) for
    a refused URL or address, a host that does not resolve, a network or TLS error, a
    timeout, an HTTP error status (:class:`~onrecord.errors.HTTPStatusError`), too many
    redirects, a body over ``max_bytes``, a content type that is not text, or an undecodable
    body.
    """
    page = _fetch(url, {}, timeout, allow_private, max_bytes)
    if page is None:  # never without validators sent; a server answering 304 anyway erred
        raise HTTPStatusError("HTTP 304 Not Modified to an unconditional request", 304)
    return page


def fetch_if_changed(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    allow_private: bool = False,
    max_bytes: int = MAX_BYTES,
) -> FetchedPage | None:
    """A conditional GET: :func:`fetch_url` sending ``If-None-Match: etag`` and
    ``If-Modified-Since: last_modified`` (the validators of the copy the caller has, as the
    server sent them), or None when the server answers 304 Not Modified. Raises as
    :func:`fetch_url` does."""
    conditions = {}
    if etag:
        conditions["If-None-Match"] = _header_value(etag)
    if last_modified:
        conditions["If-Modified-Since"] = _header_value(last_modified)
    return _fetch(url, conditions, timeout, allow_private, max_bytes)


def _fetch(
    url: str, conditions: dict[str, str], timeout: float, allow_private: bool, max_bytes: int
) -> FetchedPage | None:
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": user_agent(), "Accept": _ACCEPT, **conditions}
    current = url
    try:
        tls = httpx.create_ssl_context()
        for _ in range(MAX_REDIRECTS + 1):
            checked = check_url(current, allow_private)
            if time.monotonic() > deadline:
                raise httpx.TimeoutException("the deadline has passed")
            with (
                httpx.Client(
                    headers=headers,
                    timeout=timeout,
                    follow_redirects=False,
                    transport=PinnedTransport(checked, tls),
                ) as client,
                client.stream("GET", current) as response,
            ):
                if response.status_code == 304 and conditions:  # (httpx counts it a redirect)
                    return None
                if response.is_redirect:
                    current = _redirect_target(response)
                    continue
                return _read_page(response, deadline, timeout, max_bytes)
    except httpx.TimeoutException:
        raise InputError(f"timed out after {timeout:g} s") from None
    except httpx.InvalidURL as exc:
        raise InputError(f"invalid URL: {exc}") from None
    except (httpx.HTTPError, httpx.StreamError, OSError) as exc:
        raise InputError(f"cannot fetch the URL: {_describe(exc)}") from None
    raise InputError(f"too many redirects (over {MAX_REDIRECTS})")


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float | None:
    """The wait a ``Retry-After`` header asks for, in seconds: its delay-seconds, or the time
    from ``now`` (default: the current UTC time) to its HTTP date (0 when it has passed);
    None when the header is absent or unreadable."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # an HTTP date is always in GMT
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


def check_url(url: str, allow_private: bool = False) -> CheckedHost:
    """Check a URL before it is fetched, and the addresses its host resolves to.

    Refuses a URL that is not ``http``/``https`` or has no host. Resolves the host once
    (:func:`resolve_host`) and, unless ``allow_private``, refuses the URL when *any* of the
    addresses is not public (:func:`is_public`): one non-public answer among public ones is
    enough, since the connection could otherwise be steered to it. Returns the host with its
    checked addresses, to which :class:`PinnedBackend` pins the connection. Raises InputError.
    """
    match = _SCHEME_RE.match(url)
    scheme = match.group(1).lower() if match else ""
    if scheme not in SCHEMES:
        shown = f"'{scheme}'" if scheme else "none"
        raise InputError(f"unsupported URL scheme {shown}: only http and https are fetched")
    try:
        parsed = httpx.URL(url)
        host = parsed.raw_host.decode("ascii").lower()
    except (httpx.InvalidURL, UnicodeError) as exc:
        raise InputError(f"invalid URL: {exc}") from None
    if not host:
        raise InputError("invalid URL: no host")
    port = parsed.port or (443 if scheme == "https" else 80)
    try:
        addresses = tuple(dict.fromkeys(resolve_host(host, port)))
    except (OSError, UnicodeError, ValueError) as exc:
        raise InputError(f"cannot resolve the host {parsed.host}: {_describe(exc)}") from None
    if not addresses:
        raise InputError(f"cannot resolve the host {parsed.host}: no addresses")
    if not allow_private:
        for address in addresses:
            if not is_public(address):
                verb = "is" if _is_literal(host) else "resolves to"
                raise InputError(
                    f"refused: {parsed.host} {verb} a non-public address ({address}); "
                    "use --allow-private to fetch it"
                )
    return CheckedHost(host=host, port=port, addresses=addresses)


def resolve_host(host: str, port: int) -> list[IPAddress]:
    """Every address a host name resolves to for a TCP connection (with
    :func:`socket.getaddrinfo`, in the resolver's order); an IP literal is its own answer.
    The one place fetching resolves names. Raises OSError (``socket.gaierror``)."""
    literal = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    if _is_literal(literal):
        return [ipaddress.ip_address(literal)]
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(str(info[4][0])) for info in infos]


def is_public(address: IPAddress) -> bool:
    """Whether an address is globally routable, so fetching it cannot reach a private network.

    The address must be ``is_global`` (which rules out private, loopback, link-local, shared
    100.64.0.0/10, unspecified and documentation ranges) and neither multicast, reserved nor
    IPv6 site-local (fec0::/10), which ``ipaddress`` counts as global. An IPv4-mapped
    (::ffff:0:0/96) or NAT64 (64:ff9b::/96) address is judged by the IPv4 address inside it,
    and a 6to4 (2002::/16) one must be public itself and around a public IPv4 address.
    """
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped
        if inner is None and address in _NAT64:
            inner = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if inner is not None:
            return is_public(inner)
        if address.sixtofour is not None and not is_public(address.sixtofour):
            return False
        if address.is_site_local:
            return False
    return address.is_global and not (address.is_multicast or address.is_reserved)


class PinnedBackend(httpcore.NetworkBackend):
    """An httpcore network backend that connects to one checked host only, and only at its
    checked addresses (tried in order, as :func:`socket.create_connection` does), never
    resolving the name again. Everything above the TCP connection (TLS with SNI and
    certificate verification, the Host header) still sees the host name."""

    def __init__(self, checked: CheckedHost) -> None:
        self.checked = checked
        self._system = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        """A TCP connection to the first checked address that answers."""
        if (host.lower(), port) != (self.checked.host, self.checked.port):
            raise httpcore.ConnectError(
                f"refused: {host}:{port} is not the checked host "
                f"{self.checked.host}:{self.checked.port}"
            )
        failure: Exception = httpcore.ConnectError(f"no checked address for {host}")
        for address in self.checked.addresses:
            try:
                return self._system.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        raise failure

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        """Refused: fetching goes over TCP to a checked address only."""
        raise httpcore.ConnectError("refused: Unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        """Wait between connection retries."""
        self._system.sleep(seconds)


class PinnedTransport(httpx.HTTPTransport):
    """An httpx transport (no proxy) whose connections all go through a
    :class:`PinnedBackend` for one checked host; certificates are verified with ``tls``."""

    def __init__(self, checked: CheckedHost, tls: ssl.SSLContext) -> None:
        super().__init__(verify=tls, trust_env=False)
        # httpx takes no network backend, so its connection pool is replaced by one that has
        # it (the transport's other methods only delegate to ``_pool``)
        self._pool = httpcore.ConnectionPool(
            ssl_context=tls, network_backend=PinnedBackend(checked)
        )


def media_type(content_type: str) -> tuple[str, str | None]:
    """``(media type, charset or None)`` of a Content-Type header value, lower-cased."""
    parts = [part.strip() for part in content_type.split(";")]
    charset = None
    for part in parts[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return parts[0].lower(), charset


def decode_payload(payload: bytes, charset: str | None, origin: str) -> str:
    """An HTTP body as text: the declared charset when it decodes cleanly, else
    :func:`decode_text` (which raises EmptyInputError, BinaryInputError or EncodingError)."""
    if charset:
        try:
            text = payload.decode(charset).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if text.strip() and "\x00" not in text:
                return normalize_newlines(text)
    try:
        return decode_text(payload, origin)
    except (BinaryInputError, EncodingError) as err:
        raise type(err)(f"undecodable payload: {err}") from None


def _redirect_target(response: httpx.Response) -> str:
    location = response.headers.get("location")
    if not location:
        raise InputError(f"HTTP {response.status_code} redirect without a Location header")
    return str(response.url.join(location))


def _read_page(
    response: httpx.Response, deadline: float, timeout: float, max_bytes: int
) -> FetchedPage:
    if not response.is_success:
        raise HTTPStatusError(
            f"HTTP {response.status_code} {response.reason_phrase}".rstrip(),
            response.status_code,
            retry_after_seconds(response.headers.get("retry-after")),
        )
    mime, charset = media_type(response.headers.get("content-type", ""))
    if mime and mime not in TEXT_TYPES:
        raise BinaryInputError(f"not a text page: the content type is {mime}")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise InputTooLargeError(_too_large(max_bytes))
    body = bytearray()
    for chunk in response.iter_bytes(_CHUNK):
        body += chunk
        if len(body) > max_bytes:
            raise InputTooLargeError(_too_large(max_bytes))
        if time.monotonic() > deadline:
            raise InputError(f"timed out after {timeout:g} s")
    final = str(response.url)
    return FetchedPage(
        url=final,
        text=decode_payload(bytes(body), charset, final),
        media_type=mime,
        etag=response.headers.get("etag") or None,
        last_modified=response.headers.get("last-modified") or None,
    )


def _too_large(max_bytes: int) -> str:
    return f"the page is over the {max_bytes / 1024 / 1024:g} MB limit"


def _header_value(value: str) -> str:
    """A stored validator as a header value: one line (a stored value could hold a newline)."""
    return " ".join(value.split())


def _is_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _describe(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
