"""Who an event's source or target is: a noun phrase resolved to an entity and an actor code.

An actor code is built CAMEO/Phoenix style from what the phrase says: the state (a name,
demonym, capital or region: ``IRN``), an organisation or armed group (``IGOUNO``, ``PSEREB``),
and a sector from the agent word at the phrase's head ("troops" -> ``MIL``), so "Iranian troops"
is ``IRNMIL`` and "Iran's top general" is ``IRNMIL``. A capital stands for its government
("Tehran" -> ``IRNGOV``). A phrase with a sector but no state gets no code: the scorer compares
states, and "officials" alone names none. Pronouns are resolved to the nearest earlier actor.

A user dictionary on the document (``doc._.onrecord_dictionary``, read by
:func:`onrecord.read_dictionaries`) comes first: the longest user actor phrase covering a
word gives its code (the one in force on the article's date), and user agents in the phrase
replace the sector, around the actor's code (``~GOV``: "Ruritanian officials" ``RURGOV``;
with no actor named, ``---GOV``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from onrecord.extract.common.doctext import published_of, sentence_of, text_of
from onrecord.extract.entities.actors import (
    actor_code,
    is_capital,
    is_city,
    is_demonym,
    leader_code,
    misspelt_state,
    organization_code,
    region_code,
    sector_of,
)
from onrecord.extract.entities.dictionaries import ActorDictionary, AgentEntry, actor_at, agent_at
from onrecord.extract.events.triggers import pobjs
from onrecord.models import Entity, Participant

_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "nummod", "npadvmod"})
_GOV_TITLES = frozenset({"president", "minister", "secretary", "premier", "chancellor",
                         "king", "ambassador", "spokesman", "spokeswoman", "leader", "emir",
                         "governor", "mayor", "senator", "prime", "foreign", "envoy"})
_MIL_TITLES = frozenset({"general", "gen.", "commander", "admiral", "colonel", "col.",
                         "major", "lieutenant", "lt.", "sgt.", "sergeant", "captain"})
_JUD_TITLES = frozenset({"judge", "justice", "prosecutor", "magistrate"})
_SITES = frozenset({"base", "basis", "camp", "compound", "facility", "installation", "outpost"})
_HOUSE = frozenset({"house", "host", "station", "hold", "shelter"})
_PERSONAL = frozenset({"he", "his", "him", "she", "her", "himself", "herself"})
_AFFILIATIONS = frozenset({"backed", "based", "supported", "funded", "allied", "sponsored",
                           "occupied", "held", "controlled", "leaning", "friendly"})
_AFFILIATION_SUFFIXES = tuple(f"-{a}" for a in _AFFILIATIONS)
_GENERIC_INSTITUTIONS = frozenset({"senate", "congress", "parliament", "knesset"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_WHEREABOUTS = frozenset({"operate", "base", "live", "fight", "station", "hole", "hide",
                          "affiliate", "link", "release", "publish"})
_TIES = frozenset({"affiliate", "link"})
# Groups named after their patron: "Iran's proxies", "allies of Russia" are not that state's.
_CLIENTS = frozenset({"ally", "proxy", "client", "surrogate", "puppet"})
_PRONOUNS = _PERSONAL | frozenset({"it", "its", "they", "their", "them", "we", "our", "itself",
                                   "themselves"})


@dataclass(frozen=True)
class ActorIndex:
    """Per-document lookup: which entity (and actor code) covers a token."""

    entity_at: dict[int, Entity]  # token index -> entity

    @classmethod
    def build(cls, doc: Doc, entities: Sequence[Entity]) -> ActorIndex:
        entity_at: dict[int, Entity] = {}
        for ent in entities:
            for s, e in ent.mentions:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None:
                    continue
                for tok in span:
                    entity_at.setdefault(tok.i, ent)
        return cls(entity_at)


def _mention_text(doc: Doc, tok: Token, index: ActorIndex) -> tuple[Entity | None, str]:
    ent = index.entity_at.get(tok.i)
    if ent is None:
        return None, tok.text
    i, j = tok.i, tok.i + 1
    while i > 0 and index.entity_at.get(i - 1) is ent:
        i -= 1
    while j < len(doc) and index.entity_at.get(j) is ent:
        j += 1
    return ent, doc[i:j].text


def _stance_only(doc: Doc, tok: Token) -> bool:
    """A state named only as a stance or a backer: "pro-Iranian", "anti-American",
    "Syrian-backed", "UK-based" say whom a group favours or where it sits, not whose it is."""
    if tok.lower_.startswith(("pro-", "anti-")) or tok.lower_.endswith(_AFFILIATION_SUFFIXES):
        return True
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in {"pro", "anti"}:
        return True
    if tok.i >= 1 and doc[tok.i - 1].lower_ == "ethnic":
        return True  # "ethnic Albanians" in another state: coded by where they live
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and \
        doc[tok.i + 2].lower_ in _AFFILIATIONS


def _user_dictionary(doc: Doc) -> ActorDictionary | None:
    return getattr(doc._, "onrecord_dictionary", None) if Doc.has_extension(
        "onrecord_dictionary") else None


def _user_agents(doc: Doc, head: Token) -> list[AgentEntry]:
    """The user agents named by the head or its modifiers, in the order of the words, each
    once, leaving out words a user actor's phrase already covers ("ISRAELI_TROOPS")."""
    user = _user_dictionary(doc)
    if not user or not user.agents:
        return []
    found: list[tuple[int, AgentEntry]] = []
    for tok in sorted([head, *_modifiers(head)], key=lambda t: t.i):
        agent = agent_at(user, doc, tok)
        if agent is not None and actor_at(user, doc, tok) is None and \
                all(a is not agent for _, a in found):
            found.append((tok.i, agent))
    return [a for _, a in found]


