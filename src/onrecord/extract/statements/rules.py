"""The named rules that find statements, in the order that is their precedence.

Each word of an article is offered to :data:`REPORTED_RULES` in order. A rule answers
``None`` (it does not apply: the next rule is asked), :data:`SKIP` (it applies and the word
starts no statement: no later rule is asked), or a :class:`Found` (the statement this word
starts). The first rule that applies decides, so the order below is the precedence, written
once. Quotations no reported rule took are then read by the quotation rules of
:mod:`onrecord.extract.statements.extract` (:data:`QUOTATION_RULES` names them, in order).

Every statement records the name of its rule (``Statement.rule``), so an output leads
straight to the function that made it: ``onrecord analyze --format text --explain`` shows
it, ``onrecord eval attribution --by-rule`` scores each rule on a gold file. To add a
construction, write a function ``(Reading, Token) -> Found | SKIP | None`` next to the
constructions it resembles, register it here where it should take precedence, and give it
an example (``tests/unit/extract/test_statement_rules.py`` checks each example is found by
its rule).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from onrecord.extract.common.doctext import span_mask, text_of
from onrecord.extract.statements.attribution import cue_subject, is_cue
from onrecord.extract.statements.drafts import (
    end_before,
    finite_clause,
    outer_conjunct,
    second_clause_predicate,
)
from onrecord.extract.statements.framing import (
    agent_passive,
    attitude_adjective,
    bare_passive,
    copular_claim,
    framed_view,
    made_clear,
    reported_clause,
)
from onrecord.extract.statements.headings import colon_speaker, headline_verb
from onrecord.extract.statements.quotes import Quote
from onrecord.extract.statements.reported import (
    according_to,
    asked_question,
    char_span,
    claim_noun,
    clause_span,
    complement,
    is_parenthetical,
    learned_noun,
    learned_verb,
    parenthetical_span,
    raising,
)
from onrecord.extract.statements.reporting_clauses import (
    channel_clause,
    is_channel_noun,
    trailing_reporting_clause,
)

Span = tuple[int, int]


@dataclass(frozen=True)
class Found:
    """What a rule found: the content and cue as character spans, and the speaker's head."""

    content: Span
    cue: Token | None
    cue_span: Span | None
    cue_lemma: str | None
    subject: Token | None = None
    speaker_span: Span | None = None
    by_object: bool = False  # the content is the cue's object or infinitive, not a clause


class _Skip:
    def __repr__(self) -> str:
        return "SKIP"


#: A rule's answer when it applies and the word starts no statement.
SKIP = _Skip()

Answer = Found | _Skip | None


@dataclass
class _VerbReading:
    """How a cue verb governs its content: read once per verb, shared by the verb rules."""

    modelled: bool  # a verb no list names, read as a cue by the learned model
    subject: Token | None = None
    clauses: list[Token] = field(default_factory=list)
    complement: tuple[Span, list[Token]] | None = None


@dataclass
class Reading:
    """One article as the rules see it.

    ``outer`` is the one piece of state rules share: a cue coordinated with an earlier cue
    ("said the port was unsafe and warned that ...") takes that earlier cue's subject.
    """

    doc: Doc
    quotes: list[Quote]
    quoted: bytearray = field(default_factory=bytearray)  # inside a quotation of 3+ words
    outer: dict[int, Token] = field(default_factory=dict)
    _verbs: dict[int, _VerbReading] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, quotes: list[Quote]) -> Reading:
        mask = span_mask(len(text_of(doc)),
                         ((q.start, q.end) for q in quotes if q.words >= 3))
        return cls(doc, quotes, quoted=mask)

    def quote_between(self, start: int, end: int) -> bool:
        """A closing quotation mark between two offsets."""
        return any(q.close_mark is not None and start <= q.close_mark < end
                   for q in self.quotes)

    def verb(self, tok: Token) -> _VerbReading:
        if tok.i not in self._verbs:
            self._verbs[tok.i] = _read_verb(self, tok)
        return self._verbs[tok.i]


