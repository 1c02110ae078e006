"""The corpus end to end: batch ingest (workers, bad input, interruption), then every query,
the contradictions of the example story and of the canonical article, and the exports."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from onrecord.cli.main import app

pytestmark = pytest.mark.model


def _json(args: list[str]):
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_queries_on_the_example_corpus(example_db):
    db = ["--db", str(example_db)]
    said = _json(["statements", "--speaker", "Theodorou", *db])
    assert said and {r["speaker"] for r in said} == {"Nikos Theodorou"}
    dates = [r["date"] for r in said]
    assert dates == sorted(dates, key=lambda d: (d is None, d or ""))  # undated last
    timeline = _json(["timeline", "--since", "2025-03-05", "--until", "2025-03-06", *db])
    assert {r["item"] for r in timeline} == {"event", "statement"}
    assert all("2025-03-05" <= r["date"] <= "2025-03-06" for r in timeline)
    speakers = _json(["speakers", *db])
    assert speakers[0]["speaker"] == "Nikos Theodorou" and speakers[0]["articles"] >= 4
    outlets = {r["outlet"]: r for r in _json(["sourcing", *db])}
    assert 0 < outlets["The Meridian Post"]["anonymous_share"] < 1
    hits = _json(["search", "transponder", *db])
    assert any("transponder" in (h.get("content") or "") for h in hits)


def test_contradiction_and_shift_in_the_example_story(example_db):
    findings = _json(["contradictions", "--db", str(example_db)])
    kinds = {f["kind"] for f in findings}
    assert kinds == {"contradiction", "shift"}
    # the coast guard chief contradicts the minister's "rammed on purpose"
    assert any(f["kind"] == "contradiction" and "coast guard" in f["b"]["speaker"].lower()
               and f["a"]["speaker"] == "Nikos Theodorou" for f in findings)
    # the minister's own account shifts between Tuesday and Saturday
    assert any(f["kind"] == "shift" and f["a"]["speaker"] == f["b"]["speaker"]
               == "Nikos Theodorou" and f["a"]["date"] < f["b"]["date"] for f in findings)


def test_disputes_of_the_example_story(example_db):
    db = ["--db", str(example_db)]
    disputes = _json(["disputes", *db])
    assert disputes and {d["kind"] for d in disputes} == {"contradiction", "shift"}
    # the spokesperson's "accident" against the minister's "rammed on purpose", one dispute
    collision = next(d for d in disputes if d["kind"] == "contradiction" and {
        "Eleni Markou", "Nikos Theodorou"} <= {p["name"] for p in d["parties"]})
    assert collision["links"] and all(p["claims"] for p in collision["parties"])
    claims = [c for p in collision["parties"] for c in p["claims"]]
    assert len({(c["article_id"], c["statement_id"]) for c in claims}) == len(claims)
    # filters: a matter's words, one kind, one speaker
    drill = _json(["disputes", "--matter", "Poseidon Shield", *db])
    assert drill and all("poseidon" in " ".join(
        c["content"].lower() for p in d["parties"] for c in p["claims"]) for d in drill)
    assert {d["kind"] for d in _json(["disputes", "--kind", "shift", *db])} == {"shift"}
    aksoy = _json(["disputes", "--speaker", "Aksoy", *db])
    assert aksoy and all(any(c["speaker"] == "Levent Aksoy" for p in d["parties"]
                             for c in p["claims"]) for d in aksoy)
    table = CliRunner().invoke(app, ["disputes", "--limit", "2", *db])
    assert table.exit_code == 0 and "1. contradiction" in table.stdout
    bad = CliRunner().invoke(app, ["disputes", "--kind", "quarrel", *db])
    assert bad.exit_code != 0 and "--kind" in bad.output


def test_the_example_story_is_one_storyline_and_queries_keep_to_it(example_db):
    db = ["--db", str(example_db)]
    (story,) = _json(["storylines", *db])  # nine articles, four outlets, one story
    assert story["articles"] == 9 and len(story["outlets"]) == 4
    assert {"Greece", "Turkey"} <= set(story["actors"])
    assert story["label"].split(":")[0] in ("Greece - Turkey", "Turkey - Greece")
    assert (story["first"], story["last"]) == ("2025-03-03", "2025-03-08")
    listed = _json(["storylines", story["id"][:8], *db])
    assert len(listed) == 9 and {a["published"] for a in listed} >= {"2025-03-03", "2025-03-08"}
    within = ["--storyline", story["id"], *db]
    assert len(_json(["statements", *within])) == len(_json(["statements", *db]))
    assert _json(["speakers", *within])[0]["speaker"] == "Nikos Theodorou"
    assert _json(["disputes", *within]) == _json(["disputes", *db])
    assert _json(["storylines", "--actor", "GRC", *db]) == [story]
    assert _json(["storylines", "--actor", "Theodorou", *db]) == [story]
    assert _json(["storylines", "--actor", "Khartoum", *db]) == []
    result = CliRunner().invoke(app, ["timeline", "--storyline", "0123456789", *db])
    assert result.exit_code == 1 and "no storyline matches id" in result.output


def test_contradiction_in_the_canonical_article(shared_path, tmp_path):
    corpus_dir = shared_path("corpus")
    db = tmp_path / "canonical.db"
    result = CliRunner().invoke(app, ["ingest", str(corpus_dir), "--db", str(db),
                                      "--published", "2020-01-14"])
    assert result.exit_code == 0, result.output
    findings = _json(["contradictions", "--db", str(db)])
    embassies = [f for f in findings if "embassies" in f["a"]["content"]
                 and f["kind"] == "contradiction"]
    assert embassies and embassies[0]["b"]["speaker"] == "Mark Esper"
    assert "no such" in embassies[0]["b"]["content"]
    shifts = [f for f in findings if f["kind"] == "shift"]
    assert any(f["a"]["speaker"] == "Donald Trump" and "deterrence" in f["b"]["content"]
               for f in shifts)


def test_exports(example_db, tmp_path):
    for table, fmt in (("statements", "csv"), ("events", "gdelt"), ("entities", "parquet"),
                       ("articles", "jsonl")):
        out = tmp_path / f"{table}.{fmt}"
        result = CliRunner().invoke(app, ["export", "--table", table, "--format", fmt,
                                          "-o", str(out), "--db", str(example_db)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 100
    header = (tmp_path / "events.gdelt").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("GLOBALEVENTID\tSQLDATE\tActor1Code")


def test_bad_input_in_a_batch_is_reported_and_skipped(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "good.txt").write_text(
        "ORMHAVEN — Harbour master Ines Vale said on Monday that the north quay would reopen "
        "on Friday after repairs to its cranes.\n", encoding="utf-8")
    (batch / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    (batch / "feed.xml").write_text("<?xml version='1.0'?><rss><channel><item><title>x",
                                    encoding="utf-8")
    good_warc = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\n")
    (batch / "crawl.warc.gz").write_bytes(good_warc[: len(good_warc) // 2])
    db = tmp_path / "c.db"
    result = CliRunner().invoke(app, ["ingest", str(batch), "http://127.0.0.1:9/dead",
                                      "--allow-private", "--db", str(db), "-w", "1"])
    assert result.exit_code == 0, result.output
    assert "stored 1 new" in result.output
    stages = sqlite3.connect(db).execute("SELECT doc_id FROM discarded").fetchall()
    names = " ".join(d for (d,) in stages)
    for bad in ("photo.jpg", "feed.xml", "crawl.warc.gz", "127.0.0.1:9"):
        assert bad in names


def test_a_killed_ingest_resumes_with_nothing_lost_or_doubled(tmp_path):
    batch = tmp_path / "many"
    batch.mkdir()
    towns = ["Ormhaven", "Kessel", "Brightwater", "Lowmoor", "Fenwick", "Caldry", "Auburn",
             "Marrow", "Thistle", "Quayside", "Northgate", "Westerly"]
    for i, town in enumerate(towns):
        (batch / f"{i:02d}.txt").write_text(
            f"{town.upper()} — Council leader Jo Park said on Monday that {town} would build "
            f"{i + 3} new schools by {2030 + i}, a plan the opposition called unaffordable.\n\n"
            f"“We cannot wait another decade,” Park said. Officials said the first site would "
            f"be chosen in {['March', 'April', 'May'][i % 3]}.\n", encoding="utf-8")
    db = tmp_path / "c.db"
    command = [sys.executable, "-m", "onrecord.cli.main", "ingest", str(batch), "--db", str(db),
               "-w", "1"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                stored = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                stored = 0
            if stored >= 2:
                break
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    before = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 2 <= before < 12
    result = CliRunner().invoke(app, ["ingest", str(batch), "--db", str(db), "-w", "1"])
    assert result.exit_code == 0, result.output
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (12, 12)
    assert con.execute("SELECT count(*) FROM discarded").fetchone()[0] == 0
    assert f"stored {12 - before} new, {before} already stored" in result.output


def test_the_example_storylines_cast_reads_sides_as_its_disputes_do(example_db):
    from onrecord.analysis.storyline_view import view_storyline
    from onrecord.store import Corpus

    with Corpus(str(example_db)) as corpus:
        (sid,) = [str(r[0]) for r in corpus.query("SELECT id FROM storylines")]
        view = view_storyline(corpus, sid)
    sides = {r["speaker"]: r["side"] for r in view.cast}
    # the defence minister's record says only "Defence Minister"; his disputed claims are
    # read with their sentences ("Greek Defence Minister ..."), as the disputes' parties are
    assert sides["Nikos Theodorou"] == "GRC"
    assert sides["Murat Kocabaş"] == "TUR"
    parties = {p["party"] for d in view.disputes for p in d["parties"]}
    assert {"GRC", "TUR"} <= parties
    # the most widely carried disputes first, as the brief sets them out
    carried = [len({c["article_id"] for p in d["parties"] for c in p["claims"]})
               for d in view.disputes]
    assert len(carried) >= 2 and carried == sorted(carried, reverse=True), carried
    assert carried[0] > carried[-1]
