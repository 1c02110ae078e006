"""Reported speech and attitude beyond "said that ...": what a cue verb or noun takes as content.

Helpers of :mod:`onrecord.extract.statements.extract`, over spaCy tokens; they return character
spans.

- a clause: "said (that) ...", "asked whether ...": the clause with its complementizer;
- an infinitive: "promised to cut taxes", "urged lawmakers to act": from the object to the end;
- a noun phrase: "criticized the deal", "called the plan a disaster", "accused him of lying";
- a preposition's object: "called for a recount", "warned of a crisis" (the preposition is cued);
- a noun's clause: "the claim that ...", "her hope that ..." (speaker: the possessor, if any).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.extract.common.doctext import sentence_of, text_of
from onrecord.extract.statements.cue_model import noun_is_cue, verb_is_cue
from onrecord.extract.statements.lexicon import (
    ADDRESSEE_CUES,
    ALL_CUES,
    ANONYMOUS_HEADS,
    DOCUMENT_HEADS,
    INFINITIVE_CUES,
    LEARNED_NOUNS,
    LEARNED_VERBS,
    OBJECT_CUES,
    OBJECT_PREPOSITIONS,
    ORGANIZATION_HEADS,
    PEOPLE_NOUNS,
    TITLE_HEADS,
)
from onrecord.extract.statements.narration import (
    foreign_possessor,
    is_speech_act_object,
    speech_act_holder,
)

_TRIM_PUNCT = " \t\n,;:—–-"
_MARKS = frozenset({"that", "whether", "if"})
# verbs of speaking whose content is only what they are "about": "spoke to CNN" says nothing
_ABOUT_ONLY = frozenset({"speak", "talk", "testify", "comment"})  # "wrote an op-ed" is content
_ABOUT = frozenset({"about", "of", "against"})
# an adverbial clause these open says when it was said, not what: "... after the ships collided"
_WHEN = frozenset({"after", "before", "since", "when", "until", "once"})
# prepositions that set a speech act against something else: "made this assertion despite ..."
_FRAMING = frozenset({"despite", "amid", "after", "before", "following", "since", "unlike",
                      "notwithstanding"})
_LICENSING = frozenset({"authorize", "authorise", "allow", "permit", "speak", "authorized"})
_ASKING = frozenset({"ask", "wonder", "question", "know", "see", "decide", "consider"})
# where or how something was said, not what: "called it a hoax on his radio show"
_VENUES = frozenset("""
    show program programme interview statement rally event conference speech tweet broadcast
    debate hearing meeting briefing call podcast appearance forum town hall website post
    """.split())
# what one tells or asks, as opposed to whom: "told a story", "asked a question"
_TOLD_OBJECTS = frozenset("""story tale joke lie truth anecdote question questions story stories
                             tales jokes lies anecdotes secret secrets""".split())
# verbs that take a stance on a person: "endorsed him", "attacked her", "backs them"
_STANCE_VERBS = frozenset("""
    endorse support back oppose favor favour praise criticize criticise attack defend blast slam
    condemn denounce reject dismiss welcome applaud hail laud champion mock ridicule fault
    assail excoriate berate scold rebuke chide castigate lambaste credit blame accuse
    """.split())
_PERSONAL = frozenset({"him", "her", "them", "me", "us", "you", "himself", "herself",
                       "themselves", "myself", "ourselves"})
# speech verbs whose object is no content of its own, even where the learned counts (which
# mostly saw their clauses) admit them: "added 1 million jobs", "adding to her lead"
_CLAUSE_ONLY = frozenset({"add"})
_OBJECT_DEPS = frozenset({"dobj", "oprd", "dative", "attr"})
# objects that stand for no content of their own
_EMPTY_OBJECTS = frozenset({"so", "what", "which", "that", "this", "nothing", "something",
                            "anything", "one", "much", "more", "lot", "thing", "things", "way",
                            "time", "times", "word", "words", "goodbye", "hello", "thanks"})


def char_span(doc: Doc, left: int, right: int) -> tuple[int, int]:
    """The characters of tokens ``left..right``, trimmed of punctuation and quote marks."""
    text = text_of(doc)
    start, end = doc[left].idx, doc[right].idx + len(doc[right].text)
    while start < end and (text[start] in _TRIM_PUNCT or text[start] in "“”\"'"):
        start += 1
    while end > start and (text[end - 1] in _TRIM_PUNCT or text[end - 1] in "“”\"."):
        end -= 1
    if (text.count("“", start, end) + text.count('"', start, end)) % 2:
        # 'called it "shameful"': keep the mark that closes a quoted word
        close = next((i for i in range(end, min(end + 3, len(text))) if text[i] in "”\""), None)
        if close is not None:
            end = close + 1
    return start, end


def clause_span(doc: Doc, head: Token) -> tuple[int, int]:
    """The characters of a clause: the subtree of ``head``, with its "that" or "whether"."""
    left, right = head.left_edge.i, head.right_edge.i
    while left < right and (doc[left].is_punct or (
            doc[left].dep_ == "mark" and doc[left].lower_ not in _MARKS)):
        left += 1
    while right > left and (doc[right].is_punct and doc[right].text not in "”\"'"
                            or doc[right].dep_ == "cc"):
        right -= 1  # "the port was unsafe and": an "and" whose conjunct the parser put elsewhere
    return char_span(doc, left, right)


def _to_infinitive(verb: Token) -> bool:
    return verb.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts)


def _right_edge(tok: Token) -> int:
    """The last token of ``tok``'s phrase, short of a coordinated verb ("... and called on")."""
    right = tok.i

    def finite(c: Token) -> bool:  # "to keep it open but wait": base forms go on the infinitive
        return c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and not (
            tok.tag_ == "VB" and c.tag_ == "VB")

    rights = list(tok.rights)
    for n, c in enumerate(rights):
        if finite(c):
            break
        if c.dep_ == "cc" and any(finite(d) for d in rights[n + 1:]):
            break
        right = c.right_edge.i
    return right