def city_modifier(tok: Token) -> bool:
    """A city named before an event noun: where it happened, not who did it ("the Nairobi
    bombing", "the Madrid summit"); a state so named may be the doer ("U.S. air strikes")."""
    if tok.dep_ != "compound" or tok.ent_type_ != "GPE":
        return False
    span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return is_city(span.text if span is not None else tok.text)


def _code_of(doc: Doc, tok: Token, index: ActorIndex) -> str | None:
    """The state or organisation code a single token (within its entity) stands for."""
    if _stance_only(doc, tok):
        return None
    user = _user_dictionary(doc)
    if user and (entry := actor_at(user, doc, tok)) is not None and (
            code := entry.code_on(published_of(doc))) is not None:
        return code  # (a user entry with no code on that day leaves the built-in one)
    ent, text = _mention_text(doc, tok, index)
    code = organization_code(text) or organization_code(tok.text)
    if code:
        return code
    if ent is not None and ent.actor:
        return ent.actor + ("GOV" if is_capital(text) and ent.kind != "NORP" else "")
    if ent is not None and ent.kind == "PERSON":
        # "Putin": Russia's; a state's name mistaken for a person's stays the state's
        # and a demonym the recogniser took into the name ("Jordanian King Abdullah II")
        on = published_of(doc)
        return leader_code(text, on) or leader_code(tok.text, on) or actor_code(text) or \
            region_code(text) or (
            actor_code(tok.text) if is_demonym(tok.text) else None)
    if tok.pos_ in {"PROPN", "ADJ", "NOUN"} or tok.ent_type_:
        code = actor_code(tok.text) or region_code(tok.text) or region_code(text) or \
            (actor_code(text) if ent is not None else None)
        if code is None and tok.pos_ == "PROPN" and tok.ent_type_ not in _PLACE_ENTS:
            # a place is no leader's surname ("Lagos", "Santos")
            code = leader_code(text, published_of(doc))
        if code is None and tok.pos_ == "PROPN":
            code = misspelt_state(tok.text)  # "Afganistan", "Ethopia": a wire misspelling
        if code and is_capital(tok.text):
            return code + "GOV"
        return code
    return None


def _modifiers(tok: Token, depth: int = 0) -> list[Token]:
    """Tokens modifying ``tok`` in its own noun phrase (no clauses), nearest first."""
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ in _MODIFIER_DEPS or child.dep_ == "flat":
            out.append(child)
            if depth < 3:
                out.extend(_modifiers(child, depth + 1))
    return out


