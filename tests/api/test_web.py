"""The web UI: every page renders over the test corpus, and untrusted text stays escaped."""

from __future__ import annotations

import re

import pytest

from .conftest import EVIL_URL, IMG, SCRIPT

PAGES = ["/", "/articles", "/timeline", "/speakers", "/search?q=water", "/contradictions",
         "/sourcing", "/search"]


def _page(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<link rel="stylesheet" href="/static/style.css">' in html
    return html


def _assert_escaped(html):
    assert SCRIPT not in html and IMG not in html
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert 'href="javascript:' not in html.lower()
    unquoted = re.sub(r'"[^"]*"', '""', html)  # attribute values cannot hold a handler
    assert re.search(r"<[a-z][^>]*\son\w+\s*=", unquoted, re.IGNORECASE) is None


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_escaped(client, path):
    _assert_escaped(_page(client, path))


def test_overview_shows_counts_contradictions_and_links(client):
    html = _page(client, "/")
    assert "<strong>8</strong> articles" in html
    assert "Lena Brandt" in html and "Tomas Ruiz" in html
    assert 'class="finding contradiction"' in html or 'class="finding shift"' in html
    for link in ("/timeline", "/speakers", "/contradictions", "/sourcing", "/articles"):
        assert f'href="{link}"' in html


def test_article_page_marks_statements_speakers_times_and_events(client, ids):
    html = _page(client, f"/articles/{ids['strike']}")
    assert '<mark class="statement anonymous"' in html
    assert '<span class="time" title="DATE 2024-06-11">Tuesday</span>' in html
    event = '<mark class="event" title="ASSAULT (occurred): the navy → a depot">struck</mark>'
    assert event in html
    brandt = _page(client, f"/articles/{ids['mayor']}")
    assert f'<a href="/speakers/{ids["brandt"]}">Lena Brandt</a>' in brandt


def test_hostile_article_is_escaped_everywhere(client, ids):
    html = _page(client, f"/articles/{ids['hostile']}")
    _assert_escaped(html)
    assert "Vote &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;" in html
    assert "Mallory &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<mark class="statement named" title="indirect statement, named">' \
           "&lt;img src=x onerror=alert(1)&gt; the vote was rigged</mark>" in html
    assert EVIL_URL in html  # shown as text, never as a link
    assert f'href="{EVIL_URL}"' not in html
    speaker = _page(client, f"/speakers/{ids['mallory']}")
    _assert_escaped(speaker)
    assert "<h1>Mallory &lt;script&gt;alert(1)&lt;/script&gt;</h1>" in speaker
    for path in ("/search?q=rigged", "/search?q=" + SCRIPT, "/timeline?speaker=Mallory",
                 "/articles?outlet=" + IMG):
        _assert_escaped(_page(client, path))
    assert "Evil &lt;img src=x onerror=alert(1)&gt; News" in _page(client, "/sourcing")


def test_timeline_page_puts_events_and_statements_on_one_axis(client):
    html = _page(client, "/timeline")
    days = re.findall(r'<li class="day"><h2><time>([^<]+)</time>', html)
    assert days == sorted(days) and "2024-06-11" in days
    assert 'class="item event"' in html and 'class="item statement"' in html
    events = _page(client, "/timeline?actor=USA")
    assert 'class="item event"' in events and 'class="item statement"' not in events
    brandt = _page(client, "/timeline?speaker=Brandt&since=2024-06-05")
    assert brandt.count('class="item statement"') == 1 and "young children" in brandt
    _page(client, "/timeline?since=soon", status=400)


def test_speakers_and_a_speaker_page(client, ids):
    html = _page(client, "/speakers")
    assert f'href="/speakers/{ids["brandt"]}"' in html and "Officials" in html
    page = _page(client, f"/speakers/{ids['brandt']}")
    assert "<h1>Lena Brandt</h1>" in page
    assert page.index("safe to drink and that the plant") < page.index("young children")
    assert 'class="finding shift"' in page and 'class="pair"' in page
    _page(client, "/speakers/0000000000000000", status=404)


def test_contradictions_page_pairs_side_by_side(client):
    html = _page(client, "/contradictions?kind=contradiction")
    assert 'class="finding contradiction"' in html and 'class="finding shift"' not in html
    assert html.count('class="side"') >= 2 and "Evidence:" in html
    assert "Harbor Wire" in html and "Valley Post" in html and "2024-06-03" in html
    _page(client, "/contradictions?kind=lie", status=400)
    _page(client, "/contradictions?min_score=high", status=400)
    assert "No contradiction" in _page(client, "/contradictions?min_score=1")


def test_search_and_sourcing_pages(client):
    html = _page(client, "/search?q=reservoir")
    assert "Tomas Ruiz" in html and "hits." in html
    assert "Nothing matches" in _page(client, "/search?q=zeppelin")
    _page(client, "/search?q=%3F%3F", status=400)
    sourcing = _page(client, "/sourcing")
    assert "Coast Times" in sourcing and 'class="seg anonymous w100"' in sourcing
    assert 'class="seg named w100"' in sourcing


def test_article_list_and_unknown_article(client):
    html = _page(client, "/articles?outlet=Coast+Times")
    assert "1 articles." in html and "Depot struck" in html
    _page(client, "/articles/ffffffffffffffff", status=404)


def test_stylesheet_is_served_and_mobile_friendly(client):
    response = client.get("/static/style.css")
    assert response.status_code == 200 and "text/css" in response.headers["content-type"]
    assert "@media (max-width: 40rem)" in response.text
