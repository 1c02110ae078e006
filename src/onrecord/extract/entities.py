"""Entities canonical within one article: every mention of a person, state or organisation linked.

``extract_entities(doc)`` turns spaCy's named entities into :class:`~onrecord.models.Entity`
records: titles are split off names ("Secretary of State Mike Pompeo" is the person "Mike Pompeo"
with the title "Secretary of State"), surnames and "the president" are linked to the full name,
the small model's label slips are repaired by the majority over linked mentions, and states and
nationalities get their ISO3 actor code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from onrecord.extract.actors import actor_code, is_capital, is_demonym, state_name
from onrecord.extract.doctext import text_of
from onrecord.extract.lexicon import ORGANIZATION_HEADS, TITLE_CORE, TITLE_HEADS, TITLE_WORDS
from onrecord.models import Entity

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_TITLE_JOINERS = frozenset({"of", "for", "the", "and", "-"})


@dataclass
class _Mention:
    start: int  # token index
    end: int
    label: str
    title: str | None = None


@dataclass
class _Cluster:
    key: str
    mentions: list[_Mention] = field(default_factory=list)
    actor: str | None = None
    demonym: bool = False

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading determiner and trailing possessive or punctuation from a token range."""
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        # keep the dot of an abbreviation such as "U.S." (it is part of the token)
        end -= 1
    return start, end


def _is_title_token(tok: Token) -> bool:
    return tok.lower_ in TITLE_WORDS or tok.lower_.rstrip(".") in TITLE_WORDS


def _title_before(doc: Doc, start: int) -> int:
    """The token index where a title run before ``start`` begins (``start`` when there is none).

    A title run is a stretch of title words, joiners and their modifiers ("Secretary of
    State", "Defense Secretary", "CIA Director", "government spokesperson") ending right before
    the name. Lower-case title words count too: AP style writes "coast guard spokesman X".
    """
    i = start - 1
    begin = start
    has_title = False
    while i >= 0:
        tok = doc[i]
        if tok.is_sent_start and not (tok.text[:1].isupper()):
            break
        upper = tok.text[:1].isupper()
        if _is_title_token(tok) and (upper or tok.lower_ in TITLE_CORE or has_title):
            has_title = True
            begin = i
        elif tok.lower_ in _TITLE_JOINERS and i > 0 and _is_title_token(doc[i - 1]):
            pass
        elif has_title and tok.pos_ in {"PROPN", "ADJ", "NOUN"} and (
            upper or tok.dep_ in {"compound", "amod"}
        ):
            begin = i  # "CIA" in "CIA Director", "government" in "government spokesperson"
        else:
            break
        i -= 1
    return begin if has_title else start


def _split_title(doc: Doc, ent: Span) -> tuple[int, str | None, str]:
    """Where the name starts inside ``ent``, the title in front of it, and the label to use.

    A name that follows a person's title is a person, whatever the model labelled it
    ("Secretary of State Anne Holt" tagged ORG as "State Anne Holt").
    """
    if ent.label_ != "PERSON" and actor_code(ent.text) is not None:
        return ent.start, None, ent.label_  # "U.S." in "U.S. President": a state, not a name
    start = ent.start
    while start < ent.end - 1 and _is_title_token(doc[start]) and doc[start].text[:1].isupper():
        start += 1
    before_is_title = ent.start > 0 and (
        _is_title_token(doc[ent.start - 1])
        or (start > ent.start and doc[ent.start - 1].lower_ in _TITLE_JOINERS)
    )
    begin = _title_before(doc, ent.start) if before_is_title else ent.start
    if begin >= start:
        return ent.start, None, ent.label_
    if not any(doc[i].lower_ in TITLE_CORE for i in range(begin, start)):
        return ent.start, None, ent.label_  # "Defence Ministry": no title head, no title
    if doc[ent.end - 1].lower_ in ORGANIZATION_HEADS:
        return ent.start, None, ent.label_  # "Foreign Ministry" names an office, not a person
    label = "PERSON" if all(doc[i].pos_ == "PROPN" for i in range(start, ent.end)) else ent.label_
    return start, doc[begin:start].text, label


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def _collect(doc: Doc) -> tuple[list[_Mention], set[int]]:
    """Mentions from spaCy's entities, with titles split off; and tokens inside titles."""
    mentions: list[_Mention] = []
    title_tokens: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        name_start, title, label = _split_title(doc, ent)
        start, end = _trim(doc, name_start, ent.end)
        if start >= end:
            continue
        if title is not None:
            begin = _title_before(doc, ent.start)
            title_tokens.update(range(min(begin, ent.start), name_start))
        mentions.append(_Mention(start, end, label, title))
    kept: list[_Mention] = []
    for m in mentions:
        inside_title = all(i in title_tokens for i in range(m.start, m.end))
        acronym = doc[m.start:m.end].text.replace(".", "").isupper()
        if inside_title and m.label not in {"PERSON", "GPE"} and not acronym:
            continue  # "State" in "Secretary of State", "Defense" in "Defense Secretary"
        kept.append(m)
    return kept, title_tokens