@dataclass(frozen=True)
class Rule:
    """A named construction, with an example sentence and a part of the content it finds
    there (empty for a guard: a rule that only ever answers :data:`SKIP`, such as
    :func:`no_cue`, and that a word of its example meets).

    ``find`` is the rule itself; a quotation rule has none here, being a step of
    :func:`onrecord.extract.statements.extract.extract_statements` (``about`` says what)."""

    name: str
    find: Callable[[Reading, Token], Answer] | None
    example: str
    content: str
    about: str = ""

    @property
    def summary(self) -> str:
        """What the rule reads: the first line of its docstring."""
        text = self.find.__doc__ if self.find is not None else self.about
        return (text or "").strip().splitlines()[0]


def _span_of(tokens: list[Token]) -> Span:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _cue_words(tok: Token, extra: list[Token]) -> Span:
    """The cue's characters: the verb, its particle ("called for") and any extra word."""
    return _span_of(sorted([tok, *extra, *(c for c in tok.children if c.dep_ == "prt")],
                           key=lambda t: t.i))


# -- rules that read a phrase, not a cue verb ----------------------------------------------------
def according_to_source(r: Reading, tok: Token) -> Answer:
    """"..., according to X": the rest of the sentence, said by X."""
    found = according_to(r.doc, tok)
    if found is None:
        return None
    content, source, cue_span = found
    return Found(content, tok, cue_span, "according to", source)


def inside_quotation(r: Reading, tok: Token) -> Answer:
    """A word inside a quotation is part of the quoted words, never a cue of its own."""
    return SKIP if r.quoted[tok.idx] else None


def framed_poll_view(r: Reading, tok: Token) -> Answer:
    """"In the latest poll, ...", "For many voters, ...": the view of the poll or people."""
    found = framed_view(r.doc, tok) if tok.pos_ == "ADP" else None
    if found is None:
        return None
    content, source, cue_span = found
    return Found(content, tok, cue_span, tok.lower_, source)


def according_to_object(r: Reading, tok: Token) -> Answer:
    """"according to show insiders": a word of the source, misparsed, is not a cue."""
    doc = r.doc
    return SKIP if tok.i > 1 and doc[tok.i - 1].lower_ == "to" and \
        doc[tok.i - 2].lower_ == "according" else None


def raising_verb(r: Reading, tok: Token) -> Answer:
    """"X seems to ...", "X is expected to ...": a view nobody is named for."""
    content = raising(r.doc, tok) if tok.pos_ in {"VERB", "AUX"} else None
    return None if content is None else Found(content, tok, _span_of([tok]), tok.lemma_.lower())


def reportedly(r: Reading, tok: Token) -> Answer:
    """"The club is reportedly spending $1 million": the clause the adverb hangs on."""
    content = reported_clause(r.doc, tok) if tok.pos_ == "ADV" else None
    return None if content is None else Found(content, tok, _span_of([tok]), tok.lemma_.lower())


def colon_heading(r: Reading, tok: Token) -> Answer:
    """"Rubio: I'm not running": a name, a colon, and the words after it."""
    found = colon_speaker(r.doc, tok) if tok.is_sent_start else None
    if found is None:
        return None
    content, head, speaker = found
    colon = text_of(r.doc).index(":", speaker[1])
    return Found(content, None, (colon, colon + 1), None, head, speaker)


def headline_cue(r: Reading, tok: Token) -> Answer:
    """"Senator Slams Trade Deal": a headline's capitalised cue verb."""
    found = headline_verb(r.doc, tok)
    if found is None:
        return None
    content, lemma, speaker = found
    last = r.doc.char_span(speaker[0], speaker[1], alignment_mode="expand")
    return Found(content, tok, _span_of([tok]), lemma,
                 last[-1] if last is not None else None, speaker)


