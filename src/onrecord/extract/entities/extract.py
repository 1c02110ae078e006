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

from onrecord.extract.common.doctext import text_of
from onrecord.extract.entities.actors import actor_code, is_capital, is_demonym, state_name
from onrecord.extract.entities.person_names import (
    PersonName,
    fold,
    given_key,
    implausible_name,
    is_given_name,
    is_particle,
    is_patronymic,
    is_title_word,
    parse_person,
    same_person,
)
from onrecord.extract.entities.roles import (
    Holder,
    find_role_mentions,
    role_heads,
    royal_titles,
    state_after,
    states_in_sentence,
    title_without_state,
)
from onrecord.extract.statements.lexicon import (
    ORGANIZATION_HEADS,
    TITLE_CORE,
    TITLE_HEADS,
    TITLE_WORDS,
)
from onrecord.models import Entity

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_TITLE_JOINERS = frozenset({"of", "for", "the", "and", "-"})
_ROLE_HEADS = role_heads()  # "prosecutor", "consul": offices beyond the lexicon's title heads
_CORE = TITLE_CORE | _ROLE_HEADS


@dataclass
class _Mention:
    start: int  # token index
    end: int
    label: str
    title: str | None = None
    role: bool = False  # "the president", "Turkey's president": the person, not a name


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
    low = tok.lower_.rstrip(".")
    return tok.lower_ in TITLE_WORDS or low in TITLE_WORDS or low in _ROLE_HEADS


def _is_leading_title(doc: Doc, i: int, end: int) -> bool:
    """True when token ``i`` of an entity is part of a title in front of a name: a title
    word ("Prince"), a service or rank word ("Air Force", "Crown"), or the hyphen of
    "Lieutenant-General"."""
    tok = doc[i]
    if tok.text == "-":
        return 0 < i < end - 1 and is_title_word(doc[i - 1].text) and \
            is_title_word(doc[i + 1].text)
    return tok.text[:1].isupper() and (_is_title_token(tok) or is_title_word(tok.text))


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
        titled = _is_title_token(tok) or (upper and is_title_word(tok.text))  # "Crown"
        if titled and (upper or tok.lower_ in _CORE or has_title):
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


def _only_title(doc: Doc, ent: Span) -> bool:
    """True when an entity is only the title in front of a name ("Air Force Lieutenant-General
    Igor ..."), with a title head ("General"): no organisation such as "Air Force" itself,
    and no "Mr. King", whose last word is his name."""
    if ent.end >= len(doc) or not (doc[ent.end].pos_ == "PROPN" and doc[ent.end].is_title):
        return False
    return all(_is_leading_title(doc, i, ent.end) for i in range(ent.start, ent.end)) and \
        any(doc[i].lower_.rstrip(".") in _CORE for i in range(ent.start, ent.end))


def _split_title(doc: Doc, ent: Span) -> tuple[int, str | None, str]:
    """Where the name starts inside ``ent``, the title in front of it, and the label to use.

    A name that follows a person's title is a person, whatever the model labelled it
    ("Secretary of State Anne Holt" tagged ORG as "State Anne Holt").
    """
    if ent.label_ != "PERSON" and actor_code(ent.text) is not None:
        return ent.start, None, ent.label_  # "U.S." in "U.S. President": a state, not a name
    start = ent.start
    while start < ent.end - 1 and _is_leading_title(doc, start, ent.end):
        start += 1
    before_is_title = ent.start > 0 and (
        _is_title_token(doc[ent.start - 1]) or _is_leading_title(doc, ent.start - 1, ent.end)
        or (start > ent.start and doc[ent.start - 1].lower_ in _TITLE_JOINERS)
    )
    begin = _title_before(doc, ent.start) if before_is_title else ent.start
    if begin >= start:
        return ent.start, None, ent.label_
    if not any(doc[i].lower_ in _CORE for i in range(begin, start)):
        return ent.start, None, ent.label_  # "Defence Ministry": no title head, no title
    if doc[ent.end - 1].lower_ in ORGANIZATION_HEADS:
        return ent.start, None, ent.label_  # "Foreign Ministry" names an office, not a person
    label = "PERSON" if all(doc[i].pos_ == "PROPN" for i in range(start, ent.end)) else ent.label_
    return start, doc[begin:start].text, label


