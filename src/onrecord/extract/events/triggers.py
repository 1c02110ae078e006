"""Event triggers: which words of a parsed sentence name a political event, and its CAMEO code.

A verb triggers an event by its lemma (:data:`~onrecord.extract.events.lexicon.VERBS`), with a
suitable object or particle ("fired missiles", "called for", "blew up a pipeline"), or by a
construction read here: "ordered X to leave" (an expulsion), "said X must ..." (a demand), "is
committed to" (a pledge), "met their demands" (a concession, not a meeting), "protested that"
(a verbal protest). A noun triggers one by its lemma or compound ("hunger strike", "air strike"),
or with a preposition ("a hearing into"). Figurative and publishing senses are left out ("struck
a harder tone", "released a report", "a press release", "insisted the unrest was ethnic").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from onrecord.extract.entities.actors import actor_code, sector_of
from onrecord.extract.events.complements import obligation
from onrecord.extract.events.lexicon import (
    COMPOUNDS,
    FIGHTING_NOUNS,
    FIGURATIVE_MODIFIERS,
    GATHERING_MODIFIERS,
    NOUNS,
    PATIENT_NOUNS,
    PREP_NOUNS,
    PREP_OBJECTS,
    SPEECH_VERBS,
    VERB_OBJECTS,
    VERB_PREPS,
    VERBS,
)

_LABOUR_MOD = re.compile(r"-(day|hour|week|month)\b|\b(day|week|month)-long\b|"
                         r"\b(open-ended|indefinite|general|wildcat)\b")
_PUBLICATIONS = frozenset("""
    report statement video document figure data list footage film detail result recording
    book study photo photograph image tape transcript audio album record memo letter
    """.split())
_FORCES = frozenset("""
    reserve reservist unit division brigade battalion regiment militia guard fleet
    """.split())
_TRAINEES = frozenset({"hacker", "recruit", "commando", "sniper", "pilot", "cadet", "army"})
_CLAIMS = frozenset({"demand", "condition", "request", "grievance"})
_NEEDS = _CLAIMS | frozenset("""
    need requirement target deadline expectation criterion standard obligation goal challenge
    cost payment quota
    """.split())
_PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher", "mob"})
ACTOR_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
_INSIST = frozenset({"reiterate", "insist", "stress", "declare", "announce", "repeat",
                     "emphasize", "emphasise"})
_FIGURATIVE = {("seize", "on"), ("seize", "upon"), ("strike", "down")}
# objects that make an attack verb figurative: "struck a harder tone", "hit a record"
_FIGURATIVE_OBJECTS = frozenset("""
    tone note chord balance pose nerve fear record high low wall snag jackpot bottom stride
    """.split())


def first_child(tok: Token, deps: frozenset[str] | set[str]) -> Token | None:
    """The first child of ``tok`` with one of the dependency labels ``deps``."""
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def pobjs(tok: Token, preps: Sequence[str]) -> list[Token]:
    """The objects of ``tok``'s prepositions ``preps`` ("fired *at* the base": the base)."""
    found: list[Token] = []
    for prep in preps:
        for c in tok.children:
            if c.dep_ in {"prep", "agent", "dative"} and c.lower_ == prep:
                objs = [g for g in c.children if g.dep_ == "pobj"]
                found.extend(objs or _stranded_object(tok, c))
    return found