def complement(doc: Doc, cue: Token,
               any_lemma: bool = False) -> tuple[tuple[int, int], list[Token]] | None:
    """The content a cue verb takes other than a "that" clause, and the cue's extra words.

    Returns None when the verb takes none (or its object names no content: "said so"). A verb
    learned as a cue (:data:`LEARNED_VERBS`), or any verb with ``any_lemma``, takes objects and
    infinitives alike.
    """
    lemma = cue.lemma_.lower()
    object_cues, infinitive_cues = OBJECT_CUES, INFINITIVE_CUES
    if (any_lemma or lemma in LEARNED_VERBS) and lemma not in _CLAUSE_ONLY:
        object_cues = infinitive_cues = frozenset({lemma})
    if lemma not in object_cues and lemma not in infinitive_cues:
        return None
    if cue.dep_ in {"xcomp", "advcl", "acl"} and cue.head.lemma_.lower() in _LICENSING:
        return None  # "not authorized to discuss the talks": anonymity, not a statement
    parts: list[Token] = []
    extra: list[Token] = []
    has_clause = False
    for c in cue.rights:
        dep = c.dep_
        if dep == "xcomp" and c.lemma_.lower() in {"name", "identify"}:
            return None  # "asked not to be named"
        if dep == "xcomp" and lemma in infinitive_cues and _to_infinitive(c):
            parts.append(c)
            has_clause = True
        elif dep == "ccomp" and c.pos_ in {"VERB", "AUX"}:
            parts.append(c)
            has_clause = True
        elif dep == "advcl" and lemma in _ASKING and any(
                m.dep_ == "mark" and m.lower_ in {"if", "whether"} for m in c.children):
            parts.append(c)  # "asked him if ...", misparsed as an adverbial clause
            has_clause = True
        elif lemma not in object_cues:
            continue
        elif lemma in _ABOUT_ONLY and not (dep == "prep" and c.lower_ in _ABOUT):
            continue
        elif dep in _OBJECT_DEPS or (dep == "xcomp" and (c.pos_ in {"ADJ", "NOUN", "PROPN"} or (
                c.tag_ == "VBG" and not any(a.dep_ == "aux" for a in c.lefts)))):
            # "ruled out raising taxes": a gerund is an object too
            parts.append(c)
        elif dep == "prep" and c.lower_ in OBJECT_PREPOSITIONS:
            objs = [o for o in c.children if o.dep_ in {"pobj", "pcomp"}]
            if objs and objs[0].ent_type_ in {"DATE", "TIME"}:
                continue  # "on Sunday" says when, not what
            if objs:
                if not parts:
                    extra.append(c)  # "called for", "warned of": the preposition is cued
                parts.append(c)
            else:
                break
    if not parts and cue.dep_ == "relcl" and lemma in object_cues:
        return _relative_object(doc, cue)
    if not parts:
        return None
    if lemma in ADDRESSEE_CUES and not has_clause:
        # "told reporters", "thanked voters": an addressee, no content unless "about ...";
        # but in "asked them a question", "told a story" the (second) object is what is said
        told = any(p.dep_ == "dative" for p in parts) or any(
            p.dep_ == "dobj" and p.lemma_.lower() in _TOLD_OBJECTS for p in parts)
        parts = [p for p in parts if (p.dep_ == "prep" and p.lower_ in {"about", "of", "for",
                                                                          "against"})
                 or (told and p.dep_ == "dobj")]
        if not parts:
            return None
    if lemma in ADDRESSEE_CUES and any(p.dep_ in {"ccomp", "advcl"} for p in parts):
        # "asked the senator whether ...": what is asked, not whom
        parts = parts[[p.dep_ in {"ccomp", "advcl"} for p in parts].index(True):]
    if len(parts) == 1 and parts[0].dep_ in _OBJECT_DEPS:
        obj = parts[0]
        if obj.lower_ in _EMPTY_OBJECTS or obj.pos_ == "PRON" and obj.lower_ != "it" and not (
                obj.lower_ in _PERSONAL and (lemma in _STANCE_VERBS or any(
                    c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i for c in cue.children))):
            return None  # "endorsed him", "sees her as a threat" state a view; "said so" does not
    # "made this assertion despite remarks from the board that ...": the speech act named is
    # all its speaker says here; what follows is the reporter's (and the board's own statement)
    bare_act = not has_clause and parts[0].dep_ in _OBJECT_DEPS and is_speech_act_object(
        cue, parts[0])
    # what follows the object on the verb belongs to it: "cited his record in the House",
    # "defended his call to raise the wage" (an infinitive the parser hangs on the verb)
    for c in cue.rights:
        if c.i <= parts[-1].i:
            continue
        if bare_act and c.lower_ in _FRAMING:
            break  # "made this assertion despite remarks from the board that ...": not his
        if c.dep_ in {"prep", "npadvmod"} and not any(
                o.ent_type_ in {"DATE", "TIME"} or o.lemma_.lower() in _VENUES
                for o in c.children) and c.lower_ not in {"at", "during"}:
            parts.append(c)
        elif c.dep_ == "advcl" and (_to_infinitive(c) or any(
                m.dep_ == "mark" and m.lower_ not in _WHEN for m in c.children)
        ) and c.lemma_.lower() not in ALL_CUES:
            parts.append(c)
        else:
            break
    first = parts[0]
    left = first.left_edge.i
    if first in extra:
        objs = [o for o in first.children if o.dep_ in {"pobj", "pcomp"}]
        left = objs[0].left_edge.i
    right = max(_right_edge(p) for p in parts)
    while left < right and (doc[left].is_punct or (
            doc[left].dep_ == "mark" and doc[left].lower_ not in _MARKS)):
        left += 1
    while right > left and doc[right].is_punct and doc[right].text not in "”\"'":
        right -= 1
    span = char_span(doc, left, right)
    if span[1] - span[0] < 2:
        return None
    return span, extra


