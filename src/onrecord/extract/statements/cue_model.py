"""A learned cue model: is this verb or noun, in this construction, an attribution cue?

The word lists of :mod:`onrecord.extract.statements.lexicon` cover the common cues; PolNeAR
annotates a long tail of attitudes as well ("*recognized* that ...", "*focused on* the economy",
"*grappled with* the ethics"). This model scores the words the lists reject, from their
construction rather than their lemma alone: what the subject is (a person, a pronoun, an
organisation), what the complement is (a clause, an infinitive, an object, which preposition),
the word's own lemma and grammatical role. It is a logistic regression over such binary
features, trained on the dev split by ``training/learn_cue_model.py`` (one command; weights in
``src/onrecord/data/cue_model.json``).

A candidate is what :mod:`training/learn_cues` counts: a verb with a subject and a
content-bearing complement, or a noun with a content-bearing preposition phrase.
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources

from spacy.tokens import Token

from onrecord.extract.statements.lexicon import (
    ALL_CUES,
    ANONYMOUS_HEADS,
    DOCUMENT_HEADS,
    ORGANIZATION_HEADS,
    PERSONAL_PRONOUNS,
)

_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})


def _subject_features(subject: Token) -> list[str]:
    low, lemma = subject.lower_, subject.lemma_.lower()
    if low in PERSONAL_PRONOUNS:
        kind = "pron_" + PERSONAL_PRONOUNS[low]
    elif subject.tag_ in {"WP", "WDT"}:
        kind = "wh"
    elif subject.ent_type_:
        kind = "ent_" + subject.ent_type_
    elif lemma in ANONYMOUS_HEADS:
        kind = "anon"
    elif lemma in ORGANIZATION_HEADS:
        kind = "org"
    elif lemma in DOCUMENT_HEADS:
        kind = "doc"
    else:
        kind = "pos_" + subject.pos_
    feats = [f"s={kind}"]
    if subject.pos_ == "NOUN":
        feats.append(f"sl={lemma}")
    return feats


def _complement_kinds(verb: Token) -> list[str]:
    kinds: list[str] = []
    for c in verb.rights:
        dep = c.dep_
        if dep == "ccomp":
            mark = next((m.lower_ for m in c.children if m.dep_ == "mark"), "")
            kinds.append(f"ccomp{'_' + mark if mark in {'that', 'whether', 'if'} else ''}")
        elif dep == "xcomp":
            to = any(a.dep_ == "aux" and a.lower_ == "to" for a in c.lefts)
            kinds.append("xcomp_to" if to else f"xcomp_{c.pos_}")
        elif dep in {"dobj", "dative", "oprd", "attr"}:
            kinds.append(dep)
        elif dep == "prep":
            kinds.append("prep_" + c.lower_)
        elif dep == "prt":
            kinds.append("prt_" + c.lower_)
    return kinds[:4]


def verb_features(verb: Token, subject: Token) -> list[str]:
    """The binary features of a verb candidate (its subject found by ``cue_subject``)."""
    lemma = verb.lemma_.lower()
    kinds = _complement_kinds(verb)
    feats = ["bias", f"l={lemma}", f"dep={verb.dep_}", f"tag={verb.tag_}",
             *_subject_features(subject), *(f"c={k}" for k in kinds),
             *(f"l={lemma}|c={k}" for k in kinds)]
    if subject.i != verb.i and subject.head.i != verb.i:
        feats.append("s=inherited")
    if any(c.dep_ == "neg" for c in verb.children):
        feats.append("neg")
    if any(c.dep_ == "auxpass" for c in verb.children):
        feats.append("passive")
    if any(a.lemma_.lower() in ALL_CUES for a in verb.ancestors):
        feats.append("inside_cue")
    if verb.head.i != verb.i:
        head = verb.head.lemma_.lower()
        feats.append(f"h={head}" if verb.dep_ in {"xcomp", "ccomp"} else "h=other")
        if head in ALL_CUES:
            feats.append("head_is_cue")
    obj = next((c for c in verb.rights if c.dep_ in {"dobj", "attr", "oprd"}), None)
    if obj is not None:
        feats.append(f"o={obj.lemma_.lower()}")
        feats.append(f"op={obj.ent_type_ or obj.pos_}")
    if verb.is_title and verb.i > 0 and verb.doc[verb.i - 1].is_title:
        feats.append("headline")
    return feats


def noun_features(noun: Token) -> list[str]:
    """The binary features of a noun candidate ("criticism of", "hopes for")."""
    lemma = noun.lemma_.lower()
    prep = next((c.lower_ if c.dep_ == "prep" else "to_inf" for c in noun.rights
                 if c.dep_ in {"prep", "acl"}), "")
    feats = ["nbias", f"n={lemma}", f"n={lemma}|p={prep}", f"np={prep}", f"ndep={noun.dep_}",
             f"ntag={noun.tag_}"]
    if any(c.dep_ == "poss" for c in noun.children):
        feats.append("nposs")
    if noun.head.i != noun.i:
        feats.append(f"nh={noun.head.lemma_.lower()}")
    return feats


@functools.cache
def weights() -> tuple[dict[str, float], float, float]:
    """(feature weights, verb threshold, noun threshold); empty weights when no model ships."""
    try:
        raw = resources.files("onrecord").joinpath("data/cue_model.json").read_text("utf-8")
    except FileNotFoundError:
        return {}, 1.0, 1.0
    data = json.loads(raw)
    return dict(data["weights"]), float(data["verb_threshold"]), float(data["noun_threshold"])


def probability(features: list[str], table: dict[str, float]) -> float:
    """The model's probability that the candidate is a cue."""
    z = sum(table.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def verb_is_cue(verb: Token, subject: Token) -> bool:
    """True when the model scores a verb candidate at or above its threshold."""
    table, threshold, _ = weights()
    return bool(table) and probability(verb_features(verb, subject), table) >= threshold


def noun_is_cue(noun: Token) -> bool:
    """True when the model scores a noun candidate at or above its threshold."""
    table, _, threshold = weights()
    return bool(table) and probability(noun_features(noun), table) >= threshold
