"""Reading user actor and agent dictionaries (CAMEO/TABARI format and CSV), on small invented
dictionaries: every syntax feature, and errors that name the file and the line."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from onrecord.errors import DictionaryError, InputError
from onrecord.extract.entities.dictionaries import (
    ActorDictionary,
    ActorEntry,
    read_dictionaries,
    regular_plural,
    words_of,
)

ACTORS = """\
<!-- An invented actor dictionary for the tests.
     This comment runs over two lines. -->
VELDORIA [VLD]
+VELDORIAN            # a synonym of the entry above
RED_HAND_GUNMEN [VLDREBRHD]
KARSK REPUBLIC [KRS]  # a space-separated name
KARSK_
\t[krs]
OSTERMARK # codes on the following lines, by date
+OSTERMARKER
\t[OSM <20100101]
\t[OSMGOV 20100101-20150101]
\t[OSMREB >20150101]
<! -- a TABARI-style comment with a space -->
BRENNIGAN [BRN]
\t[---  <950630]
TARNWALD [TRN]
\t[TRNGOV 19990101 - 19991231]
"""

AGENTS = """\
!GUARD! = GUARD, GUARDS
!MIN! = MINISTER, MINISTRY
BORDER_!GUARD! [~MIL]
!MIN!_OF_CANALS [~GOVCNL]
ENVOY {ENVOYS} [~GOV]
ARMED_FORCES {} [~MIL]
FERRYMAN [~CVL]
RELIEF_AGENCY [ NGO~]  # a prefix: NGO then the actor's code
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _entry(d: ActorDictionary, *words: str) -> ActorEntry:
    found = [e for e in d.actors if tuple(words) in e.phrases]
    assert len(found) == 1, words
    return found[0]


@pytest.fixture
def dictionary(tmp_path: Path) -> ActorDictionary:
    return read_dictionaries([_write(tmp_path, "a.txt", ACTORS)],
                             [_write(tmp_path, "g.txt", AGENTS)])


def test_names_synonyms_and_codes(dictionary):
    assert len(dictionary.actors) == 7 and len(dictionary.agents) == 6
    assert _entry(dictionary, "veldoria") is _entry(dictionary, "veldorian")
    assert _entry(dictionary, "veldoria").code_on(None) == "VLD"
    assert _entry(dictionary, "red", "hand", "gunmen").code_on(None) == "VLDREBRHD"
    assert _entry(dictionary, "karsk", "republic").code_on(None) == "KRS"
    # a trailing underscore is dropped; a code on the next line; codes upper-cased
    assert _entry(dictionary, "karsk").code_on(None) == "KRS"
    assert _entry(dictionary, "ostermark") is _entry(dictionary, "ostermarker")


def test_comments_leave_no_entries(dictionary):
    words = {w for e in dictionary.actors for p in e.phrases for w in p}
    assert words.isdisjoint({"an", "comment", "tabari", "this", "synonym", "codes"})


def test_dated_codes(dictionary):
    osm = _entry(dictionary, "ostermark")
    assert [osm.code_on(dt.date(*d)) for d in ((2009, 12, 31), (2010, 1, 1), (2014, 12, 31),
                                               (2015, 1, 1))] == ["OSM", "OSMGOV", "OSMGOV",
                                                                   "OSMREB"]
    assert osm.code_on(None) == "OSM"  # no date and no default: the first code
    brn = _entry(dictionary, "brennigan")  # a six-digit TABARI date: 1995
    assert brn.code_on(dt.date(1995, 6, 29)) == "---"
    assert brn.code_on(dt.date(1995, 6, 30)) == "BRN"
    assert brn.code_on(None) == "BRN"
    trn = _entry(dictionary, "tarnwald")  # a range written with spaces around the dash
    assert trn.code_on(dt.date(1999, 6, 1)) == "TRNGOV"
    assert trn.code_on(dt.date(2000, 6, 1)) == "TRN"