def _relative_object(doc: Doc, cue: Token) -> tuple[tuple[int, int], list[Token]] | None:
    """"the plan, which she opposed": the verb's object is the relative pronoun.

    (The noun the clause describes, "an offer the leaders rebuffed", scored lower: not taken.)
    """
    if any(c.dep_ == "auxpass" or (c.i > cue.i and c.dep_ in {
            "dobj", "dative", "ccomp", "xcomp", "prep"}) for c in cue.children):
        return None
    subjects = [c for c in cue.lefts if c.dep_ == "nsubj"]
    pronoun = next((c for c in cue.lefts if c.dep_ == "dobj"), None)
    if not subjects or subjects[0].tag_ in {"WP", "WDT"} or pronoun is None or (
            pronoun.tag_ not in {"WP", "WDT"}):
        return None  # "the man who criticized": the antecedent is the speaker
    return (pronoun.idx, pronoun.idx + len(pronoun.text)), []


def object_complement(cue: Token) -> tuple[tuple[int, int], list[Token]] | None:
    """The content any verb would take as a cue (what :mod:`training/learn_cues` counts)."""
    return complement(cue.doc, cue, any_lemma=True)


_NOUN_PREPOSITIONS = frozenset("of for on about against over to toward towards with".split())
_AGENT_PREPOSITIONS = frozenset({"by", "from", "among"})