# -- rules that read a noun, adjective or passive as the cue -------------------------------------
def _noun_rule(read: Callable[[Doc, Token], tuple[Span, Token | None] | None]
               ) -> Callable[[Reading, Token], Answer]:
    """A rule from a construction that gives the content and the speaker's head, if any."""
    def rule(r: Reading, tok: Token) -> Answer:
        found = read(r.doc, tok)
        if found is None:
            return None
        if is_channel_noun(tok, is_cue(tok.head.head)):
            return SKIP  # "said in a statement that ...": the clause is the verb's
        content, subject = found
        if content[1] - content[0] < 3:
            return SKIP
        return Found(content, tok, _cue_words(tok, []), tok.lemma_.lower(), subject,
                     by_object=True)
    rule.__doc__ = read.__doc__
    rule.__name__ = read.__name__
    return rule


def _learned_noun(doc: Doc, tok: Token) -> tuple[Span, Token | None] | None:
    """"His criticism of the plan": a noun the learned cue model reads as a statement."""
    return learned_noun(tok)


# -- rules that read a cue verb -------------------------------------------------------------------
def _read_verb(r: Reading, tok: Token) -> _VerbReading:
    modelled = (not is_cue(tok, objects=True) and tok.pos_ == "VERB"
                and learned_verb(tok, cue_subject(tok)))
    reading = _VerbReading(modelled)
    if not modelled and not is_cue(tok, objects=True):
        return reading
    reading.subject = cue_subject(r.outer.get(tok.i, tok))
    clauses = [c for c in tok.children if c.dep_ == "ccomp" and (
        c.pos_ in {"VERB", "AUX"} or c.pos_ in {"NOUN", "ADJ", "PROPN"} and any(
            x.dep_ == "nsubj" for x in c.children))]  # "consider him a phony"
    # "In an interview focused on X, she said ...": the tensed clause
    if any(finite_clause(c) for c in clauses):
        clauses = [c for c in clauses if finite_clause(c)]
    if not clauses and is_cue(tok):
        channel = channel_clause(tok)  # "said in a statement that ..."
        clauses = [channel] if channel is not None else []
    second = second_clause_predicate(tok, clauses)
    if second is not None:  # "said the port was unsafe and warned that ..."
        r.outer[second.i] = tok
        clauses = [c for c in clauses if c.i < second.i]
    right_after = [c for c in clauses if 0 < c.left_edge.i - tok.i <= 3]
    quoted_before = any(c.i < tok.i and r.quote_between(c.left_edge.idx, tok.idx)
                        for c in clauses)
    if right_after and len(clauses) > 1 and not quoted_before:
        # "Should the firm fail, critics worry that ...": the clause the cue governs is the
        # one that follows it, not an earlier one the parser hung on it
        clauses = right_after
    reading.clauses = clauses
    reading.complement = complement(r.doc, tok, any_lemma=modelled)
    return reading


def no_cue(r: Reading, tok: Token) -> Answer:
    """A word that is no listed cue and that the learned cue model does not take for one."""
    return SKIP if not is_cue(tok, objects=True) and not r.verb(tok).modelled else None


def _verb_statement(r: Reading, tok: Token, content: Span, *, extra: list[Token] | None = None,
                    subject: Token | None = None, speaker_span: Span | None = None,
                    by_object: bool = False) -> Answer:
    if content[1] - content[0] < 3:
        return SKIP
    return Found(content, tok, _cue_words(tok, extra or []), tok.lemma_.lower(),
                 subject if subject is not None else r.verb(tok).subject, speaker_span,
                 by_object)


def cue_clause(r: Reading, tok: Token) -> Answer:
    """"She said (that) the port was unsafe": a listed cue verb and its clause."""
    verb = r.verb(tok)
    clauses = verb.clauses
    if not clauses or not is_cue(tok):
        return None
    doc = r.doc
    content = clause_span(doc, clauses[0])
    second = outer_conjunct(tok, clauses[0])
    if second is not None:  # "said the plan would fail, and called it a ruse"
        r.outer[second.i] = tok
        content = (content[0], end_before(doc, second))
    if len(clauses) > 1 and (clauses[0].i > tok.i or clauses[-1].i < tok.i):
        content = (content[0], clause_span(doc, clauses[-1])[1])  # a clause broken in two
    if content[1] <= tok.idx and r.quote_between(content[1], tok.idx):
        return SKIP  # '"...," he tweeted': the cue belongs to the quotation
    return _verb_statement(r, tok, content)