def test_agents_macros_plurals_and_prefixes(dictionary):
    by_phrase = {p: a for a in dictionary.agents for p in a.phrases}
    assert by_phrase[("border", "guard")] is by_phrase[("border", "guards")]
    assert by_phrase[("minister", "of", "canals")] is by_phrase[("ministry", "of", "canals")]
    assert by_phrase[("minister", "of", "canals")].applied("VLD") == "VLDGOVCNL"
    assert ("envoys",) in by_phrase and ("envoies",) not in by_phrase  # braces: as given
    assert ("armed", "forces") in by_phrase  # {}: the regular plural ("forces" stays)
    assert ("ferrymen",) in by_phrase  # no braces: the regular plural too
    relief = by_phrase[("relief", "agency")]
    assert ("relief", "agencies") in relief.phrases
    assert relief.applied("KRS") == "NGOKRS"
    assert by_phrase[("envoy",)].applied(None) == "---GOV"  # no actor named


def test_words_and_plurals():
    assert words_of("AL-ZARQ_BRIGADE") == ("al", "-", "zarq", "brigade")
    assert words_of("RED HAND_") == ("red", "hand")
    assert [regular_plural(w) for w in ("envoy", "agency", "church", "ferryman", "troops")] == [
        "envoys", "agencies", "churches", "ferrymen", "troops"]


def test_csv(tmp_path):
    path = _write(tmp_path, "actors.csv", "name,code,start,end\n"
                  "Veldoria,VLD,,\n"
                  "Ostermark,OSMGOV,2010-01-01,2014-12-31\n"
                  "Ostermark,OSM,,\n"
                  "Red Hand Gunmen,VLDREB,,\n")
    d = read_dictionaries([path])
    assert _entry(d, "veldoria").code_on(None) == "VLD"
    osm = _entry(d, "ostermark")
    assert osm.code_on(dt.date(2014, 12, 31)) == "OSMGOV"  # the end date is inclusive
    assert osm.code_on(dt.date(2015, 1, 1)) == "OSM"
    assert _entry(d, "red", "hand", "gunmen").code_on(None) == "VLDREB"
    agents = read_dictionaries(agents=[_write(tmp_path, "agents.csv",
                                              "name,code\nharbour master,~GOV\n")])
    assert agents.agents[0].applied("VLD") == "VLDGOV"


def test_the_dictionary_pickles(dictionary):
    again = pickle.loads(pickle.dumps(dictionary))
    assert again == dictionary
    assert again.phrases("veldoria") == dictionary.phrases("veldoria") != ()


@pytest.mark.parametrize(("text", "line", "what"), [
    ("VELDORIA [VLD]\nKARSK [KRS\n", 2, "unbalanced"),
    ("VELDORIA [VLD]\n\nKARSK [KRS >2010]\n", 3, "cannot read the code"),
    ("VELDORIA [VLD]\nKARSK [KRS >20101301]\n", 2, "not a date"),
    ("VELDORIA [VLD]\nKARSK [KRS 20150101-20100101]\n", 2, "ends before"),
    ("+VELDORIAN\n", 1, "before any entry"),
    ("VELDORIA\nKARSK [KRS]\n", 1, "no code for"),
    ("VELDORIA [VLD]\nKARSK!X! [KRS]\n", 2, "macro !X!"),
    ("<!-- a comment -->\nVELDORIA [950601-990815]\n", 2, "cannot read the code"),
])
def test_a_malformed_line_names_the_file_and_line(tmp_path, text, line, what):
    path = _write(tmp_path, "bad.txt", text)
    with pytest.raises(DictionaryError, match=what) as caught:
        read_dictionaries([path])
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert isinstance(caught.value, InputError)


def test_agent_errors(tmp_path):
    with pytest.raises(DictionaryError, match=r"g\.txt:2: an agent's code needs one '~'"):
        read_dictionaries(agents=[_write(tmp_path, "g.txt", "ENVOY [~GOV]\nHARBOUR [GOV]\n")])
    with pytest.raises(DictionaryError, match=r"bad\.csv:3: "):
        read_dictionaries([_write(tmp_path, "bad.csv", "name,code\nVeldoria,VLD\nKarsk,\n")])
    with pytest.raises(DictionaryError, match="cannot read the dictionary"):
        read_dictionaries([tmp_path / "missing.txt"])


def test_a_csv_row_open_to_the_end_of_time(tmp_path):
    d = read_dictionaries([_write(tmp_path, "actors.csv",
                                  "name,code,start,end\nVeldoria,VLD,2000-01-01,9999-12-31\n")])
    assert _entry(d, "veldoria").code_on(dt.date(2020, 1, 1)) == "VLD"  # no OverflowError
    assert d.longest == 1
