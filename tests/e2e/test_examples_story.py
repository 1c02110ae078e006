"""The invented example story (examples/, see docs/examples.md) read as a careful reader would."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.analyze import analyze
from onrecord.ingest import load_article

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"


def record_of(name):
    return analyze(load_article(EXAMPLES / name))


def speaker(record, s):
    e = record.entity(s.speaker)
    return e.name if e else None


def test_collision_day_sources():
    rec = record_of("2025-03-03-harbor-wire-collision.txt")
    assert rec.article.published == "2025-03-03"  # from the file name
    assert not rec.article.text.startswith("VIDEO") and "Load More" not in rec.article.text
    markou = [s for s in rec.statements if speaker(rec, s) == "Eleni Markou"]
    assert any(s.kind == "direct" and "Nobody should turn an accident" in s.content
               for s in markou)
    anonymous = [s for s in rec.statements if s.sourcing == "anonymous"]
    assert any("transponder" in s.content for s in anonymous)
    sezer = [s for s in rec.statements if speaker(rec, s) == "Hakan Sezer"]
    assert sezer and sezer[0].kind == "mixed"  # reported clause holding a short quotation


def test_minister_claims_and_the_coast_guard_contradiction():
    rec = record_of("2025-03-07-harbor-wire-exercise.txt")
    theodorou = [s for s in rec.statements if speaker(rec, s) == "Nikos Theodorou"]
    skai = [s for s in theodorou if s.channel == "Skai TV"]
    assert skai and "rammed on purpose" in skai[0].content
    parliament = [s for s in theodorou if "deliberate provocation" in s.content]
    assert parliament and rec.time(parliament[0].time).value == "2025-03-04"
    (coast_guard,) = [s for s in rec.statements if "no evidence" in s.content]
    assert rec.time(coast_guard.time).value == "2025-03-06"


def test_mismatched_marks_and_a_post_on_x():
    rec = record_of("2025-03-07-harbor-wire-exercise.txt")
    sarantidou = [s for s in rec.statements if speaker(rec, s) == "Dimitra Sarantidou"]
    assert any(s.channel == "tweet" for s in sarantidou)
    direct = [s.content for s in sarantidou if s.kind == "direct"]
    assert any(c.startswith("But if the Mavi Pusula comes back") for c in direct), direct


def test_split_and_floating_quotes_in_the_drone_story():
    rec = record_of("2025-03-05-coastline-daily-drone.txt")
    aksoy = [s for s in rec.statements if speaker(rec, s) == "Levent Aksoy"]
    contents = [s.content for s in aksoy if s.kind == "direct"]
    assert "We will respond" in contents
    assert any(c.startswith("but not in haste") for c in contents)
    assert len(contents) >= 4  # the floating paragraph quotes stay his


def test_nested_cabinet_quote():
    rec = record_of("2025-03-06-coastline-daily-coast-guard.html")
    lambrou = [s for s in rec.statements if speaker(rec, s) == "Kostas Lambrou"]
    assert lambrou and all(s.nested_in for s in lambrou)
    parents = {s.id: s for s in rec.statements}
    assert {speaker(rec, parents[s.nested_in]) for s in lambrou} == {"Eleni Markou"}
