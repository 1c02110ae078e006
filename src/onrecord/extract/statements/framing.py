"""Statements in constructions other than "X said Y", which news attributes all the same.

- framed by a preposition: "In the latest poll, X leads", "For many voters, the tariff is the
  issue", "To his critics, he is a showman" (the rest of the sentence is the view);
- an adjective of attitude with a clause: "Aides are confident (that) he will run", "were not
  sure whether ..." (the holder is the subject of "be");
- "made (it) clear that ...": the clause after the adjective (the holder is the subject);
- "X is reportedly spending ...": the clause "reportedly" qualifies, from unnamed reports;
- a passive cue with its agent: "The levy was rejected by the council" (the agent speaks; the
  content is the passive subject, or the noun a participle describes: "the plan, backed by
  the union");
- a passive cue with no agent: "Okafor is accused of fraud", "The levy was widely criticized"
  (the content is the passive subject and what follows; nobody named says it; of a verb that
  addresses someone, "were asked about the levy", only what follows);
- a claim noun as the subject of "be": "The fear among Democrats is that turnout will drop",
  "Her advice was to wait" (what follows "be" is the content; the holder is the possessor or
  the noun's "among"/"for"/"from" phrase).

Helpers of :mod:`onrecord.extract.statements.extract`, over spaCy tokens; they return character
spans.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.extract.common.doctext import sentence_of
from onrecord.extract.statements.attribution import cue_subject
from onrecord.extract.statements.lexicon import (
    ADDRESSEE_CUES,
    ALL_CUES,
    CLAIM_NOUNS,
    LEARNED_VERBS,
    OBJECT_CUES,
    PEOPLE_NOUNS,
)
from onrecord.extract.statements.reported import char_span, clause_span

# what a survey is called: "In the latest Gallup poll, ..."
_POLLS = frozenset({"poll", "survey", "polling"})
# pronouns and quantifiers that stand for people: "For many, ...", "To them, ..."
_PEOPLE_WORDS = frozenset({"them", "him", "her", "me", "us", "many", "others", "some", "most",
                           "both", "anyone", "everyone", "all", "few", "supporters", "critics"})
_PEOPLE_ENTITIES = frozenset({"PERSON", "NORP", "ORG"})
# words that may open a sentence before its framing phrase: "But for many voters, ..."
_LEADING = frozenset({"but", "and", "yet", "still", "now", "so", "meanwhile"})


def _people(obj: Token, named: bool) -> bool:
    if obj.lower_ in _PEOPLE_WORDS:
        return True
    if obj.ent_type_ in _PEOPLE_ENTITIES:
        return named
    return obj.pos_ == "NOUN" and obj.lemma_.lower() in PEOPLE_NOUNS


def _clause_after(doc: Doc, comma: int, sent_end: int) -> tuple[int, int] | None:
    """The main clause after the framing phrase's comma: it must hold a finite verb."""
    lo, hi = comma + 1, sent_end - 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    if hi - lo < 2:
        return None
    if not any(t.pos_ in {"VERB", "AUX"} and t.tag_ not in {"VBG", "VBN", "TO"}
               for t in doc[lo:hi + 1]):
        return None
    return lo, hi


def framed_view(doc: Doc, tok: Token) -> tuple[tuple[int, int], Token, tuple[int, int]] | None:
    """"In the poll, ...", "For many voters, ...": the content, the source's head, the cue.

    ``tok`` is a preposition opening its sentence (after at most a conjunction or "now") whose
    phrase ends in a comma; its object is a poll ("in") or people ("for", "to"). The content
    is the rest of the sentence, which must be a clause with a finite verb.
    """
    word = tok.lower_
    if word not in {"in", "for", "to"} or tok.dep_ != "prep":
        return None
    sent_start, sent_end = sentence_of(doc, tok.i)
    lead = [t for t in doc[sent_start:tok.i] if not (t.is_punct or t.is_space)]
    if len(lead) > 1 or (lead and lead[0].lower_ not in _LEADING):
        return None
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    if not objs:
        return None
    obj = objs[0]
    if word == "in":
        if obj.lemma_.lower() not in _POLLS:
            return None
    elif not _people(obj, named=word == "to"):  # "For Obama, it was a day of ..." is no view
        return None
    end = tok.right_edge.i
    if end + 1 >= sent_end or doc[end + 1].text != ",":
        return None
    clause = _clause_after(doc, end + 1, sent_end)
    if clause is None:
        return None
    return char_span(doc, *clause), obj, (tok.idx, tok.idx + len(tok.text))


