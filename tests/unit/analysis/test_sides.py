"""Sides: whom a speaker speaks for, read from titles, speaker words and actor codes."""

from __future__ import annotations

import pytest

from onrecord.analysis.sides import side_of


@pytest.mark.parametrize(("name", "speaker_text", "titles", "side"), [
    # one government: its minister, consul, spokeswoman, unnamed officials, capital, forces
    ("Nadia Farouk", None, ["Saudi Foreign Minister"], "SAU"),
    ("Omar Haddad", None, ["Saudi consul general"], "SAU"),
    ("Irina Volkova", None, ["Russian Foreign Ministry spokeswoman"], "RUS"),
    (None, "Turkish officials", [], "TUR"),
    (None, "Ankara", [], "TUR"),
    (None, "the Kremlin", [], "RUS"),
    (None, "The Russian military", [], "RUS"),
    ("Pieter de Vries", None, ["Dutch prosecutor"], "NLD"),
    # a legislator is no spokesman of the executive; armed groups are a side of their own
    ("Tom Baker", None, ["U.S. Senator"], "USA-LEG"),
    ("Pavel Orlov", None, ["Eastern Ukraine separatist leader"], "REB"),
    (None, "the U.N. Security Council", [], "IGOUNO"),
    # plural agent words and unnamed sources of a named state speak for it
    (None, "Saudi authorities", [], "SAU"),
    (None, "Turkish investigators", [], "TUR"),
    (None, "unnamed Turkish security sources", [], "TUR"),
    # a civilian word ("National") gives way to the military one that follows
    (None, "the Hellenic National Defence General Staff", [], "GRC"),
    (None, "a Greek national", [], "GRC-CVL"),
])
def test_a_speaker_speaks_for_the_side_its_words_name(name, speaker_text, titles, side):
    assert side_of(name, speaker_text, titles) == side


def test_nothing_said_about_the_speaker_is_no_side():
    assert side_of("Hana Lindqvist") is None
    assert side_of("Tom Baker", titles=["Senator"]) is None  # a senator of which state?
    # a capital inside a newspaper's name is not the government
    assert side_of("Washington Post") is None
    assert side_of("Moscow Times", "the Moscow Times") is None
    # a nationality alone is no government: a citizen speaks for herself
    assert side_of("Leyla Demir", titles=["Turkish fiancee"]) is None
    assert side_of(None, "Turkish officials") == "TUR"
    assert side_of(None, "a source familiar with the matter") is None  # a source of whom?


def test_the_entity_actor_code_and_a_leader_table_come_first():
    assert side_of("Harbour Board", actor="RUSGOV") == "RUS"
    assert side_of("Coastal Guard", actor="USAMIL") == "USA"
    # a well-known office holder's state, whatever the titles say
    assert side_of("Vladimir Putin", titles=["President"]) == "RUS"


def test_an_official_news_agency_is_its_government_and_a_parliament_its_own_side():
    # the agency relays the government: its account and a minister's are one side's
    assert side_of("Saudi Press Agency") == side_of(None, "Saudi officials") == "SAU"
    assert side_of("Xinhua") == "CHN" and side_of("the FBI") == "USA"
    assert side_of("Duma") == "RUS-LEG"  # legislators are a side of their own
