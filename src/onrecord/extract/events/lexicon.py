"""The event lexicon: trigger words and the CAMEO codes they carry, and CAMEO -> PLOVER.

CAMEO -> PLOVER (``PLOVER_BY_ROOT``, ``PLOVER_EXCEPTIONS``, :func:`plover_type`) is
:mod:`onrecord.extract.events.plover`'s, shared with ``onrecord eval events``. The word lists
are onrecord's own: each lemma names the most usual CAMEO code of the act it denotes in news
(``"bomb"`` -> 195, employ aerial weapons). Some verbs are events only with a suitable object or
preposition (``"fire"`` at someone, ``"provide"`` aid); those are in :data:`VERB_OBJECTS` and
:data:`VERB_PREPS`. Nouns name events too ("the siege", "sanctions"); :data:`PATIENT_NOUNS` are
those whose possessor or ``of`` phrase is the target ("the downing of a drone").
"""

from __future__ import annotations

from onrecord.extract.events.plover import (  # noqa: F401 (the lexicon's face)
    PLOVER_BY_ROOT,
    PLOVER_EXCEPTIONS,
    PLOVER_TYPES,
    plover_type,
)


def _codes(code: str, words: str) -> dict[str, str]:
    return dict.fromkeys(words.split(), code)


# Verbs that are events on their own (lemma -> CAMEO code).
VERBS: dict[str, str] = {
    **_codes("030", "agree pledge promise accept"),
    **_codes("036", "offer"),
    **_codes("040", "meet consult confer"),
    **_codes("041", "telephone"),
    **_codes("042", "visit"),
    **_codes("043", "host"),
    **_codes("062", "exercise"),
    **_codes("045", "mediate"),
    **_codes("046", "negotiate"),
    **_codes("051", "praise commend hail endorse congratulate thank applaud welcome support back"),
    **_codes("054", "recognize recognise"),
    **_codes("055", "apologize apologise"),
    **_codes("056", "forgive pardon"),
    **_codes("060", "cooperate collaborate"),
    **_codes("063", "extradite"),
    **_codes("070", "donate"),
    **_codes("080", "allow permit concede yield"),
    **_codes("081", "lift ease"),
    **_codes("083", "resign"),
    **_codes("084", "release free"),
    **_codes("087", "withdraw evacuate"),
    **_codes("0873", "demobilize demobilise disarm"),
    **_codes("0874", "retreat surrender"),
    **_codes("090", "investigate probe inspect examine re-examine reexamine"),
    **_codes("100", "demand urge request insist ask seek plead"),
    **_codes("111", "condemn criticize criticise denounce decry slam censure rebuke deplore"),
    **_codes("112", "accuse blame allege indict"),
    **_codes("114", "complain"),
    **_codes("115", "sue"),
    **_codes("116", "convict"),
    **_codes("120", "reject refuse rebuff spurn oppose dismiss"),
    **_codes("128", "defy violate"),
    **_codes("129", "veto"),
    **_codes("130", "threaten warn"),
    **_codes("140", "protest"),
    **_codes("144", "block barricade obstruct"),
    **_codes("141", "demonstrate rally march picket"),
    **_codes("143", "boycott"),
    **_codes("145", "riot"),
    **_codes("154", "mobilize mobilise deploy reinforce strengthen"),
    **_codes("161", "sever"),
    **_codes("163", "sanction embargo"),
    **_codes("171", "seize"),
    **_codes("1711", "confiscate"),
    **_codes("1712", "demolish destroy raze deface bulldoze torch sabotage vandalize vandalise "
                     "ransack"),
    **_codes("173", "arrest detain jail imprison capture"),
    **_codes("170", "hack"),
    **_codes("174", "expel deport"),
    **_codes("175", "repress"),
    **_codes("181", "kidnap abduct hijack"),
    **_codes("182", "beat assault"),
    **_codes("1822", "torture"),
    **_codes("183", "bomb"),
    **_codes("186", "assassinate"),
    **_codes("190", "attack kill shoot wound injure ambush raid storm strike fight clash target "
                    "invade down murder execute retake retook recapture overrun overran"),
    **_codes("191", "besiege blockade"),
    **_codes("192", "occupy"),
    **_codes("194", "shell pound"),
    **_codes("195", "bombard"),
    **_codes("202", "massacre"),
}
# Verbs that are events only with one of these objects (verb -> object lemmas -> code).
VERB_OBJECTS: dict[str, dict[str, str]] = {
    verb: {
        **_codes("070", "aid assistance money fund loan supply relief good grant dollar"),
        **_codes("071", "credit"),
        **_codes("072", "weapon arm equipment intelligence ammunition photograph troop"),
        **_codes("073", "food medicine shelter"),
        **_codes("075", "asylum"),
        **_codes("070", "support"),  # "provide support to": material support
        **_codes("080", "permission"),  # "give permission to"
    }
    for verb in ("provide", "give", "send", "deliver", "supply", "grant", "contribute", "ship",
                 "hand", "donate")
}
# Receiving: aid or a pledge comes from the "from" party (its source), observers or a
# delegation are let in or hosted by the receiver.
VERB_OBJECTS["receive"] = {
    **_codes("070", "aid assistance money fund loan supply relief grant donation"),
    **_codes("072", "weapon arm equipment ammunition"),
    **_codes("073", "food medicine"),
    **_codes("031", "assurance guarantee pledge promise commitment"),
    **_codes("0862", "inspector observer monitor"),
    **_codes("0861", "peacekeeper"),
    **_codes("043", "delegation envoy emissary"),
}
RECEIVING = frozenset({"receive", "get", "obtain"})
VERB_OBJECTS["get"] = VERB_OBJECTS["obtain"] = {
    k: v for k, v in VERB_OBJECTS["receive"].items() if v[:2] in {"03", "07"}}