def _stranded_object(tok: Token, prep: Token) -> list[Token]:
    """The object the parser took for the subject of a following clause ("granted asylum to
    five army officers holed up in ...": the officers, parsed as "holed"'s subject)."""
    for clause in tok.children:
        if clause.dep_ not in {"advcl", "ccomp", "conj"} or clause.i < prep.i:
            continue
        subj = next((g for g in clause.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and subj.left_edge.i == prep.i + 1:
            return [subj]
    return []


@dataclass(frozen=True)
class Trigger:
    """An event trigger: the token whose dependents give the roles, and the words' span."""

    head: Token  # the verb, or the noun heading the event's noun phrase
    first: int  # token range of the trigger words
    last: int
    code: str
    verbal: bool
    patient: bool = False  # a noun whose possessor / "of" phrase is the target
    rule: str = ""  # the name of the rule that found it


#: A verb rule's answer when it applies and the verb names no event ("released a report").
NO_EVENT = "no event"

VerbRule = Callable[[Token, str], str | None]


def phrasal_verb(tok: Token, lemma: str) -> str | None:
    """A verb with its particle, preposition or object: "fired at", "called for", "open fire"
    (and no event in a figurative phrase: "seized on", "struck down")."""
    prts = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    for child in tok.children:
        key = (lemma, child.lower_)
        if child.dep_ in {"prt", "prep"} and key in _FIGURATIVE:
            return NO_EVENT
        if child.dep_ == "prep" and (prts - {child.lower_} or any(
                g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in child.children)):
            continue  # "called off the strike on Monday": no call on Monday
        if child.dep_ in {"prt", "prep", "dobj"} and key in VERB_PREPS:
            special = PREP_OBJECTS.get(key, {}).get(_object_lemma(tok) or "")
            return special or VERB_PREPS[key]
    return None


def figurative_object(tok: Token, lemma: str) -> str | None:
    """An attack verb made figurative by its object: "struck a harder tone", "hit a record"."""
    return NO_EVENT if any(c.dep_ == "dobj" and c.lemma_.lower() in _FIGURATIVE_OBJECTS
                           for c in tok.children) else None


def published_release(tok: Token, lemma: str) -> str | None:
    """"Released a report": published, not freed."""
    if lemma == "release" and (
            any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _PUBLICATIONS
                for c in tok.children)
            or (tok.dep_ == "acl" and tok.head.lemma_.lower() in _PUBLICATIONS)):
        return NO_EVENT
    return None


def granted_point(tok: Token, lemma: str) -> str | None:
    """"Allowed that the talks had failed": granted a point, permitted nothing."""
    if lemma in {"allow", "concede", "admit"} and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in tok.children):
        return NO_EVENT
    return None


def insisted_claim(tok: Token, lemma: str) -> str | None:
    """"Insisted the unrest was ethnic": a claim ("insisted on", "insisted that X go" are
    demands)."""
    if lemma == "insist" and not pobjs(tok, ("on", "upon")) and not any(
            c.dep_ == "ccomp" and c.tag_ == "VB" and first_child(c, {"aux"}) is None
            for c in tok.children):
        return NO_EVENT
    return None


_NOT_ASKED_FOR = frozenset({"question", "anonymity", "identity", "comment"})


def asked_question(tok: Token, lemma: str) -> str | None:
    """"Asked whether the blockade covers food", "asked him about it", "requested anonymity",
    "asked to comment, a spokesman said": a question, no request. A request asks someone to
    act ("asked X to withdraw", "requested that Iran release them"), asks for something
    ("asked for help", "asked NATO's help") or is put to a party ("asked Iraq")."""
    if lemma not in {"ask", "request"}:
        return None
    if tok.tag_ == "VBN" and not pobjs(tok, ("by",)) and first_child(
            tok, {"nsubj", "nsubjpass", "auxpass"}) is None and not any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
        return NO_EVENT  # "Asked to comment, a spokesman said": asked, not asking
    if any(c.dep_ == "xcomp" or c.dep_ == "ccomp" and c.tag_ == "VB" and first_child(
            c, {"aux"}) is None for c in tok.children) or pobjs(tok, ("for",)):
        return None  # "asked X to leave", "requested that Iran release them", "asked for"
    objects = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
    if any(o.lemma_.lower() not in _NOT_ASKED_FOR and (
            o.pos_ != "PRON" or lemma == "request") for o in objects) and not any(
            c.dep_ == "ccomp" for c in tok.children):
        return None
    return NO_EVENT


def committed_to(tok: Token, lemma: str) -> str | None:
    """"Vietnam is committed to opening up its economy": a pledge (CAMEO 030)."""
    if lemma in {"commit", "committed"} and first_child(tok, {"nsubjpass"}) is not None and \
            not pobjs(tok, ("by",)) and any(c.dep_ == "prep" and c.lower_ == "to"
                                            for c in tok.children):
        return "030"
    return None


def protested_that(tok: Token, lemma: str) -> str | None:
    """"Protested that the authorities failed ...": a verbal protest (CAMEO 111)."""
    if lemma in {"protest", "complain"} and first_child(tok, {"ccomp"}) is not None:
        return "111"
    return None


def mobilized_support(tok: Token, lemma: str) -> str | None:
    """"Mobilized pressure groups", "mobilized support": no show of force."""
    if lemma in {"mobilize", "mobilise"} and any(
            c.dep_ == "dobj" and sector_of(c.lemma_) != "MIL" and c.lemma_.lower() not in
            _FORCES for c in tok.children):
        return NO_EVENT
    return None


