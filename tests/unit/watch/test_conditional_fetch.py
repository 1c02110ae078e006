"""Conditional GETs (fetch_if_changed) and HTTP error statuses with Retry-After, against the
local feed server; the SSRF checks hold on the conditional path. No model."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from onrecord.errors import HTTPStatusError, InputError
from onrecord.ingest import load_fetched
from onrecord.ingest.urls import fetch_if_changed, fetch_url, retry_after_seconds
from onrecord.models import Article

from .feed_server import FeedServer


def test_an_unchanged_feed_answers_304_and_a_changed_one_its_page(server: FeedServer) -> None:
    url = f"{server.base}/feed.xml"
    page = fetch_if_changed(url, allow_private=True)
    assert page is not None
    assert (page.etag, page.last_modified) == (server.etag, server.last_modified)
    assert fetch_if_changed(url, etag=page.etag, allow_private=True) is None
    assert (server.requests[-1].if_none_match, server.requests[-1].status) == (page.etag, 304)
    server.publish()
    newer = fetch_if_changed(url, etag=page.etag, last_modified=page.last_modified,
                             allow_private=True)
    assert newer is not None and newer.etag == server.etag != page.etag
    assert server.requests[-1].if_modified_since == page.last_modified
    articles = [a for a in load_fetched(url, newer) if isinstance(a, Article)]
    assert [a.origin for a in articles] == [f"{url}#1", f"{url}#2", f"{url}#3"]


def test_last_modified_alone_is_sent_as_if_modified_since(server: FeedServer) -> None:
    url = f"{server.base}/dated.xml"
    page = fetch_if_changed(url, allow_private=True)
    assert page is not None and page.etag is None
    assert fetch_if_changed(url, last_modified=page.last_modified, allow_private=True) is None
    last = server.requests[-1]
    assert (last.if_none_match, last.if_modified_since, last.status) == (
        None, page.last_modified, 304)


def test_an_error_status_carries_the_status_and_retry_after(server: FeedServer) -> None:
    server.failures_left, server.failure_status, server.retry_after = 2, 503, "120"
    url = f"{server.base}/flaky.xml"
    with pytest.raises(HTTPStatusError) as caught:
        fetch_if_changed(url, allow_private=True)
    assert (caught.value.status, caught.value.retry_after) == (503, 120.0)
    assert str(caught.value) == "HTTP 503 Service Unavailable"
    with pytest.raises(InputError, match="HTTP 503"):  # still an InputError for ingest
        fetch_url(url, allow_private=True)
    again = pickle.loads(pickle.dumps(caught.value))  # crosses to and from worker processes
    assert (str(again), again.status, again.retry_after) == (str(caught.value), 503, 120.0)


def test_retry_after_reads_seconds_and_dates() -> None:
    now = dt.datetime(2025, 5, 12, 9, 0, tzinfo=dt.UTC)
    assert retry_after_seconds("3600", now) == 3600
    assert retry_after_seconds("Mon, 12 May 2025 10:30:00 GMT", now) == 5400
    assert retry_after_seconds("Mon, 12 May 2025 08:00:00 GMT", now) == 0  # passed
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None


def test_a_stored_validator_cannot_add_a_header(server: FeedServer) -> None:
    url = f"{server.base}/feed.xml"
    fetch_if_changed(url, etag='"velka-v1"\r\nX-Injected: 1', allow_private=True)
    assert server.requests[-1].if_none_match == '"velka-v1" X-Injected: 1'


def test_the_conditional_path_keeps_the_address_checks(server: FeedServer) -> None:
    with pytest.raises(InputError, match="non-public address"):
        fetch_if_changed(f"{server.base}/feed.xml", etag=server.etag)
    with pytest.raises(InputError, match="unsupported URL scheme"):
        fetch_if_changed("file:///etc/passwd", etag="x", allow_private=True)
    assert server.requests == []
