"""The storyline page in a real browser (Playwright, headless Chromium; the fixtures of
test_browser.py): clicks from the overview to a storyline to a dispute to an article, the page
at a phone's width, and the examples' storyline, whose screenshot is docs/storyline.png
(regenerated on every run of the browser tests), then its brief."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli.main import app as cli

from . import test_browser as _browser

pytestmark = pytest.mark.browser

server, browser, page = _browser.server, _browser.browser, _browser.page
ROOT = _browser.ROOT
EXAMPLES = ROOT / "examples"
SCREENSHOT = ROOT / "docs" / "storyline.png"


def test_overview_to_storyline_to_dispute_to_article(server, page):
    page.goto(server + "/")
    page.locator("a.storyline-link", has_text="water").first.click()
    page.wait_for_load_state()
    assert re.search(r"/storylines/[0-9a-f]+$", page.url)
    marks = page.locator("svg.storyline-timeline a[href^='/articles/']")
    assert marks.count() == 3
    assert page.locator("svg.storyline-timeline .mark").first.is_visible()
    _browser._shot(page, "storyline")
    page.locator("article.dispute h3 a").first.click()
    page.wait_for_load_state()
    assert re.search(r"/disputes/[0-9a-f]{12}$", page.url)
    page.locator("main .claim .source a").first.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url
    assert page.locator("div.text mark.statement").count() >= 1
    assert page.dialogs == []


def test_a_mark_opens_its_article(server, page):
    page.goto(server + "/storylines")
    page.locator("a.storyline-link", has_text="depot").first.click()
    page.wait_for_load_state()
    page.locator("svg.storyline-timeline a[href^='/articles/'] .mark").first.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url and "Depot struck" in page.locator("h1").inner_text()


def test_storyline_page_fits_a_phone(server, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    tab = context.new_page()
    tab.goto(server + "/storylines")
    for link in (tab.url, tab.locator("a.storyline-link").first.get_attribute("href")):
        tab.goto(link if link.startswith("http") else server + link)
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 376, (tab.url, width)
    assert tab.locator("svg.storyline-timeline").is_visible()
    _browser._shot(tab, "phone-storyline")
    context.close()


@pytest.fixture(scope="module")
def examples_server(tmp_path_factory) -> Iterator[str]:
    """`onrecord serve` over the examples, ingested as the Quick start does."""
    db = tmp_path_factory.mktemp("examples") / "examples.db"
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--db", str(db), "-w", "2"])
    assert result.exit_code == 0, result.output
    yield from _browser.serve(str(db))


@pytest.mark.model
def test_examples_storyline_page_screenshot(examples_server, browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    tab = context.new_page()
    tab.goto(examples_server + "/")
    tab.locator("a.storyline-link").first.click()  # the nine articles are one storyline
    tab.wait_for_load_state()
    assert "9 articles" in tab.locator("p.meta").first.inner_text()
    svg = tab.locator("svg.storyline-timeline")
    assert svg.locator("a[href^='/articles/']").count() >= 5
    lanes = " | ".join(svg.locator("text.lane-label").all_text_contents())
    assert lanes.startswith("events") and "Greece" in lanes and "Turkey" in lanes, lanes
    assert tab.locator("article.dispute").count() >= 1
    assert "Nikos Theodorou" in tab.locator("table.cast").first.inner_text()
    Path(SCREENSHOT).parent.mkdir(exist_ok=True)
    tab.screenshot(path=str(SCREENSHOT))  # the first screen: header, timeline, disputes
    tab.locator("a.brief-link").click()  # then its brief
    tab.wait_for_load_state()
    assert re.search(r"/storylines/[0-9a-f]+/brief$", tab.url)
    headings = tab.locator("article.brief h2").all_text_contents()
    assert headings[:2] == ["The story", "What happened"] and "Where accounts diverge" in headings
    assert "Theodorou" in tab.locator("article.brief").inner_text()
    context.close()
