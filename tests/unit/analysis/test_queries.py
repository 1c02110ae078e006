"""Corpus queries and exports on both backends (hand-built records, no model)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from onrecord.analysis.export import quad_class, write_export
from onrecord.analysis.queries import find_statements, list_speakers, search
from onrecord.analysis.sourcing import sourcing_shares
from onrecord.analysis.timeline import build_timeline, find_events
from onrecord.errors import QueryError
from onrecord.models import TimeExpr
from onrecord.store import Corpus

RAID = ("Colonel Ada Reyes said on Tuesday that Norland troops had shelled a depot in Vesk. "
        "Officials said the depot was empty.")
REPLY = "Esko Vaara said Vesk would answer the shelling of the depot. Reyes said nothing more."


def _corpus(corpus_db, build) -> Corpus:
    reyes = build.person("e7", "Ada Reyes", (8, 17), titles=("Colonel",))
    tuesday = TimeExpr("t27", "Tuesday", (27, 34), "DATE", "2024-02-06", "2024-02-06",
                       "2024-02-06")
    first = build.article(
        RAID, "2024-02-07", source="Harbor Wire", entities=(reyes,), times=(tuesday,),
        statements=(build.said(RAID, "that Norland troops had shelled a depot in Vesk", reyes,
                               "Colonel Ada Reyes", date="2024-02-06"),
                    build.said(RAID, "the depot was empty", None, "Officials",
                               sourcing="anonymous", date="2024-02-07")),
        events=(build.strike(RAID, "shelled", "NLDMIL", "VSK", time="t27"),))
    vaara = build.person("e0", "Esko Vaara", (0, 10))
    short = build.person("e62", "Reyes", (62, 67))
    second = build.article(
        REPLY, "2024-02-08", source="Coastal Herald", entities=(vaara, short),
        statements=(build.said(REPLY, "Vesk would answer the shelling of the depot", vaara,
                               "Esko Vaara", date="2024-02-08"),),
        events=(build.strike(REPLY, "answer", "VSK", "NLD", cameo="13", kind="THREATEN"),))
    corpus = Corpus(corpus_db)
    corpus.add(first)
    corpus.add(second)
    return corpus


def test_statements_by_speaker_and_dates(corpus_db, build):
    with _corpus(corpus_db, build) as corpus:
        rows = find_statements(corpus, speaker="Colonel Reyes")
        assert [r["content"] for r in rows] == ["that Norland troops had shelled a depot in Vesk"]
        assert rows[0]["speaker"] == "Ada Reyes" and rows[0]["outlet"] == "Harbor Wire"
        assert [r["speaker"] for r in find_statements(corpus, speaker="officials")] == [
            "Officials"]
        assert [r["date"] for r in find_statements(corpus, since="2024-02-07")] == [
            "2024-02-07", "2024-02-08"]
        assert len(find_statements(corpus, until="2024-02")) == 3
        with pytest.raises(QueryError):
            find_statements(corpus, since="last week")


def test_timeline_puts_events_and_statements_on_one_axis(corpus_db, build):
    with _corpus(corpus_db, build) as corpus:
        items = build_timeline(corpus)
        # by date, then in text order within an article
        assert [(i["item"], i["date"]) for i in items] == [
            ("statement", "2024-02-06"), ("event", "2024-02-06"), ("statement", "2024-02-07"),
            ("statement", "2024-02-08"), ("event", "2024-02-08")]
        assert items[1]["date_defaulted"] is False and items[4]["date_defaulted"] is True
        assert [e["trigger"] for e in find_events(corpus, actor="NLD")] == ["shelled"]
        assert [e["trigger"] for e in find_events(corpus, target="NLD")] == ["answer"]
        vsk = build_timeline(corpus, actor="VSK")
        assert vsk and all(i["item"] == "event" for i in vsk)


def test_speakers_and_sourcing(corpus_db, build):
    with _corpus(corpus_db, build) as corpus:
        speakers = {r["speaker"]: r for r in list_speakers(corpus)}
        assert speakers["Ada Reyes"]["named"] == 1 and speakers["Officials"]["anonymous"] == 1
        # counted live over a date range, the same figures as the kept counts
        ranged = {r["speaker"]: r for r in list_speakers(corpus, since="2024", until="2024")}
        assert ranged == speakers
        assert [r["speaker"] for r in list_speakers(corpus, since="2024-02-08")] == [
            "Esko Vaara"]
        by_outlet = {r["outlet"]: r for r in sourcing_shares(corpus, "outlet")}
        assert by_outlet["Harbor Wire"]["anonymous_share"] == 0.5
        assert by_outlet["Coastal Herald"]["anonymous_share"] == 0.0
        assert len(sourcing_shares(corpus, "article")) == 2


def test_search_ranks_statements_and_articles(corpus_db, build):
    with _corpus(corpus_db, build) as corpus:
        hits = search(corpus, "depot shelling")
        assert {h["type"] for h in hits} == {"statement", "article"}
        with pytest.raises(QueryError):
            search(corpus, "  -- ")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "gdelt"])
def test_text_exports(corpus_db, build, tmp_path, fmt):
    out = tmp_path / f"export.{fmt}"
    table = "events" if fmt == "gdelt" else "statements"
    with _corpus(corpus_db, build) as corpus:
        assert write_export(corpus, table, fmt, out) == (2 if fmt == "gdelt" else 3)
    text = out.read_text(encoding="utf-8")
    if fmt == "jsonl":
        rows = [json.loads(line) for line in text.splitlines()]
        assert {r["speaker"] for r in rows} == {"Ada Reyes", None, "Esko Vaara"}
    else:
        rows = list(csv.DictReader(io.StringIO(text), delimiter="\t" if fmt == "gdelt" else ","))
        if fmt == "gdelt":
            assert [(r["SQLDATE"], r["Actor1Code"], r["EventRootCode"], r["QuadClass"])
                    for r in rows] == [("20240206", "NLDMIL", "19", "4"),
                                       ("20240208", "VSK", "13", "3")]
        else:
            assert rows[0]["content"] == "that Norland troops had shelled a depot in Vesk"


def test_parquet_and_entities_export(corpus_db, build, tmp_path):
    import pyarrow.parquet as pq

    with _corpus(corpus_db, build) as corpus:
        assert write_export(corpus, "entities", "parquet", tmp_path / "e.parquet") == 2
        with pytest.raises(QueryError):
            write_export(corpus, "statements", "parquet", None)
        with pytest.raises(QueryError):
            write_export(corpus, "quotes", "jsonl", tmp_path / "x")
    table = pq.read_table(tmp_path / "e.parquet").to_pylist()
    reyes = next(r for r in table if r["name"] == "Ada Reyes")
    assert reyes["articles"] == 2  # "Reyes" in the second article is the same person
    assert json.loads(reyes["titles"])[0]["title"] == "Colonel"


def test_quad_classes():
    assert [quad_class(c) for c in ("01", "057", "08", "11", "19", "", None)] == [
        1, 1, 2, 3, 4, None, None]