def trained_forces(tok: Token, lemma: str) -> str | None:
    """"Trained 500 hackers": forces built up (CAMEO 154); "trained Iraqi soldiers": military
    aid (CAMEO 072)."""
    if lemma != "train":
        return None
    trainees = [c for c in tok.children if c.dep_ == "dobj" and (
        sector_of(c.lemma_) in {"MIL", "REB", "COP"} or c.lemma_.lower() in _TRAINEES)]
    if not trainees:
        return None
    foreign = any(actor_code(m.text) for m in trainees[0].children
                  if m.dep_ in {"amod", "compound", "poss"})
    return "072" if foreign else "154"


def arrived_mission(tok: Token, lemma: str) -> str | None:
    """"U.N. peacekeepers arrived in Sierra Leone": the state receives a mission (CAMEO 0861,
    0862 for inspectors and observers); anyone else's arrival is no event."""
    if lemma != "arrive":
        return None
    subj = first_child(tok, {"nsubj"})
    words = {t.lemma_.lower() for t in subj.subtree} if subj is not None else set()
    return "0861" if words & {"peacekeeper", "peacekeeping"} else \
        "0862" if words & {"inspector", "observer", "monitor"} else NO_EVENT


def met_demands(tok: Token, lemma: str) -> str | None:
    """"Met the strikers' demands": acceded (CAMEO 083); "met the deadline": no event."""
    met = {c.lemma_.lower() for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}}
    if lemma == "meet" and met & _NEEDS:
        return "083" if met & _CLAIMS else NO_EVENT
    return None


def demonstrated_that(tok: Token, lemma: str) -> str | None:
    """"Demonstrated that ...": showed, not a rally."""
    if lemma == "demonstrate" and any(c.dep_ in {"dobj", "ccomp"} for c in tok.children):
        return NO_EVENT
    return None


def ordered_to(tok: Token, lemma: str) -> str | None:
    """"Ordered the former president to appear": a demand (CAMEO 100); "ordered the diplomat
    to leave the country": an expulsion (CAMEO 174)."""
    if lemma != "order" or not _directive(tok):
        return None
    comp = first_child(tok, {"xcomp"})
    return "174" if comp is not None and comp.lemma_.lower() == "leave" else "100"


def helped_actor(tok: Token, lemma: str) -> str | None:
    """"Helped Ruritania", "helped the refugees": aid (CAMEO 070)."""
    if lemma == "help" and any(c.dep_ == "dobj" and (c.ent_type_ in ACTOR_ENTS or
                                                     c.pos_ == "PROPN" or sector_of(c.lemma_))
                               for c in tok.children):
        return "070"
    return None


