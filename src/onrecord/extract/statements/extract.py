"""Who said what: attributed statements from a parsed article.

``extract_statements(doc, entities, times)`` finds
- reported speech and belief: a cue verb ("say", "tell", "insist", "fear") and its clause, or
  the object or infinitive of a verb of stance ("criticized the deal", "vowed to veto it"), a
  noun's clause ("the claim that ..."), "X seems to ...", and headings ("Rubio: I'm not
  running", "Mayor Slams Plan"); see :mod:`onrecord.extract.statements.reported`; verbs and
  nouns no list names are read as cues when the learned cue model
  (:mod:`onrecord.extract.statements.cue_model`) scores their construction high enough;
- "according to X" and parenthetical cues ("Soleimani, the officials said, had been ...");
- reporting clauses the parse misplaces: "said in a statement that ..." and a speaker phrase
  trailing a long sentence (", a source familiar with the matter said on Friday, in ...");
  see :mod:`onrecord.extract.statements.reporting_clauses`;
- direct quotations (see :mod:`onrecord.extract.statements.quotes`) attributed to the cue next
  to them, split quotations, and floating quotations that continue the previous speaker;
- mixed statements, a reported clause that contains a quotation;
and for each the speaker (pronouns and "the president" resolved to entities), how it is sourced
(named, anonymous, organisation, document), the channel ("tweet", "Fox News"), the time of the
cue's own clause, and nesting (an official quoting another). Photo captions and credits,
rubrics, datelines and prompts to the reader are no statements
(:mod:`onrecord.extract.statements.captions`); each statement's stance is judged by
:mod:`onrecord.extract.statements.stance`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from onrecord.extract.common.doctext import sentence_of, span_mask, text_of
from onrecord.extract.statements.attribution import (
    channel_of,
    cue_subject,
    is_cue,
    resolve_speakers,
    sourcing_of,
    speaker_extent,
)
from onrecord.extract.statements.dates import date_statements
from onrecord.extract.statements.drafts import (
    Draft,
    contrasted,
    cut_at_other_speakers,
    end_before,
    finite_clause,
    link_nesting,
    off_furniture,
    outer_conjunct,
    overlap,
    second_clause_predicate,
    split_coordinated_speakers,
    time_of,
    times_by_sentence,
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
from onrecord.extract.statements.lexicon import BELIEF_CUES
from onrecord.extract.statements.quotes import (
    Quote,
    find_quotes,
    is_statement_quote,
    looks_like_title,
)
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
from onrecord.extract.statements.stance import judge_stance
from onrecord.models import Entity, Statement, TimeExpr


def _quote_content(text: str, q: Quote) -> tuple[int, int]:
    """A quotation's words, without the comma that hands over to its cue."""
    end = q.end
    while end > q.start and text[end - 1] in ",;:—– ":
        end -= 1
    return q.start, end


