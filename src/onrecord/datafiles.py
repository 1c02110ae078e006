"""Reading the language data shipped in ``onrecord/data``: word lists, tables, vocabularies.

The algorithms keep their data apart from the code (as spaCy keeps its language data); every
module reads its file through one of these functions, so a file's format is parsed one way:

- :func:`data_json`: a JSON document (``stance.json``, ``person_roles.json``; a room's own,
  such as ``extract/entities/data/actors.json``, with ``room="entities"``);
- :func:`data_lines`: one entry a line, ``#`` starting a comment (``given_names.txt``);
- :func:`data_sections`: entries under ``[kind]`` headings (``furniture.txt``, ``walls.txt``).

A malformed file raises :class:`ValueError` naming the file: shipped data is part of the code.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["data_json", "data_lines", "data_sections", "data_text"]


def data_text(name: str, room: str | None = None) -> str:
    """The text of ``onrecord/data/<name>``, or with ``room`` of the extraction room's own
    ``onrecord/extract/<room>/data/<name>``."""
    folder = f"extract/{room}/data" if room else "data"
    return resources.files("onrecord").joinpath(f"{folder}/{name}").read_text("utf-8")


def data_json(name: str, room: str | None = None) -> dict[str, Any]:
    """The JSON object of ``onrecord/data/<name>`` (or of a room's data, see
    :func:`data_text`)."""
    data = json.loads(data_text(name, room))
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a JSON object")
    return data


def data_lines(name: str, room: str | None = None) -> list[str]:
    """The entries of a list file: one a line, without comments (``#`` to the line's end) and
    blank lines."""
    lines = (line.split("#", 1)[0].strip() for line in data_text(name, room).splitlines())
    return [line for line in lines if line]


def data_sections(name: str, room: str | None = None) -> dict[str, list[str]]:
    """The entries of a file of ``[kind]`` sections, by kind, in file order.

    Lines starting with ``#`` and blank lines are skipped (a ``#`` inside an entry is kept: it
    may be part of a phrase). An entry before any heading raises :class:`ValueError`.
    """
    sections: dict[str, list[str]] = {}
    kind: str | None = None
    for raw in data_text(name, room).splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            kind = line[1:-1]
            sections.setdefault(kind, [])
        elif kind is None:
            raise ValueError(f"{name}: entry {line!r} before any [kind] heading")
        else:
            sections[kind].append(line)
    return sections
