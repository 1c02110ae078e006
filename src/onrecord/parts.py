"""Long articles in parts: cut a text too long for one spaCy Doc, and join the parts' records.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters), and its parser needs
memory in proportion to the text. An article longer than :data:`PART_CHARS` is therefore
analysed in parts of at most that many characters, cut at paragraph boundaries (a blank line,
else a line break, else a sentence end, else a space; a part is cut mid-word only when it holds
no space at all). Each part is analysed as its own document, and :func:`join_part_records`
puts the parts' records back on the whole text:

- every span is shifted by its part's offset, so ``article.text[s:e]`` still re-slices;
- ids are made again from the shifted offsets, as the extractors make them
  (``e<start>``, ``t<start>``, ``s<start>[.k]``, :func:`~onrecord.models.event_id`), and every
  reference (speaker, time, nested_in, continues, participants) follows;
- an entity seen in several parts is one entity: the same kind and name, or for a person a
  bare surname that only one full name in the article ends with; a speaker written only by
  such a surname, whom the part's own entities missed, is that person too.

Context does not cross a cut: a pronoun or "the next day" at the start of a part cannot reach
back into the part before. Articles under the limit (every article of the evaluation sets) are
analysed whole, exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from onrecord.models import (
    Article,
    ArticleRecord,
    Entity,
    Event,
    Participant,
    Span,
    Statement,
    TimeExpr,
    event_id,
)

PART_CHARS = 100_000
"""The longest text analysed as one document; longer articles are analysed in parts."""

# Where a part may end, best first: after a blank line, a line break, a sentence, a space.
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)]*\s+"),
         re.compile(r"\s+"))
_ID_RE = re.compile(r"([a-z])(\d+)((?:\.\d+)?)")


def split_into_parts(text: str, limit: int = PART_CHARS) -> list[Span]:
    """Character ranges that cover ``text`` in order, each at most ``limit`` characters long.

    A text within the limit is one part. Otherwise each part ends at the last paragraph
    boundary inside the limit (see the module docstring for the order of preference), and no
    part is shorter than a quarter of the limit unless it is the last one.
    """
    if limit < 4:
        raise ValueError("a part must be allowed at least 4 characters")
    parts: list[Span] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = end
        for pattern in _CUTS:
            found = _last_cut(pattern, text, start + limit // 4, end)
            if found is not None:
                cut = found
                break
        parts.append((start, cut))
        start = cut
    parts.append((start, len(text)))
    return parts


def _last_cut(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int | None:
    """The end of the last match of ``pattern`` ending within ``(lo, hi]``, or None."""
    best = None
    for match in pattern.finditer(text, lo, hi):
        best = match.end()
    return best


def part_article(article: Article, span: Span) -> Article:
    """The article a part is analysed as: the same metadata, the part's text."""
    s, e = span
    return replace(article, text=article.text[s:e])


def join_part_records(article: Article,
                      parts: Sequence[tuple[int, ArticleRecord]]) -> ArticleRecord:
    """One record of ``article`` from its parts' records, each given with its start offset."""
    if len(parts) == 1 and parts[0][0] == 0 and parts[0][1].article.text == article.text:
        return replace(parts[0][1], article=article)
    entities, entity_ids = _join_entities(parts)
    times: list[TimeExpr] = []
    statements: list[Statement] = []
    events: list[Event] = []
    for offset, record in parts:
        time_ids = {t.id: _shift_id(t.id, offset) for t in record.times}
        statement_ids = {s.id: _shift_id(s.id, offset) for s in record.statements}
        ents = entity_ids[id(record)]
        times += [replace(t, id=time_ids[t.id], span=_shift(t.span, offset)) for t in record.times]
        statements += [_shift_statement(s, offset, ents, time_ids, statement_ids)
                       for s in record.statements]
        events += [_shift_event(ev, offset, ents, time_ids) for ev in record.events]
    entities, statements = _link_surname_speakers(entities, statements)
    return ArticleRecord(article=article, entities=tuple(entities),
                         statements=tuple(statements), times=tuple(times), events=tuple(events))


def _link_surname_speakers(entities: list[Entity], statements: list[Statement],
                           ) -> tuple[list[Entity], list[Statement]]:
    """A speaker written only by a surname ("Kovac said") in a part that never names the
    person in full is the one person of the article whose name ends with it."""
    owners: dict[str, list[int]] = {}
    for i, ent in enumerate(entities):
        words = ent.name.split()
        if ent.kind == "PERSON" and len(words) > 1:
            owners.setdefault(words[-1], []).append(i)
    linked: list[Statement] = []
    for st in statements:
        found = owners.get(st.speaker_text or "", [])
        if st.speaker is None and st.speaker_span is not None and len(found) == 1:
            ent = entities[found[0]]
            entities[found[0]] = replace(
                ent, mentions=tuple(sorted({*ent.mentions, st.speaker_span})),
                aliases=tuple(dict.fromkeys((*ent.aliases, st.speaker_text or ""))))
            st = replace(st, speaker=ent.id)
        linked.append(st)
    return entities, linked


