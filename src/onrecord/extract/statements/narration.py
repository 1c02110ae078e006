"""Speech or narration: a reporter's words about speech that carry no statement of their own.

A statement needs a speaker who says something: a cue with its content, a quotation, "according
to". These are a reporter's narration instead:

- what follows a speech act named as the object of a light verb with no content of its own:
  in "Ostrow made this assertion despite remarks from the board that the tests were
  incomplete", Ostrow's statement is "this assertion" (the attribution annotators mark), and
  the board's remarks are the board's, not part of Ostrow's content ("made the claim that the
  port was closed" and "released a report concluding that ..." have content of their own);
- the possessor of another speech noun: in "Ostrow's remarks follow reports that the pier
  collapsed", which the parser may read as one noun phrase, the reports are not Ostrow's (a
  speech noun's holder is its possessor, its "from"/"by" phrase, or the subject of the light
  verb naming it: "Okafor made the claim that ...").

Vocabularies in ``data/narration.json``. Helpers of
:mod:`onrecord.extract.statements.reported`, over spaCy tokens.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from onrecord.datafiles import data_json


def load_vocabulary() -> dict[str, Any]:
    """The word lists of ``data/narration.json``."""
    return data_json("narration.json")


_V = load_vocabulary()
LIGHT_VERBS: frozenset[str] = frozenset(_V["light_verbs"])
SPEECH_ACT_NOUNS: frozenset[str] = frozenset(_V["speech_act_nouns"])
_CONTENT_PREPOSITIONS = frozenset({"of", "about", "on", "that", "over", "against", "for", "to",
                                   "regarding", "concerning", "accusing", "saying"})


def _has_own_content(noun: Token) -> bool:
    """A noun with what it says attached: a clause, an "of"/"about" phrase, a participle."""
    for c in noun.children:
        if c.i < noun.i:
            continue
        if c.dep_ in {"acl", "relcl", "ccomp", "appos"}:
            return True  # "a report concluding that ...", "the claim that ..."
        if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPOSITIONS:
            return True
    return False


def is_speech_act_object(cue: Token, obj: Token) -> bool:
    """"made this assertion", "issued a denial": a light verb naming a speech act that has no
    content of its own."""
    if cue.lemma_.lower() not in LIGHT_VERBS or obj.pos_ != "NOUN":
        return False
    if obj.lemma_.lower() not in SPEECH_ACT_NOUNS and obj.lower_ not in SPEECH_ACT_NOUNS:
        return False
    return not _has_own_content(obj)


def foreign_possessor(noun: Token, owner: Token | None) -> bool:
    """The possessor of ``noun`` belongs to a speech noun compounded before it ("Ostrow's
    remarks follow reports that ..." parsed as one noun phrase): not ``noun``'s holder."""
    if owner is None or owner.i >= noun.i:
        return False
    return any(t.dep_ == "compound" and (t.lemma_.lower() in SPEECH_ACT_NOUNS
                                         or t.lower_ in SPEECH_ACT_NOUNS or t.tag_ == "NNS")
               for t in noun.doc[owner.i + 1:noun.i])


def speech_act_holder(noun: Token) -> Token | None:
    """Who holds a speech noun that has no possessor: "remarks from the board that ...",
    "a claim by the union that ...", or the subject of a light verb naming it ("Okafor made
    the claim that ...", "the ministry issued a denial that ...")."""
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ in {"from", "by"}:
            objs = [o for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in {
                "DATE", "TIME"}]
            if objs:
                return objs[0]
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in LIGHT_VERBS:
        return next((c for c in verb.children if c.dep_ == "nsubj"
                     and c.tag_ not in {"WDT", "WP"}), None)
    return None