# "defended the right of Russian troops to ...", "defended Ruritania's decision": backing
VERB_OBJECTS["defend"] = _codes("051", "right decision policy action move stance position "
                                       "record conduct choice")
# Lifting sanctions, a curfew or a blockade is a retreat (CAMEO 085, 0813, 0872); lifting
# other restrictions a concession (081, the verbs' own code).
VERB_OBJECTS["lift"] = {**_codes("085", "sanction embargo boycott"), **_codes("0813", "curfew"),
                        **_codes("0872", "blockade siege")}
VERB_OBJECTS["ease"] = VERB_OBJECTS["lift"]
VERB_OBJECTS["fire"] = _codes("190", "missile rocket shell shot mortar round bullet salvo")
VERB_OBJECTS["launch"] = _codes("190", "missile rocket")
VERB_OBJECTS["cut"] = _codes("161", "tie relation")
VERB_OBJECTS["break"] = _codes("161", "tie relation")
# "violated the ceasefire": fighting that breaks a truce (CAMEO 196), not a mere defiance
VERB_OBJECTS["violate"] = _codes("196", "ceasefire cease-fire truce armistice")
VERB_OBJECTS["break"].update(VERB_OBJECTS["violate"])
# Stopping a protest is coercion ("police prevented the rally", "banned the march"); dispersing
# one is repression.
_GATHERINGS = "demonstration rally protest march gathering sit-in vigil procession"
VERB_OBJECTS["prevent"] = _codes("172", _GATHERINGS)
VERB_OBJECTS["ban"] = _codes("172", _GATHERINGS + " party")
VERB_OBJECTS["block"] = _codes("172", _GATHERINGS + " protester demonstrator marcher")
VERB_OBJECTS["disperse"] = _codes("175", _GATHERINGS + " protester demonstrator crowd marcher "
                                  "mob")
VERB_OBJECTS["break"].update(_codes("175", "demonstration rally protest gathering crowd"))
VERB_OBJECTS["suspend"] = {**_codes("162", "aid assistance"),
                           **_codes("164", "talk negotiation mediation")}
VERB_OBJECTS["halt"] = VERB_OBJECTS["suspend"]
for _verb in ("prohibit", "ban", "stop", "freeze", "withhold", "cut", "end", "deny"):
    # "would prohibit all aid to the rebels": aid stopped (CAMEO 162)
    VERB_OBJECTS.setdefault(_verb, {}).update(_codes("162", "aid assistance"))
