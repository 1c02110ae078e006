"""Errors raised by onrecord.

Every error onrecord raises on purpose derives from :class:`OnRecordError`, so a caller can catch
them all at once, or only the branch it cares about::

    OnRecordError
    ├── InputError            a document cannot be read or is not something onrecord analyses
    │   ├── EmptyInputError        no text (an empty file, only whitespace, HTML with no body)
    │   ├── BinaryInputError       bytes that are not text (an image, an archive, a PDF)
    │   ├── InputTooLargeError     over the size cap (20 MB)
    │   ├── EncodingError          not UTF-8 and no other encoding could be detected with confidence
    │   ├── UnsupportedLanguageError  the text is not English
    │   ├── HTTPStatusError        a URL answered with an HTTP error status (its ``status`` and the
    │   │                          ``retry_after`` seconds a 429 or 503 asked for are on the error)
    │   ├── MalformedInputError    a JSONL line that is not JSON, a record without text, a date
    │   │                          not on the calendar or not ISO, a value that is not text
    │   └── DictionaryError        a user actor or agent dictionary (--actors, --agents) that
    │                              cannot be read: the message names the file and the line
    ├── ModelError            the spaCy pipeline cannot be loaded (the model package is missing)
    ├── ExtractionError       an extractor failed on a document (a bug; the document is discarded)
    ├── StoreError            the corpus database cannot be opened, migrated or written
    ├── EngineError           an engine cannot run: Ray is not installed (--engine ray needs
    │                         onrecord[ray]) or its cluster cannot be reached
    ├── WatchError            a watch cannot start: a bad --every value, a source that cannot
    │                         be watched (stdin, a directory, a path that does not exist)
    └── QueryError            a corpus query's arguments are invalid (a bad date, no search words)

Inside a batch, errors never escape: each failing document becomes a
:class:`onrecord.models.Discarded` record carrying the stage and the message, and only that
document is lost. :func:`onrecord.analyze` raises nothing outside this tree.
"""

from __future__ import annotations


class OnRecordError(Exception):
    """Base class of every error onrecord raises on purpose."""


class InputError(OnRecordError):
    """A document cannot be read, or is not something onrecord analyses."""

    stage = "ingest"


class EmptyInputError(InputError):
    """The document holds no text."""


class BinaryInputError(InputError):
    """The document's bytes are not text."""


class InputTooLargeError(InputError):
    """The document is over the size cap."""


class EncodingError(InputError):
    """The bytes are not UTF-8 and no other encoding could be detected."""


class UnsupportedLanguageError(InputError):
    """The text is not in a language onrecord analyses (English only for now)."""

    stage = "language"


class HTTPStatusError(InputError):
    """A URL answered with an HTTP error status (4xx, 5xx)."""

    def __init__(self, message: str, status: int, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after  # seconds, from a Retry-After header

    def __reduce__(self) -> tuple[type[HTTPStatusError], tuple[str, int, float | None]]:
        return type(self), (str(self), self.status, self.retry_after)  # pickles whole


class MalformedInputError(InputError):
    """A structured input (JSONL, a date) is malformed."""


class DictionaryError(InputError):
    """A user actor or agent dictionary cannot be read (the message gives ``file:line``)."""

    stage = "dictionary"


class ModelError(OnRecordError):
    """The NLP model cannot be loaded."""


class ExtractionError(OnRecordError):
    """An extractor failed on a document."""

    stage = "extract"


class StoreError(OnRecordError):
    """The corpus database cannot be opened, migrated or written."""


class EngineError(OnRecordError):
    """An analysis engine cannot run (Ray missing, or its cluster out of reach)."""


class WatchError(OnRecordError):
    """A watch cannot start: its schedule or one of its sources is not watchable."""


class QueryError(OnRecordError):
    """A query over the corpus was given invalid arguments."""


__all__ = [
    "BinaryInputError",
    "DictionaryError",
    "EmptyInputError",
    "EncodingError",
    "EngineError",
    "ExtractionError",
    "HTTPStatusError",
    "InputError",
    "InputTooLargeError",
    "MalformedInputError",
    "ModelError",
    "OnRecordError",
    "QueryError",
    "StoreError",
    "UnsupportedLanguageError",
    "WatchError",
]
