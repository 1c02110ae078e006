"""No document can stop a batch: texts over spaCy's limit, lone surrogates, an article that
breaks an extractor, impossible dates; and no worker outlives a killed ingest."""

from __future__ import annotations

import importlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli.main import app

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"
N_EXAMPLES = 9  # 7 files and a JSONL file of 2


@pytest.fixture()
def batch_with_long_article(tmp_path, long_article) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for path in EXAMPLES.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "2020-01-14-long-transcript.txt").write_text(long_article, encoding="utf-8")
    return folder


@pytest.fixture()
def batch_with_lighthouse(tmp_path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for path in EXAMPLES.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "2025-03-09-lighthouse.txt").write_text(
        "The port authority said on Sunday that the old lighthouse on the north mole would be "
        "restored by the autumn, after a storm cracked its lamp room in February.\n",
        encoding="utf-8")
    return folder


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_article_over_spacys_limit_is_stored_with_the_rest(batch_with_long_article, tmp_path,
                                                               long_article, workers):
    db = tmp_path / "c.db"
    result = CliRunner().invoke(app, ["ingest", str(batch_with_long_article), "--db", str(db),
                                      "-w", workers])
    assert result.exit_code == 0, result.output
    assert f"stored {N_EXAMPLES + 1} new" in result.output and "0 discarded" in result.output
    con = sqlite3.connect(db)
    ((long_id, text),) = con.execute("SELECT id, text FROM articles WHERE length(text) > 1000000")
    assert text == long_article.strip()
    rows = con.execute("SELECT content_start, content_end, content, speaker_text FROM statements"
                       " WHERE article_id = ? ORDER BY content_start", (long_id,)).fetchall()
    assert rows and all(text[s:e] == content for s, e, content, _ in rows)
    assert "border talks would resume" in rows[0][2]
    assert rows[-1][2].endswith("talks had been postponed again") and rows[-1][3] == "Kovac"
    # one minister across the parts: the surname in the last part is the full name of the first
    (mentions,) = con.execute("SELECT mentions FROM entities WHERE article_id = ? AND name = ?",
                              (long_id, "Anna Kovac")).fetchone()
    assert len(json.loads(mentions)) == 2


def test_analyze_prints_the_record_of_an_article_over_the_limit(tmp_path, long_article):
    path = tmp_path / "long.txt"
    path.write_text(long_article, encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(path), "--published", "2020-01-14",
                                      "--format", "json"])
    assert result.exit_code == 0, result.output[-2000:]
    record = json.loads(result.stdout)
    text = record["article"]["text"]
    assert len(text) > 1_000_000
    contents = [s["content"] for s in record["statements"]]
    assert contents[-1] == "that the talks had been postponed again"
    assert all(text[s["content_span"][0]:s["content_span"][1]] == s["content"]
               for s in record["statements"])


def test_lone_surrogates_in_jsonl_are_replaced_and_the_batch_goes_on(tmp_path):
    lines = [
        '{"text": "Officials said on Monday \\ud800 that talks on the port would resume.",'
        ' "published": "2020-01-14"}',
        '{"text": "The mayor said on Monday that the bridge would reopen in June.",'
        ' "title": "Bridge \\udc00 to reopen", "source": "The \\ud83d Courier",'
        ' "published": "2020-01-14"}',
        '{"text": "Police said on Tuesday that two men had been arrested.",'
        ' "published": "2020-01-14"}',
    ]
    feed = tmp_path / "odd.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "c.db"
    result = CliRunner().invoke(app, ["ingest", str(feed), "--db", str(db), "-w", "1"])
    assert result.exit_code == 0, result.output
    assert "stored 3 new" in result.output and "0 discarded" in result.output
    con = sqlite3.connect(db)
    texts = {r[0] for r in con.execute("SELECT text FROM articles")}
    assert "Officials said on Monday \ufffd that talks on the port would resume." in texts
    assert con.execute("SELECT title, source FROM articles WHERE title LIKE 'Bridge%'"
                       ).fetchone() == ("Bridge \ufffd to reopen", "The \ufffd Courier")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_failing_article_costs_only_itself(batch_with_lighthouse, tmp_path, monkeypatch,
                                             workers):
    """An extractor that raises on one article: that article is discarded with the reason,
    the others of its chunk are stored, and the batch exits 0 saying how many it discarded.
    (Worker processes are forked after the patch, so they run it too.)"""
    analyze_module = importlib.import_module("onrecord.analyze")  # not onrecord.analyze(),
    real = analyze_module._run_components

    def explode_on_lighthouse(doc):
        if "lighthouse" in doc.text:
            raise RuntimeError("an extractor bug")
        return real(doc)

    monkeypatch.setattr(analyze_module, "_run_components", explode_on_lighthouse)
    db = tmp_path / "c.db"
    result = CliRunner().invoke(app, ["ingest", str(batch_with_lighthouse), "--db", str(db),
                                      "-w", workers])
    assert result.exit_code == 0, result.output
    con = sqlite3.connect(db)
    ((doc_id, stage, reason),) = con.execute("SELECT doc_id, stage, reason FROM discarded")
    assert doc_id.endswith("lighthouse.txt") and stage == "extract"
    assert "RuntimeError: an extractor bug" in reason
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == N_EXAMPLES
    assert f"stored {N_EXAMPLES} new, 0 already stored, 1 discarded" in result.output


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has exited; only its parent's wait is missing


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_no_worker_outlives_a_killed_ingest(tmp_path, signum):
    batch = tmp_path / "many"
    batch.mkdir()
    for i in range(60):
        (batch / f"{i:02d}.txt").write_text(
            f"Harbour master Ines Alvarez said on Monday that berth {i} would close for "
            f"{i + 2} weeks of repairs, a decision the ferry operators called rushed.\n\n"
            f"“We were told on Friday,” one operator said. Officials said work on berth {i} "
            f"would start in {['March', 'April', 'May'][i % 3]}.\n", encoding="utf-8")
    db = tmp_path / "c.db"
    proc = subprocess.Popen([sys.executable, "-m", "onrecord.cli.main", "ingest", str(batch),
                             "--db", str(db), "-w", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        workers = {p for p in _children(proc.pid) if _alive(p)}
        if len(workers) >= 2 and db.exists():
            break
        time.sleep(0.1)
    assert proc.poll() is None and len(workers) >= 2, "no workers seen before ingest ended"
    time.sleep(1.0)  # the workers are busy with their chunks now
    os.kill(proc.pid, signum)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.1)
    survivors = [p for p in workers if _alive(p)]
    for p in survivors:  # do not leave them behind even when the test fails
        os.kill(p, signal.SIGKILL)
    assert not survivors, f"worker processes {survivors} outlived the ingest"
