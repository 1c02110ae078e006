"""POST /api/articles with odd input: lone surrogates, a text over spaCy's limit, impossible
dates, and a bug in the server; a 4xx with a reason or a stored record, never a bare 500."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from onrecord.server.app import create_app

from .conftest import TOKEN

JSON = {"Content-Type": "application/json"}


@pytest.mark.model
@pytest.mark.parametrize("raw, status", [
    (b'{"text": "Officials said on Monday \\ud800 that the port talks would resume."}', 201),
    (b'{"text": "Officials said on Monday that the bridge would reopen.", '
     b'"title": "Bridge \\udc00 reopens", "source": "The \\ud83d Courier"}', 201),
    (b'{"url": "http://exa\\ud800mple.org/story"}', 422),
    (b'{"text": "Officials said on Monday that the dam would close.", '
     b'"published": "2020-02-\\ud80030"}', 422),
])
def test_lone_surrogates_are_replaced_or_refused_never_500(client, auth, raw, status):
    response = client.post("/api/articles", content=raw, headers={**auth, **JSON})
    assert response.status_code == status, response.text
    if status == 201:
        (stored,) = response.json()["stored"]
        record = client.get(f"/api/articles/{stored['id']}").json()
        fields = json.dumps(record, ensure_ascii=False)
        assert "\ufffd" in fields and "\\ud8" not in fields
    else:
        assert response.json()["detail"]


@pytest.mark.model
@pytest.mark.parametrize("published", ["2020-02-30", "2020-13-45", "14 Jan 2020"])
def test_an_impossible_date_is_refused_with_its_reason(client, auth, published):
    response = client.post("/api/articles", headers=auth, json={
        "text": "Officials said on Monday that the ferry would resume service.",
        "published": published})
    assert response.status_code == 422
    assert published in response.json()["detail"]


@pytest.mark.model
def test_an_article_over_spacys_limit_is_stored(client, auth, long_article):
    response = client.post("/api/articles", headers=auth,
                           json={"text": long_article, "published": "2020-01-14"})
    assert response.status_code == 201, response.text[:500]
    (stored,) = response.json()["stored"]
    assert stored["statements"] >= 2
    record = client.get(f"/api/articles/{stored['id']}").json()
    assert len(record["article"]["text"]) > 1_000_000


def test_a_bug_is_a_json_500_that_names_no_internals(corpus_path, monkeypatch, auth):
    from onrecord.api import write

    def broken(*args, **kwargs):
        raise RuntimeError("secret path /var/lib/onrecord")

    monkeypatch.setenv("ONRECORD_TOKEN", TOKEN)
    monkeypatch.setattr(write, "load_articles", broken)
    client = TestClient(create_app(corpus_path), raise_server_exceptions=False)
    response = client.post("/api/articles", headers=auth, json={"text": "Officials said so."})
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/json")
    assert "internal error" in response.json()["detail"]
    assert "secret" not in response.text
