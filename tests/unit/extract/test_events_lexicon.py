"""The events room's language data reads as it says: every trigger carries a CAMEO code with a
PLOVER type, and the one CAMEO -> PLOVER map serves the extractor and the eval alike."""

from __future__ import annotations

import re

import pytest

from onrecord.eval import events as eval_events
from onrecord.extract.events import lexicon, plover

_CAMEO = re.compile(r"(0[3-9]|1\d|20)\d{1,2}")  # 01 and 02 name no event in PLOVER


def _codes() -> list[str]:
    tables = [lexicon.VERBS, lexicon.NOUNS, lexicon.VERB_PREPS, lexicon.PREP_NOUNS,
              lexicon.COMPOUNDS, *lexicon.VERB_OBJECTS.values(),
              *lexicon.PREP_OBJECTS.values()]
    return [code for table in tables for code in table.values()]


def test_every_trigger_code_is_cameo_with_a_plover_type():
    codes = _codes()
    assert len(codes) > 400
    bad = [c for c in codes if not _CAMEO.fullmatch(c) or plover.plover_type(c) is None]
    assert bad == []
    assert {plover.plover_type(c) for c in codes} <= set(plover.PLOVER_TYPES)


def test_known_entries_map_as_expected():
    assert lexicon.VERBS["bombard"] == "195" and lexicon.VERBS["bomb"] == "183"
    assert lexicon.VERBS["overran"] == "190"  # a continuation line of code 190
    assert lexicon.NOUNS["airstrike"] == "195" and lexicon.NOUNS["ceasefire"] == "0871"
    assert lexicon.VERB_OBJECTS["donate"]["support"] == "070"
    assert lexicon.VERB_OBJECTS["halt"] == lexicon.VERB_OBJECTS["suspend"]
    assert lexicon.VERB_OBJECTS["break"]["truce"] == "196"
    assert lexicon.PREP_OBJECTS[("kick", "out")]["monitor"] == "166"
    assert "pipeline" in lexicon.PROPERTY and lexicon.PREP_OBJECTS[("blow", "up")]["dam"] == "1712"
    assert lexicon.VERB_PREPS[("crack", "down")] == "175"
    assert lexicon.COMPOUNDS[("suicide", "bombing")] == "1831"
    assert lexicon.PREP_NOUNS[("case", "against")] == "115"
    assert {"wag", "stag"} <= lexicon.LIGHT_VERBS and "say" in lexicon.SPEECH_VERBS
    assert lexicon.RECEIVING == {"receive", "get", "obtain"}


def test_one_plover_map_for_the_extractor_and_the_eval():
    assert lexicon.plover_type is plover.plover_type
    assert [plover.plover_type(c) for c in ("195", "192", "084", "0813", "163", "010")] == [
        "ASSAULT", "COERCE", "RETREAT", "CONCEDE", "COERCE", None]
    # PLOVER <= 0.6, in current names, types by root like the 2021 roots: only codes moved
    assert plover.LEGACY_BY_ROOT == plover.PLOVER_BY_ROOT
    assert plover.LEGACY_NAMES["FIGHT"] == "ASSAULT"
    assert eval_events.legacy_type("COERCE", "19") == "ASSAULT"
    assert eval_events.gold_plover({"ontology": "PLOVER", "code": "DEMAND"}) == "REQUEST"


def test_a_malformed_code_file_is_an_error_naming_it(monkeypatch):
    monkeypatch.setattr(lexicon, "data_lines", lambda name, room=None: ["bomb shell"])
    with pytest.raises(ValueError, match="cameo_verbs.txt: 'bomb shell' before any CAMEO"):
        lexicon._code_table("cameo_verbs.txt")
    monkeypatch.setattr(lexicon, "data_lines", lambda name, room=None: ["183 bomb", "195 bomb"])
    with pytest.raises(ValueError, match="'bomb' is listed under 183 and 195"):
        lexicon._code_table("cameo_verbs.txt")


def test_a_hyphenated_noun_is_read_as_the_compound_of_its_parts():
    assert lexicon.COMPOUNDS[("sit", "in")] == "141"
    assert lexicon.COMPOUNDS[("cease", "fire")] == "0871"
    assert "sit-in" not in lexicon.NOUNS and lexicon.NOUNS["ceasefire"] == "0871"
    assert lexicon._hyphenated({"build-up": "154", "siege": "191"}) == {("build", "up"): "154"}
    with pytest.raises(ValueError, match="'hand-over-ing' is no two-part hyphenated noun"):
        lexicon._hyphenated({"hand-over-ing": "084"})


def test_codebook_entries_map_as_expected():
    assert lexicon.VERBS["behead"] == "1823" and lexicon.VERBS["castigate"] == "111"
    assert lexicon.NOUNS["genocide"] == "202" and lexicon.NOUNS["walkout"] == "143"
    assert lexicon.VERB_OBJECTS["strike"]["deal"] == "057"  # "struck a deal": no attack
    assert lexicon.VERB_OBJECTS["recall"]["ambassador"] == "161"
    assert lexicon.VERB_OBJECTS["exchange"]["fire"] == "190"
    assert lexicon.PREP_OBJECTS[("break", "off")]["talk"] == "164"
    assert lexicon.VERB_PREPS[("break", "off")] == "161"
    assert lexicon.COMPOUNDS[("air", "raid")] == "195"
