"""Cross-article identity: "Esper", "Mark Esper" and "Defense Secretary Mark Esper" are one person.

Within an article, extraction already links every mention of an entity and splits titles off
names. Across articles the corpus keeps one *corpus entity* per (kind, name key) and an alias
table from every key an entity was written with to its corpus entity. The rules, as pure
functions over names, so they are easy to test and identical in every backend:

- a person's key is their name read by :func:`~onrecord.extract.entities.person_names.parse_person`:
  accent-folded, without titles or suffixes, given names in one spelling ("Mike Pompeo" and
  "Michael R. Pompeo" share the key "michael pompeo");
- a multi-word person is found only by full-name keys, or by a full name of the same family
  that :func:`~onrecord.extract.entities.person_names.same_person` accepts ("Tayyip Erdogan" for
  "Recep Tayyip Erdogan"), so "Boris Johnson" never joins an earlier "Lyndon Johnson" and
  "Khalid bin Salman" never joins "Mohammed bin Salman";
- a one-word person ("Esper") joins the one full-name person who was written that way; when two
  different full-name people share the surname, the bare surname is ambiguous and stays apart;
- other kinds (organisations, places, groups) are keyed by their name and every alias.
"""

from __future__ import annotations

from collections.abc import Iterable

from onrecord.extract.entities.person_names import (
    PersonName,
    name_words,
    parse_person,
    person_key,
    same_person,
    written_as_name,
)
from onrecord.models import Entity

AMBIGUOUS = ""  # the alias target of a surname shared by different people

__all__ = ["AMBIGUOUS", "name_words", "name_key", "is_full_name", "entity_keys", "lookup_keys",
           "surname", "alias_keys", "same_person_among", "alias_update", "person_names"]


def name_key(name: str, kind: str) -> str:
    """The key an entity of ``kind`` written as ``name`` is stored under."""
    return person_key(name) if kind == "PERSON" else " ".join(name_words(name))


def is_full_name(key: str) -> bool:
    """True when a person key holds a given name as well as a family name."""
    parsed = parse_person(key)
    return parsed is not None and parsed.full


def entity_keys(entity: Entity) -> list[str]:
    """Every key of an entity, its canonical name's first. A person's aliases count only
    when they are written as a name ("Esper", not "the president" or "the defense chief")."""
    aliases = entity.aliases
    if entity.kind == "PERSON":
        aliases = tuple(a for a in aliases if written_as_name(a))
    keys = [name_key(entity.name, entity.kind)]
    keys += [name_key(a, entity.kind) for a in aliases]
    return [k for k in dict.fromkeys(keys) if k]


def lookup_keys(entity: Entity) -> list[str]:
    """The keys to look an entity up by, most specific first."""
    keys = entity_keys(entity)
    if entity.kind != "PERSON":
        return keys
    full = [k for k in keys if is_full_name(k)]
    return full or keys


def surname(key: str) -> str | None:
    """The family part of a full-name person key ("bin salman" of "khalid bin salman");
    ``None`` for a key without a given name."""
    parsed = parse_person(key)
    return parsed.family if parsed is not None and parsed.full else None


def person_names(entity: Entity) -> list[PersonName]:
    """The full names a person entity was written with, read into parts, fullest first."""
    if entity.kind != "PERSON":
        return []
    written = [n for n in (entity.name, *entity.aliases) if written_as_name(n)]
    parsed = [parse_person(name_key(n, "PERSON")) for n in written]
    full = [p for p in parsed if p is not None and p.full]
    return sorted(dict.fromkeys(full), key=lambda p: -len(p.given))


def same_person_among(name: PersonName, rows: Iterable[tuple[str, str]]) -> str | None:
    """The one corpus entity among (full-name key, entity) rows of ``name``'s family that
    can be the person ``name`` names; ``None`` when none can, or several different ones can
    and the first given name does not tell them apart."""
    found: dict[str, bool] = {}  # entity -> the first given name is the same
    for key, entity_id in rows:
        other = parse_person(key)
        if entity_id and other is not None and same_person(name, other):
            found[entity_id] = found.get(entity_id, False) or other.given[0] == name.given[0]
    if len(found) == 1:
        return next(iter(found))
    first = [e for e, same_first in found.items() if same_first]
    return first[0] if len(first) == 1 else None


def alias_keys(entity: Entity) -> list[str]:
    """The keys recorded as aliases of an entity: its keys, and for a full-name person also
    the bare surname (so a later "Esper" finds "Mark Esper")."""
    keys = entity_keys(entity)
    if entity.kind == "PERSON":
        keys += [s for s in (surname(k) for k in keys) if s]
    return list(dict.fromkeys(keys))


def alias_update(existing: str | None, candidate: str, key: str, *,
                 existing_is_singleton: bool) -> str | None:
    """The new target of alias ``key`` when ``candidate`` claims it (``None``: unchanged).

    A full-name key belongs to whoever registered it first. A bare surname moves from a
    one-word entity to a full-name person (who absorbs it), and becomes :data:`AMBIGUOUS`
    when two different full-name people claim it.
    """
    if existing is None:
        return candidate
    if existing in (candidate, AMBIGUOUS) or is_full_name(key):
        return None
    if existing_is_singleton:
        return candidate
    return AMBIGUOUS
