"""HTML pages: the article body and its metadata, extracted with trafilatura (and htmldate).

libxml2 stops parsing at about 255 levels of nesting, losing everything deeper; a page nested
deeper than that has its excess wrappers unwrapped (:func:`flatten_nesting`) and is parsed
again, so an article inside thousands of ``<div>`` is still found. A page that is only a
cookie-consent or login wall is refused as having no article
(:func:`~onrecord.ingest.boilerplate.detect_wall`).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from typing import Any

import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement

from onrecord.errors import EmptyInputError, InputError, MalformedInputError
from onrecord.ingest.boilerplate import WALLS, detect_wall, remove_boilerplate
from onrecord.ingest.dates import parse_published
from onrecord.ingest.furniture import clean_title
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
    override what the page says. The title loses the site's name around it, and a title that
    is site furniture is no title (:func:`~onrecord.ingest.furniture.clean_title`).

    Raises EmptyInputError when the page has no article text (its message says so when the
    page is only a cookie-consent or login wall), MalformedInputError when the markup cannot
    be parsed at all.
    """
    document = _extract(html, url)
    if document is None or not (document.text or "").strip():
        raise EmptyInputError("no article text found in the HTML")
    site = url or clean_field(document.url) or clean_field(document.sitename)
    title = clean_title(meta.pop("title", None) or clean_field(document.title), site)
    body = _body_text(document.text, title, site)
    wall = detect_wall(f"{title}\n{body}" if title else body)
    if wall:
        raise EmptyInputError(f"no article text found in the HTML: the page is {WALLS[wall]}")
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
            _load_tree(html),
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


# libxml2 (without its "huge" option) stops parsing at a depth of 256 elements, so the last
# element of a tree cut short there is about that deep.
PARSER_DEPTH = 250
MAX_DEPTH = 200
"""Below this depth :func:`flatten_nesting` keeps every element; from here on it unwraps."""
_HARD_DEPTH = 240
"""From this depth on every element but paragraphs is unwrapped."""
_TOKEN_RE = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment
    r"|<(?P<raw>script|style|textarea|title|xmp)\b(?:\"[^\"]*\"|'[^']*'|[^'\">])*>.*?"
    r"(?:</(?P=raw)\s*>|\Z)"  # an element whose content is not markup
    r"|<(?P<end>/?)(?P<name>[A-Za-z][^\s/>]*)(?P<attrs>(?:\"[^\"]*\"|'[^']*'|[^'\">])*)>",
    re.DOTALL | re.IGNORECASE,
)
_VOID = frozenset("area base br col embed hr img input keygen link meta param source track "
                  "wbr".split())
_CONTENT = frozenset("p h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table thead tbody tfoot tr td th "
                     "caption blockquote pre article main figure figcaption header footer nav "
                     "aside".split())
"""Elements whose boundaries matter to the extraction: kept up to :data:`_HARD_DEPTH`."""
_SELF_CLOSING = frozenset("p li dt dd tr td th option".split())
"""Elements that a new one of the same name closes (``<p>a<p>b``)."""


def _load_tree(html: str) -> HtmlElement | str:
    """The page parsed as trafilatura parses it, its excess nesting flattened when libxml2
    stopped at its depth limit; the page itself when lxml cannot make a tree of it."""
    tree = trafilatura.load_html(html)
    if tree is None:
        return html
    if tree.xpath("count((//*)[last()]/ancestor::*)") >= PARSER_DEPTH - 1:
        flat = trafilatura.load_html(flatten_nesting(html))
        logger.debug("HTML nested deeper than %d levels: flattened", PARSER_DEPTH)
        return html if flat is None else flat
    return tree


def flatten_nesting(html: str, limit: int = MAX_DEPTH) -> str:
    """``html`` with the elements nested ``limit`` levels deep or more unwrapped: their start
    and end tags removed, their content (text, paragraphs, lists, tables) kept in place.

    A scan of the tags, not a parse: an element left open is closed by the end tag of an
    element around it, and an end tag with no open element is left for the parser to drop.
    """
    out: list[str] = []
    elements = _OpenElements()
    last = 0
    for token in _TOKEN_RE.finditer(html):
        name = (token.group("name") or "").lower()
        if not name or name in _VOID or token.group("attrs").rstrip().endswith("/"):
            continue
        if token.group("end"):
            unwrap = elements.close(name)
            if unwrap is None:
                continue
        else:
            if name in _SELF_CLOSING and elements.stack and elements.stack[-1][0] == name:
                elements.close(name)
            unwrap = name != "p" and elements.kept >= (_HARD_DEPTH if name in _CONTENT
                                                       else limit)
            elements.open(name, unwrap)
        if unwrap:
            out.append(html[last:token.start()])
            last = token.end()
    out.append(html[last:])
    return "".join(out)


class _OpenElements:
    """The elements open at a point of a tag scan, and how many of them are kept."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, bool]] = []  # (name, unwrapped), outermost first
        self.names: Counter[str] = Counter()
        self.kept = 0

    def open(self, name: str, unwrap: bool) -> None:
        """Open an element, kept or unwrapped."""
        self.stack.append((name, unwrap))
        self.names[name] += 1
        self.kept += not unwrap

    def close(self, name: str) -> bool | None:
        """Close the innermost open ``name`` and every element opened inside it; whether it
        was unwrapped, or ``None`` when no ``name`` is open."""
        if not self.names[name]:
            return None
        while True:
            top, unwrap = self.stack.pop()
            self.names[top] -= 1
            self.kept -= not unwrap
            if top == name:
                return unwrap


def _body_text(extracted: str, title: str | None, site: str | None = None) -> str:
    paragraphs = [line.strip() for line in extracted.split("\n") if line.strip()]
    if title and paragraphs and _normalise(paragraphs[0]) == _normalise(title):
        paragraphs = paragraphs[1:]  # trafilatura keeps the page's <h1> headline
    return remove_boilerplate("\n\n".join(paragraphs), site=site)


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
