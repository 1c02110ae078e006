"""The shipped language data is read one way per format, and a malformed file says which."""

from __future__ import annotations

import pytest

from onrecord import datafiles


def test_every_shipped_list_and_section_file_reads(monkeypatch):
    assert "statement" in datafiles.data_lines("statement_channels.txt")
    assert not any(line.startswith("#") for line in datafiles.data_lines("given_names.txt"))
    sections = datafiles.data_sections("furniture.txt")
    assert sections and all(isinstance(v, list) for v in sections.values())
    assert datafiles.data_json("stance.json")
    actors = datafiles.data_json("actors.json", room="entities")  # a room's own data
    assert actors["states"]["TUR"]["capitals"] == ["Ankara"]
    assert "say" in datafiles.data_sections("lexicon.txt", room="statements")["speech_cues"][0]


def test_an_entry_before_any_heading_is_an_error_naming_the_file(monkeypatch):
    monkeypatch.setattr(datafiles, "data_text",
                        lambda name, room=None: "# note\norphan\n[kind]\nx\n")
    with pytest.raises(ValueError, match="walls.txt: entry 'orphan' before any"):
        datafiles.data_sections("walls.txt")
    monkeypatch.setattr(datafiles, "data_text", lambda name, room=None: "[a]\nx # kept\n\n[b]\n")
    assert datafiles.data_sections("f.txt") == {"a": ["x # kept"], "b": []}
    monkeypatch.setattr(datafiles, "data_text", lambda name, room=None: "[1, 2]")
    with pytest.raises(ValueError, match="f.json: expected a JSON object"):
        datafiles.data_json("f.json")
