"""Bad input gets a clear 4xx, the bearer token guards writing (and reading when private),
URL ingestion refuses other schemes and private addresses, and every response is hardened."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from onrecord.errors import StoreError
from onrecord.server.app import MAX_BODY, create_app

from .conftest import TOKEN


@pytest.mark.parametrize("path", [
    "/api/articles?since=2024-1x-01", "/api/statements?until=June", "/api/events?since=24",
    "/api/timeline?until=2024/06/01", "/api/contradictions?since=yesterday",
    "/api/articles?until=2024-6-1",
])
def test_bad_dates_are_400(client, path):
    response = client.get(path)
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "must be a date like" in detail and "--" not in detail


@pytest.mark.parametrize("path", ["/api/articles/0000000000000000", "/api/articles/nope",
                                  "/api/entities/0000000000000000"])
def test_unknown_ids_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["detail"].startswith("no ")


def test_an_empty_search_is_400(client):
    response = client.get("/api/search", params={"q": "!!! ???"})
    assert response.status_code == 400 and "no words" in response.json()["detail"]


@pytest.mark.parametrize("path", [
    "/api/articles?limit=0", "/api/articles?limit=abc", "/api/statements?offset=-1",
    "/api/sourcing?by=planet", "/api/contradictions?kind=lie",
    "/api/contradictions?min_score=2", "/api/search", "/api/timeline?only=nothing",
])
def test_bad_parameters_are_422(client, path):
    response = client.get(path)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_post_needs_the_bearer_token(client):
    body = {"text": "Officials said the talks would resume on Monday."}
    missing = client.post("/api/articles", json=body)
    assert missing.status_code == 401 and "token" in missing.json()["detail"]
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = client.post("/api/articles", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json()["detail"] == "the token is wrong"
    basic = client.post("/api/articles", json=body, headers={"Authorization": f"Basic {TOKEN}"})
    assert basic.status_code == 401


def test_post_is_refused_when_no_token_is_configured(corpus_path, monkeypatch, auth):
    monkeypatch.delenv("ONRECORD_TOKEN", raising=False)
    client = TestClient(create_app(corpus_path))
    response = client.post("/api/articles", json={"text": "x"}, headers=auth)
    assert response.status_code == 403
    assert "ONRECORD_TOKEN" in response.json()["detail"]
    assert client.get("/api/articles").status_code == 200  # reads stay open


def test_a_private_server_needs_the_token_to_read(corpus_path, monkeypatch, auth):
    monkeypatch.setenv("ONRECORD_TOKEN", TOKEN)
    client = TestClient(create_app(corpus_path, private=True))
    for path in ("/api/articles", "/api/statements", "/api/search?q=water"):
        assert client.get(path).status_code == 401
        assert client.get(path, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.get(path, headers=auth).status_code == 200
    page = client.get("/speakers")
    assert page.status_code == 401 and page.headers["www-authenticate"].startswith("Basic")
    assert client.get("/speakers", headers=auth).status_code == 200
    assert client.get("/speakers", auth=("reader", TOKEN)).status_code == 200
    assert client.get("/speakers", auth=("reader", "wrong")).status_code == 401
    assert client.get("/static/style.css").status_code == 200


def test_a_private_server_without_a_token_refuses_reads(corpus_path, monkeypatch):
    monkeypatch.delenv("ONRECORD_TOKEN", raising=False)
    client = TestClient(create_app(corpus_path, private=True))
    assert client.get("/api/articles").status_code == 403
    assert client.get("/").status_code == 403


@pytest.mark.parametrize("body, says", [
    ({"text": "a", "url": "https://example.org/"}, "exactly one"),
    ({}, "exactly one"),
    ({"text": "   "}, ""),
    ({"text": "Officials said so.", "published": "last week"}, ""),
    ({"url": "file:///etc/passwd"}, "unsupported URL scheme"),
    ({"url": "ftp://example.org/story.txt"}, "unsupported URL scheme"),
    ({"url": "http://127.0.0.1:9/story"}, "non-public address"),
    ({"url": "http://[::1]/story"}, "non-public address"),
    ({"url": "http://169.254.169.254/latest/meta-data"}, "non-public address"),
    ({"text": "x", "unknown": 1}, ""),
])
def test_post_refuses_bad_input_with_422(client, auth, body, says):
    response = client.post("/api/articles", json=body, headers=auth)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert detail and (not says or says in str(detail))


def test_post_refuses_a_body_that_is_not_json(client, auth):
    response = client.post("/api/articles", content=b"{not json", headers={
        **auth, "Content-Type": "application/json"})
    assert response.status_code == 422


def test_allow_private_lets_the_fetch_through(corpus_path, monkeypatch, auth):
    """With --allow-private a loopback URL is fetched (here: nothing listens, so it fails)."""
    monkeypatch.setenv("ONRECORD_TOKEN", TOKEN)
    client = TestClient(create_app(corpus_path, allow_private=True))
    response = client.post("/api/articles", json={"url": "http://127.0.0.1:9/story"},
                           headers=auth)
    assert response.status_code == 422
    assert "non-public" not in response.json()["detail"]
    assert "cannot fetch" in response.json()["detail"]


def test_bodies_over_the_cap_are_413(client, auth):
    big = {"text": "word " * (MAX_BODY // 5 + 10)}
    response = client.post("/api/articles", json=big, headers=auth)
    assert response.status_code == 413 and "limit" in response.json()["detail"]

    def chunks():  # no Content-Length: the cap still holds
        for _ in range(MAX_BODY // 65536 + 2):
            yield b"x" * 65536

    streamed = client.post("/api/articles", content=chunks(), headers={
        **auth, "Content-Type": "application/json"})
    assert streamed.status_code == 413


def test_security_headers_on_every_response(client):
    for path in ("/api/articles", "/", "/api/articles/nope", "/static/style.css",
                 "/openapi.json"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


@pytest.mark.model
def test_post_analyses_and_stores_real_text(client, auth, get_ok):
    text = ("Defense Secretary Mark Esper said on Sunday that he had seen no evidence of a "
            "threat to four embassies. Officials said the strike was meant to deter Iran.")
    body = {"text": text, "published": "2020-01-14", "title": "Esper on the threat",
            "source": "Test Wire"}
    response = client.post("/api/articles", json=body, headers=auth)
    assert response.status_code == 201, response.text
    stored = response.json()["stored"]
    assert len(stored) == 1 and stored[0]["created"] and stored[0]["statements"] >= 1
    record = get_ok(client, f"/api/articles/{stored[0]['id']}")
    assert record["article"]["title"] == "Esper on the threat"
    assert record["article"]["source"] == "Test Wire"
    assert record["article"]["published"] == "2020-01-14"
    assert any("Esper" in (s["speaker_text"] or "") for s in record["statements"])
    assert get_ok(client, "/api/statements", speaker="Esper")
    again = client.post("/api/articles", json=body, headers=auth)
    assert again.status_code == 200 and not again.json()["stored"][0]["created"]


@pytest.mark.parametrize("path", ["/api/statements?speaker=a%00b", "/api/entities/%00",
                                  "/timeline?speaker=%00", "/api/search?q=wa%00ter"])
def test_nul_characters_are_400(client, path):
    """PostgreSQL cannot compare text holding NUL: such requests are refused up front."""
    response = client.get(path)
    assert response.status_code == 400 and "NUL" in response.json()["detail"]


def test_nul_in_a_posted_field_is_422(client, auth):
    response = client.post("/api/articles", json={"text": "Officials said so.",
                                                  "title": "a\x00b"}, headers=auth)
    assert response.status_code == 422 and "NUL" in response.json()["detail"]


def test_an_unusable_database_is_503_without_its_location(tmp_path):
    db = tmp_path / "corpus.db"
    client = TestClient(create_app(str(db)))
    for leftover in tmp_path.glob("corpus.db*"):  # the database goes away under the server
        leftover.unlink()
    db.mkdir()  # and a directory stands in its place
    for path in ("/api/articles", "/"):
        response = client.get(path)
        assert response.status_code == 503
        assert str(tmp_path) not in response.text and "database" in response.text


def test_a_database_that_cannot_be_opened_fails_at_start(tmp_path):
    with pytest.raises(StoreError):
        create_app(str(tmp_path))  # a directory, not a database file
