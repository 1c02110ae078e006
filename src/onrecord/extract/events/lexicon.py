"""The event lexicon: trigger words and the CAMEO codes they carry, and CAMEO -> PLOVER.

The tables are read once from ``extract/events/data/`` (the files say what a line means):
``cameo_verbs.txt`` (:data:`VERBS`), ``cameo_nouns.txt`` (:data:`NOUNS`),
``cameo_verb_objects.txt`` (:data:`VERB_OBJECTS`, :data:`PREP_OBJECTS`, :data:`PROPERTY`),
``cameo_phrases.txt`` (:data:`VERB_PREPS`, :data:`PREP_NOUNS`, :data:`COMPOUNDS`) and
``event_words.txt`` (the word lists without codes); CAMEO -> PLOVER is
:mod:`onrecord.extract.events.plover`'s, shared with ``onrecord eval events``.

The word lists are onrecord's own: each lemma names the most usual CAMEO code of the act it
denotes in news (``"bombard"`` -> 195, employ aerial weapons). Some verbs are events only with a
suitable object or preposition (``"fire"`` at someone, ``"provide"`` aid); those are in
:data:`VERB_OBJECTS` and :data:`VERB_PREPS`. Nouns name events too ("the siege", "sanctions");
:data:`PATIENT_NOUNS` are those whose possessor or ``of`` phrase is the target ("the downing of
a drone"). The prepositions below are grammar, and stay here.
"""

from __future__ import annotations

from collections.abc import Iterable

from onrecord.datafiles import data_lines, data_sections
from onrecord.extract.events.plover import (
    PLOVER_BY_ROOT,
    PLOVER_EXCEPTIONS,
    PLOVER_TYPES,
    plover_type,
)

__all__ = [
    "COMPOUNDS", "LIGHT_VERBS", "NOUNS", "PATIENT_NOUNS", "PLOVER_BY_ROOT", "PLOVER_EXCEPTIONS",
    "PLOVER_TYPES", "PREP_NOUNS", "PREP_OBJECTS", "PROPERTY", "RECEIVING", "SEQUENCE_PREPS",
    "SPEECH_VERBS", "TARGET_PREPS", "VERBS", "VERB_OBJECTS", "VERB_PREPS", "plover_type",
]  # fmt: skip


def _coded(name: str, lines: Iterable[str]) -> list[tuple[str, list[str]]]:
    """``(code, words)`` per entry: a line starts with a CAMEO code, or goes on with the one
    above."""
    entries: list[tuple[str, list[str]]] = []
    for line in lines:
        first, *rest = line.split()
        if first.isdigit():
            entries.append((first, rest))
        elif entries:
            entries[-1][1].extend(line.split())
        else:
            raise ValueError(f"{name}: {line!r} before any CAMEO code")
    return entries


def _code_table(name: str) -> dict[str, str]:
    """lemma -> code from a file of code lines; a lemma listed twice is an error."""
    table: dict[str, str] = {}
    for code, words in _coded(name, data_lines(name, room="events")):
        for word in words:
            if word in table:
                raise ValueError(f"{name}: {word!r} is listed under {table[word]} and {code}")
            table[word] = code
    return table


def _object_tables() -> tuple[dict[str, dict[str, str]], dict[tuple[str, str], dict[str, str]]]:
    """VERB_OBJECTS and PREP_OBJECTS from ``cameo_verb_objects.txt``."""
    name = "cameo_verb_objects.txt"
    verbs: dict[str, dict[str, str]] = {}
    phrasal: dict[tuple[str, str], dict[str, str]] = {}
    for heading, lines in data_sections(name, room="events").items():
        objects = {word: code for code, words in _coded(name, lines) for word in words}
        for verb in heading.split(","):
            match verb.split():
                case [lemma]:
                    verbs.setdefault(lemma, {}).update(objects)
                case [lemma, particle]:
                    phrasal.setdefault((lemma, particle), {}).update(objects)
                case _:
                    raise ValueError(f"{name}: [{heading}]: {verb!r} is no verb")
    return verbs, phrasal


