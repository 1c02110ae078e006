"""GET /api/storylines/{id}/brief on the hand-made corpus (tests/api/conftest.py): JSON by
default, Markdown and HTML as downloads, 404 for an unknown storyline, article text escaped."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from onrecord.server.app import create_app
from onrecord.store import Corpus

from .conftest import SCRIPT, TOKEN


def _storyline(corpus_path: str, article_id: str) -> str:
    with Corpus(corpus_path) as corpus:
        return str(corpus.query("SELECT storyline_id FROM articles WHERE id = ?",
                                (article_id,))[0][0])


def test_the_brief_as_json(client: TestClient, corpus_path, ids, get_ok):
    sid = _storyline(corpus_path, ids["mayor"])
    data = get_ok(client, f"/api/storylines/{sid}/brief")
    assert data["schema"] == "onrecord-brief/1" and data["storyline"] == sid
    assert [s["key"] for s in data["sections"]] == ["header", "happened", "undone", "claims",
                                                    "disputes"]
    claims = {line["label"] for s in data["sections"] if s["key"] == "claims"
              for line in s["lines"]}
    assert {"Lena Brandt", "Tomas Ruiz"} <= claims
    assert get_ok(client, f"/api/storylines/{sid[:8]}/brief") == data  # a prefix will do


@pytest.mark.parametrize(("fmt", "media"), [("md", "text/markdown"), ("html", "text/html")])
def test_markdown_and_html_are_downloads(client: TestClient, corpus_path, ids, fmt, media):
    sid = _storyline(corpus_path, ids["mayor"])
    response = client.get(f"/api/storylines/{sid}/brief", params={"format": fmt})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media)
    assert response.headers["content-disposition"] == (
        f'attachment; filename="brief-{sid}.{fmt}"')
    assert "Lena Brandt" in response.text and "Where accounts diverge" in response.text


def test_hostile_text_is_escaped_in_the_html_brief(client: TestClient, corpus_path, ids):
    sid = _storyline(corpus_path, ids["hostile"])
    page = client.get(f"/api/storylines/{sid}/brief", params={"format": "html"}).text
    assert "Mallory" in page and SCRIPT not in page and "<img" not in page
    assert "&lt;script&gt;" in page and 'href="javascript' not in page


def test_an_unknown_storyline_is_404_and_a_bad_format_422(client: TestClient, corpus_path, ids):
    response = client.get("/api/storylines/0123456789/brief")
    assert response.status_code == 404
    assert "no storyline matches id" in response.json()["detail"]
    sid = _storyline(corpus_path, ids["mayor"])
    assert client.get(f"/api/storylines/{sid}/brief", params={"format": "pdf"}).status_code == 422


def test_a_private_server_needs_the_token_for_a_brief(corpus_path, ids, monkeypatch):
    monkeypatch.setenv("ONRECORD_TOKEN", TOKEN)
    client = TestClient(create_app(corpus_path, private=True))
    path = f"/api/storylines/{_storyline(corpus_path, ids['mayor'])}/brief?format=md"
    assert client.get(path).status_code == 401
    assert client.get(path, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