def noun_content_prep(noun: Token) -> tuple[tuple[int, int], Token | None] | None:
    """"criticism of the plan", "his support for Trump": the preposition's object as content
    (or the noun's infinitive: "his refusal to testify").

    Returns the content's characters and the holder: the possessor ("his support") or the
    object of "by"/"from"/"among" ("support from evangelicals"), else None.
    """
    if noun.pos_ != "NOUN" or noun.dep_ == "compound":
        return None
    content: tuple[int, int] | None = None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    for c in noun.rights:
        objs = [o for o in c.children if o.dep_ in {"pobj", "pcomp"}]
        if c.dep_ == "prep" and (not objs or objs[0].ent_type_ in {"DATE", "TIME"}):
            continue
        agent = c.dep_ == "prep" and c.lower_ in _AGENT_PREPOSITIONS
        if agent and owner is None and objs[0].pos_ != "VERB":
            owner = objs[0]
        elif c.dep_ == "prep" and c.lower_ in _NOUN_PREPOSITIONS and content is None:
            if objs[0].pos_ == "PRON" and objs[0].lower_ != "it":
                continue
            content = char_span(noun.doc, objs[0].left_edge.i, _right_edge(objs[0]))
        elif c.dep_ == "acl" and content is None and noun.dep_ != "ROOT" and _to_infinitive(
                c) and not any(s.dep_ in {"nsubj", "nsubjpass"} for s in c.children):
            # "his refusal to testify", "the threat to sue": the infinitive is the content
            content = char_span(noun.doc, c.left_edge.i, _right_edge(c))
    if content is None or content[1] - content[0] < 2:
        return None
    return content, owner


def learned_noun(noun: Token) -> tuple[tuple[int, int], Token | None] | None:
    """A noun learned as a cue ("criticism of", "endorsement of"): its content and holder.

    Learned by its lemma (:data:`LEARNED_NOUNS`) or by the cue model for its construction.
    """
    if noun.pos_ != "NOUN":
        return None
    found = noun_content_prep(noun)
    if found is None or (noun.lemma_.lower() not in LEARNED_NOUNS and not noun_is_cue(noun)):
        return None
    return found


def learned_verb(verb: Token, subject: Token | None) -> bool:
    """A verb no word list names that the cue model reads as a cue in its construction.

    It needs a subject (``subject``, from :func:`cue_subject`) and a content-bearing complement
    ("*recognized* that the plan failed", "*focused on* the economy").
    """
    if verb.pos_ != "VERB" or subject is None:
        return False
    lemma = verb.lemma_.lower()
    if lemma in ALL_CUES or lemma in OBJECT_CUES or lemma in INFINITIVE_CUES:
        return False  # a listed cue the lists' own rules turned down ("called off")
    if verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod", "advcl"}:
        return False
    if subject.pos_ == "NOUN" and not subject.ent_type_ and subject.lemma_.lower() not in (
            ANONYMOUS_HEADS | ORGANIZATION_HEADS | DOCUMENT_HEADS | PEOPLE_NOUNS | TITLE_HEADS):
        return False  # "the collision took place ...": a common noun that names no source
    if any(c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in ALL_CUES
           for c in verb.rights):
        return False  # "gave voice to it, saying ...": the participle says what was said
    return object_complement(verb) is not None and verb_is_cue(verb, subject)