# nouns of thought and advice that, as the subject of "be", state a view: "the consensus is ..."
_COPULAR_NOUNS = CLAIM_NOUNS | frozenset("""
    question questions advice consensus thinking feeling conclusion answer verdict reasoning
    rationale calculation assessment explanation bet lesson takeaway assumption point worry
    """.split())
_HOLDER_PREPOSITIONS = frozenset({"among", "for", "from", "of"})


def copular_claim(doc: Doc, tok: Token) -> tuple[tuple[int, int], Token | None] | None:
    """"The fear among Democrats is that ...": the content after "be" and the holder.

    ``tok`` is a claim noun, subject of a form of "be" whose complement is a clause (a
    "that"/"whether" clause, a bare clause or an infinitive).
    """
    if tok.pos_ != "NOUN" or tok.dep_ != "nsubj" or tok.lemma_.lower() not in _COPULAR_NOUNS:
        return None
    verb = tok.head
    if verb.lemma_.lower() != "be" or verb.i < tok.i:
        return None
    clauses = [c for c in verb.rights if c.dep_ in {"ccomp", "xcomp"}
               and c.pos_ in {"VERB", "AUX"}]
    if not clauses:
        return None
    clause = clauses[0]
    left = verb.i + 1
    while left < clause.left_edge.i and (doc[left].is_punct or doc[left].dep_ in {"advmod"}):
        left += 1
    right = clause.right_edge.i
    if right - left < 2:
        return None
    holder = next((c for c in tok.children if c.dep_ == "poss"), None)
    if holder is None:
        for c in tok.children:
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if c.dep_ == "prep" and c.lower_ in _HOLDER_PREPOSITIONS and objs and _people(
                    objs[0], named=True):
                holder = objs[0]
                break
    return char_span(doc, left, right), holder


# adjectives of confidence, doubt and feeling that take what is believed as a clause
_ATTITUDE_ADJECTIVES = frozenset("""
    confident hopeful optimistic pessimistic sure certain convinced worried concerned afraid
    aware unaware skeptical sceptical doubtful adamant insistent unsure uncertain upbeat proud
    glad sorry angry furious disappointed satisfied pleased determined fearful nervous
    """.split())


def attitude_adjective(doc: Doc, tok: Token) -> tuple[tuple[int, int], Token] | None:
    """"Aides were confident that he would run": the clause and the holder (the subject)."""
    if tok.pos_ != "ADJ" or tok.dep_ != "acomp" or tok.lemma_.lower() not in _ATTITUDE_ADJECTIVES:
        return None
    verb = tok.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in {"it", "that", "this", "there"}:
        return None
    clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}),
                  None)
    if clause is None:  # "were not sure if ...", the clause hung on "be"
        clause = next((c for c in verb.children if c.i > tok.i and c.dep_ in {"ccomp", "advcl"}
                       and any(m.dep_ == "mark" and m.lower_ in {"that", "whether", "if"}
                               for m in c.children)), None)
    if clause is None:
        return None
    return clause_span(doc, clause), subjects[0]


_PLAIN = frozenset({"clear", "plain", "known", "obvious"})


def made_clear(doc: Doc, verb: Token) -> tuple[tuple[int, int], Token | None] | None:
    """"She made it clear that she will run": the clause after "clear" (the parse varies) and
    the holder, the verb's subject."""
    if verb.lemma_.lower() != "make" or verb.pos_ != "VERB":
        return None
    i = verb.i + 1
    if i < len(doc) and doc[i].lower_ == "it":
        i += 1
    if i >= len(doc) or doc[i].lower_ not in _PLAIN:
        return None
    _, sent_end = sentence_of(doc, verb.i)
    right = max(verb.right_edge.i, doc[i].right_edge.i)
    right = min(right, sent_end - 1)
    while right > i and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    left = i + 1
    if right - left < 2 or not any(t.pos_ in {"VERB", "AUX"} for t in doc[left:right + 1]):
        return None
    return char_span(doc, left, right), cue_subject(verb)