def _cluster(doc: Doc, mentions: list[_Mention]) -> list[_Cluster]:
    clusters: dict[str, _Cluster] = {}
    by_surname: dict[str, list[_Cluster]] = {}
    singles: list[_Mention] = []
    # Pass 1: states and nationalities by actor code; multi-word names by their full form.
    for m in sorted(mentions, key=lambda m: m.start):
        text = doc[m.start:m.end].text
        code = actor_code(text) if m.label in {"GPE", "NORP", "LOC", "ORG"} else None
        if code is not None and m.end - m.start <= 4:
            demonym = is_demonym(text)
            key = f"{'NORP' if demonym else 'GPE'}:{code}"
            if is_capital(text):  # a city (and its government): its own entity, the state's code
                key = "CITY:" + _norm(text)
            cl = clusters.setdefault(key, _Cluster(key, actor=code, demonym=demonym))
            cl.mentions.append(m)
        elif m.end - m.start >= 2 and m.label == "PERSON":
            key = "PERSON:" + _norm(text)
            if key not in clusters:
                clusters[key] = _Cluster(key)
                by_surname.setdefault(_norm(doc[m.end - 1].text), []).append(clusters[key])
            clusters[key].mentions.append(m)
        else:
            singles.append(m)
    # Pass 2: single words (and slips such as a surname tagged GPE) join a full name.
    for m in singles:
        text = doc[m.start:m.end].text
        candidates = by_surname.get(_norm(text), []) if m.end - m.start == 1 else []
        if candidates:
            before = [c for c in candidates if c.first <= m.start] or candidates
            before[-1].mentions.append(m)
            continue
        key = "NAME:" + _norm(text)
        clusters.setdefault(key, _Cluster(key)).mentions.append(m)
    return list(clusters.values())


def _label(cluster: _Cluster) -> str:
    if cluster.actor is not None:
        return "NORP" if cluster.demonym else "GPE"  # cities too: GPE
    votes = Counter(m.label for m in cluster.mentions)
    multi_person = any(m.label == "PERSON" and m.end - m.start >= 2 for m in cluster.mentions)
    top = max(votes.values())
    if multi_person and votes.get("PERSON", 0) * 2 >= top:
        return "PERSON"
    winners = [lab for lab, n in votes.items() if n == top]
    return "PERSON" if "PERSON" in winners else sorted(winners)[0]


def _add_unlabelled(doc: Doc, clusters: list[_Cluster], covered: set[int]) -> None:
    """Surnames of people that spaCy did not tag ("Esper quoted ..." with no entity)."""
    surnames: dict[str, _Cluster] = {}
    for cl in clusters:
        if cl.key.startswith("PERSON:"):
            longest = max(cl.mentions, key=lambda m: m.end - m.start)
            surnames.setdefault(doc[longest.end - 1].text, cl)
    if not surnames:
        return
    for tok in doc:
        if tok.i in covered or tok.text not in surnames:
            continue
        if tok.pos_ not in {"PROPN", "NOUN", "VERB", "ADJ"}:
            continue
        surnames[tok.text].mentions.append(_Mention(tok.i, tok.i + 1, "PERSON"))
        covered.add(tok.i)