def _char_span(tokens: Span | Sequence[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _quote_between(quotes: list[Quote], start: int, end: int) -> bool:
    return any(q.close_mark is not None and start <= q.close_mark < end for q in quotes)


def _classify(content: tuple[int, int], quotes: list[Quote]) -> tuple[str, list[Quote]]:
    """Direct when the content is (nearly) one quotation, mixed when it holds one, else indirect."""
    touching = [q for q in quotes if overlap(content, (q.start, q.end)) > 0]
    touching = [q for q in touching if q.words >= 3]
    if not touching:
        return "indirect", []
    size = max(1, content[1] - content[0])
    for q in touching:
        if overlap(content, (q.start, q.end)) >= 0.8 * size:
            return "direct", [q]
    return "mixed", touching


def _settle(text: str, content: tuple[int, int], kind: str,
            quotes: list[Quote]) -> tuple[int, int]:
    """The final content: a direct quotation's words, or a mixed clause with its closing mark."""
    if kind == "direct":
        return _quote_content(text, quotes[0])
    if kind == "mixed":
        last = max(quotes, key=lambda q: q.end)
        if (last.close_mark is not None and last.close_end is not None
                and 0 <= last.close_mark - content[1] <= 2):
            return content[0], last.close_end
    return content


def _reported(doc: Doc, quotes: list[Quote]) -> tuple[list[Draft], set[Quote]]:
    drafts: list[Draft] = []
    used: set[Quote] = set()
    # 1 inside a quotation of three words or more
    quoted = span_mask(len(text_of(doc)), ((q.start, q.end) for q in quotes if q.words >= 3))
    outer: dict[int, Token] = {}  # a cue coordinated with an earlier one: that one's subject
    for tok in doc:
        acc = according_to(doc, tok)
        if acc is not None:
            content, source, cue_span = acc
            kind, qs = _classify(content, quotes)
            content = _settle(text_of(doc), content, kind, qs)
            used.update(qs)
            drafts.append(Draft(content, kind, tok, cue_span, "according to", source))
            continue
        if quoted[tok.idx]:
            continue  # a word inside a quotation is part of the quoted words
        framed = framed_view(doc, tok) if tok.pos_ == "ADP" else None
        if framed is not None:  # "In the latest poll, ...", "For many voters, ..."
            content, source, cue_span = framed
            kind, qs = _classify(content, quotes)
            content = _settle(text_of(doc), content, kind, qs)
            used.update(qs)
            drafts.append(Draft(content, kind, tok, cue_span, tok.lower_, source))
            continue
        if tok.i > 1 and doc[tok.i - 1].lower_ == "to" and doc[tok.i - 2].lower_ == "according":
            continue  # "according to show insiders": part of the source, not a cue
        judged = raising(doc, tok) if tok.pos_ in {"VERB", "AUX"} else (
            reported_clause(doc, tok) if tok.pos_ == "ADV" else None)
        if judged is not None:
            kind, qs = _classify(judged, quotes)
            used.update(qs)
            drafts.append(Draft(_settle(text_of(doc), judged, kind, qs), kind, tok,
                                 _char_span([tok]), tok.lemma_.lower()))
            continue
        heading = colon_speaker(doc, tok) if tok.is_sent_start else None
        if heading is not None:
            content, head, speaker = heading
            kind, qs = _classify(content, quotes)
            content = _settle(text_of(doc), content, kind, qs)
            used.update(qs)
            colon = text_of(doc).index(":", speaker[1])
            drafts.append(Draft(content, kind, None, (colon, colon + 1), None, head, speaker))
            continue
        headline = headline_verb(doc, tok)
        if headline is not None:  # "Senator Slams Trade Deal"
            content, lemma, speaker = headline
            kind, qs = _classify(content, quotes)
            content = _settle(text_of(doc), content, kind, qs)
            used.update(qs)
            last = doc.char_span(speaker[0], speaker[1], alignment_mode="expand")
            drafts.append(Draft(content, kind, tok, _char_span([tok]), lemma,
                                 last[-1] if last is not None else None, speaker))
            continue
        extra: list[Token] = []
        subject: Token | None = None
        speaker_span: tuple[int, int] | None = None  # when the subject's subtree is not it
        comp_used = False
        noun: tuple[tuple[int, int], Token | None] | None = claim_noun(doc, tok)
        if noun is None:
            noun = copular_claim(doc, tok)  # "the fear among Democrats is that ..."
        if noun is None:
            noun = attitude_adjective(doc, tok)  # "aides are confident that ..."
        if noun is None:
            noun = made_clear(doc, tok)  # "she made it clear that ..."
        if noun is None:
            noun = agent_passive(doc, tok)  # "the levy was rejected by the council"
        if noun is None:
            noun = bare_passive(doc, tok)  # "the plan was widely criticized"
        if noun is None:
            noun = learned_noun(tok)  # "his criticism of the plan"
        if noun is None:
            noun = asked_question(doc, tok)
        if noun is not None and is_channel_noun(tok, is_cue(tok.head.head)):
            continue  # "said in a statement that ...": the clause is the verb's (below)
        modelled = False
        if noun is None and not is_cue(tok, objects=True):
            # a verb no list names, read as a cue by the learned model for its construction
            modelled = tok.pos_ == "VERB" and learned_verb(tok, cue_subject(tok))
            if not modelled:
                continue
        if noun is not None:
            content, subject = noun
            cue_lemma = tok.lemma_.lower()
            # "his criticism of the plan", "the claim that ...", "confident that ..." inside
            # another statement's words are part of them
            comp_used = True
        else:
            cue_lemma = tok.lemma_.lower()
            subject = cue_subject(outer.get(tok.i, tok))
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
                outer[second.i] = tok
                clauses = [c for c in clauses if c.i < second.i]
            right_after = [c for c in clauses if 0 < c.left_edge.i - tok.i <= 3]
            quoted_before = any(c.i < tok.i and _quote_between(
                quotes, c.left_edge.idx, tok.idx) for c in clauses)
            if right_after and len(clauses) > 1 and not quoted_before:
                # "Should the firm fail, critics worry that ...": the clause the cue governs is
                # the one that follows it, not an earlier one the parser hung on it
                clauses = right_after
            comp = complement(doc, tok, any_lemma=modelled)
            if clauses and is_cue(tok):
                content = clause_span(doc, clauses[0])
                second = outer_conjunct(tok, clauses[0])
                if second is not None:  # "said the plan would fail, and called it a ruse"
                    outer[second.i] = tok
                    content = (content[0], end_before(doc, second))
                if len(clauses) > 1 and (clauses[0].i > tok.i or clauses[-1].i < tok.i):
                    # a clause the parser broke in two
                    content = (content[0], clause_span(doc, clauses[-1])[1])
                if content[1] <= tok.idx and _quote_between(quotes, content[1], tok.idx):
                    continue  # '"...," he tweeted': the cue belongs to the quotation
            elif is_cue(tok, strict=False) and is_parenthetical(doc, tok):  # ", they believe,"
                span = parenthetical_span(doc, tok)
                if span is None or _quote_between(quotes, span[0], tok.idx):
                    continue  # '"...," Cruz said after ...': the quotation is the statement
                content = span
            elif comp is not None and subject is not None:
                content, extra = comp
                comp_used = True
                if text_of(doc)[content[1]:content[1] + 2].lstrip().startswith(":"):
                    continue  # "summed up the stakes: '...'": a topic, the quotation says it
                extra = [t for t in extra if t.i == tok.i + 1]  # "called for", not "called him for"
                if content[1] <= tok.idx and _quote_between(quotes, content[1], tok.idx):
                    continue
            elif is_cue(tok) and (trailing := trailing_reporting_clause(doc, tok)) is not None:
                # "X ordered Y, a source familiar with the matter said on Friday, in ...",
                # where the parse lost the source
                content = char_span(doc, trailing.content[0], trailing.content[1] - 1)
                if _quote_between(quotes, content[0], tok.idx):
                    continue  # '"...," a source said': the quotation is the statement
                subject = doc[trailing.head]
                speaker_span = _char_span(doc[trailing.speaker[0]:trailing.speaker[1]])
            else:
                continue
        if content[1] - content[0] < 3:
            continue
        kind, qs = _classify(content, quotes)
        content = _settle(text_of(doc), content, kind, qs)
        used.update(qs)
        cue_span = _char_span(sorted([tok, *extra, *(c for c in tok.children if c.dep_ == "prt")],
                                     key=lambda t: t.i))
        drafts.append(Draft(content, kind, tok, cue_span, cue_lemma, subject, speaker_span,
                             by_object=bool(comp_used)))
    # "said he had seen no such evidence": the inner attitude is part of what was said
    # "Critics say he knows the plan fails": a belief inside a statement is the speaker's claim
    # (but "..., while others call it a ruse" is a second statement the first runs into)
    drafts = [d for d in drafts if not ((d.by_object or d.cue_lemma in _INNER_BELIEFS)
                                        and d.cue_span is not None and not contrasted(d.cue)
                                        and any(o.content[0] <= d.cue_span[0] < o.content[1]
                                                for o in drafts if o is not d))]
    return drafts, used


# beliefs that, inside another statement's words, are rarely a statement of their own
_INNER_BELIEFS = BELIEF_CUES | {"see", "find", "show"}


def _cue_near(doc: Doc, quote: Quote, quote_spans: list[tuple[int, int]]) -> Token | None:
    """A cue verb outside quotations in the sentence right after or right before a quotation."""
    def outside(t: Token) -> bool:
        return not any(s - 1 <= t.idx < e + 1 for s, e in quote_spans)

    after = doc.char_span(quote.close_mark, quote.close_end, alignment_mode="expand") \
        if quote.close_mark is not None and quote.close_end is not None else None
    if after is not None:
        i = after.end
        while i < len(doc) and doc[i].idx < quote.paragraph_end:
            t = doc[i]
            if t.is_sent_start and i > after.end:
                break
            if not outside(t):
                break
            if is_cue(t, strict=False) and cue_subject(t) is not None:
                return t
            i += 1
    before = doc.char_span(quote.open_mark, quote.open_mark + 1, alignment_mode="expand")
    if before is not None:
        i = before.start - 1
        while i >= 0 and doc[i].idx >= quote.paragraph_start:
            t = doc[i]
            if not outside(t):
                break
            if is_cue(t, strict=False) and cue_subject(t) is not None:
                return t
            if t.is_sent_start:
                break
            i -= 1
    return None


def _direct(doc: Doc, quotes: list[Quote], used: set[Quote], drafts: list[Draft]) -> None:
    spans = [(q.open_mark, q.close_mark if q.close_mark is not None else q.end) for q in quotes]
    text = text_of(doc)
    for q in quotes:
        if q in used:
            continue
        if looks_like_title(text, q):
            continue  # 'his memoir, "A Harbour Life."': a title, not words said
        short = not is_statement_quote(text, q)
        if short and not (q.words and text[q.end - 1] in ".,!?"):
            continue
        if any(d.content[0] <= q.start and q.end <= d.content[1] for d in drafts):
            continue
        cue = _cue_near(doc, q, spans)
        if short and (cue is None or q.close_end is None or cue.idx < q.close_end
                      or cue.idx - q.close_end > 30):
            continue  # '"Never," she said.': a short quotation counts with its cue right after
        content = _quote_content(text_of(doc), q)
        if cue is not None:
            cue_span = _char_span([cue] + [c for c in cue.children if c.dep_ == "prt"])
            kind = "direct"
            lead = _lead_in(doc, q) if cue.idx > q.end else None
            if lead is not None:  # 'The campaign is "doing everything it can," she said'
                content, kind = (lead, content[1]), "mixed"
            first = [d for d in drafts if d.cue is not None and d.cue.i == cue.i
                     and d.kind in {"direct", "mixed"} and d.content[1] <= q.open_mark]
            draft = Draft(content, kind, cue, cue_span, cue.lemma_.lower(), cue_subject(cue),
                          continues=first[-1] if first else None)
            later = [d for d in drafts if d.cue is not None and d.cue.i == cue.i
                     and d.kind == "direct" and d.continues is None and d.content[0] >= q.end]
            if later and not first:  # '"If ...," Scott said, "I could ..."': the cue's own clause
                min(later, key=lambda d: d.content[0]).continues = draft
            drafts.append(draft)
            continue
        # a floating quotation continues the latest statement in this or the previous paragraph
        prior = [d for d in drafts if d.content[1] <= q.open_mark and d.kind != "indirect"]
        prior = prior or [d for d in drafts if d.content[1] <= q.open_mark]
        previous = max(prior, key=lambda d: d.content[1], default=None)
        near = previous is not None and q.open_mark - previous.content[1] < 600
        if near and previous is not None:
            # '"We will not back down," she said. "Not now."': one quotation in two parts
            same = previous.kind in {"direct", "mixed"} and previous.content[0] >= q.paragraph_start
            drafts.append(Draft(content, "direct", None, inherit_from=previous,
                                 continues=previous if same else None))
        elif q.words >= 5:
            drafts.append(Draft(content, "direct", None))


def _lead_in(doc: Doc, q: Quote) -> int | None:
    """Where the words of a sentence begin that run into a quotation ending in its cue."""
    mark = doc.char_span(q.open_mark, q.start, alignment_mode="expand")
    if mark is None:
        return None
    lo = sentence_of(doc, mark.start)[0]
    ends = [t.i for t in doc[lo:mark.start] if t.text in {".", "?", "!"}]
    if ends:  # 'a new pool. ''Without ...,'' he said': the parser ran two sentences together
        lo = ends[-1] + 1
    while lo < mark.start and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
        lo += 1
    words = [t for t in doc[lo:mark.start] if t.is_alpha]
    if len(words) < 2 or doc[lo].idx < q.paragraph_start:
        return None
    if any(t.text in {"“", "”", '"', "''", ":"} for t in doc[lo:mark.start]):
        return None
    return doc[lo].idx


def _nested(drafts: list[Draft]) -> list[Draft]:
    """"X quoted Y: '...'" gives Y's statement inside X's."""
    out: list[Draft] = []
    for d in drafts:
        if d.cue is not None and d.cue_lemma in {"quote", "cite"}:
            objs = [c for c in d.cue.children if c.dep_ in {"dobj", "pobj"}
                    and not d.content[0] <= c.idx < d.content[1]]
            if objs:
                said = [c for c in objs[0].children if c.dep_ == "relcl" and is_cue(c, False)]
                said = said or [c for c in objs[0].children if c.dep_ == "relcl"]
                cue = said[0] if said else None
                cue_span = _char_span([cue] + [c for c in cue.children if c.dep_ == "prt"]) \
                    if cue is not None else None
                lemma = " ".join([cue.lemma_] + [c.lower_ for c in cue.children
                                                 if c.dep_ == "prt"]) if cue else None
                out.append(Draft(d.content, d.kind, cue, cue_span, lemma, objs[0],
                                  nested_speaker=objs[0]))
    return out


def extract_statements(
    doc: Doc, entities: Sequence[Entity], times: Sequence[TimeExpr] = (),
    published: dt.date | None = None,
) -> list[Statement]:
    """Every attributed statement in ``doc``, in text order.

    Each statement's ``date`` is the day of its own clause's time expression ("Trump on Friday
    told ..."); with none, a day inferred from its context (the statement it is quoted in, the
    same speaker's dated statement, the occasion just reported) or else the publication date,
    marked ``time_defaulted`` (see :mod:`onrecord.extract.statements.dates`).
    """
    quotes = find_quotes(text_of(doc))
    drafts, used = _reported(doc, quotes)
    _direct(doc, quotes, used, drafts)
    drafts.extend(_nested(drafts))
    drafts = off_furniture(text_of(doc), drafts)
    drafts.sort(key=lambda d: (d.content[0], d.nested_speaker is not None))
    for d in drafts:
        if d.subject is not None and d.speaker_span is None:
            d.speaker_span = speaker_extent(doc, d.subject)
    drafts = split_coordinated_speakers(doc, drafts, entities)
    cut_at_other_speakers(text_of(doc), drafts)
    speakers = resolve_speakers(doc, drafts, entities)
    times_in = times_by_sentence(doc, times)
    statements: list[Statement] = []
    ids: dict[int, str] = {}
    seen: set[str] = set()
    for d in drafts:
        root = d
        while root.inherit_from is not None and root.cue is None:
            root = root.inherit_from
        speaker_id, speaker_text, speaker_span = speakers.get(id(root), (None, None, None))
        # "denied that X", "cast doubt on X": what the speaker does with X, the proposition
        stance, proposition = judge_stance(doc, d.cue if d is root else None,
                                           root.cue_lemma if d is root else None, d.content,
                                           d.kind, d.speaker_span)
        base = f"s{d.content[0]}"
        sid = base
        k = 1
        while sid in seen:
            k += 1
            sid = f"{base}.{k}"
        seen.add(sid)
        ids[id(d)] = sid
        cue = root.cue
        sourcing = sourcing_of(doc, root.subject, speaker_id, entities)
        channel = channel_of(doc, cue) if cue is not None else None
        stmt = Statement(
            id=sid,
            content=text_of(doc)[d.content[0]:d.content[1]],
            content_span=d.content,
            kind=d.kind,  # type: ignore[arg-type]
            sourcing=sourcing,
            speaker=speaker_id,
            speaker_text=speaker_text,
            speaker_span=speaker_span,
            cue=root.cue_lemma,
            cue_span=root.cue_span,
            channel=channel,
            time=time_of(doc, cue, times_in, d.content),
            continues=ids.get(id(d.continues)) if d.continues is not None else None,
            stance=stance,
            proposition=text_of(doc)[proposition[0]:proposition[1]],
            proposition_span=proposition,
        )
        statements.append(stmt)
    linked = link_nesting(statements, drafts, ids)
    return date_statements(linked, times, published, doc)