def _titled_names(doc: Doc, tagged: set[int]) -> list[_Mention]:
    """People the model did not tag, written with a title: two or three capitalised proper
    nouns right after a title head ("Lieutenant-General Pavel Rudenko told ...")."""
    found: list[_Mention] = []
    i = 0
    while i < len(doc) - 2:
        tok = doc[i]
        if not (tok.text[:1].isupper() and tok.lower_.rstrip(".") in _CORE):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i <= 4 and end not in tagged and doc[end].pos_ == "PROPN" \
                and doc[end].text[:1].isupper() and doc[end].text.isalpha() \
                and not is_title_word(doc[end].text):
            end += 1
        name = doc[i + 1:end].text
        if 2 <= end - i - 1 <= 3 and (end == len(doc) or doc[end].pos_ != "PROPN") and \
                actor_code(name) is None and doc[end - 1].lower_ not in ORGANIZATION_HEADS:
            begin = _title_before(doc, i + 1)
            found.append(_Mention(i + 1, end, "PERSON", doc[begin:i + 1].text))
        i = end
    return found


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def _collect(doc: Doc) -> tuple[list[_Mention], set[int]]:
    """Mentions from spaCy's entities, with titles split off; and tokens inside titles."""
    mentions: list[_Mention] = []
    title_tokens: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        if _only_title(doc, ent):
            continue  # "Air Force Lieutenant-General" before a name: a title, no entity
        name_start, title, label = _split_title(doc, ent)
        start, end = _trim(doc, name_start, ent.end)
        if start >= end:
            continue
        while label == "PERSON" and end - start >= 2 and (
                (actor_code(doc[start].text) and not is_given_name(doc[start].text))
                or (doc[start].is_lower and not is_particle(doc[start].text))):
            start += 1  # "Russia Putin", "deemed Khashoggi": a state or a verb, then the name
        if label == "PERSON" and (implausible_name(doc[start:end].text) or not any(
                doc[i].text[:1].isupper() for i in range(start, end))):
            continue  # "SmithJohn Robert SmithJane Doe", "jabbed": no person's name
        if title is not None:
            begin = _title_before(doc, ent.start)
            title_tokens.update(range(min(begin, ent.start), name_start))
        mentions.append(_Mention(start, end, label, title))
    mentions += _titled_names(doc, {i for e in doc.ents for i in range(e.start, e.end)})
    kept: list[_Mention] = []
    for m in mentions:
        inside_title = all(i in title_tokens for i in range(m.start, m.end))
        acronym = doc[m.start:m.end].text.replace(".", "").isupper()
        if inside_title and m.label not in {"PERSON", "GPE"} and not acronym:
            continue  # "State" in "Secretary of State", "Defense" in "Defense Secretary"
        kept.append(m)
    return kept, title_tokens


def _person(doc: Doc, m: _Mention) -> PersonName | None:
    return parse_person(doc[m.start:m.end].text)


