"""The storyline pages and API: the list, one storyline's page with its drawn timeline, its
disputes, cast and outlets, zoom by dates, untrusted text escaped inside the SVG, and errors."""

from __future__ import annotations

import re

from onrecord.store import Corpus

from .conftest import IMG, SCRIPT
from .test_web import _assert_escaped, _page

MARK_LINK = re.compile(r'<a href="/articles/([0-9a-f]+)"><title>([^<]*)</title>')


def _storylines(corpus_path: str) -> dict[str, str]:
    """Storyline ids by the title of one of their articles."""
    with Corpus(corpus_path) as corpus:
        return dict(corpus.query("SELECT title, storyline_id FROM articles"))


def _articles_of(corpus_path: str, storyline_id: str) -> set[str]:
    with Corpus(corpus_path) as corpus:
        return {r[0] for r in corpus.query("SELECT id FROM articles WHERE storyline_id = ?",
                                           (storyline_id,))}


def _svg(html: str) -> str:
    found = re.search(r'<svg class="storyline-timeline".*?</svg>', html, re.DOTALL)
    assert found, html[:500]
    return found.group(0)


def test_overview_and_list_link_to_storylines(client, corpus_path):
    water = _storylines(corpus_path)["Lena Brandt on the water"]
    overview = _page(client, "/")
    assert f'href="/storylines/{water}"' in overview
    assert 'href="/storylines"' in overview  # the nav link and "All storylines"
    listing = _page(client, "/storylines")
    assert f'<a class="storyline-link" href="/storylines/{water}">' in listing
    _assert_escaped(listing)
    # filters as on the command line: an actor's name, dates
    assert water in _page(client, "/storylines?actor=Brandt")
    assert water not in _page(client, "/storylines?since=2024-06-10")


def test_storyline_page_draws_marks_linked_to_its_own_articles(client, corpus_path, ids):
    water = _storylines(corpus_path)["Lena Brandt on the water"]
    html = _page(client, f"/storylines/{water}")
    links = MARK_LINK.findall(_svg(html))
    assert len(links) == 3  # Brandt twice, Ruiz once, each on a day of its own
    assert {a for a, _ in links} <= _articles_of(corpus_path, water)
    assert ids["mayor"] in {a for a, _ in links}
    tooltips = " ".join(t for _, t in links)
    assert "Lena Brandt" in tooltips and "Tomas Ruiz" in tooltips
    # its disputes' parties are lanes; its disputes, cast and outlets are listed
    assert '<text class="lane-label"' in html and ">Lena Brandt</text>" in html
    assert re.search(r'<a href="/disputes/[0-9a-f]{12}">', html)
    assert f'<a class="speaker" href="/speakers/{ids["brandt"]}">Lena Brandt</a>' in html
    assert "Harbor Wire" in html and "Valley Post" in html
    assert f'href="/api/storylines/{water}/brief?format=md"' in html
    assert 'style="' not in html  # the CSP forbids inline styles


def test_events_are_marked_by_type_with_a_legend(client, corpus_path, ids):
    strike = _storylines(corpus_path)["Depot struck"]
    html = _page(client, f"/storylines/{strike}")
    svg = _svg(html)
    assert 'class="mark ev-assault"' in svg  # a triangle: material conflict
    assert "ASSAULT: struck" in svg
    # the event is dated the day before the article: the default axis reaches it
    assert f'<a href="/articles/{ids["strike"]}">' in svg
    assert '<ul class="legend' in html and "assault" in html


def test_zoom_narrows_the_marks(client, corpus_path):
    water = _storylines(corpus_path)["Lena Brandt on the water"]
    whole = MARK_LINK.findall(_svg(_page(client, f"/storylines/{water}")))
    one_day = _page(client, f"/storylines/{water}?since=2024-06-04&until=2024-06-04")
    zoomed = MARK_LINK.findall(_svg(one_day))
    assert len(zoomed) == 1 < len(whole)
    assert "Tomas Ruiz" in zoomed[0][1]
    assert "Dated outside this window: 1 before, 1 after." in one_day
    assert f'href="/storylines/{water}">Whole storyline' in one_day
    # the axis links zoom into a day (a span this short has a tick a day)
    assert f'href="/storylines/{water}?since=2024-06-03&amp;until=2024-06-03"' in \
        _page(client, f"/storylines/{water}")


