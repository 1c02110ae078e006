"""Stance: what a speaker does with the proposition of a statement.

The proposition of a statement is what its content puts forward (or what stands for one: "the
reports", "his plan"); its stance says how the speaker holds it, as the attribution around it
(the cue, its negation, the words that frame the content) reports it:

- ``asserts``: the speaker puts the content forward as true, or as their own view, aim, demand,
  promise or prediction. This is the default. A negation inside the content is part of what is
  asserted: "said the jet was not hit" asserts "the jet was not hit".
- ``denies``: the speaker puts the content forward as false, or refuses to accept it: a denial
  cue ("denied that X", "rejected allegations that X", "dismissed reports that X", "ruled out
  X", "refused to X"); a negated cue ("did not say that X", "did not see evidence that X",
  "there is no evidence that X", "nobody suggested X"); a dismissal as false ("called the
  reports illogical rumours", "described the allegations as baseless": the proposition is
  the reports, the allegations); a headline "Ministry denies jet was hit by missile".
- ``doubts``: the speaker leaves the content open: questions or doubts it, wonders or asks
  whether it holds, is not sure or is sceptical of it ("questioned whether X", "cast doubt on
  X", "was not sure X", "raised questions about X"), or declines to say whether it holds
  ("declined to say whether X", "did not say who X").
- ``qualifies``: the speaker commits to the content only in part, as possible or likely rather
  than true: a hedging cue ("suggested that X", "speculated", "hinted", "X seems to ..."), or a
  denial negated ("could not rule out X", "did not deny X").

Negation turns a stance round: a negated assertion denies, a negated denial qualifies (but a
negated retraction, "did not back away from X", asserts), a negated doubt asserts ("left no doubt
that X"), a negated hedge denies ("nothing suggests that X"). A direct quotation is the
speaker's own words, so a denial cue around one ('"We were not there," she denied') asserts
them. The statement's proposition is what is asserted, denied or doubted: its content without a
leading "that", or, where stance words head the content ("cast doubt on the account", "there is
no evidence that the pilot slept", "called the reports rumours"), what they are about; the
content itself stays the words attributed.

The vocabularies are in ``data/stance.json``. Helpers of :mod:`onrecord.extract.statements.extract`,
over spaCy tokens; they return plain values.
"""

from __future__ import annotations

import re
from typing import Any, get_args

from spacy.tokens import Doc, Span, Token

from onrecord.datafiles import data_json
from onrecord.extract.common.doctext import text_of
from onrecord.extract.statements.reported import char_span
from onrecord.models import Stance

STANCES: tuple[Stance, ...] = get_args(Stance)


def load_vocabulary() -> dict[str, Any]:
    """The word lists of ``data/stance.json``."""
    return data_json("stance.json")


_V = load_vocabulary()


def _words(key: str) -> frozenset[str]:
    return frozenset(_V[key])


DENY_VERBS = _words("deny_verbs")
DENY_NOUNS = _words("deny_nouns")
DOUBT_VERBS = _words("doubt_verbs")
DOUBT_NOUNS = _words("doubt_nouns")
DOUBT_ADJECTIVES = _words("doubt_adjectives")
SURE_ADJECTIVES = _words("sure_adjectives")
QUALIFY_VERBS = _words("qualify_verbs")
QUALIFY_NOUNS = _words("qualify_nouns")
RETRACT_VERBS = _words("retract_verbs")
ASKING_VERBS = _words("asking_verbs")
FALSITY_WORDS = _words("falsity_words")
EVIDENCE_NOUNS = _words("evidence_nouns")
PROPOSITION_NOUNS = _words("proposition_nouns")
NEGATIVE_SUBJECTS = _words("negative_subjects")
WITHHELD_SPEECH = _words("withheld_speech")
REFUSING_VERBS = _words("refusing_verbs")
OPEN_WORDS = _words("open_words")
RECOMMENDING_AUX = _words("recommending_aux")
CALLING_VERBS = _words("calling_verbs")
HEDGING_AUX = _words("hedging_aux")
EXPRESSING_VERBS = _words("expressing_verbs")
POSSIBILITY_VERBS = _words("possibility_verbs")
DIRECTIVE_VERBS = _words("directive_verbs")
_DENY_PARTICLES: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in _V["deny_particles"].items()}
_RETRACT_PARTICLES: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in _V["retract_particles"].items()}
_DOUBT_PHRASES = frozenset((verb, noun) for verb, noun in _V["doubt_phrases"])

