"""Transactions aborted by concurrent writers (a PostgreSQL deadlock) are tried again."""

from __future__ import annotations

import pytest

from onrecord.errors import StoreError
from onrecord.store.backends import retry_transient


class _DbError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def _failing(times: int, sqlstate: str):
    calls = []

    def attempt() -> str:
        calls.append(1)
        if len(calls) <= times:
            raise StoreError("cannot store article x") from _DbError(sqlstate)
        return "stored"

    return attempt, calls


def test_a_deadlock_is_tried_again_until_the_transaction_goes_through():
    attempt, calls = _failing(2, "40P01")
    assert retry_transient(attempt) == "stored" and len(calls) == 3


def test_other_errors_and_the_last_deadlock_are_raised():
    attempt, calls = _failing(1, "23505")  # a unique violation is no transient error
    with pytest.raises(StoreError):
        retry_transient(attempt)
    assert len(calls) == 1
    attempt, calls = _failing(9, "40001")
    with pytest.raises(StoreError):
        retry_transient(attempt, tries=4)
    assert len(calls) == 4
