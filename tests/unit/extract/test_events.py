"""Event extraction on invented sentences: triggers, actors, status, time, offsets."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def events(analyse, text):
    record = analyse(text)
    for ev in record.events:
        s, e = ev.trigger_span
        assert record.article.text[s:e] == ev.trigger
    return record, record.events


def one(evs, trigger):
    found = [e for e in evs if e.trigger == trigger]
    assert found, [e.trigger for e in evs]
    return found[0]


def test_verbal_event_with_source_and_target(analyse):
    _, evs = events(analyse, "Iran fired missiles at American bases in Iraq on Wednesday.")
    ev = one(evs, "fired")
    assert (ev.type, ev.cameo, ev.status) == ("ASSAULT", "19", "occurred")
    assert ev.source.actor == "IRN" and ev.target.actor.startswith("USA")


def test_nominal_event_possessor_is_source_and_on_phrase_target(analyse):
    _, evs = events(analyse, "Syria's air strike on Turkish troops angered Ankara.")
    ev = one(evs, "air strike")
    assert ev.type == "ASSAULT" and ev.source.actor == "SYR" and ev.target.actor == "TURMIL"


def test_patient_noun_takes_its_of_phrase_as_target(analyse):
    _, evs = events(analyse, "The siege of the French Embassy by protesters lasted a week.")
    ev = one(evs, "siege")
    assert ev.target.actor.startswith("FRA")


def test_statuses(analyse):
    _, evs = events(analyse, "Canada will impose sanctions on Russia. Japan did not attack "
                    "China. Officials said Egypt had decided against retaliation against Libya.")
    assert one(evs, "sanctions").status == "planned"
    assert one(evs, "attack").status == "negated"
    assert one(evs, "retaliation").status == "negated"


def test_called_off(analyse):
    _, evs = events(analyse, "Britain called off an imminent strike on Syria in June.")
    assert one(evs, "strike").status == "called_off"


def test_time_of_own_clause_or_none(analyse):
    record, evs = events(analyse, "Israeli troops raided a village in Lebanon on Monday. "
                         "Lebanese officials condemned Israel.")
    raid = one(evs, "raided")
    assert record.time(raid.time).text == "Monday"
    assert one(evs, "condemned").time is None


def test_speech_is_not_an_event(analyse):
    _, evs = events(analyse, "The French minister said the talks went well.")
    assert not [e for e in evs if e.trigger == "said"]


def test_intention_verb_yields_to_the_act_it_governs(analyse):
    _, evs = events(analyse, "Romania agreed on Monday to negotiate with Serbia next month.")
    assert not [e for e in evs if e.trigger == "agreed"]
    ev = one(evs, "negotiate")
    assert ev.status == "planned" and ev.source.actor == "ROU" and ev.target.actor == "SRB"


def test_threat_takes_the_target_of_the_act_threatened(analyse):
    _, evs = events(analyse, "Kenya threatened to cut diplomatic ties with Uganda.")
    ev = one(evs, "threatened")
    assert ev.type == "THREATEN" and ev.source.actor == "KEN" and ev.target.actor == "UGA"
    assert [e.trigger for e in evs] == ["threatened"]


def test_stateless_target_of_a_domestic_event_takes_the_source_state(analyse):
    _, evs = events(analyse, "Peruvian police arrested dozens of protesters on Sunday.")
    ev = one(evs, "arrested")
    assert ev.source.actor == "PERCOP" and ev.target.actor.startswith("PER")


def test_coordinated_subjects_of_a_reciprocal_verb_meet_each_other(analyse):
    _, evs = events(analyse, "Chile and Argentina met in Geneva on Tuesday.")
    pairs = {(e.source.actor[:3], e.target.actor[:3]) for e in evs if e.trigger == "met"}
    assert pairs == {("CHL", "ARG"), ("ARG", "CHL")}


def test_blocking_roads_is_a_protest_and_labour_strike_is_not_an_assault(analyse):
    _, evs = events(analyse, "Ghanaian farmers blocked roads near Accra after a four-day strike.")
    assert one(evs, "blocked").type == "PROTEST"
    _, evs = events(analyse, "Greek dockworkers began an open-ended strike in Athens.")
    assert one(evs, "strike").type == "PROTEST"


def test_event_without_a_source_is_not_coded(analyse):
    _, evs = events(analyse, "Twelve people were killed in the clashes on Friday.")
    assert not evs


def test_ready_to_marks_an_intention(analyse):
    _, evs = events(analyse, "The Bolivian government is ready to lift the ban on imports.")
    assert one(evs, "lift").status == "planned"


def test_figurative_strike_is_no_attack(analyse):
    rec = analyse("Turkey's Foreign Ministry struck a harder tone on Monday after the talks.")
    assert not [e for e in rec.events if e.type == "ASSAULT"]
