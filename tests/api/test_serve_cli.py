"""``onrecord serve``: registered on the CLI, and runs uvicorn on the app over the corpus."""

from __future__ import annotations

from typer.testing import CliRunner

from onrecord.cli.main import app


def test_serve_runs_uvicorn_on_the_app(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr("uvicorn.run", lambda application, **kw: calls.append((application, kw)))
    monkeypatch.delenv("ONRECORD_TOKEN", raising=False)
    db = tmp_path / "served.db"
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--port", "8123", "--private",
                                      "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert "ONRECORD_TOKEN is not set" in result.output
    application, options = calls[0]
    assert options["host"] == "0.0.0.0" and options["port"] == 8123
    state = application.state.settings
    assert state.db == str(db) and state.private and not state.allow_private
    assert db.exists()  # created (and migrated) before serving


def test_serve_help_names_the_token():
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "ONRECORD_TOKEN" in result.output