def _pairs(lines: Iterable[str]) -> dict[tuple[str, str], str]:
    """``"fire at 190"`` lines -> ``{("fire", "at"): "190"}``."""
    table: dict[tuple[str, str], str] = {}
    for line in lines:
        first, second, code = line.split()
        table[(first, second)] = code
    return table


_PHRASES = data_sections("cameo_phrases.txt", room="events")
_WORDS = data_sections("event_words.txt", room="events")


def _words(key: str) -> frozenset[str]:
    """The words of one [list] of ``extract/events/data/event_words.txt``."""
    return frozenset(" ".join(_WORDS[key]).split())


# Verbs that are events on their own (lemma -> CAMEO code).
VERBS: dict[str, str] = _code_table("cameo_verbs.txt")
# Verbs that are events only with one of these objects (verb -> object lemmas -> code), and
# verbs with a particle likewise ("forced the U.N. agency out", "blew up a pipeline").
VERB_OBJECTS, PREP_OBJECTS = _object_tables()
# Receiving: aid or a pledge comes from the "from" party (its source).
RECEIVING: frozenset[str] = _words("receiving")
# Things whose blowing up is destruction of property (CAMEO 1712), not an attack on people.
PROPERTY: frozenset[str] = frozenset(PREP_OBJECTS[("blow", "up")])
# Verbs that are events with a preposition ("fired at", "called for", "cracked down on").
VERB_PREPS: dict[tuple[str, str], str] = _pairs(_PHRASES["verb_preps"])


def _hyphenated(nouns: dict[str, str]) -> dict[tuple[str, str], str]:
    """The hyphenated nouns of ``cameo_nouns.txt`` as compounds: the parser splits "sit-in"
    into "sit", "-", "in"."""
    pairs: dict[tuple[str, str], str] = {}
    for word, code in nouns.items():
        if "-" in word:
            parts = word.split("-")
            if len(parts) != 2 or not all(parts):
                raise ValueError(f"cameo_nouns.txt: {word!r} is no two-part hyphenated noun")
            pairs[(parts[0], parts[1])] = code
    return pairs


_NOUN_CODES = _code_table("cameo_nouns.txt")
# Nouns that name an event (lemma -> code); compounds are read as one trigger.
NOUNS: dict[str, str] = {word: code for word, code in _NOUN_CODES.items() if "-" not in word}
# Nouns that name an event only with a preposition: "a hearing into the abuses"
PREP_NOUNS: dict[tuple[str, str], str] = _pairs(_PHRASES["prep_nouns"])
# Compound nouns (modifier, head) whose meaning differs from the head's, and the hyphenated
# nouns of cameo_nouns.txt ("sit-in": ("sit", "in")).
COMPOUNDS: dict[tuple[str, str], str] = _pairs(_PHRASES["compounds"]) | _hyphenated(_NOUN_CODES)
# Nouns whose possessor or "of" phrase is the target ("Soleimani's killing", "siege of").
PATIENT_NOUNS: frozenset[str] = _words("patient_nouns")
# Verbs that, governing an event noun or verb, make the governed word the event ("launch an
# attack", "impose sanctions"): their subject is its source.
LIGHT_VERBS: frozenset[str] = _words("light_verbs")
# Nouns of fighting that a modifier can make figurative ("battle", "war", "attack").
FIGHTING_NOUNS: frozenset[str] = _words("fighting_nouns")
# Modifiers that make a fighting noun figurative ("a court battle", "a war of words").
FIGURATIVE_MODIFIERS: frozenset[str] = _words("figurative_modifiers")
# Modifiers that make a rally or a march no protest ("a campaign rally", "a memorial march").
GATHERING_MODIFIERS: frozenset[str] = _words("gathering_modifiers")
# Verbs of speech and cognition: not events in PLOVER (CAMEO 01), and their complements keep
# their own status.
SPEECH_VERBS: frozenset[str] = _words("speech_verbs")
# Prepositions that introduce a target, after a verb or an event noun.
TARGET_PREPS = ("against", "on", "upon", "at", "with", "to", "into", "toward", "towards",
                "between", "over", "from")
# Prepositions that set an act in time against another ("after the protests", "since the
# invasion"): the act they introduce is not the governing verb's object, nor in its modality.
SEQUENCE_PREPS = frozenset({"after", "before", "since", "until", "till", "following", "amid",
                            "during"})
