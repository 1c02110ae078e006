"""The web UI in a real browser: Playwright driving headless Chromium against `onrecord serve`'s
app (uvicorn on loopback) over the hand-made test corpus.

Checks that pages load, that clicks lead from the timeline to an article to a speaker, that the
article's statements are highlighted, that the hostile article runs no script, and that pages
fit a phone's width. Screenshots go to .artifacts/screenshots (or $ONRECORD_ARTIFACTS).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from onrecord.server.app import create_app
from onrecord.store import Corpus

from .conftest import SCRIPT, records

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent
SHOTS = Path(os.environ.get("ONRECORD_ARTIFACTS", ROOT / ".artifacts")) / "screenshots"


def _chromium() -> str:
    path = os.environ.get("ONRECORD_TEST_CHROMIUM")
    if not path:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: ONRECORD_TEST_CHROMIUM is not set")
        pytest.skip("no Chromium (run: export ONRECORD_TEST_CHROMIUM=$(scripts/browser.sh))")
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    db = str(tmp_path_factory.mktemp("browser") / "corpus.db")
    with Corpus(db) as corpus:
        for record in records():
            corpus.add(record)
    yield from serve(db)


def serve(db: str) -> Iterator[str]:
    """The app over ``db`` served by uvicorn on a free loopback port, while the caller waits."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    app_server = uvicorn.Server(config)
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not app_server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert app_server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    app_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.dialogs = dialogs  # type: ignore[attr-defined]
    yield tab
    context.close()


def _shot(tab, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_every_page_loads(server, page):
    for path in ("/", "/articles", "/timeline", "/speakers", "/contradictions", "/sourcing",
                 "/search?q=water"):
        response = page.goto(server + path)
        assert response is not None and response.status == 200, path
        assert page.locator("main").count() == 1
        _shot(page, "page" + path.replace("/", "-").replace("?", "-").replace("=", "-"))
    assert page.dialogs == []


def test_timeline_to_article_to_speaker(server, page):
    page.goto(server + "/timeline")
    page.get_by_role("link", name="Lena Brandt on the water").first.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url
    marks = page.locator("div.text mark.statement")  # in the article's text, not the legend
    assert marks.count() >= 1
    assert "safe to drink" in marks.first.inner_text()
    assert page.locator("div.text .speaker").first.inner_text() == "Lena Brandt"
    _shot(page, "article-highlights")
    page.locator("div.text a", has_text="Lena Brandt").first.click()
    page.wait_for_load_state()
    assert "/speakers/" in page.url
    assert "Lena Brandt" in page.locator("h1").inner_text()
    assert "unsafe to drink" in page.content()  # her later statement, the shift
    _shot(page, "speaker")


def test_the_hostile_article_runs_no_script(server, page):
    page.goto(server + "/articles")
    page.get_by_role("link", name=f"Vote {SCRIPT}", exact=False).first.click()
    page.wait_for_load_state()
    _shot(page, "hostile-article")
    assert page.dialogs == []  # no alert() from <script> or onerror
    assert page.locator("main script").count() == 0
    assert page.locator("main img").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert SCRIPT in page.locator("main").inner_text()  # shown as text
    for path in ("/speakers", "/timeline", "/search?q=vote"):
        page.goto(server + path)
        assert page.dialogs == []


def test_pages_fit_a_phone(server, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    tab = context.new_page()
    for path in ("/", "/timeline", "/contradictions", "/sourcing"):
        tab.goto(server + path)
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 376, (path, width)
    _shot(tab, "phone-timeline")
    context.close()
