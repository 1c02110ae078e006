"""Publication dates: ISO dates and datetimes in, YYYY-MM-DD out."""

from __future__ import annotations

import pytest

from onrecord.errors import MalformedInputError
from onrecord.ingest.dates import parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-01-13", "2020-01-13"),
        (" 2020-01-13 ", "2020-01-13"),
        ("2020-01-13T09:30:00Z", "2020-01-13"),
        ("2020-01-13T23:30:00-05:00", "2020-01-13"),
        ("2020-01-13 09:30", "2020-01-13"),
        ("2020-01-13T09:30:00.123+0100", "2020-01-13"),
        ("2024-02-29", "2024-02-29"),
    ],
)
def test_accepted(value: str, expected: str) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("13/01/2020", "not an ISO date"),
        ("January 13, 2020", "not an ISO date"),
        ("2020-1-3", "not an ISO date"),
        ("", "not an ISO date"),
        ("2023-02-29", "not a valid calendar date"),
        ("2020-13-01", "not a valid calendar date"),
        ("2020-01-13T25:00", "not a valid ISO datetime"),
    ],
)
def test_refused_with_a_clear_message(value: str, message: str) -> None:
    with pytest.raises(MalformedInputError, match=message):
        parse_published(value)