def _cluster(doc: Doc, mentions: list[_Mention]) -> list[_Cluster]:
    """Mentions grouped into entities: states by actor code, people by their name's key
    (so "Erdoğan" and "Erdogan", "Mike" and "Michael" are one), a shorter full name joined
    to the one longer name it can be ("Tayyip Erdogan" to "Recep Tayyip Erdogan"), and single
    words and family names ("Esper", "bin Salman") to the one person written with them."""
    clusters: dict[str, _Cluster] = {}
    singles: list[_Mention] = []
    names: dict[str, PersonName] = {}  # person cluster key -> its name
    # Pass 1: states and nationalities by actor code; full names of people by their key.
    for m in sorted(mentions, key=lambda m: m.start):
        text = doc[m.start:m.end].text
        code = actor_code(text) if m.label in {"GPE", "NORP", "LOC", "ORG"} else None
        person = _person(doc, m) if m.label == "PERSON" and m.end - m.start >= 2 else None
        if code is not None and m.end - m.start <= 4:
            demonym = is_demonym(text)
            key = f"{'NORP' if demonym else 'GPE'}:{code}"
            if is_capital(text):  # a city (and its government): its own entity, the state's code
                key = "CITY:" + _norm(text)
            cl = clusters.setdefault(key, _Cluster(key, actor=code, demonym=demonym))
            cl.mentions.append(m)
        elif person is not None and person.full:
            key = "PERSON:" + person.key
            names[key] = person
            clusters.setdefault(key, _Cluster(key)).mentions.append(m)
        else:
            singles.append(m)
    _join_shorter_names(clusters, names)
    families: dict[str, list[_Cluster]] = {}
    for key, person in names.items():
        if key in clusters:
            for family in person.families:
                families.setdefault(family, []).append(clusters[key])
            if not is_patronymic(person):  # "Berg" of "van der Berg"; not "Salman" of "bin Salman"
                families.setdefault(person.family.rsplit(" ", 1)[-1], []).append(clusters[key])
    # Pass 2: single words, family names (and slips such as a surname tagged GPE, or a full
    # name tagged ORG) join a person.
    for m in singles:
        target = _person_for(doc, m, clusters, names, families)
        if target is not None:
            target.mentions.append(m)
            continue
        text = doc[m.start:m.end].text
        code = actor_code(text) if m.label == "PERSON" and m.end - m.start == 1 else None
        if code is not None and not is_demonym(text) and not is_capital(text):
            key = f"GPE:{code}"  # "Jordan's foreign minister" tagged PERSON: no one is named so
            clusters.setdefault(key, _Cluster(key, actor=code)).mentions.append(
                _Mention(m.start, m.end, "GPE", m.title))
            continue
        key = "NAME:" + _norm(fold(doc[m.start:m.end].text))  # "Erdoğan" and "Erdogan"
        clusters.setdefault(key, _Cluster(key)).mentions.append(m)
    return list(clusters.values())


def _join_shorter_names(clusters: dict[str, _Cluster], names: dict[str, PersonName]) -> None:
    """Fold each full name into the one other full name of its family it can be, the fuller
    one ("Tayyip Erdogan" into "Recep Tayyip Erdogan"); two people stay two."""
    for key, person in sorted(names.items(), key=lambda kv: len(kv[1].given)):
        fuller = [k for k, other in names.items() if k != key and k in clusters
                  and len(other.given) > len(person.given) and same_person(person, other)]
        if key in clusters and len(fuller) == 1:
            clusters[fuller[0]].mentions.extend(clusters.pop(key).mentions)


def _person_for(doc: Doc, m: _Mention, clusters: dict[str, _Cluster],
                names: dict[str, PersonName],
                families: dict[str, list[_Cluster]]) -> _Cluster | None:
    """The person cluster a single word or family name belongs to, or ``None``."""
    text = doc[m.start:m.end].text
    person = parse_person(text)
    if person is None:
        return None
    if person.full:  # a full name tagged ORG: the one person of the article it can be
        same = [clusters[k] for k, other in names.items()
                if k in clusters and same_person(person, other)]
        plain = all(doc[i].pos_ == "PROPN" for i in range(m.start, m.end))
        return same[0] if len(same) == 1 and plain else None
    candidates = list({c.key: c for c in families.get(person.family, [])
                       if c.key in clusters}.values())
    if not candidates and m.end - m.start == 1:  # "Prince Faisal": a given name
        given = given_key(person.family)
        candidates = [clusters[k] for k, other in names.items() if k in clusters
                      and other.given[0] == given and _known_by_given_name(other, clusters[k])]
    if len(candidates) > 1:  # two people of one name: the one mentioned last before it,
        # else the one introduced last (as before names were read into parts)
        last = {id(c): max((x.start for x in c.mentions if x.start < m.start), default=-1)
                for c in candidates}
        candidates = [max(candidates, key=lambda c: (last[id(c)], c.first))]
    return candidates[0] if candidates else None


def _known_by_given_name(person: PersonName, cl: _Cluster) -> bool:
    """True when a person is referred to by their given name: an Arabic name with a
    patronymic ("Faisal bin Nasser" is "Faisal"), or a person with a royal title ("Queen
    Margrethe")."""
    royal = any(w in royal_titles() for m in cl.mentions if m.title
                for w in _norm(m.title).split())
    return is_patronymic(person) or royal


