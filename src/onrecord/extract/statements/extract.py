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

from onrecord.extract.common.doctext import sentence_of, text_of
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
    link_nesting,
    off_furniture,
    overlap,
    split_coordinated_speakers,
    time_of,
    times_by_sentence,
)
from onrecord.extract.statements.lexicon import BELIEF_CUES
from onrecord.extract.statements.quotes import (
    Quote,
    find_quotes,
    is_statement_quote,
    looks_like_title,
)
from onrecord.extract.statements.rules import Reading, first_answer
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
    """The statements the reported-speech rules find (:data:`REPORTED_RULES`, in order), and
    the quotations they took."""
    drafts: list[Draft] = []
    used: set[Quote] = set()
    reading = Reading.of(doc, quotes)
    for tok in doc:
        answer = first_answer(reading, tok)
        if answer is None:
            continue
        rule, found = answer
        kind, qs = _classify(found.content, quotes)
        used.update(qs)
        drafts.append(Draft(_settle(text_of(doc), found.content, kind, qs), kind, found.cue,
                            found.cue_span, found.cue_lemma, found.subject, found.speaker_span,
                            by_object=found.by_object, rule=rule))
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
                          continues=first[-1] if first else None,
                          rule="direct_quote" if kind == "direct" else "quote_lead_in")
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
                                 continues=previous if same else None, rule="floating_quote"))
        elif q.words >= 5:
            drafts.append(Draft(content, "direct", None, rule="lone_quote"))


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
                                  nested_speaker=objs[0], rule="quoted_speaker"))
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
            rule=d.rule,
        )
        statements.append(stmt)
    linked = link_nesting(statements, drafts, ids)
    return date_statements(linked, times, published, doc)