# what a negation makes of each stance
_NEGATED: dict[Stance, Stance] = {
    "asserts": "denies", "denies": "qualifies", "doubts": "asserts", "qualifies": "denies"}
_COMPLEMENT_PREPOSITIONS = frozenset(
    {"on", "about", "over", "of", "toward", "towards", "regarding", "into", "to", "in"})


def is_negated(tok: Token) -> bool:
    """True when ``tok`` (a cue verb, noun or adjective) is negated.

    By a negation of its own ("did not say", "never claimed"), of the verb it completes ("was
    not sure", "did not see any evidence"), a negative subject ("nobody suggested", "no
    official said"), a determiner "no" ("no evidence", "no doubt"), or "without" ("without
    denying").
    """
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    for c in tok.children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            if c.tag_ in {"WDT", "WP"} and tok.dep_ == "relcl":
                c = tok.head  # "nothing that suggests ...": the relative pronoun's antecedent
            if c.lower_ in NEGATIVE_SUBJECTS or any(
                    d.dep_ == "det" and d.lower_ == "no" for d in c.children):
                return True
    head = tok.head
    if tok.pos_ in {"NOUN", "PROPN"}:
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return True
        if tok.dep_ in {"dobj", "attr"} and head.i != tok.i and any(
                c.dep_ == "neg" for c in head.children):
            return True
    if tok.dep_ in {"acomp", "xcomp"} and head.i != tok.i and tok.pos_ == "ADJ":
        return any(c.dep_ == "neg" for c in head.children)
    if tok.dep_ == "pcomp" and head.dep_ == "prep":
        if head.lower_ == "without":
            return True  # "without denying"
        noun = head.head  # "showed no sign of backing down"
        return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
    return False


def _tokens(doc: Doc, content: tuple[int, int]) -> Span | None:
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    return span if span is not None and len(span) else None


def content_root(doc: Doc, content: tuple[int, int]) -> Token | None:
    """The head of a content: its first token whose head lies outside it."""
    span = _tokens(doc, content)
    if span is None:
        return None
    for t in span:
        if t.head.i == t.i or not span.start <= t.head.i < span.end:
            if not (t.is_punct or t.dep_ in {"mark", "cc"}):
                return t
    return span.root


def _opens_question(doc: Doc, content: tuple[int, int]) -> bool:
    """The content is an open question: "whether ...", "who ordered it", "if it was hit"."""
    span = _tokens(doc, content)
    if span is None:
        return False
    # "exactly what he would say": the question word after an adverb
    words = [t for t in span[:4] if t.is_alpha and t.pos_ != "ADV" or t.lower_ in OPEN_WORDS]
    return bool(words) and words[0].lower_ in OPEN_WORDS


def _recommends(doc: Doc, content: tuple[int, int]) -> bool:
    """A proposal rather than a proposition: "that she should run", "she marry", "a recount"."""
    root = content_root(doc, content)
    if root is None:
        return False
    if root.lower_ in RECOMMENDING_AUX:
        return True  # "that someone ought to look into it", the modal parsed as the head
    if root.pos_ not in {"VERB", "AUX"}:
        inner = _complement_of(doc, root) if root.pos_ == "NOUN" else None
        if inner is not None and root.lemma_.lower() in PROPOSITION_NOUNS:
            return _recommends(doc, inner)  # "the notion that X would win": what X is
        return True  # "suggested four other nights"
    auxes = [c for c in root.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in RECOMMENDING_AUX for a in auxes):
        return True
    if auxes or root.tag_ not in {"VB", "VBP"}:
        return False
    # the subjunctive: "suggested she marry", a base form after a third-person subject
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return root.tag_ == "VB" or (subject is not None and (
        subject.lower_ in {"he", "she", "it"} or subject.tag_ in {"NN", "NNP"}))


def _has_particle(cue: Token, table: dict[str, frozenset[str]]) -> bool:
    words = table.get(cue.lemma_.lower())
    return words is not None and any(
        c.dep_ in {"prt", "advmod", "prep"} and c.lower_ in words for c in cue.children)


def _falsity(tok: Token) -> bool:
    """A predicate that calls something false: "rumours", "baseless", "a pack of lies"."""
    return any(t.lower_ in FALSITY_WORDS for t in tok.subtree)