def test_hostile_text_is_escaped_inside_the_svg(client, corpus_path):
    hostile = _storylines(corpus_path)[f"Vote {SCRIPT} {IMG}"]
    html = _page(client, f"/storylines/{hostile}")
    _assert_escaped(html)
    svg = _svg(html)
    titles = re.findall(r"<title>([^<]*)</title>", svg)
    assert any("Mallory &lt;script&gt;alert(1)&lt;/script&gt;" in t for t in titles)
    assert any("&lt;img src=x onerror=alert(1)&gt;" in t for t in titles)
    assert SCRIPT not in svg and IMG not in svg


def test_storyline_page_errors(client):
    assert "no storyline matches" in _page(client, "/storylines/abcdef012345", 404)
    assert "since must be a date" in _page(client, "/storylines?since=2020-02-30", 400)


def test_bad_date_on_a_storyline_page_is_a_400_page(client, corpus_path):
    water = _storylines(corpus_path)["Lena Brandt on the water"]
    assert "until must be a date" in _page(client, f"/storylines/{water}?until=June", 400)
    widest = _page(client, f"/storylines/{water}?since=0001-01-01&until=9999-12-31")
    marks = MARK_LINK.findall(_svg(widest))  # one run of years: a mark per lane
    assert len(marks) == 2 and marks[0][1].startswith("2 statements, ")


def test_api_lists_storylines_with_filters(client, corpus_path, get_ok):
    water = _storylines(corpus_path)["Lena Brandt on the water"]
    rows = get_ok(client, "/api/storylines")
    assert rows and rows[0]["id"] == water and rows[0]["articles"] == 3
    assert [r["articles"] for r in rows] == sorted((r["articles"] for r in rows), reverse=True)
    assert [r["id"] for r in get_ok(client, "/api/storylines", min_articles=2)] == [water]
    assert water not in {r["id"] for r in get_ok(client, "/api/storylines", until="2024-06-02")}
    assert len(get_ok(client, "/api/storylines", limit=2, offset=1)) == 2


def test_api_one_storyline_with_its_articles(client, corpus_path, get_ok, ids):
    water = _storylines(corpus_path)["Lena Brandt on the water"]
    found = get_ok(client, f"/api/storylines/{water[:8]}")  # a prefix will do
    assert found["id"] == water and found["articles"] == 3
    assert [a["published"] for a in found["items"]] == ["2024-06-03", "2024-06-04",
                                                        "2024-06-06"]
    assert ids["mayor"] in {a["id"] for a in found["items"]}
    page = get_ok(client, f"/api/storylines/{water}", limit=1, offset=1)
    assert [a["published"] for a in page["items"]] == ["2024-06-04"]


def test_api_storyline_errors(client):
    response = client.get("/api/storylines/abcdef012345")
    assert response.status_code == 404 and "no storyline" in response.json()["detail"]
    response = client.get("/api/storylines", params={"since": "2024-13"})
    assert response.status_code == 400 and "since" in response.json()["detail"]


def test_the_brief_opens_from_the_storyline_page_and_downloads(client, corpus_path):
    water = _storylines(corpus_path)["Lena Brandt on the water"]
    html = _page(client, f"/storylines/{water}")
    read = re.search(r'<a class="brief-link" href="([^"]+)">read it</a>', html)
    assert read and read.group(1) == f"/storylines/{water}/brief"
    brief = _page(client, read.group(1))
    assert "<h2>What happened</h2>" in brief and "<h2>Sources</h2>" in brief
    assert "Lena Brandt" in brief
    assert "<style>" not in brief and 'style="' not in brief  # the site's CSP: no inline style
    _assert_escaped(brief)
    downloads = re.findall(r'href="(/api/storylines/[0-9a-f]+/brief\?format=(md|html))"', brief)
    assert {fmt for _, fmt in downloads} == {"md", "html"}
    for href, fmt in downloads:
        response = client.get(href.replace("&amp;", "&"))
        assert response.status_code == 200
        assert response.headers["content-disposition"] == (
            f'attachment; filename="brief-{water}.{fmt}"')
    assert client.get("/storylines/0123456789abcdef/brief").status_code == 404
    # the hostile article's storyline: its words are shown, escaped
    hostile = _storylines(corpus_path)[f"Vote {SCRIPT} {IMG}"]
    page = _page(client, f"/storylines/{hostile}/brief")
    _assert_escaped(page)
    assert "Mallory &lt;script&gt;" in page
