"""Following a feed's links: most news feeds carry a summary of each story, a sentence or two,
and the story itself is on the page the entry links to. With ``--follow-links``, a new entry
whose text is short (under :data:`FOLLOW_BELOW` characters) and whose link is http(s) is
replaced by the article of its page, fetched as any URL is (:func:`~onrecord.ingest.urls.
fetch_url`: the same address checks, timeout, size cap and redirects) and politely (the
watcher's gap per host). What the page leaves out (its date, title, outlet, byline) is taken
from the entry.

A link is followed once: each followed link is kept in the corpus (``watched_links``,
:mod:`onrecord.store.watched`) with the article it gave or the error, so the entries a feed
still lists next time are not fetched again. When the page cannot be fetched or read, the
entry's summary is kept (and the link is not tried again): the story is never lost for want of
its page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from onrecord.errors import InputError
from onrecord.ingest import load_fetched
from onrecord.ingest.urls import DEFAULT_TIMEOUT, fetch_url
from onrecord.models import Article, Discarded

__all__ = ["FOLLOW_BELOW", "FollowedLink", "follow_links", "followable"]

FOLLOW_BELOW = 1500
"""An entry whose text is shorter than this many characters is a summary: its link is
followed. A feed that carries whole stories (``content:encoded``) is left as it is."""


@dataclass(frozen=True, slots=True)
class FollowedLink:
    """One link followed: the feed it came from, the article stored in the entry's place (the
    page's, or the summary's when the page failed) and the error, if any."""

    link: str
    source: str
    article_id: str | None
    error: str | None = None


def followable(item: Article | Discarded) -> str | None:
    """The link to follow for a loaded feed entry: its http(s) url when its text is short."""
    if not isinstance(item, Article) or not item.url or len(item.text) >= FOLLOW_BELOW:
        return None
    if urlsplit(item.url).scheme.lower() not in ("http", "https"):
        return None
    return item.url


def follow_links(items: Iterable[Article | Discarded], source: str, *, seen: set[str],
                 before_fetch: Callable[[str], None], allow_private: bool = False,
                 timeout: float = DEFAULT_TIMEOUT,
                 log: Callable[[str], None] = lambda line: None,
                 ) -> tuple[list[Article | Discarded], list[FollowedLink]]:
    """The entries of feed ``source`` with each short one's page in its place, and the links
    followed. ``seen``: links followed before (their entries are passed over, as stored);
    ``before_fetch(url)`` is called before each request (the watcher waits out its gap per
    host there). Never raises for a bad link or page."""
    out: list[Article | Discarded] = []
    followed: list[FollowedLink] = []
    for item in items:
        link = followable(item)
        if link is None or link == source:  # not a summary, or a watched page itself
            out.append(item)
            continue
        if link in seen:
            continue  # followed in an earlier round: its article is stored already
        assert isinstance(item, Article)
        seen.add(link)
        before_fetch(link)
        try:
            page = _page_article(link, item, allow_private, timeout)
        except InputError as error:
            log(f"could not follow {link} ({error}); kept the feed's summary")
            out.append(item)
            followed.append(FollowedLink(link, source, item.id, str(error)))
            continue
        out.append(page)
        followed.append(FollowedLink(link, source, page.id))
    return out, followed


def _page_article(link: str, entry: Article, allow_private: bool, timeout: float) -> Article:
    """The article of the page at ``link``, with what it lacks taken from the feed's
    ``entry``; raises an InputError when the page cannot be fetched or holds no article."""
    page = fetch_url(link, allow_private=allow_private, timeout=timeout)
    loaded = list(load_fetched(link, page))
    article = next((a for a in loaded if isinstance(a, Article)), None)
    if article is None:
        reason = next((d.reason for d in loaded if isinstance(d, Discarded)), "no article")
        raise InputError(reason)
    return replace(article, published=article.published or entry.published,
                   title=article.title or entry.title, source=article.source or entry.source,
                   byline=article.byline or entry.byline)