def _dismissal(doc: Doc, cue: Token) -> tuple[Stance, tuple[int, int] | None] | None:
    """"called the reports illogical rumours", "described the allegations as baseless",
    "dismissed him as a showman": the stance, and the object as content when the object is a
    proposition (reports, claims) that the predicate calls false.

    None when the cue calls nothing anything.
    """
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    predicates = [c for c in cue.children if c.i > obj.i and (
        c.dep_ in {"oprd", "xcomp", "ccomp", "attr", "acomp"}
        or (c.dep_ == "prep" and c.lower_ == "as"))]
    predicates += [c for c in obj.children if c.dep_ in {"amod", "appos", "acl"} and c.i > obj.i
                   and c.pos_ in {"ADJ", "NOUN"}]  # "called the reports illogical rumours"
    predicates += [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as"]
    if not predicates:
        return None
    if not any(_falsity(p) for p in predicates):
        return "asserts", None  # "dismissed him as a showman": a characterisation
    if obj.lemma_.lower() in PROPOSITION_NOUNS or obj.lower_ in PROPOSITION_NOUNS:
        left, right = obj.left_edge.i, obj.i
        # the object's own complement: "the reports that the pier would close"
        for c in obj.rights:
            if c.dep_ in {"acl", "relcl", "prep", "ccomp"} and not (
                    c.dep_ == "prep" and c.lower_ == "as") and c not in predicates:
                right = max(right, c.right_edge.i)
        return "denies", char_span(doc, left, right)
    return "denies", None


def _declared_false(doc: Doc, content: tuple[int, int]) -> tuple[int, int] | None:
    """What a content that calls a proposition false denies: "that claims by the agency that
    the ferry sank were false", "the reports are baseless", "such allegations have no basis in
    truth". The proposition is the noun's own clause ("that the ferry sank"), else the noun
    phrase; None when the content calls nothing false."""
    root = content_root(doc, content)
    if root is None:
        return None
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or not (subject.lemma_.lower() in PROPOSITION_NOUNS
                               or subject.lower_ in PROPOSITION_NOUNS):
        return None
    called_false = any(_falsity(c) for c in root.children
                       if c.dep_ in {"acomp", "attr", "oprd"} and c.i > subject.i)
    unfounded = any(c.dep_ == "dobj" and c.lemma_.lower() in EVIDENCE_NOUNS and is_negated(c)
                    for c in root.children)  # "have no basis in truth"
    if not (called_false or unfounded) or is_negated(root):
        return None
    inner = _complement_of(doc, subject)
    if inner is not None and content[0] <= inner[0] and inner[1] <= content[1]:
        return inner
    return char_span(doc, subject.left_edge.i, subject.right_edge.i)


def _complement_of(doc: Doc, noun: Token) -> tuple[int, int] | None:
    """What a stance noun is about: its "that" clause, or its preposition's object."""
    # "voiced doubt about X": the parser may hang the preposition on the verb instead
    after = list(noun.rights)
    if noun.head.i != noun.i:
        after += [c for c in noun.head.rights if c.i > noun.i]
    for c in after:
        if c.dep_ in {"acl", "ccomp", "relcl", "appos"} and c.pos_ in {"VERB", "AUX"} and (
                c.left_edge.lower_ in {"that", "whether", "if"}) and any(
                s.dep_ in {"nsubj", "nsubjpass", "expl"} and s.i != c.left_edge.i
                for s in c.children):  # its own subject: "evidence that would confirm" is none
            return char_span(doc, c.left_edge.i, c.right_edge.i)
        if c.dep_ == "prep" and c.lower_ in _COMPLEMENT_PREPOSITIONS:
            objs = [o for o in c.children if o.dep_ in {"pobj", "pcomp"}]
            if objs:
                return char_span(doc, objs[0].left_edge.i, objs[0].right_edge.i)
    return None


def _noun_stance(noun: Token) -> Stance | None:
    word, lemma = noun.lower_, noun.lemma_.lower()
    if word in DENY_NOUNS or lemma in DENY_NOUNS:
        return "denies"
    if word in DOUBT_NOUNS or lemma in DOUBT_NOUNS:
        return "doubts"
    if word in QUALIFY_NOUNS or lemma in QUALIFY_NOUNS:
        return "qualifies"
    return None


def _headed(doc: Doc, content: tuple[int, int], base: Stance, cue_negated: bool,
            lemma: str) -> tuple[Stance, tuple[int, int]] | None:
    """A content headed by a stance or evidence word: "doubt on the account", "there is no
    evidence that X", "she did not see any evidence that X". The stance it gives, and what is
    doubted or denied as the content.

    A stance noun counts only after a verb that voices it ("cast doubt", "expressed
    skepticism", "made the suggestion"): who answers "questions about X" holds no doubt.
    """
    span = _tokens(doc, content)
    root = content_root(doc, content)
    if root is None or span is None:
        return None
    noun = root
    if root.pos_ in {"VERB", "AUX"}:  # "there is no evidence that", "did not see evidence"
        noun = next((c for c in root.children if c.dep_ in {"attr", "dobj"}
                     and c.pos_ == "NOUN"), root)
        if noun is root:
            return None
    if noun.pos_ != "NOUN" or root.left_edge.i > span.start:
        return None  # the stance word must head the content, not sit inside it
    inner = _complement_of(doc, noun)
    own = _noun_stance(noun)
    if inner is None or inner[1] - inner[0] < 3 or not (
            content[0] <= inner[0] and inner[1] <= content[1]):
        if noun is root and own is not None and lemma in EXPRESSING_VERBS:
            return own, content  # "issued a denial": a denial, of nothing said here
        return _participle(doc, noun, content) if noun is root else None
    negated = is_negated(noun) or (noun is root and cue_negated)
    if own is not None and noun is root:  # "cast doubt on X", "expressed skepticism that X"
        if lemma not in EXPRESSING_VERBS and not (
                own == "qualifies" and lemma in POSSIBILITY_VERBS):  # "noted the possibility"
            return None
        if own == "qualifies" and _recommends(doc, inner):
            own = "asserts"  # "made the suggestion that he should resign": a proposal
        return (_NEGATED[own] if negated else own), inner
    word = noun.lemma_.lower()
    if (word in EVIDENCE_NOUNS or noun.lower_ in EVIDENCE_NOUNS or own == "doubts") and negated:
        # "there is no evidence that X" denies X; "there is no doubt that X" asserts it
        stance = _NEGATED[own] if own is not None else _NEGATED[base]
        if _retracts(content_root(doc, inner)):
            stance = "asserts"  # "showed no sign of backing down"
        return stance, inner
    return None


def _retracts(verb: Token | None) -> bool:
    """A verb of taking something back: "backed down", "walked back", "retracted"."""
    return verb is not None and verb.pos_ == "VERB" and (
        verb.lemma_.lower() in RETRACT_VERBS or _has_particle(verb, _RETRACT_PARTICLES))


def _participle(doc: Doc, noun: Token,
                content: tuple[int, int]) -> tuple[Stance, tuple[int, int]] | None:
    """"a letter strongly disputing accusations that X": a document whose participle takes a
    stance; that stance, and the participle's object as content."""
    for verb in noun.rights:
        if verb.dep_ != "acl" or verb.tag_ != "VBG":
            continue
        own = _cue_stance(doc, verb, verb.lemma_.lower(), content)
        objects = [c for c in verb.rights if c.dep_ in {"dobj", "ccomp"}]
        if own == "asserts" or not objects:
            return None
        inner = char_span(doc, objects[0].left_edge.i, verb.right_edge.i)
        if not (content[0] <= inner[0] and inner[1] <= content[1]):
            return None
        return (_NEGATED[own] if is_negated(verb) else own), inner
    return None


def _cue_stance(doc: Doc, cue: Token, lemma: str, content: tuple[int, int]) -> Stance:
    """The stance a cue word gives before negation."""
    if cue.pos_ in {"NOUN", "PROPN"}:
        own = _noun_stance(cue)
        if own == "qualifies" and _recommends(doc, content):
            return "asserts"
        return own or "asserts"
    if cue.pos_ == "ADJ":
        return "doubts" if cue.lemma_.lower() in DOUBT_ADJECTIVES else "asserts"
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in DIRECTIVE_VERBS:
        return "asserts"  # "urged voters to reject the plan": the speaker urges, others reject
    if _has_particle(cue, _RETRACT_PARTICLES) or lemma in RETRACT_VERBS:
        return "denies"
    if _has_particle(cue, _DENY_PARTICLES) or lemma in DENY_VERBS:
        return "denies"
    if lemma in DOUBT_VERBS:
        return "doubts"
    if lemma in ASKING_VERBS:
        asked_about = any(c.dep_ == "prep" and c.lower_ == "about" for c in cue.children)
        return "doubts" if asked_about or _opens_question(doc, content) else "asserts"
    if any((lemma, c.lemma_.lower()) in _DOUBT_PHRASES for c in cue.children if c.dep_ == "dobj"):
        return "doubts"  # "raised questions about X"
    if lemma == "call" and any(c.dep_ == "prep" and c.lower_ == "into" and any(
            o.lemma_.lower() == "question" for o in c.children) for c in cue.children):
        return "doubts"  # "called into question X"
    if lemma in QUALIFY_VERBS:
        if lemma in {"seem", "appear"}:
            return "qualifies"
        return "asserts" if _recommends(doc, content) else "qualifies"
    if lemma in REFUSING_VERBS:
        verb = content_root(doc, content)
        if verb is not None and verb.lemma_.lower() in WITHHELD_SPEECH:
            return "doubts"  # "declined to say whether X"
        return "denies"  # "refused to endorse him"
    return "asserts"


def _heading_denies(doc: Doc, speaker_span: tuple[int, int] | None) -> bool:
    """A heading's speaker words hold a denial verb: "Panel Debunks Mayor: '...'"."""
    if speaker_span is None:
        return False
    for word in text_of(doc)[speaker_span[0]:speaker_span[1]].lower().split():
        forms = {word, word[:-1], word[:-2], word[:-3] + "y" if word.endswith("ies") else word}
        if forms & DENY_VERBS:
            return True
    return False


_COMPLEMENTIZER = re.compile(r"(?:that|whether|if)\s+", re.IGNORECASE)


def judge_stance(doc: Doc, cue: Token | None, cue_lemma: str | None, content: tuple[int, int],
                 kind: str, speaker_span: tuple[int, int] | None = None,
                 ) -> tuple[Stance, tuple[int, int]]:
    """The stance of a statement and the span of its proposition: what is asserted, denied or
    doubted. That is the content without a leading "that"/"whether", or, where stance words
    head the content ("no evidence that X", "doubt on X", "the reports illogical rumours"),
    the part of it they are about.

    ``cue`` is the cue token (None for a heading's colon or a floating quotation), ``kind`` the
    statement's kind; ``speaker_span`` is used for headings ("X Denies Y: '...'").
    """
    stance, (start, end) = _judge(doc, cue, cue_lemma, content, kind, speaker_span)
    lead = _COMPLEMENTIZER.match(text_of(doc), start, end)
    if lead is not None and end - lead.end() >= 3 and kind != "direct":
        start = lead.end()
    return stance, (start, end)


def _judge(doc: Doc, cue: Token | None, cue_lemma: str | None, content: tuple[int, int],
           kind: str, speaker_span: tuple[int, int] | None) -> tuple[Stance, tuple[int, int]]:
    if cue is None:
        return ("denies" if kind != "direct" and _heading_denies(doc, speaker_span)
                else "asserts"), content
    lemma = (cue_lemma or cue.lemma_).lower()
    if lemma in {"according to", "reportedly"} or cue.pos_ == "ADP":
        base: Stance = "asserts"
        negated = False
    else:
        base = _cue_stance(doc, cue, lemma, content)
        # a cue inside its own content ("X did not appear to pay off") is part of what is said
        negated = is_negated(cue) and not content[0] <= cue.idx < content[1]
        if base == "asserts" and any(c.dep_ == "aux" and c.lower_ in HEDGING_AUX
                                     for c in cue.children):
            base = "qualifies"  # "could be seen as the favourite", "may have told aides"
    if kind == "direct":
        stance = _NEGATED[base] if negated else base
        return ("asserts" if stance == "denies" else stance), content
    headed = _headed(doc, content, base, negated, lemma)
    if headed is not None:
        return headed
    if base == "asserts" and not negated:
        declared = _declared_false(doc, content)
        if declared is not None:
            return "denies", declared
    if lemma in CALLING_VERBS and cue.pos_ == "VERB":
        called = _dismissal(doc, cue)
        if called is not None:
            base = called[0]
            if called[1] is not None:
                content = called[1]
    if negated:
        if cue.pos_ == "ADJ":
            return "doubts", content  # "was not sure", "not confident that"
        if base == "denies" and (_has_particle(cue, _RETRACT_PARTICLES)
                                 or lemma in RETRACT_VERBS):
            return "asserts", content  # "did not back away from his pledge"
        if base == "asserts" and _opens_question(doc, content):
            return "doubts", content  # "did not say whether X"
        if lemma in WITHHELD_SPEECH and lemma not in {"say", "tell"}:
            return "doubts", content  # "would not speculate about X", "did not confirm X"
        return _NEGATED[base], content
    return base, content
