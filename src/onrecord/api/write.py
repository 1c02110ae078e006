"""``POST /api/articles``: analyse an article (text, HTML or a URL) and store its record.

Needs the server's token (:func:`onrecord.server.deps.require_write`). A URL is fetched by
:func:`onrecord.ingest.load_url`, which refuses schemes other than http(s) and, unless the
server was started with ``--allow-private``, hosts on addresses that are not globally
routable. Text that cannot be analysed (empty, not English, over the size cap) is a 422 with
the reason; lone surrogates in any field are replaced (U+FFFD); a text over spaCy's
1,000,000-character limit is analysed in parts. The pipeline runs one article at a time per
process (a lock), in the worker thread FastAPI gives a plain ``def`` route.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from onrecord.api.schemas import ArticleIn, Error, StoredPage
from onrecord.errors import ExtractionError, InputError
from onrecord.models import Article, Discarded, replace_lone_surrogates
from onrecord.server.deps import get_corpus, require_write, settings
from onrecord.store import Corpus

_PIPELINE = threading.Lock()

router = APIRouter(prefix="/api", tags=["write"], dependencies=[Depends(require_write)])


def load_articles(body: ArticleIn, allow_private: bool) -> list[Article]:
    """The article(s) a request names, with its title and outlet; InputError when none."""
    from onrecord.ingest import load_text, load_url

    if any("\x00" in v for v in body.model_dump().values() if isinstance(v, str)):
        raise InputError("NUL characters are not allowed")
    body = body.model_copy(update={  # lone surrogates ("\ud800" in JSON) cannot be stored
        k: replace_lone_surrogates(v) for k, v in body.model_dump().items() if isinstance(v, str)})
    given = [k for k in ("text", "html", "url") if getattr(body, k) is not None]
    if len(given) != 1:
        raise InputError("send exactly one of 'text', 'html' or 'url'")
    meta = {k: v for k, v in (("title", body.title), ("source", body.source)) if v}
    if body.url is not None:
        loaded = list(load_url(body.url, body.published, allow_private=allow_private))
        refused = [d for d in loaded if isinstance(d, Discarded)]
        articles = [replace(a, **meta) for a in loaded if isinstance(a, Article)]
        if not articles:
            reason = refused[0].reason if refused else "no article at the URL"
            raise InputError(f"{body.url}: {reason}")
        return articles
    text = body.text if body.text is not None else body.html
    assert text is not None
    return [load_text(text, origin="api", published=body.published, **meta)]


def analyse_and_store(corpus: Corpus, articles: list[Article]) -> list[dict[str, Any]]:
    """Run the pipeline over ``articles`` and store each record; what was stored."""
    from onrecord.analyze import analyze_articles

    with _PIPELINE:
        results = list(analyze_articles(articles))
    stored = []
    for result in results:
        if isinstance(result, Discarded):
            corpus.add_discarded(result)
            raise ExtractionError(f"the article could not be analysed: {result.reason}")
        a = result.article
        created = corpus.add(result)
        stored.append({"id": a.id, "title": a.title, "published": a.published,
                       "created": created, "statements": len(result.statements),
                       "events": len(result.events)})
    return stored


@router.post("/articles", response_model=StoredPage, status_code=201, responses={
    200: {"model": StoredPage, "description": "Already stored: the same text"},
    401: {"model": Error, "description": "No token, or a wrong one"},
    403: {"model": Error, "description": "Writing is disabled: no token is configured"},
    413: {"model": Error, "description": "The request body is over the cap"},
    422: {"model": Error, "description": "Nothing to analyse, or a refused URL"},
})
def post_article(body: ArticleIn, request: Request, response: Response,
                 corpus: Annotated[Corpus, Depends(get_corpus)]) -> dict[str, Any]:
    """Analyse an article given as ``text``, ``html`` or ``url`` and store its record.

    Send ``Authorization: Bearer <token>`` (the server's ``ONRECORD_TOKEN``). Optional:
    ``published`` (YYYY-MM-DD), ``title``, ``source`` (the outlet).
    """
    articles = load_articles(body, settings(request).allow_private)
    stored = analyse_and_store(corpus, articles)
    if not any(s["created"] for s in stored):
        response.status_code = 200
    return {"stored": stored}