def asked_question(doc: Doc, tok: Token) -> tuple[tuple[int, int], None] | None:
    """"Asked whether he would run, ...": the question put to someone, with no asker named."""
    if tok.lower_ != "asked" or tok.tag_ != "VBN" or tok.dep_ != "advcl":
        return None
    for c in tok.rights:
        if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}:
            return clause_span(doc, c), None
        if c.dep_ == "prep" and c.lower_ == "about":
            objs = [o for o in c.children if o.dep_ in {"pobj", "pcomp"}]
            if objs:
                return char_span(doc, objs[0].left_edge.i, objs[0].right_edge.i), None
    return None


def claim_noun(doc: Doc, noun: Token) -> tuple[tuple[int, int], Token | None] | None:
    """"the claim that ...": the clause and the possessor ("his claim") as speaker.

    Any noun whose complement is a "that" clause with a subject qualifies ("the disclosure that
    ...", "doubts that ..."): the clause is the noun's content. "that" must be the clause's
    marker, not a relative pronoun (the parser may still call the clause relative). On the dev
    split 427 of 552 such clauses are annotated contents, 249 of 362 for nouns outside
    :data:`~onrecord.extract.statements.lexicon.CLAIM_NOUNS`.
    """
    if noun.pos_ != "NOUN":
        return None
    for c in noun.rights:
        if c.dep_ in {"acl", "ccomp", "appos", "relcl"} and c.pos_ in {"VERB", "AUX"} and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            if any(m.dep_ in {"nsubj", "nsubjpass"} for m in c.children):
                owner = next((p for p in noun.children if p.dep_ == "poss"), None)
                if foreign_possessor(noun, owner):
                    owner = None  # "Ostrow's remarks follow reports that ...": not Ostrow's
                if owner is None:
                    owner = speech_act_holder(noun)  # "remarks from the board that ..."
                return clause_span(doc, c), owner
    return None


# one-word headings that name no speaker
_RAISING = frozenset({"seem", "appear"})
_PASSIVE_RAISING = frozenset({"expect", "believe", "think", "say", "report", "consider", "rumor",
                              "rumour", "project", "predict", "estimate", "know", "suppose",
                              "see", "view", "regard", "perceive", "deem", "judge", "declare",
                              "find", "rate", "label", "brand", "dub", "describe", "portray",
                              "characterize", "characterise"})
# passive verbs whose "as" phrase or predicate states a judgement: "was seen as wooden", "was
# declared the winner", "was found discriminatory"
_PASSIVE_JUDGING = frozenset({"see", "view", "regard", "perceive", "consider", "deem", "judge",
                              "think", "believe", "know", "declare", "project", "find", "rate",
                              "label", "brand", "dub", "describe", "portray", "characterize",
                              "characterise"})


