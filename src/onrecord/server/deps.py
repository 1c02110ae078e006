"""What every request needs: the server's settings, one corpus per request, and the token checks.

The token is the value of the ``ONRECORD_TOKEN`` environment variable, read at each request.
Writing (``POST /api/articles``) always needs it, sent as ``Authorization: Bearer <token>``;
with no token configured, writing is refused (403). A *private* server asks for it on reads too;
web pages also accept it as the password of HTTP Basic authentication, so a browser can ask
for it with its own login prompt.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import os
from collections.abc import Iterator
from dataclasses import dataclass

from fastapi import HTTPException, Request

from onrecord.store import Corpus

TOKEN_ENV = "ONRECORD_TOKEN"


@dataclass(frozen=True, slots=True)
class Settings:
    """How the server was started."""

    db: str
    private: bool = False  # reads need the token too
    allow_private: bool = False  # URL ingestion may fetch private and loopback addresses


def settings(request: Request) -> Settings:
    value: Settings = request.app.state.settings
    return value


def get_corpus(request: Request) -> Iterator[Corpus]:
    """One corpus connection per request, closed when the request is done."""
    corpus = Corpus(settings(request).db, migrate=False)  # create_app migrated it once
    try:
        yield corpus
    finally:
        corpus.close()


def configured_token() -> str | None:
    return os.environ.get(TOKEN_ENV) or None


def presented_token(request: Request, basic: bool = False) -> str | None:
    """The token in the Authorization header (Bearer; or, when ``basic``, a Basic password)."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    if basic and scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return decoded.partition(":")[2] or None
    return None


def _check(request: Request, what: str, basic: bool = False) -> None:
    expected = configured_token()
    if expected is None:
        raise HTTPException(403, f"{what} is disabled: the server has no token "
                                 f"(set {TOKEN_ENV} where the server runs)")
    given = presented_token(request, basic)
    challenge = 'Basic realm="onrecord"' if basic else "Bearer"
    if given is None:
        raise HTTPException(401, f"{what} needs a token: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": challenge})
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "the token is wrong", headers={"WWW-Authenticate": challenge})


def require_write(request: Request) -> None:
    """Writing always needs the server's token."""
    _check(request, "writing")


def require_read(request: Request) -> None:
    """Reading the API needs the token when the server is private."""
    if settings(request).private:
        _check(request, "reading this private server")


def require_page(request: Request) -> None:
    """Web pages of a private server need the token (Bearer, or a Basic password)."""
    if settings(request).private:
        _check(request, "reading this private server", basic=True)
