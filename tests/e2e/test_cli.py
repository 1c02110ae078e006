"""The command line, end to end, on files written by the tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli.main import app

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"
STORY = """Bridge talks collapse after minister's warning

RIVERTON — Transport Minister Helen Marsh said on Monday that the new bridge would not open
before the summer, blaming delays at the steel works.

“We were promised steel in March and we are still waiting,” Marsh told reporters.

The contractor, two people familiar with the project said, had warned of the shortfall months ago.
"""


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def story(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_analyze_text_report(runner, story):
    result = runner.invoke(app, ["analyze", str(story), "--published", "2024-05-07"])
    assert result.exit_code == 0, result.output
    assert "Helen Marsh" in result.output
    assert "Statements by speaker" in result.output and "Timeline" in result.output
    assert "2024-05-06" in result.output  # Monday before Tuesday 2024-05-07


def test_analyze_explain_names_the_rule_of_each_statement(runner, story):
    args = ["analyze", str(story), "--published", "2024-05-07"]
    plain = runner.invoke(app, args)
    explained = runner.invoke(app, [*args, "--explain"])
    assert explained.exit_code == 0, explained.output
    output = re.sub(r"\s+", " ", explained.output)  # the report wraps to the terminal
    assert "rule: direct_quote" in output  # “We were promised steel ...”
    assert "rule: parenthetical_cue" in output  # two people ..., said,
    assert "rule:" not in plain.output


def test_analyze_json_contract(runner, story):
    result = runner.invoke(app, ["analyze", str(story), "--published", "2024-05-07",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "onrecord/1"
    assert set(data) == {"schema", "article", "entities", "statements", "times", "events"}
    text = data["article"]["text"]
    assert data["article"]["title"] == "Bridge talks collapse after minister's warning"
    assert data["article"]["published"] == "2024-05-07"
    assert data["statements"], "no statements found"
    for s in data["statements"]:
        assert text[s["content_span"][0]:s["content_span"][1]] == s["content"]
        for key in ("id", "speaker", "speaker_text", "speaker_span", "sourcing", "cue",
                    "cue_span", "kind", "content", "channel", "time", "nested_in"):
            assert key in s
    anonymous = [s for s in data["statements"] if s["sourcing"] == "anonymous"]
    assert anonymous and "familiar" in anonymous[0]["speaker_text"]
    for t in data["times"]:
        assert text[t["span"][0]:t["span"][1]] == t["text"]
    from onrecord.extract.events.lexicon import PLOVER_TYPES

    for ev in data["events"]:
        for key in ("id", "type", "cameo", "trigger", "trigger_span", "source", "target",
                    "location", "time", "status"):
            assert key in ev, key
        assert ev["type"] in PLOVER_TYPES
        assert text[ev["trigger_span"][0]:ev["trigger_span"][1]] == ev["trigger"]


def test_analyze_stdin(runner):
    result = runner.invoke(app, ["analyze", "-", "--format", "json"],
                           input="Officials said the dam held through the storm on Sunday.")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["statements"][0]["sourcing"] == "anonymous"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n  ", "whitespace"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG"),
        ("page.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "article"),
        ("artikel.txt", ("Die Regierung hat am Montag angekündigt, dass die neue Brücke erst im "
                         "Sommer eröffnet wird. Der Minister sagte, die Verzögerungen lägen an "
                         "den Stahlwerken und nicht an der Planung der Stadt.").encode(), "de"),
    ],
)
def test_bad_input_one_clear_line_exit_1(runner, tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and name in lines[0] and reason.lower() in lines[0].lower(), lines


def test_huge_file_refused(runner, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 1 and "huge.txt" in result.stderr and "MB" in result.stderr


def test_missing_file_and_bad_date(runner, story, tmp_path):
    result = runner.invoke(app, ["analyze", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "nope.txt" in result.stderr
    result = runner.invoke(app, ["analyze", str(story), "--published", "14/01/2020"])
    assert result.exit_code == 1 and "14/01/2020" in result.stderr


def test_ingest_batch_with_bad_document_is_idempotent(runner, tmp_path, story):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "bridge.txt").write_text(STORY, encoding="utf-8")
    (batch / "broken.bin").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (batch / "digest.jsonl").write_text(
        json.dumps({"text": "The harbour master said the ferries would sail again on Friday "
                            "after the storm passed.", "title": "Ferries", "published":
                    "2024-05-08", "source": "Test Wire"}) + "\n{not json\n", encoding="utf-8")
    db = tmp_path / "corpus.db"
    result = runner.invoke(app, ["ingest", str(batch), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "stored 2 new" in result.stderr and "2 discarded" in result.stderr
    again = runner.invoke(app, ["ingest", str(batch), "--db", str(db)])
    assert "stored 0 new, 2 already stored" in again.stderr
    listed = runner.invoke(app, ["discarded", "--db", str(db)])
    assert "broken.bin" in listed.stdout and "digest.jsonl#2" in listed.stdout
    shown = runner.invoke(app, ["show", "--db", str(db), "--format", "json"])
    records = [json.loads(line) for line in shown.stdout.splitlines()]
    titles = {r["article"]["title"] for r in records}
    assert titles == {"Ferries", "Bridge talks collapse after minister's warning"}


def test_ingest_examples_and_show(runner, tmp_path):
    db = tmp_path / "examples.db"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "0 discarded" in result.stderr
    shown = runner.invoke(app, ["show", "--db", str(db)])
    assert shown.exit_code == 0 and "Statements by speaker" in shown.stdout
    # the ingest kept the links disputes are made of, for the corpus it left
    from onrecord.store import Corpus, kept

    kept_links = re.search(r";\s+(\d+)\s+links\s+between\s+statements\s+kept\s+for\s+disputes",
                           result.stderr)
    assert kept_links and int(kept_links.group(1)) > 0, result.stderr
    with Corpus(db) as corpus:
        assert corpus.query("SELECT version, findings FROM kept_findings_state") == [
            (kept.corpus_version(corpus), int(kept_links.group(1)))]


def test_help_has_examples(runner):
    for command in ("analyze", "ingest", "show", "discarded"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Example" in result.stdout


@pytest.mark.corpus
def test_eval_commands_report_the_contract_keys(runner, shared_path):
    gold = shared_path("eval", "attribution", "dev.jsonl")
    result = runner.invoke(app, ["eval", "attribution", "--gold", str(gold), "--limit", "3",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    for group in [report["overall"], *report["by_kind"].values()]:
        for key in ("content_exact_f1", "content_jaccard_f1", "coverage_0.3_f1",
                    "coverage_0.8_f1", "speaker_overlap_acc", "speaker_exact_acc",
                    "cue_exact_f1", "cue_overlap_f1", "content_jaccard_p", "content_jaccard_r"):
            assert 0.0 <= group[key] <= 1.0
    assert set(report["by_kind"]) == {"direct", "mixed", "indirect"}
    timex = shared_path("eval", "timex", "dev.jsonl")
    result = runner.invoke(app, ["eval", "timex", "--gold", str(timex), "--limit", "3",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report["relaxed"]) == {"p", "r", "f1"} and set(report["strict"]) == {"p", "r", "f1"}
    assert {"value_accuracy", "value_f1", "type_accuracy"} <= set(report)


def test_eval_missing_gold_file(runner, tmp_path):
    result = runner.invoke(app, ["eval", "attribution", "--gold", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 1 and "none.jsonl" in result.stderr