def raising(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """"The plan seems to work", "Trump is expected to win": an unsourced judgement.

    The content runs from the subject to the end of the infinitive (the cue inside it).
    """
    lemma = verb.lemma_.lower()
    if lemma == "know" and verb.tag_ == "VBN":
        named = _known_as(doc, verb)
        if named is not None:
            return named
    passive = lemma in _PASSIVE_RAISING and verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" for c in verb.children)
    if lemma not in _RAISING and not passive:
        return None
    xcomp = next((c for c in verb.rights if c.dep_ == "xcomp" and _to_infinitive(c)), None)
    if xcomp is None and passive and lemma in _PASSIVE_JUDGING and not any(
            c.dep_ == "agent" for c in verb.children):
        # "Gore was seen as wooden", "the plan is considered a failure": a judgement too
        xcomp = next((c for c in verb.rights if (c.dep_ == "prep" and c.lower_ == "as") or (
            c.dep_ in {"oprd", "acomp", "xcomp", "attr"} and c.pos_ in {"ADJ", "NOUN", "PROPN"})),
                     None)
    subject = next((c for c in verb.lefts if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if xcomp is None or subject is None or subject.tag_ in {"WP", "WDT"}:
        return None
    if subject.lower_ in {"it", "there"}:
        return None
    return char_span(doc, subject.left_edge.i, xcomp.right_edge.i)


def _known_as(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """"contests known as Super Tuesday", "Allergan is best known for Botox": a reputation.

    From the thing so known (the noun the participle describes, or the passive subject) to
    the end of the "as"/"for" phrase.
    """
    prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in {"as", "for"}
                 and any(o.dep_ in {"pobj", "pcomp"} for o in c.children)), None)
    if prep is None:
        return None
    if verb.dep_ == "acl" and verb.head.i < verb.i:
        left = verb.head.left_edge.i
    else:
        subject = next((c for c in verb.lefts if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.lower_ in {"it", "there"} or subject.tag_ in {"WP", "WDT"}:
            return None
        left = subject.left_edge.i
    return char_span(doc, left, prep.right_edge.i)


def parenthetical_span(doc: Doc, cue: Token) -> tuple[int, int] | None:
    """For "X, the officials said, had been ...": the host clause around the cue."""
    host = cue.head
    if host.i == cue.i:  # spaCy makes a new Token object on every access: compare indices
        return None
    sent_start, sent_end = sentence_of(doc, cue.i)
    left, right = host.left_edge.i, host.right_edge.i
    left = max(left, sent_start)
    right = min(right, sent_end - 1)
    if cue.left_edge.i <= left:  # "The officials said, ..." heading the clause
        left = cue.right_edge.i + 1
    elif cue.right_edge.i >= right - 1:  # "..., the officials said." closing it
        right = cue.left_edge.i - 1
    if left > right:
        return None
    return char_span(doc, left, right)


def is_parenthetical(doc: Doc, cue: Token) -> bool:
    """", the officials said," inside or after the clause it attributes."""
    if cue.dep_ == "parataxis":
        return True
    if cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children) \
            and not any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in cue.children):
        return True  # "As the Post reported, ...", "..., as officials have said"
    if cue.dep_ not in {"ccomp", "conj", "advcl"} or cue.i < cue.head.i:
        return False
    # "..., Trump told CNN, ...": the object of "tell" is whom he told, not what
    objects = {"ccomp", "xcomp"} if cue.lemma_.lower() in ADDRESSEE_CUES else {
        "dobj", "ccomp", "xcomp"}
    if any(c.dep_ in objects for c in cue.children):
        return False
    if not any(c.dep_ == "nsubj" for c in cue.children):
        return False
    before = cue.left_edge.i - 1
    return before >= 0 and doc[before].text == ","


def according_to(doc: Doc, tok: Token) -> tuple[tuple[int, int], Token, tuple[int, int]] | None:
    """"..., according to X": the content, the head of X, and the cue's characters."""
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:  # "according to show insiders", its noun misparsed as a verb
        end = tok.i + 2
        while end < len(doc) and not doc[end].is_punct and not doc[end].is_space and (
                doc[end].pos_ in {"NOUN", "PROPN", "ADJ", "DET", "VERB"}):
            end += 1
        nouns = [t for t in doc[tok.i + 2:end] if t.pos_ in {"NOUN", "PROPN"}]
        if not nouns:
            return None
        objs = [nouns[-1]]
        phrase = (tok.i, end - 1)
    else:
        phrase = (tok.i, max(to.right_edge.i, objs[0].right_edge.i))
    sent_start, sent_end = sentence_of(doc, tok.i)
    before = (sent_start, phrase[0] - 1)
    after = (phrase[1] + 1, sent_end - 1)
    lo, hi = before if before[1] - before[0] >= after[1] - after[0] else after
    if hi < lo:
        return None
    while lo <= hi and doc[lo].dep_ == "cc":
        lo += 1
    if hi < lo:
        return None
    content = char_span(doc, lo, hi)
    return content, objs[0], (tok.idx, doc[tok.i + 1].idx + len(doc[tok.i + 1].text))
