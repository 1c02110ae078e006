"""Cross-article identity: "Esper", "Mark Esper" and "Defense Secretary Mark Esper" are one person.

Within an article, extraction already links every mention of an entity and splits titles off
names. Across articles the corpus keeps one *corpus entity* per (kind, name key) and an alias
table from every key an entity was written with to its corpus entity. The rules, as pure
functions over names, so they are easy to test and identical in every backend:

- a person's key is their name lower-cased, without honorifics or suffixes ("Gen.", "Jr.");
- a multi-word person is found only by multi-word keys, so "Boris Johnson" never joins an
  earlier "Lyndon Johnson" through "Johnson";
- a one-word person ("Esper") joins the one full-name person who was written that way; when two
  different full-name people share the surname, the bare surname is ambiguous and stays apart;
- other kinds (organisations, places, groups) are keyed by their name and every alias.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from onrecord.models import Entity

AMBIGUOUS = ""  # the alias target of a surname shared by different people

_HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "gen",
    "lt", "col", "maj", "capt", "adm", "sgt", "cpl", "pvt", "sen", "rep", "gov", "pres",
    "president", "minister", "secretary", "general", "senator", "judge", "justice", "mayor",
    "sheikh", "ayatollah", "king", "queen", "prince", "princess", "pope", "chancellor",
    "rear", "vice", "admiral", "brig", "brigadier", "colonel", "captain", "commander",
    "lieutenant", "sergeant", "major", "chief", "deputy", "defense", "defence", "state",
    "foreign", "interior", "finance", "prime", "attorney", "spokesperson", "spokesman",
    "spokeswoman", "director", "ambassador", "envoy",
})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md"})
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_words(name: str) -> list[str]:
    """The words of a name, accent-folded and lower-cased, possessive and dots dropped.

    >>> name_words("Gen. Qassem Soleimani's")
    ['gen', 'qassem', 'soleimani']
    """
    words = [w.replace(".", "").replace("’", "'") for w in _WORD.findall(_fold(name))]
    return [w[:-2] if w.endswith("'s") else w for w in words if w]


def person_words(name: str) -> list[str]:
    """A person's name words without leading honorifics or trailing suffixes.

    >>> person_words("Defense Secretary Mark T. Esper Jr.")
    ['mark', 't', 'esper']
    """
    words = name_words(name)
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return words


def name_key(name: str, kind: str) -> str:
    """The key an entity of ``kind`` written as ``name`` is stored under."""
    words = person_words(name) if kind == "PERSON" else name_words(name)
    return " ".join(words)


def is_full_name(key: str) -> bool:
    return " " in key


def entity_keys(entity: Entity) -> list[str]:
    """Every key of an entity, its canonical name's first; for a person, only the keys
    that can safely find it (all keys for a one-word person; multi-word keys otherwise,
    plus the surname, which :func:`alias_update` records but never looks up by)."""
    keys = [name_key(entity.name, entity.kind)]
    keys += [name_key(a, entity.kind) for a in entity.aliases]
    return [k for k in dict.fromkeys(keys) if k]


def lookup_keys(entity: Entity) -> list[str]:
    """The keys to look an entity up by, most specific first."""
    keys = entity_keys(entity)
    if entity.kind != "PERSON":
        return keys
    full = [k for k in keys if is_full_name(k)]
    return full or keys


def surname(key: str) -> str | None:
    """The last word of a full-name person key; ``None`` for a one-word key."""
    return key.rsplit(" ", 1)[1] if is_full_name(key) else None


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


def unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))
