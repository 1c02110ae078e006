"""Event extraction on invented sentences: triggers, actors, status, time, offsets."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def events(analyse, text):
    record = analyse(text)  # analyse checks every offset (check_offsets)
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


def test_an_example_of_a_set_of_acts_takes_the_sets_agent(analyse):
    _, evs = events(analyse, "Raids by Serbia and its allies, including the shelling of a "
                    "Croatian village, have alarmed the mission for weeks.")
    ev = one(evs, "shelling")
    assert ev.source is not None and ev.source.actor == "SRB"
    assert ev.target is not None and ev.target.actor.startswith("HRV")


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
    _, evs = events(analyse, "Chile and Peru agree that the border dispute should go to "
                    "arbitration.")
    pairs = {(e.source.actor[:3], e.target.actor[:3]) for e in evs if e.trigger == "agree"}
    assert pairs == {("CHL", "PER"), ("PER", "CHL")}  # each with the other, not with itself


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


# --- issue 5: actors of office holders, one act per sentence, complements, lexicon ---------


def pairs_of(evs, trigger):
    return {(e.source.actor[:3] if e.source and e.source.actor else None,
             e.target.actor[:3] if e.target and e.target.actor else None)
            for e in evs if e.trigger == trigger}


def test_a_well_known_office_holder_acts_for_their_state(analyse):
    _, evs = events(analyse, "Angela Merkel visited Kenya on Tuesday.")
    assert pairs_of(evs, "visited") == {("DEU", "KEN")}
    _, evs = events(analyse, "Merkel criticized Hungary on Friday.")
    assert pairs_of(evs, "criticized") == {("DEU", "HUN")}


def test_leader_gazetteer_needs_an_unambiguous_name():
    from onrecord.extract.entities.actors import leader_code

    assert leader_code("Vladimir Putin") == leader_code("Putin") == "RUS"
    assert leader_code("Kofi Annan") == "IGOUNO"
    assert leader_code("May") is None and leader_code("Hussein") is None  # word; two states
    # a surname common around the world names no one alone, a full name still does
    assert leader_code("Gonzalez") is None and leader_code("González") is None
    assert leader_code("Felipe Gonzalez") == "ESP" and leader_code("Gutierrez") is None


def test_a_state_name_tagged_as_a_person_still_names_the_state(analyse):
    _, evs = events(analyse, "Sri Lanka condemned Norway on Monday.")
    assert ("LKA", "NOR") in pairs_of(evs, "condemned")


def test_consequences_of_the_main_act_are_not_events_of_their_own(analyse):
    _, evs = events(analyse, "Chilean police opened fire on demonstrators in Santiago, "
                             "wounding three and detaining forty.")
    assert [e.trigger for e in evs] == ["opened"]


def test_a_description_of_a_participant_is_no_event(analyse):
    _, evs = events(analyse, "Norway sent food aid to Chad, which is fighting rebels in the east.")
    assert {e.trigger for e in evs} == {"food aid"}


def test_an_act_set_in_time_against_another_is_kept(analyse):
    _, evs = events(analyse, "Turkey shelled Syrian positions after Syrian troops attacked a "
                             "Turkish outpost.")
    assert pairs_of(evs, "shelled") == {("TUR", "SYR")}
    assert pairs_of(evs, "attacked") == {("SYR", "TUR")}


def test_threat_takes_a_target_from_its_complement(analyse):
    _, evs = events(analyse, "Ecuador threatened to halt oil exports to Peru.")
    assert pairs_of(evs, "threatened") == {("ECU", "PER")}


def test_a_proposal_by_a_state_is_that_state(analyse):
    _, evs = events(analyse, "Spain rejected a proposal by Morocco to share the fishing grounds.")
    assert pairs_of(evs, "rejected") == {("ESP", "MAR")}


def test_saying_that_another_party_must_act_is_a_demand(analyse):
    _, evs = events(analyse, "Brazil said Paraguay must release the detained farmers.")
    ev = one(evs, "said")
    assert ev.type == "REQUEST" and pairs_of(evs, "said") == {("BRA", "PRY")}
    assert [e.trigger for e in evs] == ["said"]  # what Paraguay must do is the demand's content


def test_coordinated_demonyms_give_one_participant_each(analyse):
    _, evs = events(analyse, "Danish and Dutch officials condemned Iran on Monday.")
    assert pairs_of(evs, "condemned") == {("DNK", "IRN"), ("NLD", "IRN")}


def test_to_phrase_parsed_as_dative_is_a_target(analyse):
    _, evs = events(analyse, "Japan is providing loans and equipment to Vietnam.")
    assert ("JPN", "VNM") in pairs_of(evs, "providing")


def test_offering_help_is_an_intention(analyse):
    _, evs = events(analyse, "Mexico offered its troops to Haiti on Sunday.")
    assert one(evs, "offered").type == "AGREE"


@pytest.mark.parametrize(("text", "trigger", "type_"), [
    ("Russian hackers tried to hack into Estonian government computers.", "hack", "COERCE"),
    ("Ghana issued an ultimatum to Togo over the border dispute.", "ultimatum", "THREATEN"),
    ("The Thai army declared martial law in Bangkok.", "martial law", "COERCE"),
    ("Serbian units were engaged in ethnic cleansing in Kosovo.", "ethnic cleansing", "ASSAULT"),
    ("Ukrainian troops retook a village near the Russian border.", "retook", "ASSAULT"),
    ("Qatar presented evidence against Bahrain on Monday.", "presented", "ACCUSE"),
])
def test_lexicon_entries(analyse, text, trigger, type_):
    _, evs = events(analyse, text)
    assert one(evs, trigger).type == type_


def test_refusing_support_or_permission_is_a_rejection(analyse):
    from onrecord.eval.events import coded_as

    _, evs = events(analyse, "Chile said it would not provide support to Bolivia.")
    ev = one(evs, "provide")
    assert coded_as(ev.type, ev.cameo, ev.status) == ("REJECT", "12")
    _, evs = events(analyse, "Peru will not give permission to Chile to use the port.")
    ev = one(evs, "give")
    assert coded_as(ev.type, ev.cameo, ev.status) == ("REJECT", "12")


def test_untargeted_coercion_and_protest_are_domestic(analyse):
    _, evs = events(analyse, "Nepalese authorities imposed a curfew on Monday.")
    assert pairs_of(evs, "curfew") == {("NPL", "NPL")}
    _, evs = events(analyse, "Bolivian miners rioted on Monday.")
    assert pairs_of(evs, "rioted") == {("BOL", "BOL")}


def test_source_through_a_measure_noun(analyse):
    _, evs = events(analyse, "Indian and French warships began two weeks of joint exercises.")
    assert {s for s, _ in pairs_of(evs, "joint exercises")} == {"IND", "FRA"}


def test_arriving_on_a_visit_visits_the_place(analyse):
    _, evs = events(analyse, "The Chilean president arrived in Lima on a state visit.")
    assert pairs_of(evs, "state visit") == {("CHL", "PER")}


def test_a_statement_demanding_is_its_issuers_demand(analyse):
    _, evs = events(analyse, "Kenyan lawmakers issued a statement demanding that Ethiopia "
                             "reopen the border.")
    assert pairs_of(evs, "demanding") == {("KEN", "ETH")}


def test_ordering_someone_to_act_is_a_demand_and_helping_a_state_is_aid(analyse):
    _, evs = events(analyse, "A Kenyan judge ordered the former minister to appear in court.")
    assert one(evs, "ordered").type == "REQUEST"
    _, evs = events(analyse, "Cuba helped Venezuela last year.")
    assert pairs_of(evs, "helped") == {("CUB", "VEN")}


def test_a_backer_or_a_stance_is_not_the_actors_state(analyse):
    _, evs = events(analyse, "A Syrian-backed militia attacked Israeli troops on Monday.")
    attacks = pairs_of(evs, "attacked")
    assert attacks and all(s != "SYR" for s, _ in attacks)


def test_a_states_own_senate_and_complaints_over_an_act(analyse):
    _, evs = events(analyse, "Brazil's Senate rejected the treaty with Argentina.")
    assert {s for s, _ in pairs_of(evs, "rejected")} == {"BRA"}
    _, evs = events(analyse, "Egypt complained to the United Nations over Sudanese air raids.")
    assert pairs_of(evs, "complained") == {("EGY", "SDN")}


def test_being_opposed_to(analyse):
    _, evs = events(analyse, "Austria is opposed to Turkish membership of the bloc.")
    assert pairs_of(evs, "opposed") == {("AUT", "TUR")}


def test_a_state_named_inside_a_thing_target(analyse):
    _, evs = events(analyse, "Canada suspended part of an aid program for Haiti.")
    assert pairs_of(evs, "suspended") == {("CAN", "HTI")}


def test_releasing_a_report_is_no_event_and_long_threatened_acts_happened(analyse):
    _, evs = events(analyse, "The Kenyan ministry released a report on Monday.")
    assert not evs
    _, evs = events(analyse, "Russia launched its long-threatened offensive against Ukraine.")
    assert one(evs, "offensive").status == "occurred"


def test_ordering_a_diplomat_to_leave_is_an_expulsion(analyse):
    _, evs = events(analyse, "Chile on Monday ordered a Peruvian diplomat to leave the country.")
    ev = one(evs, "ordered")
    assert ev.type == "COERCE" and ev.cameo == "17"
    assert pairs_of(evs, "ordered") == {("CHL", "PER")}


def test_an_order_to_ones_own_forces_is_no_demand(analyse):
    _, evs = events(analyse, "The minister ordered a frigate to remain near the island.")
    assert not [e for e in evs if e.trigger == "ordered"]


def test_a_coordinated_main_clause_keeps_its_own_act(analyse):
    _, evs = events(analyse, "Egypt accused Sudan of arming rebels and said it had lodged a "
                             "protest with the Sudanese ambassador.")
    assert ("EGY", "SDN") in pairs_of(evs, "accused")
    assert one(evs, "protest").type == "PROTEST"


def test_an_act_answered_and_a_clause_with_its_own_subject_are_kept(analyse):
    _, evs = events(analyse, "Peru expelled a Chilean diplomat, answering the expulsion of a "
                             "Peruvian envoy from Santiago.")
    assert one(evs, "expulsion")
    _, evs = events(analyse, "Greece called off a naval exercise even as its foreign minister "
                             "warned Turkey.")
    assert one(evs, "warned").type == "THREATEN"


def test_states_listed_before_a_reciprocal_verb_meet_each_other(analyse):
    _, evs = events(analyse, "The US, Japan, and Canada met yesterday.")
    assert pairs_of(evs, "met") == {(a, b) for a in ("USA", "JPN", "CAN")
                                    for b in ("USA", "JPN", "CAN") if a != b}


def test_a_name_misread_as_a_date_phrase_still_gives_the_target(analyse):
    _, evs = events(analyse, "Egypt's foreign minister met with Jordanian King Abdullah II "
                             "Tuesday to discuss trade.")
    assert ("EGY", "JOR") in pairs_of(evs, "met")


def test_people_killed_in_a_state_by_no_one_named(analyse):
    _, evs = events(analyse, "There were 12 Turkish soldiers killed in Syria today.")
    assert pairs_of(evs, "killed") == {("SYR", "TUR")}  # the host state answers for it
    _, evs = events(analyse, "Two Canadian soldiers were killed by a roadside bomb outside of "
                             "the Afghan city of Kandahar.")
    assert pairs_of(evs, "killed") == {("AFG", "CAN")}


def test_a_subject_raised_from_a_passive(analyse):
    _, evs = events(analyse, "Angela Merkel is scheduled to visit Ghana next week.")
    assert pairs_of(evs, "visit") == {("DEU", "GHA")}


def test_a_demonym_before_an_act_on_a_patient_is_its_agent(analyse):
    _, evs = events(analyse, "The Turkish shelling of Kurdish villages continued on Monday.")
    assert {s for s, _ in pairs_of(evs, "shelling")} == {"TUR"}


def test_engaging_someone_in_a_fight(analyse):
    _, evs = events(analyse, "Somali militants engaged Kenyan troops in a firefight on Friday.")
    assert pairs_of(evs, "firefight") == {("SOM", "KEN")}


def test_one_states_exercises_mobilize_joint_ones_cooperate(analyse):
    _, evs = events(analyse, "China is conducting military exercises near Taiwan.")
    assert one(evs, "military exercises").type == "MOBILIZE"
    _, evs = events(analyse, "Indian and French warships began joint exercises on Monday.")
    assert one(evs, "joint exercises").type == "COOPERATE"


def test_allowing_that_is_granting_a_point(analyse):
    _, evs = events(analyse, "The Chilean minister allowed that the talks had gone badly.")
    assert not [e for e in evs if e.trigger == "allowed"]


def test_an_act_promised_unless_another_party_acts_is_a_threat(analyse):
    _, evs = events(analyse, "Ghana said it will withdraw its troops from Mali unless the "
                             "junta holds elections.")
    ev = one(evs, "withdraw")
    assert (ev.type, ev.status) == ("THREATEN", "occurred")
    _, evs = events(analyse, "Armenia threatened to hold a general strike unless Azerbaijan "
                             "reopened the road.")
    assert pairs_of(evs, "threatened") == {("ARM", "AZE")}


def test_halting_mediation_and_suspending_links_with_a_state(analyse):
    from onrecord.eval.events import coded_as

    _, evs = events(analyse, "The African Union may halt mediation efforts if the talks fail.")
    ev = one(evs, "halt")
    assert coded_as(ev.type, ev.cameo, ev.status) == ("THREATEN", "13")
    _, evs = events(analyse, "Norway announced a suspension of air links with Belarus.")
    assert pairs_of(evs, "suspension") == {("NOR", "BLR")}


def test_a_denied_act_is_negated(analyse):
    _, evs = events(analyse, "The minister denied that Greek forces had been ordered to attack "
                             "Turkish aircraft.")
    ev = one(evs, "attack")
    assert ev.status == "negated" and ev.source.actor.startswith("GRC")


def test_historical_state_names():
    from onrecord.extract.entities.actors import actor_code

    assert actor_code("Kampuchean") == "KHM" and actor_code("Zaire") == "COD"
    assert actor_code("Yugoslav") == "SRB" and actor_code("Ceylon") == "LKA"


def test_a_listed_object_of_a_light_verb_keeps_its_source(analyse):
    _, evs = events(analyse, "Ethiopian forces launched artillery, mortar, and rocket fire against "
                             "Eritrean positions on Monday, killing ten soldiers.")
    assert pairs_of(evs, "rocket fire") == {("ETH", "ERI")}
    assert not [e for e in evs if e.trigger == "killing"]


def test_what_a_rejected_demand_asked_for_is_no_act(analyse):
    _, evs = events(analyse, "Chile rejected Bolivia's demand to sever its alliance with Peru.")
    assert {e.trigger for e in evs} == {"rejected"}


def test_coordinated_acts_share_a_target(analyse):
    _, evs = events(analyse, "Ghana established diplomatic ties with and opened an embassy in "
                             "Havana.")
    assert pairs_of(evs, "established") == {("GHA", "CUB")}


def test_they_prefers_the_subject_of_its_sentence(analyse):
    _, evs = events(analyse, "Ivorian rebels rejected a Ghanaian plan and said they opposed the "
                             "deployment of Nigerian troops.")
    assert {s for s, _ in pairs_of(evs, "opposed")} == {"CIV"}


def test_an_organisation_has_no_domestic_target(analyse):
    # (the old sentence, "will provide 3,000 tons of rice", gives no event at all: a promise)
    _, evs = events(analyse, "The United Nations sent aid workers on Monday.")
    aid = pairs_of(evs, "sent")
    assert aid and all(s == "IGO" and t in (None, "---") for s, t in aid)  # no state target


def test_a_foreigner_investigated_in_a_state_by_no_one_named(analyse):
    _, evs = events(analyse, "A Canadian journalist has been put under investigation in Egypt.")
    assert pairs_of(evs, "investigation") == {("EGY", "CAN")}


def test_a_purpose_takes_the_target_of_its_verb(analyse):
    _, evs = events(analyse, "The African Union sent experts to Sudan to investigate the "
                             "killings.")
    assert pairs_of(evs, "investigate") == {("IGO", "SDN")}


def test_coordinated_demonyms_give_distinct_events(analyse):
    _, evs = events(analyse, "Greek and Turkish coast guard boats withdrew on Monday.")
    ids = [e.id for e in evs]
    assert len(ids) == len(set(ids))
    assert {e.source.actor[:3] for e in evs if e.trigger == "withdrew"} == {"GRC", "TUR"}