def _pobj(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    return [g for c in tok.children if c.dep_ in {"prep", "agent"} and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def _sector(doc: Doc, head: Token, index: ActorIndex) -> str | None:
    sector = sector_of(head.lemma_) or sector_of(head.lower_)
    ent = index.entity_at.get(head.i)
    if sector is None and ent is not None and ent.kind == "PERSON":
        words = {w.lower().rstrip(".") for t in ent.titles for w in t.split()}
        words |= {m.lower_.rstrip(".") for m in _modifiers(head)}
        if words & {w.rstrip(".") for w in _MIL_TITLES}:
            sector = "MIL"
        elif words & _JUD_TITLES:
            sector = "JUD"
        elif words & _GOV_TITLES:
            sector = "GOV"
    if sector is None:
        for m in _modifiers(head):
            if m.dep_ in {"amod", "compound"} and (sector_of(m.lemma_) in {"MIL", "COP"}):
                sector = sector_of(m.lemma_)
    return sector


def _country(doc: Doc, head: Token, index: ActorIndex) -> tuple[str | None, Entity | None]:
    own = _code_of(doc, head, index)
    if own and head.lower_ in _GENERIC_INSTITUTIONS:  # "Rwanda's Senate": Rwanda's
        for m in _modifiers(head):
            code = _code_of(doc, m, index)
            if code and len(code) >= 3 and code[:3] != own[:3]:
                return code[:3] + own[3:], index.entity_at.get(m.i)
    if own and is_demonym(head.text):  # "the Albanians of southern Serbia": Serbia's
        for obj in _pobj(head, ("of", "in")):
            code = _code_of(doc, obj, index) or next(
                (c for m in _modifiers(obj) if (c := _code_of(doc, m, index))), None)
            if code and code[:3] != own[:3]:
                return code[:3], index.entity_at.get(obj.i)
    if own:
        return own, index.entity_at.get(head.i)
    backed = head.lemma_.lower() in _CLIENTS  # "Israel's militia ally in Lebanon": Lebanese
    for m in _modifiers(head):
        code = None if backed and m.dep_ == "poss" else _code_of(doc, m, index)
        if code:
            return code, index.entity_at.get(m.i)
    for name in head.children:  # "the Minister for Interior, Aftab Sherpao": Sherpao's
        ent = index.entity_at.get(name.i)
        if name.dep_ == "appos" and ent is not None and ent.kind == "PERSON" and \
                (code := _code_of(doc, name, index)):
            return code, ent
    for obj in [] if backed else _pobj(head, ("of",)):
        code, ent = _country(doc, obj, index)
        if code:
            return code, ent
    if head.pos_ == "NOUN":  # "calls by Ruritania's rulers", "an offer from Freedonia"
        for obj in _pobj(head, ("by", "from")):
            code, ent = _country(doc, obj, index)
            if code:
                return code, ent
    for obj in _pobj(head, ("in", "from", "throughout", "across")):
        code = _code_of(doc, obj, index)
        if code:
            return code[:3], index.entity_at.get(obj.i)
    for clause in head.children:  # "guerrillas operating in Macedonia", "rebels based in Mali"
        if clause.dep_ != "acl" or clause.i < head.i:
            continue
        lemma = clause.lemma_.lower()
        found = _pobj(clause, ("by",)) if clause.tag_ == "VBN" else []  # "crimes committed by
        if lemma in _WHEREABOUTS:  # Croat forces": theirs
            found += _pobj(clause, ("in", "with", "to") if lemma in _TIES else ("in",))
        if lemma == "flee":  # "refugees fleeing Liberia", "fleeing the war in Liberia"
            found += [o for o in clause.children if o.dep_ == "dobj"]
            found += [g for o in clause.children if o.dep_ == "dobj" for g in _pobj(o, ("in",))]
        for obj in found:
            code = _code_of(doc, obj, index) or next(
                (c for m in _modifiers(obj) if (c := _code_of(doc, m, index))), None)
            if code:
                return code[:3], index.entity_at.get(obj.i)
    return None, None


def _antecedent(doc: Doc, pron: Token, index: ActorIndex) -> Token | None:
    """The nearest earlier token, in this or the previous sentence, that names an actor."""
    start = sentence_of(doc, pron.i)[0]
    if start > 0:
        start = sentence_of(doc, start - 1)[0]
    personal = pron.lower_ in _PERSONAL
    if pron.lower_ in {"they", "it", "we", "their", "its", "our"}:
        # "the rebels rejected the plan and said they ...": a subject first
        own = sentence_of(doc, pron.i)[0]
        for i in range(pron.i - 1, own - 1, -1):
            tok = doc[i]
            if tok.dep_ in {"nsubj", "nsubjpass"} and tok.lower_ not in _PRONOUNS and \
                    _names_group(doc, tok, index):
                return tok
    for i in range(pron.i - 1, start - 1, -1):
        tok = doc[i]
        ent = index.entity_at.get(i)
        if personal:
            if ent is not None and ent.kind == "PERSON":
                return tok
            continue
        if tok.dep_ in {"nsubj", "nsubjpass", "poss", "pobj", "dobj", "conj", "appos"} and \
                _names_group(doc, tok, index):
            return tok
    return None


def _names_group(doc: Doc, tok: Token, index: ActorIndex) -> bool:
    """A token (not a person) that names a state, an organisation or a group of one."""
    ent = index.entity_at.get(tok.i)
    if ent is not None and ent.kind == "PERSON":
        return False
    return bool(_code_of(doc, tok, index) or (tok.pos_ in {"NOUN", "PROPN"} and
                                              _country(doc, tok, index)[0]))


def participant(doc: Doc, head: Token | None, index: ActorIndex) -> Participant | None:
    """The participant a noun phrase headed by ``head`` names, or ``None``."""
    if head is None:
        return None
    if head.lower_ in _PRONOUNS:
        found = _antecedent(doc, head, index)
        if found is None:
            return Participant(text=head.text)
        head = found
    code, ent = _country(doc, head, index)
    if head.lemma_.lower() in _SITES:  # "bases that house American troops": the troops'
        for clause in head.children:
            if clause.dep_ in {"relcl", "acl"} and clause.lemma_.lower() in _HOUSE:
                for obj in clause.children:
                    if obj.dep_ == "dobj" and _country(doc, obj, index)[0]:
                        code, ent = _country(doc, obj, index)
                        head = obj
                        break
    agents = _user_agents(doc, head)
    sector = None if agents else _sector(doc, head, index)
    for agent in agents:  # "Ruritanian Islamist media": RUR + MUS + MED
        code = agent.applied(code)
    if code is not None and len(code) == 3 and code not in {"IGO", "NGO", "IMG"} and sector:
        code += sector
    elif code is None and sector is not None and (
            head.pos_ == "NOUN" or getattr(index.entity_at.get(head.i), "kind", "") == "PERSON"):
        code = "---" + sector  # "officials", "Judge Maria Lopez": a sector, no state named
    if ent is None:
        ent = index.entity_at.get(head.i)
    return Participant(text=phrase_text(doc, head), entity=ent.id if ent else None, actor=code)


def coordinated_states(doc: Doc, head: Token, index: ActorIndex) -> list[tuple[str, str]]:
    """``(state, text)`` of modifiers coordinated with the phrase's own, beyond the first
    ("French and Egyptian warships": ``("EGY", "Egyptian warships")``)."""
    out: list[tuple[str, str]] = []
    mods = [m for m in head.children if m.dep_ in {"amod", "compound", "nmod"}]
    for m in mods:
        for c in m.conjuncts:
            code = _code_of(doc, c, index)
            if code and code[:3] not in {s for s, _ in out}:
                out.append((code[:3], f"{c.text} {head.text}"))
    if not mods and head.pos_ == "NOUN" and head.dep_ == "conj" and \
            head.head.pos_ in {"PROPN", "ADJ"}:
        code = _code_of(doc, head.head, index)  # "Sierra Leonean and Liberian refugees"
        if code:
            out.append((code[:3], f"{head.head.text} {head.text}"))
    return out


def phrase_text(doc: Doc, head: Token) -> str:
    """The words of the phrase ``head`` heads, up to the head (no trailing clauses)."""
    left = head.i
    for m in _modifiers(head):
        left = min(left, m.i)
    while left < head.i and doc[left].dep_ in {"det", "punct", "case"}:
        left += 1
    right = head.i + 1
    while right < len(doc) and doc[right].dep_ in {"flat", "compound"} and \
            doc[right].head.i in range(left, right + 1):
        right += 1
    span = doc[left:right]
    return text_of(doc)[span.start_char:span.end_char]


_PLACES = frozenset({"GPE", "LOC", "FAC"})
_NOT_PLACES = frozenset("""
    defiance response protest support solidarity retaliation reaction violation favour favor
    exchange memory honour honor opposition return addition line accordance breach
    """.split())


def _named_state(p: Participant) -> bool:
    return bool(p.actor) and not (p.actor or "").startswith("---")


def place_actor(doc: Doc, tok: Token, index: ActorIndex) -> Participant | None:
    """The state of the place an event happened in ("in Tokyo", "near Samarra, Iraq")."""
    for prep in [c for c in tok.children if c.lower_ in {"outside", "near"}]:
        for g in prep.children:  # "outside of the Iraqi city of Basra"
            if g.dep_ == "prep" and g.lower_ == "of":
                for obj in g.children:
                    p = participant(doc, obj, index) if obj.dep_ == "pobj" else None
                    if p is not None and _named_state(p):
                        return Participant(p.text, p.entity, (p.actor or "")[:3])
    for obj in pobjs(tok, ("in", "near", "outside", "inside")):
        if obj.lemma_.lower() in _NOT_PLACES:
            continue  # "in defiance of Freedonia", "in response to"
        for h in [obj, *pobjs(obj, ("of",))]:
            p = participant(doc, h, index)
            if p is not None and _named_state(p):
                return Participant(p.text, p.entity, (p.actor or "")[:3])
    return None


def event_location(doc: Doc, tok: Token) -> str | None:
    """The named place of an ``in`` / ``near`` / ``outside`` phrase on ``tok``, or ``None``."""
    for obj in pobjs(tok, ("in", "near", "outside")):
        if obj.ent_type_ in _PLACES:
            span = next((e for e in doc.ents if e.start <= obj.i < e.end), None)
            return span.text if span is not None else obj.text
    return None