def reported_clause(doc: Doc, adverb: Token) -> tuple[int, int] | None:
    """"The club is reportedly spending $1 million": the clause the adverb hangs on."""
    if adverb.lower_ != "reportedly" or adverb.dep_ != "advmod":
        return None
    verb = adverb.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.i == adverb.i:
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    left = subject.left_edge.i if subject is not None else min(adverb.i + 1, verb.i)
    right = verb.right_edge.i
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    if right - left < 2:
        return None
    return char_span(doc, left, right)


def agent_passive(doc: Doc, verb: Token) -> tuple[tuple[int, int], Token] | None:
    """"The levy was rejected by the council": the passive subject (and what follows the
    verb) as content, the agent as holder; "the plan, backed by the union": the noun.
    """
    if verb.pos_ != "VERB" or verb.tag_ != "VBN":
        return None
    lemma = verb.lemma_.lower()
    if lemma not in ALL_CUES and lemma not in OBJECT_CUES and lemma not in LEARNED_VERBS:
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    holder = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent else None
    if agent is None or holder is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None:
        if subject.tag_ in {"WP", "WDT", "EX"} or subject.lower_ in {"it", "there"}:
            return None
        left, right = subject.left_edge.i, subject.right_edge.i
        after = [c for c in verb.rights if c.i > agent.right_edge.i and c.dep_ in {
            "prep", "xcomp", "oprd", "ccomp"} and not any(
                o.ent_type_ in {"DATE", "TIME"} for o in c.children)]
        if after:  # "criticized by rivals for failing to campaign": what for
            right = after[-1].right_edge.i
        return char_span(doc, left, right), holder
    if verb.dep_ == "acl" and lemma in OBJECT_CUES and verb.head.i < verb.i:
        noun = verb.head
        return char_span(doc, noun.left_edge.i, noun.i), holder
    return None


_PASSIVE_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl"})
_PERCEIVED = frozenset({"see", "find", "know", "hear", "notice", "spot", "observe", "watch"})


def bare_passive(doc: Doc, verb: Token) -> tuple[tuple[int, int], None] | None:
    """"Marquez is accused of plotting ...", "The plan was widely criticized": a passive cue with
    no agent; the passive subject and what follows the verb are the content, from nobody named.
    Of a verb that addresses someone ("was asked about the speeches", "were urged to vote"),
    only what follows: the subject is who was addressed.
    """
    if verb.pos_ != "VERB" or verb.tag_ != "VBN" or verb.dep_ not in _PASSIVE_CLAUSE_DEPS:
        return None
    lemma = verb.lemma_.lower()
    if lemma not in ALL_CUES and lemma not in OBJECT_CUES and lemma not in LEARNED_VERBS:
        return None
    if lemma in _PERCEIVED:
        return None  # "a body was seen near the wall": seen, not said ("seen as weak": raising)
    kids = list(verb.children)
    if not any(c.dep_ == "auxpass" for c in kids) or any(c.dep_ == "agent" for c in kids):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "as" and any(
            p.dep_ == "pcomp" and p.lemma_.lower() in ALL_CUES for p in c.children) for c in kids):
        return None  # "X was quoted as saying ...": X speaks (the inner cue), nobody else
    subject = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.tag_ in {"WP", "WDT", "EX"} or subject.lower_ in {"it", "there"}:
        return None
    after = [c for c in verb.rights if c.dep_ in {"prep", "xcomp", "oprd", "ccomp", "dobj", "attr"}
             and not any(o.ent_type_ in {"DATE", "TIME"} for o in c.children)]
    if lemma in ADDRESSEE_CUES:
        if not after:
            return None
        return char_span(doc, after[0].left_edge.i, after[-1].right_edge.i), None
    right = after[-1].right_edge.i if after else subject.right_edge.i
    return char_span(doc, subject.left_edge.i, right), None
