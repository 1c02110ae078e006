"""The layout holds: SQL lives in the store and the analysis, never in the faces; the API and
the web pages import each other nowhere (both sit below :mod:`onrecord.server.app`)."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "onrecord"
SQL = re.compile(r"\b(SELECT\s+\S|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b")


def _modules(folder: str) -> list[Path]:
    found = sorted((PACKAGE / folder).rglob("*.py"))
    assert found, folder  # the folder exists and holds modules
    return found


def test_no_sql_in_the_faces():
    offenders = [str(p.relative_to(PACKAGE)) for folder in ("api", "web", "cli")
                 for p in _modules(folder) if SQL.search(p.read_text("utf-8"))]
    assert offenders == []
    assert SQL.search((PACKAGE / "analysis" / "browse.py").read_text("utf-8"))  # it is here


def test_the_api_and_the_pages_do_not_import_each_other():
    api = [p for p in _modules("api") if "onrecord.web" in p.read_text("utf-8")]
    web = [p for p in _modules("web") if "onrecord.api" in p.read_text("utf-8")]
    assert api == [] and web == []
    assert "onrecord.web" in (PACKAGE / "server" / "app.py").read_text("utf-8")