VERB_OBJECTS["restore"] = _codes("060", "tie relation contact cooperation")
VERB_OBJECTS["resume"] = VERB_OBJECTS["restore"]
VERB_OBJECTS["hold"] = _codes("046", "talk negotiation")
VERB_OBJECTS["take"] = _codes("181", "hostage")
# "waged war on the rebels": fighting (CAMEO 190); "vowed to wage war" is then a threat
VERB_OBJECTS["wage"] = VERB_OBJECTS["wag"] = _codes("190", "war warfare")  # "wag": the small
# model's lemma of "waged"
VERB_OBJECTS["accept"] = _codes("080", "demand condition ultimatum")
VERB_OBJECTS["establish"] = _codes("054", "tie relation embassy")
VERB_OBJECTS["open"] = _codes("054", "embassy consulate")
VERB_OBJECTS["suspend"].update(_codes("160", "link flight program programme cooperation tie"))
VERB_OBJECTS["expel"] = _codes("166", "inspector observer monitor peacekeeper agency mission "
                                     "worker")
VERB_OBJECTS["withdraw"] = _codes("166", "inspector observer monitor peacekeeper")
VERB_OBJECTS["capture"] = _codes("190", "town city village stronghold base territory position "
                                        "hill airport outpost garrison")
VERB_OBJECTS["present"] = _codes("112", "evidence proof")
VERB_OBJECTS["attend"] = _codes("040", "summit meeting talk conference negotiation")
# Things whose blowing up is destruction of property (CAMEO 1712), not an attack on people.
PROPERTY = frozenset("""
    line pipeline bridge tower pylon railway railroad track road building house home office
    plant station depot warehouse factory mast well dam tunnel statue monument shrine
    """.split())