def verb_with_object(tok: Token, lemma: str) -> str | None:
    """A verb that names an event with a suitable object: "provided food aid", "fired
    missiles" (:data:`~onrecord.extract.events.lexicon.VERB_OBJECTS`)."""
    objects = VERB_OBJECTS.get(lemma)
    if objects is None:
        return None
    for child in tok.children:
        if child.dep_ in {"dobj", "dative", "nsubjpass"}:
            lemmas = {child.lemma_.lower()} | {c.lemma_.lower() for c in child.children
                                               if c.dep_ == "compound"}
            lemmas |= {g.lemma_.lower() for c in child.children if c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"}  # "tons of food aid"
            for lem in sorted(lemmas):
                if lem in objects:
                    return objects[lem]
    return None


def verb_lexicon(tok: Token, lemma: str) -> str | None:
    """A verb that names an event on its own ("bombed", "negotiated"), by its lemma's CAMEO
    code (:data:`~onrecord.extract.events.lexicon.VERBS`)."""
    return VERBS.get(lemma)


#: The verb rules, in order of precedence: the first that answers decides.
VERB_RULES: tuple[tuple[str, VerbRule], ...] = (
    ("phrasal_verb", phrasal_verb),
    ("figurative_object", figurative_object),
    ("published_release", published_release),
    ("granted_point", granted_point),
    ("insisted_claim", insisted_claim),
    ("asked_question", asked_question),
    ("committed_to", committed_to),
    ("protested_that", protested_that),
    ("mobilized_support", mobilized_support),
    ("trained_forces", trained_forces),
    ("arrived_mission", arrived_mission),
    ("met_demands", met_demands),
    ("demonstrated_that", demonstrated_that),
    ("ordered_to", ordered_to),
    ("helped_actor", helped_actor),
    ("verb_with_object", verb_with_object),
    ("verb_lexicon", verb_lexicon),
)


def verb_rule(tok: Token) -> tuple[str, str] | None:
    """The verb rule that decides ``tok`` and its answer (a CAMEO code or :data:`NO_EVENT`)."""
    lemma = tok.lemma_.lower()
    for name, rule in VERB_RULES:
        answer = rule(tok, lemma)
        if answer is not None:
            return name, answer
    return None


def _verb_code(tok: Token) -> str | None:
    decided = verb_rule(tok)
    return None if decided is None or decided[1] == NO_EVENT else decided[1]


def _by_protesters(tok: Token) -> bool:
    """Property destroyed by protesters: CAMEO codes the damage as a violent protest."""
    doers = [c for c in tok.children if c.dep_ == "nsubj"] + pobjs(tok, ("by",))
    return any(d.lemma_.lower() in _PROTESTERS for d in doers)


def _object_lemma(tok: Token) -> str | None:
    obj = first_child(tok, {"dobj"})
    return obj.lemma_.lower() if obj is not None else None


def _directive(tok: Token) -> bool:
    """"ordered X to do Y", where Y is no event of its own: X is told to do it."""
    obj = first_child(tok, {"dobj"})
    comp = first_child(tok, {"xcomp"})
    return obj is not None and comp is not None and _verb_code(comp) is None and (
        obj.ent_type_ in ACTOR_ENTS or sector_of(obj.lemma_) not in {None, "MIL"})


def _figurative_noun(tok: Token, words: frozenset[str] = FIGURATIVE_MODIFIERS) -> bool:
    """An event noun made figurative by a modifier of ``words``: "court battle", "war of
    words" (fighting), "campaign rally" (with :data:`GATHERING_MODIFIERS`: no protest)."""
    mods = [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}]
    mods += [g for g in pobjs(tok, ("of",))]
    return any(m.lemma_.lower() in words or m.lower_ in words for m in mods)


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every trigger in ``doc``, speech verbs and participial adjectives left out; each names
    its rule (a verb rule of :data:`VERB_RULES` or a rule named in :data:`TRIGGER_RULES`)."""
    found: list[Trigger] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" or (tok.pos_ == "ADJ" and tok.lower_ == "committed"):
            if tok.tag_ == "VBG" and tok.dep_ == "acl" and tok.head.i == tok.i - 1:
                code = COMPOUNDS.get((tok.head.lemma_.lower(), tok.lower_))
                if code:  # "hostage taking" parsed as a noun and a gerund
                    found.append(Trigger(tok.head, tok.head.i, tok.i, code, False,
                                         tok.lower_ in PATIENT_NOUNS, "gerund_compound"))
                    continue
            if lemma in SPEECH_VERBS | _INSIST and obligation(tok):
                found.append(Trigger(tok, tok.i, tok.i, "100", True, rule="said_must"))
                continue  # "said that Ruritania must withdraw": a demand
            if lemma in SPEECH_VERBS or tok.dep_ == "amod":
                continue
            decided = verb_rule(tok)
            if decided is None or decided[1] == NO_EVENT:
                continue
            rule, code = decided
            if code == "1712" and _by_protesters(tok):
                code, rule = "145", "protesters_damage"  # "protesters ransacked the embassy"
            found.append(Trigger(tok, tok.i, tok.i, code, True, rule=rule))
        elif tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ != "compound":
            prev = doc[tok.i - 1] if tok.i > 0 else None
            first, code = tok.i, NOUNS.get(lemma)
            rule = "noun_lexicon"
            governor = [*tok.head.children] if tok.dep_ == "dobj" else []
            for c in [*tok.children, *governor]:  # "opened a hearing (on Monday) into"
                if code is None and c.dep_ == "prep" and (lemma, c.lower_) in PREP_NOUNS:
                    code, rule = PREP_NOUNS[(lemma, c.lower_)], "noun_with_preposition"
            if prev is not None and prev.text == "-" and not prev.whitespace_ and tok.i > 1 \
                    and not doc[tok.i - 2].whitespace_:
                prev = doc[tok.i - 2]  # "sit-in", "cease-fire": the parser splits the word
            if prev is not None and prev.dep_ in {"compound", "amod"} and prev.head == tok:
                pair = COMPOUNDS.get((prev.lemma_.lower(), lemma))
                if pair:
                    first, code, rule = prev.i, pair, "compound_noun"
            if lemma == "strike" and first == tok.i and _LABOUR_MOD.search(
                    doc[tok.left_edge.i:tok.i].text.lower()):
                code, rule = "143", "labour_strike"  # "a four-day strike": a labour strike
            if lemma == "release" and (
                    any(c.dep_ == "compound" and c.lemma_.lower() in {"press", "news"}
                        for c in tok.children)
                    or any(g.lemma_.lower() in _PUBLICATIONS for g in pobjs(tok, ("of",)))):
                code = None  # "a press release", "the release of the report": published
            if code and lemma in FIGHTING_NOUNS and _figurative_noun(tok):
                code = None  # "a court battle", "a price war", "a war of words"
            if code and code[:2] == "14" and _figurative_noun(tok, GATHERING_MODIFIERS):
                code = None  # "a campaign rally", "a memorial march": no protest
            if code and not (tok.pos_ == "PROPN" and tok.ent_type_):
                found.append(Trigger(tok, first, tok.i, code, False, lemma in PATIENT_NOUNS,
                                     rule))
    return found


#: Every trigger rule's name (the verb rules among them), in the order :func:`find_triggers`
#: tries them.
TRIGGER_RULES: tuple[str, ...] = (
    "gerund_compound", "said_must", *(name for name, _ in VERB_RULES), "protesters_damage",
    "noun_lexicon", "noun_with_preposition", "compound_noun", "labour_strike",
    "figurative_noun",
)

#: One invented example per trigger rule: (sentence, trigger word, the CAMEO code it gets, or
#: :data:`NO_EVENT`); ``tests/unit/extract/test_trigger_rules.py`` checks each.
TRIGGER_EXAMPLES: dict[str, tuple[str, str, str]] = {
    "gerund_compound": ("The hostage taking at the embassy shocked Valmora.", "hostage", "181"),
    "said_must": ("The minister said that Ruritania must withdraw its troops.", "said", "100"),
    "phrasal_verb": ("Rebels fired at the convoy near the border.", "fired", "190"),
    "figurative_object": ("The envoy struck a softer tone on Monday.", "struck", NO_EVENT),
    "published_release": ("The ministry released a report on the floods.", "released",
                          NO_EVENT),
    "granted_point": ("The general admitted that the raid had failed.", "admitted", NO_EVENT),
    "insisted_claim": ("The mayor insisted the unrest was over.", "insisted", NO_EVENT),
    "asked_question": ("Reporters asked the minister whether the talks had failed.", "asked",
                       NO_EVENT),
    "committed_to": ("Valmora is committed to opening its ports.", "committed", "030"),
    "protested_that": ("The union protested that the police had beaten its members.",
                       "protested", "111"),
    "mobilized_support": ("The governor mobilized support for the new dam.", "mobilized",
                          NO_EVENT),
    "trained_forces": ("The militia trained 500 recruits in the hills.", "trained", "154"),
    "arrived_mission": ("United Nations peacekeepers arrived in the capital on Friday.",
                        "arrived", "0861"),
    "met_demands": ("The company met the strikers' demands after a week.", "met", "083"),
    "demonstrated_that": ("The audit demonstrated that the funds were missing.",
                          "demonstrated", NO_EVENT),
    "ordered_to": ("The court ordered the former mayor to appear on Monday.", "ordered", "100"),
    "helped_actor": ("Valmora helped the refugees after the earthquake.", "helped", "070"),
    "verb_with_object": ("The navy fired three missiles into the strait.", "fired", "190"),
    "verb_lexicon": ("Government troops bombed the rebel stronghold.", "bombed", "183"),
    "protesters_damage": ("Protesters ransacked the embassy on Sunday.", "ransacked", "145"),
    "noun_lexicon": ("The siege of the port lasted three weeks.", "siege", "191"),
    "noun_with_preposition": ("Parliament opened a hearing into the abuses.", "hearing",
                              "090"),
    "compound_noun": ("A drone strike killed two commanders.", "strike", "195"),
    "labour_strike": ("Dock workers began a four-day strike on Monday.", "strike", "143"),
    "figurative_noun": ("The ministry lost a long court battle with the union.", "battle",
                        NO_EVENT),
}