def _shift(span: Span, offset: int) -> Span:
    return (span[0] + offset, span[1] + offset)


def _shift_opt(span: Span | None, offset: int) -> Span | None:
    return None if span is None else _shift(span, offset)


def _shift_id(record_id: str, offset: int) -> str:
    """``s120.2`` shifted by 1000 is ``s1120.2``: the ids the extractors would have made."""
    match = _ID_RE.fullmatch(record_id)
    if match is None:
        raise ValueError(f"not an offset id: {record_id!r}")
    prefix, start, suffix = match.groups()
    return f"{prefix}{int(start) + offset}{suffix}"


Key = tuple[str, str, str]  # kind, name, and an entity id when one part has two of that name


def _join_entities(parts: Sequence[tuple[int, ArticleRecord]],
                   ) -> tuple[list[Entity], dict[int, dict[str, str]]]:
    """The article's entities (parts' entities merged) and, per part record, old id -> new."""
    merged: dict[Key, Entity] = {}
    keys_of: dict[int, dict[str, Key]] = {}
    for offset, record in parts:
        table: dict[str, Key] = {}
        for ent in record.entities:
            key: Key = (ent.kind, ent.name, "")
            if key in table.values():  # the extractor kept two of that name apart: so do we
                key = (ent.kind, ent.name, f"{offset}:{ent.id}")
            table[ent.id] = key
            shifted = replace(ent, id=_shift_id(ent.id, offset),
                              mentions=tuple(_shift(m, offset) for m in ent.mentions))
            merged[key] = _merge_entity(merged[key], shifted) if key in merged else shifted
        keys_of[id(record)] = table
    final = {key: key for key in merged}
    for key, owner in _surname_owners(merged).items():
        merged[owner] = _merge_entity(merged[owner], merged[key])
        final[key] = owner
    heads = {key: _renamed_by_first_mention(merged[key]) for key in merged if final[key] == key}
    new_id = {key: heads[final[key]].id for key in merged}
    ids = {rid: {old: new_id[key] for old, key in table.items()}
           for rid, table in keys_of.items()}
    return sorted(heads.values(), key=lambda e: e.mentions[0]), ids


def _surname_owners(entities: dict[Key, Entity]) -> dict[Key, Key]:
    """A one-word PERSON name -> the one multi-word PERSON whose name ends with it."""
    full: dict[str, list[Key]] = {}
    for key in entities:
        kind, name, _ = key
        words = name.split()
        if kind == "PERSON" and len(words) > 1:
            full.setdefault(words[-1], []).append(key)
    owners: dict[Key, Key] = {}
    for key in entities:
        kind, name, _ = key
        if kind == "PERSON" and len(name.split()) == 1 and len(full.get(name, ())) == 1:
            owners[key] = full[name][0]
    return owners


def _merge_entity(first: Entity, other: Entity) -> Entity:
    mentions = tuple(sorted(set(first.mentions) | set(other.mentions)))
    aliases = tuple(dict.fromkeys(a for a in (*first.aliases, other.name, *other.aliases)
                                  if a != first.name))
    titles = tuple(dict.fromkeys((*first.titles, *other.titles)))
    return replace(first, mentions=mentions, aliases=aliases, titles=titles,
                   actor=first.actor or other.actor)


def _renamed_by_first_mention(entity: Entity) -> Entity:
    return replace(entity, id=f"e{entity.mentions[0][0]}")


def _shift_statement(s: Statement, offset: int, entities: dict[str, str],
                     times: dict[str, str], statements: dict[str, str]) -> Statement:
    return replace(
        s, id=statements[s.id], content_span=_shift(s.content_span, offset),
        speaker=entities.get(s.speaker) if s.speaker else None,
        speaker_span=_shift_opt(s.speaker_span, offset),
        cue_span=_shift_opt(s.cue_span, offset),
        proposition_span=_shift_opt(s.proposition_span, offset),
        time=times.get(s.time) if s.time else None,
        nested_in=statements.get(s.nested_in) if s.nested_in else None,
        continues=statements.get(s.continues) if s.continues else None,
    )


def _shift_participant(p: Participant | None, entities: dict[str, str]) -> Participant | None:
    if p is None or p.entity is None:
        return p
    return replace(p, entity=entities.get(p.entity))


def _shift_event(ev: Event, offset: int, entities: dict[str, str],
                 times: dict[str, str]) -> Event:
    start, end = _shift(ev.trigger_span, offset)
    return replace(
        ev, id=event_id(start, end, ev.source.text if ev.source else "",
                        ev.target.text if ev.target else ""),
        trigger_span=(start, end),
        source=_shift_participant(ev.source, entities),
        target=_shift_participant(ev.target, entities),
        time=times.get(ev.time) if ev.time else None,
    )


__all__ = ["PART_CHARS", "join_part_records", "part_article", "split_into_parts"]
