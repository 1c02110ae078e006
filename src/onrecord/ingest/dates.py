"""Publication dates given by the user or a record: ISO dates, normalised to ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date, datetime

from onrecord.errors import MalformedInputError

_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?",
    re.IGNORECASE,
)


def parse_published(value: str) -> str:
    """Normalise a publication date to ``YYYY-MM-DD``.

    Accepts ``YYYY-MM-DD`` and full ISO 8601 datetimes (``2020-01-13T09:30:00Z``,
    ``2020-01-13 09:30+01:00``), whose date part is returned as written.
    Raises MalformedInputError for anything else, or for a date not on the calendar.
    """
    if not isinstance(value, str):
        raise MalformedInputError(
            f"published date must be a string like 2020-01-13, not {type(value).__name__}"
        )
    cleaned = value.strip()
    if _ISO_DATE_RE.fullmatch(cleaned):
        day = cleaned
    elif _ISO_DATETIME_RE.fullmatch(cleaned):
        day = cleaned[:10]
        try:
            datetime.fromisoformat(cleaned.upper().replace(",", "."))
        except ValueError:
            raise MalformedInputError(
                f"published date {value!r} is not a valid ISO datetime"
            ) from None
    else:
        raise MalformedInputError(
            f"published date {value!r} is not an ISO date (expected YYYY-MM-DD)"
        )
    try:
        return date.fromisoformat(day).isoformat()
    except ValueError:
        raise MalformedInputError(
            f"published date {value!r} is not a valid calendar date"
        ) from None
