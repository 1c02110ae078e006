"""Fetching articles from the web: ``http://`` and ``https://`` URLs, with httpx.

A fetch is polite and bounded: a User-Agent naming onrecord, a timeout on the whole fetch
(:data:`DEFAULT_TIMEOUT`), a size cap checked while streaming (:data:`~onrecord.ingest.reader.
MAX_BYTES`), at most :data:`MAX_REDIRECTS` redirects. Other schemes are refused, and so are
hosts that resolve to private, loopback, link-local or otherwise non-public addresses (every
hop of a redirect is checked) unless ``allow_private`` is set.

:func:`fetch_url` returns the decoded page (:class:`FetchedPage`) or raises an
:class:`~onrecord.errors.InputError` subclass saying why not; parsing it is the loaders' job.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from dataclasses import dataclass

import httpx

from onrecord.errors import BinaryInputError, EncodingError, InputError, InputTooLargeError
from onrecord.ingest.reader import MAX_BYTES, decode_text, normalize_newlines

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


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A page fetched from the web: its final URL (after redirects), text and media type."""

    url: str
    text: str
    media_type: str  # lower-cased, without parameters; "" when the server gave none


def is_url(source: str) -> bool:
    """Whether a source argument is a URL (``scheme://...``) rather than a path."""
    return bool(_SCHEME_RE.match(source))


def user_agent() -> str:
    """The User-Agent onrecord sends: ``onrecord/<version> (+<project URL>)``."""
    from onrecord import __version__

    return f"onrecord/{__version__} (+{PROJECT_URL})"


def fetch_url(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    allow_private: bool = False,
    max_bytes: int = MAX_BYTES,
) -> FetchedPage:
    """Fetch a web page and decode it (the header's charset, else :func:`decode_text`).

    ``timeout`` (seconds) bounds the whole fetch, redirects included. Raises an InputError
    subclass for a refused URL, a network error, a timeout, an HTTP error status, too many
    redirects, a body over ``max_bytes``, a content type that is not text, or an undecodable
    body.
    """
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": user_agent(), "Accept": _ACCEPT}
    current = url
    try:
        with httpx.Client(headers=headers, timeout=timeout, follow_redirects=False) as client:
            for _ in range(MAX_REDIRECTS + 1):
                check_url(current, allow_private)
                if time.monotonic() > deadline:
                    raise httpx.TimeoutException("the deadline has passed")
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        current = _redirect_target(response)
                        continue
                    return _read_page(response, deadline, timeout, max_bytes)
    except httpx.TimeoutException:
        raise InputError(f"timed out after {timeout:g} s") from None
    except httpx.InvalidURL as exc:
        raise InputError(f"invalid URL: {exc}") from None
    except httpx.HTTPError as exc:
        raise InputError(f"cannot fetch the URL: {_describe(exc)}") from None
    raise InputError(f"too many redirects (over {MAX_REDIRECTS})")


def check_url(url: str, allow_private: bool = False) -> None:
    """Refuse a URL that is not ``http``/``https``, or (unless ``allow_private``) whose host
    resolves to a private, loopback, link-local, multicast, reserved or unspecified address."""
    match = _SCHEME_RE.match(url)
    scheme = match.group(1).lower() if match else ""
    if scheme not in SCHEMES:
        shown = f"'{scheme}'" if scheme else "none"
        raise InputError(f"unsupported URL scheme {shown}: only http and https are fetched")
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise InputError(f"invalid URL: {exc}") from None
    if not parsed.host:
        raise InputError("invalid URL: no host")
    if allow_private:
        return
    port = parsed.port or (443 if scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(parsed.host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise InputError(f"cannot resolve the host {parsed.host}: {_describe(exc)}") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not is_public(address):
            raise InputError(
                f"refused: {parsed.host} resolves to a non-public address ({address}); "
                "use --allow-private to fetch it"
            )


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is on the public internet (not private, loopback, link-local ...)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
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
        raise InputError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
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
    return FetchedPage(url=final, text=decode_payload(bytes(body), charset, final), media_type=mime)


def _too_large(max_bytes: int) -> str:
    return f"the page is over the {max_bytes / 1024 / 1024:g} MB limit"


def _describe(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
