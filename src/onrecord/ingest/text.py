"""Plain-text articles: boilerplate removed, the headline (if the first line is one) taken out."""

from __future__ import annotations

import re

from onrecord.errors import EmptyInputError
from onrecord.ingest.boilerplate import WALLS, detect_wall, looks_like_title, remove_boilerplate
from onrecord.ingest.furniture import clean_title
from onrecord.models import Article

TITLE_MAX_WORDS = 20
_BLANK_LINE_RE = re.compile(r"[ \t]*\n")


def parse_text(text: str, origin: str, **meta: str | None) -> Article:
    """Build an Article from plain text.

    Boilerplate is removed; the first line becomes the title when it reads as one (under
    ``TITLE_MAX_WORDS`` words, no sentence-final period, followed by a blank line, not a
    dateline) and is then removed from the body. A ``title`` given in ``meta`` wins, and a first
    line repeating it is removed. ``meta`` holds the other Article fields (url, source, byline,
    published, language); the url (else the source) names the site, whose name and furniture
    are taken out of the title (:func:`~onrecord.ingest.furniture.clean_title`): a title that
    is furniture is no title. Raises EmptyInputError when no text is left, or when the text is
    a cookie-consent or login wall rather than an article.
    """
    if not text.strip():
        raise EmptyInputError("empty input" if not text else "input is only whitespace")
    site = meta.get("url") or meta.get("source")
    body = remove_boilerplate(text, site=site)
    if not body:
        raise EmptyInputError("no article text left after removing site furniture")
    wall = detect_wall(body)
    if wall:
        raise EmptyInputError(f"no article text: the page is {WALLS[wall]}")
    title: str | None
    given_title = clean_title(meta.pop("title", None), site)
    if given_title:
        first, _, rest = body.partition("\n")
        if rest.strip() and _same(clean_title(first, site) or first, given_title):
            body = rest.strip()
        title = given_title
    else:
        title, body = split_title(body)
        title = clean_title(title, site)
    return Article.create(body, title=title, origin=origin, **meta)


def split_title(text: str) -> tuple[str | None, str]:
    """``(title, body)`` when the first line of ``text`` is a headline, else ``(None, text)``."""
    stripped = text.lstrip()
    first, newline, rest = stripped.partition("\n")
    if not newline or not _BLANK_LINE_RE.match(rest):
        return None, text  # no blank line after it
    if not rest.strip() or not looks_like_title(first, max_words=TITLE_MAX_WORDS):
        return None, text
    return first.strip(), rest.strip()


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().casefold()

    return norm(a) == norm(b)