def parenthetical_cue(r: Reading, tok: Token) -> Answer:
    """"Soleimani, the officials said, had been ...": a cue set off by commas."""
    if not (is_cue(tok, strict=False) and is_parenthetical(r.doc, tok)):
        return None
    span = parenthetical_span(r.doc, tok)
    if span is None or r.quote_between(span[0], tok.idx):
        return SKIP  # '"...," Cruz said after ...': the quotation is the statement
    return _verb_statement(r, tok, span)


def _object_statement(r: Reading, tok: Token) -> Answer:
    verb = r.verb(tok)
    if verb.complement is None or verb.subject is None:
        return None
    content, extra = verb.complement
    text = text_of(r.doc)
    if text[content[1]:content[1] + 2].lstrip().startswith(":"):
        return SKIP  # "summed up the stakes: '...'": a topic, the quotation says it
    extra = [t for t in extra if t.i == tok.i + 1]  # "called for", not "called him for"
    if content[1] <= tok.idx and r.quote_between(content[1], tok.idx):
        return SKIP
    return _verb_statement(r, tok, content, extra=extra, by_object=True)


def cue_object(r: Reading, tok: Token) -> Answer:
    """"Critics slammed the deal", "She vowed to veto it": a stance verb's object."""
    return None if r.verb(tok).modelled else _object_statement(r, tok)


def learned_cue_object(r: Reading, tok: Token) -> Answer:
    """A verb no list names whose object the learned cue model reads as a position."""
    return _object_statement(r, tok) if r.verb(tok).modelled else None


def trailing_clause(r: Reading, tok: Token) -> Answer:
    """"X ordered Y, a source familiar with the matter said on Friday, in ...": the speaker
    phrase trails a long sentence the parse did not give it."""
    if not is_cue(tok):
        return None
    trailing = trailing_reporting_clause(r.doc, tok)
    if trailing is None:
        return None
    content = char_span(r.doc, trailing.content[0], trailing.content[1] - 1)
    if r.quote_between(content[0], tok.idx):
        return SKIP  # '"...," a source said': the quotation is the statement
    return _verb_statement(r, tok, content, subject=r.doc[trailing.head],
                           speaker_span=_span_of(list(
                               r.doc[trailing.speaker[0]:trailing.speaker[1]])))


