"""User dictionaries code event actors: through :func:`onrecord.analyze`, the worker pool and
the command line, on invented actors the built-in tables do not know."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord import analyze, read_dictionaries
from onrecord.cli.main import app
from onrecord.engine import analyze_in_workers
from onrecord.extract.entities.dictionaries import ActorDictionary
from onrecord.models import Article, ArticleRecord

ACTORS = """\
VELDORIA [VLD]
+VELDORIAN
KARSK [KRS]
OSTERMARK
\t[OSM <20100101]
\t[OSMGOV 20100101-20150101]
\t[OSMREB >20150101]
"""
AGENTS = """\
BORDER_GUARD [~MIL]
ENVOY {ENVOYS} [~GOV]
RELIEF_AGENCY [NGO~]
"""
ATTACK = "Veldoria attacked Karsk on Tuesday."


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    actors, agents = tmp_path / "actors.txt", tmp_path / "agents.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    return actors, agents


@pytest.fixture
def dictionary(files: tuple[Path, Path]) -> ActorDictionary:
    return read_dictionaries([files[0]], [files[1]])


def _dyads(record: ArticleRecord) -> list[tuple[str, str | None, str | None]]:
    return [(e.cameo or "", e.source.actor if e.source else None,
             e.target.actor if e.target else None) for e in record.events]


def test_invented_actors_are_coded_only_with_the_dictionary(dictionary):
    assert _dyads(analyze(ATTACK, "2020-01-05")) == []  # no actor named: no event
    assert _dyads(analyze(ATTACK, "2020-01-05", dictionary=dictionary)) == [
        ("19", "VLD", "KRS")]


def test_agents_give_the_sector_around_the_actor(dictionary):
    text = "Veldorian border guards attacked Karsk on Tuesday."
    assert _dyads(analyze(text, "2020-01-05", dictionary=dictionary)) == [
        ("19", "VLDMIL", "KRS")]
    text = "The envoy of Veldoria met a Karsk relief agency on Tuesday."
    assert _dyads(analyze(text, "2020-01-05", dictionary=dictionary)) == [
        ("04", "VLDGOV", "NGOKRS")]


def test_an_agent_with_no_actor_has_no_state(dictionary):
    text = "Envoys met Karsk leaders on Tuesday."
    assert [s for _, s, _ in _dyads(analyze(text, "2020-01-05", dictionary=dictionary))] == [
        "---GOV"]


@pytest.mark.parametrize(("published", "code"), [
    ("2006-01-05", "OSM"), ("2010-01-01", "OSMGOV"), ("2014-12-31", "OSMGOV"),
    ("2015-01-01", "OSMREB")])
def test_dated_codes_follow_the_publication_date(dictionary, published, code):
    record = analyze("Ostermark attacked Karsk on Tuesday.", published, dictionary=dictionary)
    assert _dyads(record) == [("19", code, "KRS")]


def test_a_csv_dictionary(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("name,code,start,end\nVeldoria,VLD,,\nKarsk,KRSGOV,2019-01-01,\n"
                    "Karsk,KRS,,\n", encoding="utf-8")
    d = read_dictionaries([path])
    assert _dyads(analyze(ATTACK, "2020-01-05", dictionary=d)) == [("19", "VLD", "KRSGOV")]
    assert _dyads(analyze(ATTACK, "2018-01-05", dictionary=d)) == [("19", "VLD", "KRS")]


def test_worker_processes_use_the_dictionary(dictionary, monkeypatch):
    from onrecord.engine import local

    monkeypatch.setattr(local, "_worker_dictionary", None)  # a forked worker inherits none
    articles = [Article.create(ATTACK, published="2020-01-05", origin=f"a{i}") for i in range(3)]
    results = list(analyze_in_workers(articles, workers=2, chunk_size=1, dictionary=dictionary))
    assert len(results) == 3
    assert [_dyads(r) for r in results if isinstance(r, ArticleRecord)] == [
        [("19", "VLD", "KRS")]] * 3


def test_the_command_line_reads_and_uses_the_dictionaries(files, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(ATTACK, encoding="utf-8")
    args = ["analyze", str(story), "--published", "2020-01-05", "-f", "json"]
    plain = CliRunner().invoke(app, args)
    coded = CliRunner().invoke(app, [*args, "--actors", str(files[0]), "--agents",
                                     str(files[1])])
    assert plain.exit_code == 0 and coded.exit_code == 0, coded.output
    assert json.loads(plain.stdout)["events"] == []  # no actor named: no event
    assert [e["source"]["actor"] for e in json.loads(coded.stdout)["events"]] == ["VLD"]


def test_the_command_line_reports_a_malformed_dictionary(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("VELDORIA [VLD]\nKARSK [KRS\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(ATTACK, encoding="utf-8")
    for args in (["analyze", str(story)], ["eval", "events", "--gold", str(story)],
                 ["ingest", str(story), "--db", str(tmp_path / "c.db")]):
        result = CliRunner().invoke(app, [*args, "--actors", str(bad)])
        assert result.exit_code == 1, args
        assert f"{bad}:2: unbalanced" in result.output.replace("\n", "")


def test_a_user_entry_with_no_code_that_day_leaves_the_built_in_one(tmp_path):
    path = tmp_path / "russia.csv"
    path.write_text("name,code,start,end\nRussia,RUSELI,2000-01-01,2008-05-07\n",
                    encoding="utf-8")
    d = read_dictionaries([path])
    text = "Russia attacked Georgia on Tuesday."
    assert [s for _, s, _ in _dyads(analyze(text, "2005-01-04", dictionary=d))] == ["RUSELI"]
    assert [s for _, s, _ in _dyads(analyze(text, "2012-01-03", dictionary=d))] == ["RUS"]