def _add_descriptions(doc: Doc, clusters: list[_Cluster], title_tokens: set[int]) -> None:
    """Link "the president", "the minister" to the one person holding that title."""
    holders: dict[str, list[_Cluster]] = {}
    for cl in clusters:
        heads = {
            m.title.split()[-1].lower().rstrip(".") for m in cl.mentions if m.title is not None
        }
        full = {_norm(m.title) for m in cl.mentions if m.title is not None}
        for head in (heads & TITLE_HEADS) | full:
            holders.setdefault(head, []).append(cl)
    if not holders:
        return
    for tok in doc:
        if tok.lower_ != "the" or tok.i + 1 >= len(doc):
            continue
        # the longest title after "the": "the attorney general" before "the general"
        for width in (3, 2, 1):
            end = tok.i + 1 + width
            if end > len(doc):
                continue
            phrase = _norm(doc[tok.i + 1:end].text)
            found = holders.get(phrase)
            if not found:
                continue
            if len(found) > 1:  # several ministers: the one mentioned last
                before = [c for c in found if c.first < tok.i]
                if not before:
                    continue
                found = [max(before, key=lambda c: max(m.start for m in c.mentions
                                                        if m.start < tok.i))]
            if end < len(doc) and doc[end].lower_ in {"of", "'s", "’s"}:
                break  # "the president of France" is someone else
            if any(i in title_tokens for i in range(tok.i, end)):
                break
            found[0].mentions.append(_Mention(tok.i, end, "PERSON"))
            break


def _canonical_name(doc: Doc, cl: _Cluster, label: str) -> str:
    if cl.actor is not None and not cl.demonym and not cl.key.startswith("CITY:"):
        return state_name(cl.actor) or doc[cl.mentions[0].start:cl.mentions[0].end].text
    named = [m for m in cl.mentions if doc[m.start].lower_ != "the" or label != "PERSON"]
    texts = [doc[m.start:m.end].text for m in (named or cl.mentions)]
    if label == "PERSON":
        return max(texts, key=lambda t: (len(t.split()), len(t)))
    counts = Counter(texts)
    return max(counts, key=lambda t: (counts[t], len(t)))


def extract_entities(doc: Doc) -> list[Entity]:
    """The article's entities, each with all its mentions as character spans, in text order."""
    mentions, title_tokens = _collect(doc)
    clusters = _cluster(doc, mentions)
    covered = {i for m in mentions for i in range(m.start, m.end)} | title_tokens
    _add_unlabelled(doc, clusters, covered)
    _add_descriptions(doc, clusters, title_tokens)
    entities: list[Entity] = []
    for cl in sorted(clusters, key=lambda c: c.first):
        label = _label(cl)
        name = _canonical_name(doc, cl, label)
        seen: set[tuple[int, int]] = set()
        spans: list[tuple[int, int]] = []
        for m in sorted(cl.mentions, key=lambda m: m.start):
            span = (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text))
            if span not in seen:
                seen.add(span)
                spans.append(span)
        aliases = _unique(text_of(doc)[s:e] for s, e in spans if text_of(doc)[s:e] != name)
        titles = _unique(m.title for m in sorted(cl.mentions, key=lambda m: m.start) if m.title)
        entities.append(
            Entity(
                id=f"e{spans[0][0]}",
                name=name,
                kind=label,
                mentions=tuple(spans),
                aliases=aliases,
                titles=titles,
                actor=cl.actor,
            )
        )
    return entities


def _unique(items: Iterable[str | None]) -> tuple[str, ...]:
    out: list[str] = []
    for item in items:
        if item and item not in out:
            out.append(item)
    return tuple(out)


def entity_index(entities: Iterable[Entity]) -> dict[int, str]:
    """Map each character offset covered by a mention to its entity id."""
    index: dict[int, str] = {}
    for ent in entities:
        for s, e in ent.mentions:
            for i in range(s, e):
                index.setdefault(i, ent.id)
    return index
