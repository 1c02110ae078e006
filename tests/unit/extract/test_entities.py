"""Entities canonical within one article (invented sentences)."""

from __future__ import annotations

import pytest

from onrecord.extract.entities.actors import actor_code, is_capital, is_demonym

pytestmark = pytest.mark.model


def entity_named(record, name):
    found = [e for e in record.entities if e.name == name]
    assert found, f"no entity {name!r}: {[e.name for e in record.entities]}"
    return found[0]


def test_title_split_and_surname_linked(analyse):
    rec = analyse("Foreign Minister Elena Vasquez flew to Geneva on Monday. Vasquez met the "
                  "envoys there, and Vasquez later spoke to reporters.")
    e = entity_named(rec, "Elena Vasquez")
    assert e.kind == "PERSON"
    assert "Foreign Minister" in e.titles
    assert len(e.mentions) == 3
    assert "Vasquez" in e.aliases


def test_the_president_is_the_president(analyse):
    text = ("President Maria Duarte arrived late. Duarte waved to the crowd, "
            "and the president then left for the airport.")
    rec = analyse(text)
    e = entity_named(rec, "Maria Duarte")
    mentioned = {text[s:t] for s, t in e.mentions}
    assert mentioned == {"Maria Duarte", "Duarte", "the president"}


def test_states_and_nationalities_get_actor_codes(analyse):
    rec = analyse("The U.S. and Iran traded threats. American diplomats said the United States "
                  "would not back down, while Iranian officials disagreed.")
    codes = {e.name: e.actor for e in rec.entities}
    assert codes.get("United States") == "USA"
    assert codes.get("Iran") == "IRN"
    usa = entity_named(rec, "United States")
    assert len(usa.mentions) == 2  # "U.S." and "United States" are one entity
    assert any(e.actor == "IRN" and e.kind == "NORP" for e in rec.entities)
    assert any(e.actor == "USA" and e.kind == "NORP" for e in rec.entities)


def test_mentions_reslice(analyse):
    text = "Secretary of State Anne Holt met Gen. Omar Haddad in Amman; Holt praised Haddad."
    rec = analyse(text)
    for e in rec.entities:
        for s, t in e.mentions:
            assert text[s:t].strip() == text[s:t] and text[s:t]
    holt = entity_named(rec, "Anne Holt")
    assert holt.titles == ("Secretary of State",)


def test_actor_table():
    assert actor_code("U.S.") == "USA"
    assert actor_code("Americans") == "USA"
    assert actor_code("the United States") == "USA"
    assert actor_code("Iranian") == "IRN"
    assert actor_code("Tehran") == "IRN"
    assert actor_code("Atlantis") is None
    assert is_demonym("Iranian") and not is_demonym("Iran")
    assert is_capital("Ankara") and not is_capital("Turkey")
