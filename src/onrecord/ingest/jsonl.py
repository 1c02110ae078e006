"""JSON Lines: one article per line, as ``{"text" | "html", "url", "title", "published", ...}``.

A bad line (not JSON, not an object, no text) becomes a :class:`Discarded` record for that line
and the other lines go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from onrecord.errors import EmptyInputError, InputError, MalformedInputError
from onrecord.ingest.dates import parse_published
from onrecord.ingest.html import parse_html
from onrecord.ingest.text import parse_text
from onrecord.models import Article, Discarded

METADATA_FIELDS = ("url", "title", "published", "source", "byline")


def parse_jsonl(text: str, origin: str) -> Iterator[Article | Discarded]:
    """One Article per non-blank line of ``text``, or a Discarded record saying what is wrong.

    Each line is an object with ``text`` (plain text) or ``html`` (a page), and optionally
    ``url``, ``title``, ``published``, ``source`` and ``byline``. Every record's origin is
    ``f"{origin}#{lineno}"`` (line numbers from 1). The language is not checked here.
    """
    for line_origin, result in parse_records(text, origin):
        if isinstance(result, InputError):
            yield Discarded(doc_id=line_origin, stage=result.stage, reason=str(result))
        else:
            yield result


def parse_records(text: str, origin: str) -> Iterator[tuple[str, Article | InputError]]:
    """``(line origin, Article or the error it raised)`` for each non-blank line of ``text``."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        line_origin = f"{origin}#{lineno}"
        try:
            yield line_origin, parse_record(line, line_origin)
        except InputError as err:
            yield line_origin, err


def parse_record(line: str, origin: str) -> Article:
    """The Article of one JSON Lines record; raises an InputError saying what is wrong."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise MalformedInputError("not valid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise MalformedInputError(f"a JSON {_json_type(record)}, not an object")
    meta = {name: _string_field(record, name) for name in METADATA_FIELDS}
    if meta["published"] is not None:
        meta["published"] = parse_published(meta["published"])
    text = _string_field(record, "text")
    if text is not None and text.strip():
        return parse_text(text, origin, **meta)
    html = _string_field(record, "html")
    if html is not None and html.strip():
        url = meta.pop("url")
        return parse_html(html, origin, url=url, **meta)
    if text is not None or html is not None:
        raise EmptyInputError("the record's text is empty")
    raise MalformedInputError("the record has neither a 'text' nor an 'html' field")


def _string_field(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise MalformedInputError(f"field '{name}' must be a string, not a JSON {_json_type(value)}")


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    return "object"