# Verbs that are events with a preposition ("fired at", "called for", "cracked down on").
VERB_PREPS: dict[tuple[str, str], str] = {
    ("fire", "at"): "190", ("fire", "on"): "190", ("open", "fire"): "190",
    ("call", "for"): "100", ("call", "on"): "100", ("appeal", "to"): "100",
    ("appeal", "for"): "100", ("crack", "down"): "175", ("beat", "up"): "182",
    ("blow", "up"): "183", ("shoot", "down"): "190", ("pull", "out"): "087",
    ("charge", "with"): "112", ("talk", "with"): "040", ("discuss", "with"): "040",
    ("talk", "to"): "040", ("force", "out"): "174", ("kick", "out"): "174",
}
# "forced the U.N. agency out": aid workers or monitors sent away (CAMEO 166)
PREP_OBJECTS: dict[tuple[str, str], dict[str, str]] = {
    ("force", "out"): VERB_OBJECTS["expel"], ("kick", "out"): VERB_OBJECTS["expel"],
    ("blow", "up"): dict.fromkeys(PROPERTY, "1712"),  # "blew up a pipeline": property
}
# Nouns that name an event (lemma -> code); compounds are read as one trigger.
NOUNS: dict[str, str] = {
    **_codes("030", "consensus pledge"),
    **_codes("036", "offer"),
    **_codes("040", "meeting consultation summit"),
    **_codes("043", "welcome reception"),
    **_codes("042", "visit"),
    **_codes("045", "mediation"),
    **_codes("046", "talk negotiation"),
    **_codes("051", "praise endorsement"),
    **_codes("057", "accord treaty"),
    **_codes("070", "aid assistance"),
    **_codes("0871", "ceasefire cease-fire truce armistice"),
    **_codes("084", "release"),
    **_codes("087", "withdrawal pullout"),
    **_codes("090", "investigation probe inquiry"),
    **_codes("100", "demand"),
    **_codes("111", "condemnation criticism"),
    **_codes("112", "accusation allegation"),
    **_codes("140", "protest"),
    **_codes("144", "block barricade obstruct"),
    **_codes("141", "demonstration rally"),
    **_codes("145", "riot"),
    **_codes("163", "sanction embargo"),
    **_codes("160", "suspension"),
    **_codes("1723", "curfew"),
    **_codes("130", "ultimatum"),
    **_codes("172", "restriction"),
    **_codes("173", "arrest detention"),
    **_codes("174", "expulsion deportation"),
    **_codes("175", "crackdown"),
    **_codes("181", "kidnapping abduction hijacking"),
    **_codes("183", "bombing"),
    **_codes("186", "assassination"),
    **_codes("190", "attack assault raid offensive strike killing downing clash fighting battle "
                    "ambush retaliation reprisal shooting gunfire shellfire firefight"),
    **_codes("191", "siege blockade"),
    **_codes("192", "invasion occupation incursion"),
    **_codes("194", "shelling"),
    **_codes("195", "airstrike bombardment"),
    **_codes("202", "massacre"),
}
# Nouns that name an event only with a preposition: "a hearing into the abuses"
PREP_NOUNS: dict[tuple[str, str], str] = {
    ("hearing", "into"): "090", ("trial", "of"): "090", ("case", "against"): "115",
}
# Compound nouns (modifier, head) whose meaning differs from the head's.
COMPOUNDS: dict[tuple[str, str], str] = {
    ("hostage", "taking"): "181", ("hunger", "strike"): "142", ("general", "strike"): "143",
    ("labor", "strike"): "143", ("air", "strike"): "195", ("drone", "strike"): "195",
    ("missile", "strike"): "195", ("car", "bombing"): "1832", ("suicide", "bombing"): "1831",
    ("roadside", "bombing"): "1833", ("food", "aid"): "073", ("military", "aid"): "072",
    ("peace", "talk"): "046", ("official", "protest"): "114",
    ("war", "game"): "062", ("military", "exercise"): "062", ("joint", "exercise"): "062",
    ("naval", "exercise"): "062", ("artillery", "fire"): "190", ("rocket", "fire"): "190",
    ("mortar", "fire"): "190", ("tank", "fire"): "190", ("sniper", "fire"): "190",
    ("mediation", "effort"): "045", ("mediation", "mission"): "045",
    ("peace", "mission"): "045", ("fact-finding", "mission"): "090",
    ("labour", "strike"): "143", ("national", "strike"): "143",
    ("nationwide", "strike"): "143", ("teacher", "strike"): "143", ("worker", "strike"): "143",
    ("state", "visit"): "042", ("official", "visit"): "042",
    ("martial", "law"): "1724", ("ethnic", "cleansing"): "203", ("cyber", "attack"): "170",
}
# Nouns whose possessor or "of" phrase is the target ("Soleimani's killing", "siege of").
PATIENT_NOUNS = frozenset({
    "killing", "assassination", "arrest", "detention", "release", "downing", "capture",
    "kidnapping", "abduction", "expulsion", "deportation", "siege", "blockade", "invasion",
    "occupation", "taking", "bombardment", "shelling", "massacre", "hijacking",
})
# Verbs that, governing an event noun or verb, make the governed word the event ("launch an
# attack", "impose sanctions"): their subject is its source.
LIGHT_VERBS = frozenset({
    "launch", "mount", "carry", "stage", "conduct", "hold", "impose", "begin", "start", "make",
    "take", "lodge", "file", "issue", "order", "announce", "organize", "organise",
    "lead", "plan", "step", "escalate", "continue", "resume", "wage", "unleash", "reach",
    "sign", "provide", "offer", "give", "send", "deliver", "help", "engage", "open", "undertake",
    "put", "stag", "wag",  # the small model's lemmas of "staged", "waged"
    "reimpose", "re-impose", "institute", "introduce", "enforce",
})
# Prepositions that introduce a target, after a verb or an event noun.
TARGET_PREPS = ("against", "on", "upon", "at", "with", "to", "into", "toward", "towards",
                "between", "over", "from")
# Prepositions that set an act in time against another ("after the protests", "since the
# invasion"): the act they introduce is not the governing verb's object, nor in its modality.
SEQUENCE_PREPS = frozenset({"after", "before", "since", "until", "till", "following", "amid",
                            "during"})
# Verbs of speech and cognition: not events in PLOVER (CAMEO 01), and their complements keep
# their own status.
SPEECH_VERBS = frozenset({
    "say", "tell", "announce", "state", "declare", "add", "claim", "report", "confirm", "note",
    "believe", "think", "view", "see", "indicate", "acknowledge", "tweet", "write",
})
