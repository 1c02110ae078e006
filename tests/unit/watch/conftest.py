"""Fixtures of the watch tests: a local feed server and a fake clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .feed_server import FakeClock, FeedServer, feed_server


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as httpd:
        yield httpd


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
