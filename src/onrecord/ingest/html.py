"""HTML pages: the article body and its metadata, extracted with trafilatura (and htmldate)."""

from __future__ import annotations

import logging
import re
from typing import Any

import trafilatura
from htmldate import find_date

from onrecord.errors import EmptyInputError, InputError, MalformedInputError
from onrecord.ingest.boilerplate import remove_boilerplate
from onrecord.ingest.dates import parse_published
from onrecord.models import Article

logger = logging.getLogger(__name__)

# A page has an article when some paragraph reads as prose, or when there is a fair amount of it.
# (Characters count too, for scripts written without spaces.)
MIN_PARAGRAPH_WORDS = 12
MIN_PARAGRAPH_CHARS = 60
MIN_TOTAL_WORDS = 50
MIN_TOTAL_CHARS = 300
_SENTENCE_END_RE = re.compile(r"[.!?…。！？][\"'”’」)\]]*(?:\s|$)")


def parse_html(html: str, origin: str, url: str | None = None, **meta: str | None) -> Article:
    """Build an Article from an HTML page.

    The body is trafilatura's extraction (comments excluded), one paragraph per blank-line
    separated block, without a leading repeat of the headline and with plain-text boilerplate
    removed. Metadata: title, author (byline), date (published; htmldate as a fallback),
    site name (source) and URL. Values given in ``meta`` (title, byline, published, source)
    override what the page says.

    Raises EmptyInputError when the page has no article text, MalformedInputError when the
    markup cannot be parsed at all.
    """
    document = _extract(html, url)
    if document is None or not (document.text or "").strip():
        raise EmptyInputError("no article text found in the HTML")
    title = meta.pop("title", None) or clean_field(document.title)
    body = _body_text(document.text, title)
    if not body or not _has_article_text(body):
        raise EmptyInputError("no article text found in the HTML")
    published = meta.pop("published", None) or _page_date(document.date, html, url)
    fields: dict[str, Any] = {
        "url": url or clean_field(document.url),
        "source": clean_field(document.sitename),
        "byline": clean_field(document.author),
        **{key: value for key, value in meta.items() if value is not None},
    }
    return Article.create(body, title=title, published=published, origin=origin, **fields)


def _extract(html: str, url: str | None) -> Any:
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=False,
            include_comments=False,
            with_metadata=True,
        )
    except (RecursionError, MemoryError):
        raise MalformedInputError("the HTML is too deeply nested or too large to parse") from None
    except Exception as exc:  # lxml and trafilatura raise many types on broken markup
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise MalformedInputError(f"the HTML could not be parsed: {reason}") from exc


def _body_text(extracted: str, title: str | None) -> str:
    paragraphs = [line.strip() for line in extracted.split("\n") if line.strip()]
    if title and paragraphs and _normalise(paragraphs[0]) == _normalise(title):
        paragraphs = paragraphs[1:]  # trafilatura keeps the page's <h1> headline
    return remove_boilerplate("\n\n".join(paragraphs))


def _has_article_text(body: str) -> bool:
    paragraphs = body.split("\n\n")
    words = sum(len(p.split()) for p in paragraphs)
    if words >= MIN_TOTAL_WORDS and len(body) >= MIN_TOTAL_CHARS:
        return True
    return any(
        (len(p.split()) >= MIN_PARAGRAPH_WORDS or _is_unspaced(p)) and _SENTENCE_END_RE.search(p)
        for p in paragraphs
    )


def _is_unspaced(paragraph: str) -> bool:
    """A long paragraph with few spaces: Chinese, Japanese, Thai ..."""
    return len(paragraph) >= MIN_PARAGRAPH_CHARS and paragraph.count(" ") * 10 < len(paragraph)


def _page_date(extracted: str | None, html: str, url: str | None) -> str | None:
    """The page's publication date: trafilatura's, else htmldate's (any date it can find)."""
    for candidate in (extracted, _find_date(html, url)):
        if candidate:
            try:
                return parse_published(candidate)
            except InputError:
                logger.debug("ignoring an unusable page date %r", candidate)
    return None


def _find_date(html: str, url: str | None) -> str | None:
    try:
        return find_date(html, url=url, original_date=False)
    except Exception:  # htmldate is a best-effort fallback; a failure means "no date"
        logger.debug("htmldate failed", exc_info=True)
        return None


def clean_field(value: object) -> str | None:
    """A metadata value with its whitespace collapsed; ``None`` for an empty or non-text one."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _normalise(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()
