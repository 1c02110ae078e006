"""Actor codes: states (ISO 3166-1 alpha-3), organisations, armed groups and sectors.

Facts from public references, written out as data in ``extract/entities/data/actors.json``. A
name maps to the code of the state; demonyms ("Iranian") and capitals used for governments
("Tehran") map to the same code. Beyond states, in the CAMEO/Phoenix style: international
organisations (``IGO`` + an abbreviation, e.g. ``IGOUNO``), non-governmental ones (``NGO``...),
named armed groups (the state they operate in + ``REB``/``MIL``, or ``IMG`` for transnational
ones), and agent words ("officials", "troops", "protesters") that give a sector suffix (``GOV``,
``MIL``, ``COP``, ``REB``, ``OPP``, ``CVL``...) to the state they belong to: "Iranian troops" is
``IRNMIL``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

from onrecord.datafiles import data_json, data_lines
from onrecord.extract.entities.person_names import fold

_TABLES = data_json("actors.json", room="entities")

# code: (names, demonyms, capitals)
_STATES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    code: (tuple(state["names"]), tuple(state["demonyms"]), tuple(state["capitals"]))
    for code, state in _TABLES["states"].items()}
_REGIONS: dict[str, str] = dict(_TABLES["regions"])
"""Regions that stand for the state that holds (or claims) them, for coding purposes."""
_CITIES: dict[str, str] = {city: code for code, cities in _TABLES["cities"].items()
                           for city in cities}
"""Large cities other than capitals, often datelines or scenes of events: a place, not a
government ("in Karachi" is Pakistan's, not Islamabad's). Names shared by cities of several
states (Tripoli, Alexandria, Hyderabad) are left out."""
ORGANIZATIONS: dict[str, str] = dict(_TABLES["organizations"])
"""International (IGO) and non-governmental (NGO) organisations: name -> code."""
ARMED_GROUPS: dict[str, str] = dict(_TABLES["armed_groups"])
"""Named armed groups: name -> code (the state they fight in + sector, or IMG:
transnational)."""
INSTITUTIONS: dict[str, str] = dict(_TABLES["institutions"])
"""A state's institutions and its official news agencies: name -> the state's code + sector
("the Kremlin" -> RUSGOV, "the Duma" -> RUSLEG; "Xinhua" -> CHNGOV: an official agency
relays its government, so its statements are the government's side)."""
AGENT_SECTORS: dict[str, str] = {word: sector for sector, words in
                                 _TABLES["agent_sectors"].items() for word in words}
"""Agent words (lemmas) -> sector suffix, CAMEO/Phoenix style."""


def _key(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    name = re.sub(r"['’]s$", "", name)
    return name.lower()


_ACTOR_BY_NAME: dict[str, str] = {}
_CANONICAL: dict[str, str] = {}
for _code, (_names, _demonyms, _capitals) in _STATES.items():
    _CANONICAL[_code] = _names[0]
    for _n in (*_names, *_demonyms, *_capitals):
        _ACTOR_BY_NAME.setdefault(_key(_n), _code)


def actor_code(name: str) -> str | None:
    """The ISO3 code of the state a name, demonym or capital refers to, or ``None``.

    >>> actor_code("U.S."), actor_code("Iranian"), actor_code("the United States")
    ('USA', 'IRN', 'USA')
    """
    key = _key(name)
    code = _ACTOR_BY_NAME.get(key)
    if code is None and key.endswith("s"):
        code = _ACTOR_BY_NAME.get(key[:-1])
    if code is None and key == "united state":  # a common typo for "United States"
        code = "USA"
    return code


# Real names one letter away from a state's: no misspelling of it.
_NOT_MISSPELT = frozenset({"columbia", "siberia", "granada", "hollande", "iberia", "liberian",
                           "algerie", "austral", "romana", "serbian", "indiana"})


def misspelt_state(word: str) -> str | None:
    """The state whose (one-word, 7+ letter) name ``word`` misspells by one letter
    ("Afganistan", "Ethopia", "Phillippines"), or ``None``; for capitalised words only."""
    key = word.lower()
    if len(key) < 7 or not word[:1].isupper() or key in _NOT_MISSPELT or \
            actor_code(word) is not None:
        return None
    near = {code for _name, code in _near(key, _state_neighbours())}
    return near.pop() if len(near) == 1 else None


def organization_code(name: str) -> str | None:
    """The code of an international organisation or armed group ("NATO" -> "IGONAT"), or None.

    >>> organization_code("the U.N. Security Council"), organization_code("Hamas")
    ('IGOUNO', 'PSEREB')
    """
    key = _key(name).replace("’", "'")
    return ORGANIZATIONS.get(key) or ARMED_GROUPS.get(key) or INSTITUTIONS.get(key)


def region_code(name: str) -> str | None:
    """The state a region or a large city stands for ("Gaza Strip", "Basra"), or ``None``."""
    key = _key(name)
    return _REGIONS.get(key) or _CITIES.get(key)


def sector_of(lemma: str) -> str | None:
    """The sector suffix of an agent word's lemma ("troop" -> "MIL"), or ``None``."""
    return AGENT_SECTORS.get(lemma.lower())


def state_name(code: str) -> str | None:
    """The canonical English name of the state with this code."""
    return _CANONICAL.get(code)


def _listed_as(name: str, form: int) -> bool:
    """Whether ``name`` is one of its state's names of one form (index into ``_STATES``'s
    names, demonyms, capitals)."""
    code = actor_code(name)
    if code is None:
        return False
    key = _key(name)
    return any(_key(listed) == key for listed in _STATES[code][form])


def is_demonym(name: str) -> bool:
    """True when ``name`` is a demonym or nationality adjective ("Iranian", "Americans")."""
    return _listed_as(name, 1)


def is_city(name: str) -> bool:
    """True when ``name`` is a capital or a listed large city: a place, not a state."""
    return _key(name) in _CITIES or is_capital(name)


def is_capital(name: str) -> bool:
    """True when ``name`` is a capital (or seat of government) rather than the state's name."""
    return _listed_as(name, 2)


# Well-known office holders -> the state (or organisation) they act for, from
# ``data/actors_leaders.json``. A surname alone ("Putin") counts when every listed person with
# that surname acts for the same state, and the surname is no common word ("May", "Major").
_SURNAME_STOP = frozenset("""
    may major key brown rice baker martin young king hunt park lee wong green white black
    long rama mills ping sale prince jones smith carter ford bush clark martin hill bell
    cook straw cohen gates fox
    """.split()) - {"bush", "carter"}
# Surnames too common to stand for one holder alone ("Judge Maria Lopez" is no Venezuelan
# minister, "Gonzalez" in a Miami story no Spanish prime minister): data/common_surnames.txt.
_COMMON_SURNAMES = frozenset(" ".join(data_lines("common_surnames.txt")).split())
_SUFFIXES = frozenset({"ii", "iii", "iv", "vi", "jr", "jr.", "sr", "sr."})
_LEADERS: dict[str, str] = {}
_LEADER_SURNAMES: dict[str, str | None] = {}


def _leader_tables() -> tuple[dict[str, str], dict[str, str | None]]:
    if _LEADERS:
        return _LEADERS, _LEADER_SURNAMES
    import json
    from importlib import resources

    from onrecord.extract.entities.office_holders import names

    raw = resources.files("onrecord").joinpath("data/actors_leaders.json").read_text("utf-8")
    listed = [(name, code) for code, names_ in json.loads(raw)["leaders"].items()
              for name in names_]
    dated = names()
    for name, code in (*listed, *dated):  # the undated list first: it wins
        for key in dict.fromkeys((_person_key(name), fold(_person_key(name)))):
            if _LEADERS.get(key, code) != code:
                continue
            _LEADERS[key] = code
            words = [w for w in key.split() if w not in _SUFFIXES]
            if fold(words[-1]) in _COMMON_SURNAMES:
                continue
            if len(words) > 1 and len(words[-1]) > 2 and words[-1] not in _SURNAME_STOP:
                seen = _LEADER_SURNAMES.get(words[-1], code)
                _LEADER_SURNAMES[words[-1]] = code if seen == code else None
    return _LEADERS, _LEADER_SURNAMES


def _person_key(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip()).replace("’", "'")
    return re.sub(r"\s+", " ", name.replace(". ", ".").replace(".", ". ")).strip().lower()


def leader_code(name: str, on: dt.date | None = None) -> str | None:
    """The state (or organisation) a well-known office holder acts for, or ``None``.

    Without ``on`` any holder ever counts, and a surname shared by holders of several states
    names none; with ``on`` (the article's date) the holder in office that day is preferred
    (:mod:`~onrecord.extract.entities.office_holders`): "Rasmussen" in 2012 is NATO's.

    >>> leader_code("Vladimir Putin"), leader_code("Putin"), leader_code("Kofi Annan")
    ('RUS', 'RUS', 'IGOUNO')
    """
    full, surnames = _leader_tables()
    key = _person_key(name)
    for title in ("president ", "prime minister ", "king ", "sheikh ", "ayatollah "):
        if key.startswith(title) and key not in full:
            key = key[len(title):]
    if key not in full and fold(key) in full:
        key = fold(key)
    if on is not None:
        dated = _dated_code(key, on, full, surnames)
        if dated is not None:
            return dated
    code = full.get(key)
    if code is None:
        words = [w for w in key.split() if w not in _SUFFIXES]
        if words and words[-1] not in _SURNAME_STOP and fold(words[-1]) not in _COMMON_SURNAMES:
            code = surnames.get(words[-1])
            if code is None and words[-1] not in surnames and len(words[-1]) >= 7:
                near = {c for s, c in _near(words[-1], _surname_neighbours()) if c}
                code = near.pop() if len(near) == 1 else None  # "Mitterand", "Bouteflicka"
    return code


def _dated_code(key: str, on: dt.date, full: dict[str, str],
                surnames: dict[str, str | None]) -> str | None:
    """The state of the holder called ``key`` in office on ``on``: for a full name held in
    several states' offices (Prodi, Italy's and the EU's), or a surname of holders of several
    states ("Rasmussen") when exactly one of them was in office then (or within a year)."""
    from onrecord.extract.entities.office_holders import states_on

    states = states_on(key, on)
    if len(states) == 1:
        return states.pop()
    if key in full:
        return None
    words = [w for w in key.split() if w not in _SUFFIXES]
    surname = words[-1] if words else ""
    if surname in _SURNAME_STOP or surname not in surnames or (
            surnames[surname] is not None and
            len(states_on(surname, on, surname=True, within_days=99_999)) < 2):
        return None  # unknown, a common word, or one state's holders alone: no date needed
    for within in (0, 365):
        states = states_on(surname, on, surname=True, within_days=within)
        if len(states) == 1:
            return states.pop()
    return None


Neighbours = dict[str, list[tuple[str, str | None]]]


def _neighbour_index(words: Iterable[tuple[str, str | None]]) -> Neighbours:
    """Words of 7+ letters by themselves and by every one-letter deletion, so that the words
    one edit from a query are found among those sharing one of its keys (no full scan)."""
    index: Neighbours = {}
    for word, value in words:
        if len(word) < 7:
            continue
        for key in {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}:
            index.setdefault(key, []).append((word, value))
    return index


def _near(query: str, index: Neighbours) -> list[tuple[str, str | None]]:
    """The (word, value) pairs of ``index`` one edit from ``query``."""
    keys = {query, *(query[:i] + query[i + 1:] for i in range(len(query)))}
    return [(w, v) for k in keys for w, v in index.get(k, ()) if _one_edit(query, w)]


@functools.lru_cache(maxsize=1)
def _surname_neighbours() -> Neighbours:
    return _neighbour_index(_leader_tables()[1].items())


@functools.lru_cache(maxsize=1)
def _state_neighbours() -> Neighbours:
    return _neighbour_index((n.lower(), code) for code, (names, _d, _c) in _STATES.items()
                            for n in names if " " not in n)


def _one_edit(a: str, b: str) -> bool:
    """One letter substituted, added, dropped or two swapped: a wire misspelling of a long
    surname ("Mitterand" for "Mitterrand")."""
    if a == b or abs(len(a) - len(b)) > 1 or len(b) < 7:
        return False
    start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                 min(len(a), len(b)))
    if len(a) == len(b):
        rest = a[start + 1:] == b[start + 1:]
        swapped = a[start:start + 2] == b[start:start + 2][::-1] and a[start + 2:] == b[start + 2:]
        return rest or swapped
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[start + 1:] == shorter[start:]
