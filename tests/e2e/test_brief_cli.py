"""``onrecord brief`` on the examples corpus: the brief of the example story names its main
dispute (the defence minister's "deliberate provocation" against the coast guard chief's "no
evidence"), as Markdown, HTML and JSON; an unknown storyline is a clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli.main import app

pytestmark = pytest.mark.model


def _story(db: Path) -> str:
    result = CliRunner().invoke(app, ["storylines", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    (story,) = json.loads(result.stdout)
    return str(story["id"])


def test_the_brief_of_the_example_story_names_its_main_dispute(example_db):
    sid = _story(example_db)
    result = CliRunner().invoke(app, ["brief", sid[:8], "--db", str(example_db)])
    assert result.exit_code == 0, result.output
    text = result.stdout
    for title in ("What happened", "Denied, planned or called off", "Who claims what",
                  "Where accounts diverge", "Sources"):
        assert f"## {title}" in text
    diverge = text.split("## Where accounts diverge")[1].split("## Sources")[0]
    assert "deliberate provocation" in diverge and "no evidence" in diverge
    assert "Nikos Theodorou" in diverge and "coast guard" in diverge
    assert "https://coastlinedaily.example/" in text.split("## Sources")[1]


def test_the_brief_as_html_and_json(example_db, tmp_path):
    sid = _story(example_db)
    page = tmp_path / "brief.html"
    result = CliRunner().invoke(app, ["brief", sid, "--db", str(example_db), "--format",
                                      "html", "--out", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    assert "Where accounts diverge" in html
    result = CliRunner().invoke(app, ["brief", sid, "--db", str(example_db), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["storyline"] == sid and data["articles"] == 9
    lines = [line for s in data["sections"] if s["key"] != "header" for line in s["lines"]]
    assert lines and all(line["sources"] for line in lines)


def test_an_unknown_storyline_is_a_clear_error(example_db):
    result = CliRunner().invoke(app, ["brief", "0123456789", "--db", str(example_db)])
    assert result.exit_code == 1 and "no storyline matches id" in result.output


def test_the_help_has_an_example():
    result = CliRunner().invoke(app, ["brief", "--help"])
    assert result.exit_code == 0 and "Example" in result.stdout and "--format" in result.stdout