#: The reported-speech rules, in order of precedence (the first that applies decides).
REPORTED_RULES: tuple[Rule, ...] = (
    Rule("according_to", according_to_source,
         "The ferry left port without inspection, according to two harbour officials.",
         "The ferry left port without inspection"),
    Rule("inside_quotation", inside_quotation,
         '"We said from the start that the pier was unsafe," the mayor said.', ""),
    Rule("framed_view", framed_poll_view,
         "In the latest poll, most residents say the new bridge is too expensive.",
         "most residents say the new bridge is too expensive"),
    Rule("according_to_object", according_to_object,
         "According to port authorities, the vessel carried no cargo.", ""),
    Rule("raising", raising_verb,
         "The talks are expected to resume in Valmora next week.",
         "The talks are expected to resume in Valmora next week"),
    Rule("reportedly", reportedly,
         "The club is reportedly spending two million dollars on the new stadium.",
         "The club is reportedly spending two million dollars on the new stadium"),
    Rule("colon_heading", colon_heading,
         "Mayor Ilse Braun: We will rebuild the harbour wall this year.",
         "We will rebuild the harbour wall this year"),
    Rule("headline_verb", headline_cue,
         "Senator Slams Harbour Tax Plan",
         "Harbour Tax Plan"),
    Rule("claim_noun", _noun_rule(claim_noun),
         "The minister's claim that the ferry had been overloaded angered the families.",
         "the ferry had been overloaded"),
    Rule("copular_claim", _noun_rule(copular_claim),
         "The fear among fishermen is that the new quotas will ruin them.",
         "the new quotas will ruin them"),
    Rule("attitude_adjective", _noun_rule(attitude_adjective),
         "Aides to the governor are confident that the budget will pass.",
         "the budget will pass"),
    Rule("made_clear", _noun_rule(made_clear),
         "The ambassador made it clear that her country would not pay the fine.",
         "her country would not pay the fine"),
    Rule("agent_passive", _noun_rule(agent_passive),
         "The new harbour levy was rejected by the city council on Monday.",
         "The new harbour levy"),
    Rule("bare_passive", _noun_rule(bare_passive),
         "The decision to close the shipyard was widely criticized.",
         "The decision to close the shipyard"),
    Rule("learned_noun", _noun_rule(_learned_noun),
         "The union's criticism of the pension reform grew louder on Tuesday.",
         "the pension reform"),
    Rule("asked_question", _noun_rule(asked_question),
         "Asked whether she would resign, the minister smiled and left the room.",
         "whether she would resign"),
    Rule("no_cue", no_cue,
         "The ferry left the harbour at dawn.", ""),
    Rule("cue_clause", cue_clause,
         "The harbour master said the pier had been unsafe for years.",
         "the pier had been unsafe for years"),
    Rule("parenthetical_cue", parenthetical_cue,
         "The ferry, the officials said, had been inspected in March.",
         "The ferry"),
    Rule("cue_object", cue_object,
         "Opposition leaders condemned the new fishing quotas on Monday.",
         "the new fishing quotas"),
    Rule("learned_cue_object", learned_cue_object,
         "Senator Ilse Braun focused on the cost of the new bridge.",
         "the cost of the new bridge"),
    Rule("trailing_clause", trailing_clause,
         "The navy believes the admiral ordered the blockade of the strait in Valmora, a "
         "source familiar with the deployment said on Friday, in a finding that contradicts "
         "the ministry.",
         "the admiral ordered the blockade"),
)

#: The quotation rules of :mod:`onrecord.extract.statements.extract`, in order, with examples.
QUOTATION_RULES: tuple[Rule, ...] = (
    Rule("direct_quote", None,
         '"The pier is not safe and never was," the harbour master said.',
         "The pier is not safe and never was",
         "A quotation and the cue verb in the sentence just after or before it."),
    Rule("quote_lead_in", None,
         'The port was "doing everything it can to keep the docks open." Ortiz said.',
         "The port was",
         "The words running into a quotation that ends in its cue are part of it."),
    Rule("floating_quote", None,
         'The harbour master said the pier was unsafe.\n\n"We warned the council twice about '
         'the cracks in the wall."',
         "We warned the council twice",
         "A quotation with no cue continues the latest statement before it."),
    Rule("lone_quote", None,
         '"Nobody in this town will ever forget what happened at the harbour that night."',
         "Nobody in this town will ever forget",
         "A quotation of five words or more with no cue and no statement before it."),
    Rule("quoted_speaker", None,
         "Paul Renard quoted Harbour Minister Ilse Berg, who had told the cabinet: "
         '"The harbour is our life and we will defend it."',
         "The harbour is our life",
         "\"X quoted Y: ...\": the statement of Y, nested inside the statement of X."),
)

#: Every statement rule name, reported rules first, in order.
RULE_NAMES: tuple[str, ...] = tuple(r.name for r in REPORTED_RULES + QUOTATION_RULES)


def deciding_rule(r: Reading, tok: Token) -> tuple[str, Found | _Skip] | None:
    """The first reported rule that applies to ``tok``, and its answer; ``None`` if none does."""
    for rule in REPORTED_RULES:
        answer = rule.find(r, tok) if rule.find is not None else None
        if answer is not None:
            return rule.name, answer
    return None


def first_answer(r: Reading, tok: Token) -> tuple[str, Found] | None:
    """The statement ``tok`` starts, and the name of the rule that found it, if any."""
    decided = deciding_rule(r, tok)
    if decided is None or not isinstance(decided[1], Found):
        return None
    return decided[0], decided[1]