def _label(cluster: _Cluster) -> str:
    if cluster.actor is not None:
        return "NORP" if cluster.demonym else "GPE"  # cities too: GPE
    votes = Counter(m.label for m in cluster.mentions)
    multi_person = any(m.label == "PERSON" and m.end - m.start >= 2 for m in cluster.mentions)
    top = max(votes.values())
    if multi_person and votes.get("PERSON", 0) * 2 >= top:
        return "PERSON"
    full = Counter(m.label == "PERSON" for m in cluster.mentions if m.end - m.start >= 2)
    if multi_person and full[True] >= full[False]:
        return "PERSON"  # "Alicia Machado" as a person, her surname alone tagged as a place
    winners = [lab for lab, n in votes.items() if n == top]
    return "PERSON" if "PERSON" in winners else sorted(winners)[0]


def _add_unlabelled(doc: Doc, clusters: list[_Cluster], covered: set[int]) -> None:
    """Surnames of people that spaCy did not tag ("Esper quoted ..." with no entity), and
    the given name of a person with a patronymic ("Prince Faisal said ..." for "Faisal bin
    Nasser"); a surname that two people of the article share is the first one's."""
    surnames: dict[str, _Cluster] = {}
    for cl in clusters:
        if cl.key.startswith("PERSON:"):
            longest = max(cl.mentions, key=lambda m: m.end - m.start)
            person = _person(doc, longest)
            if person is None:
                continue
            # "Salman" of "Mohammed bin Salman" is his father's name: he is "Mohammed"
            last = doc[longest.start if is_patronymic(person) else longest.end - 1].text
            if not last[:1].isupper() or (is_patronymic(person) and is_title_word(last)):
                continue
            surnames.setdefault(fold(last), cl)
    if not surnames:
        return
    for tok in doc:
        target = surnames.get(fold(tok.text)) if tok.text[:1].isupper() else None
        if tok.i in covered or target is None:
            continue
        if tok.pos_ not in {"PROPN", "NOUN", "VERB", "ADJ"}:
            continue
        target.mentions.append(_Mention(tok.i, tok.i + 1, "PERSON"))
        covered.add(tok.i)


def _add_descriptions(doc: Doc, clusters: list[_Cluster], title_tokens: set[int]) -> None:
    """Link "the president", "the minister" to the one person holding that title."""
    holders: dict[str, list[_Cluster]] = {}
    for cl in clusters:
        heads = {
            m.title.split()[-1].lower().rstrip(".") for m in cl.mentions if m.title is not None
        }
        full = {title_without_state(_norm(m.title)) for m in cl.mentions if m.title is not None}
        for head in (heads & (TITLE_HEADS | _ROLE_HEADS)) | full:
            if cl not in holders.get(head, []):
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
            if any(i in title_tokens for i in range(tok.i, end)) or _named_next(found[0], end,
                                                                                  doc):
                break
            found[0].mentions.append(_Mention(tok.i, end, "PERSON", role=True))
            break


def _add_roles(doc: Doc, clusters: list[_Cluster], covered: set[int]) -> None:
    """Link "Turkey's president", "the Saudi foreign minister" to the one person of the
    article who holds that office for that state (:mod:`onrecord.extract.entities.roles`)."""
    holders = [Holder(n, m.title, doc[m.start:m.end].text, state_after(doc, m.end),
                      states_in_sentence(doc, m.start))
               for n, cl in enumerate(clusters)
               if cl.key.startswith("PERSON:") for m in cl.mentions if m.title]
    for ref, start, end in find_role_mentions(doc, holders, covered):
        if not _named_next(clusters[ref], end, doc):
            clusters[ref].mentions.append(_Mention(start, end, "PERSON", role=True))
            covered.update(range(start, end))


def _named_next(cl: _Cluster, end: int, doc: Doc) -> bool:
    """True when a role is followed by the person's name in apposition ("The finance
    minister, Lou Jiwei, said"): the name is the mention, the role its description."""
    return end + 1 < len(doc) and doc[end].text == "," and any(
        m.start == end + 1 for m in cl.mentions)


def _canonical_name(doc: Doc, cl: _Cluster, label: str) -> str:
    if cl.actor is not None and not cl.demonym and not cl.key.startswith("CITY:"):
        return state_name(cl.actor) or doc[cl.mentions[0].start:cl.mentions[0].end].text
    named = [m for m in cl.mentions if not m.role or label != "PERSON"]
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
    _add_roles(doc, clusters, covered)
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
