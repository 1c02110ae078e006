"""The FastAPI application: the ``/api`` routes, the web pages, and what wraps every request.

Every response carries security headers (a strict Content-Security-Policy: scripts, styles and
frames only from this origin, none inline, no framing by others). Request bodies over
:data:`MAX_BODY` are refused (413) before a route reads them. Errors are answered with a clear
status and message, never a 500 for bad input: a bad date or an empty search (QueryError) is a
400, an unknown id a 404, a document that cannot be analysed (InputError, ExtractionError) a
422, a missing model or an unreachable database a 503. Under ``/api`` errors are JSON
(``{"detail": ...}``); the web pages show them as a page. A NUL character anywhere in the URL
is refused (400): PostgreSQL cannot compare text with it.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from onrecord.analysis.browse import NotFound
from onrecord.api import read, write
from onrecord.errors import (
    ExtractionError,
    InputError,
    ModelError,
    OnRecordError,
    QueryError,
    StoreError,
)
from onrecord.server.deps import Settings
from onrecord.version import __version__

MAX_BODY = 2 * 1024 * 1024  # bytes
log = logging.getLogger("onrecord.api")
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; img-src 'self' data:; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
_STATUS: list[tuple[type[Exception], int]] = [
    (NotFound, 404), (QueryError, 400), (InputError, 422), (ExtractionError, 422),
    (ModelError, 503), (StoreError, 503), (OnRecordError, 400),
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class Guard:
    """ASGI middleware: the security headers on every response, and the request body cap.

    A body is read in full (up to ``max_body``) before the application sees it, so one sent
    without a Content-Length is capped too.
    """

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                            if k.encode() not in present]
                message["headers"] = headers
            await send(message)

        if b"%00" in scope.get("query_string", b"") or "\x00" in scope.get("path", ""):
            response = JSONResponse({"detail": "NUL characters are not allowed in a request"},
                                    status_code=400)
            await response(scope, receive, send_secured)
            return
        if scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send_secured)
            return
        length = dict(scope.get("headers", [])).get(b"content-length", b"")
        too_large = length.isdigit() and int(length) > self.max_body
        chunks: list[bytes] = []
        size, more = 0, True
        while more and not too_large:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            too_large = size > self.max_body
        if too_large:
            limit = f"{self.max_body // 1024 // 1024} MB"
            response = JSONResponse({"detail": f"the request body is over the {limit} limit"},
                                    status_code=413)
            await response(scope, receive, send_secured)
            return
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send_secured)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path.startswith("/openapi")


def _error(request: Request, status: int, detail: Any,
           headers: dict[str, str] | None = None) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    from onrecord.web.pages import render_error

    message = detail if isinstance(detail, str) else "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}" for e in detail)
    return render_error(request, status, message, headers)


def _install_handlers(app: FastAPI) -> None:
    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return _error(request, exc.status_code, exc.detail, dict(exc.headers or {}))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")}
                  for e in exc.errors()]
        return _error(request, 422, errors)

    async def on_onrecord(request: Request, exc: Exception) -> Response:
        status = next(code for kind, code in _STATUS if isinstance(exc, kind))
        if isinstance(exc, StoreError):  # the details (where the database is) stay in the log
            log.error("%s %s: %s", request.method, request.url.path, exc)
            return _error(request, status, "the corpus database cannot answer now; the server "
                                           "log says why")
        return _error(request, status, str(exc))

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return _error(request, 500, "an internal error; the server log says what went wrong")

    app.add_exception_handler(Exception, on_unexpected)  # a bug: JSON, never a bare page
    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(NotFound, on_onrecord)
    app.add_exception_handler(OnRecordError, on_onrecord)


def create_app(db: str | Path, *, private: bool = False, allow_private: bool = False,
               max_body: int = MAX_BODY) -> FastAPI:
    """The onrecord server over the corpus ``db`` (a SQLite path or a ``postgresql://`` URL).

    ``private``: reads need the token too (``ONRECORD_TOKEN``). ``allow_private``: URL
    ingestion may fetch hosts on private and loopback addresses.
    """
    from onrecord.store import Corpus
    from onrecord.web import pages

    Corpus(db).close()  # create or migrate it once; each request then opens it without checks
    app = FastAPI(title="onrecord", version=__version__, docs_url=None, redoc_url=None,
                  description="Who said what, what happened, and when, across the stored "
                              "news coverage; and where accounts diverge.")
    app.state.settings = Settings(str(db), private=private, allow_private=allow_private)
    app.include_router(read.router)
    app.include_router(write.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=Path(pages.__file__).parent / "static"),
              name="static")
    _install_handlers(app)
    app.add_middleware(Guard, max_body=max_body)
    return app


def app_from_environment() -> FastAPI:
    """The app over the corpus named by ``ONRECORD_DB`` (default onrecord.db), for running
    under any ASGI server: ``uvicorn --factory onrecord.server.app:app_from_environment``."""
    import os

    return create_app(os.environ.get("ONRECORD_DB", "onrecord.db"),
                      private=os.environ.get("ONRECORD_PRIVATE") == "1")
