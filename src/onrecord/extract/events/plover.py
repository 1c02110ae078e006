"""CAMEO -> PLOVER: the one map the extractor and ``onrecord eval events`` share.

Read once from ``extract/events/data/cameo_plover.json``: a CAMEO code's PLOVER type is its
root's (:data:`PLOVER_BY_ROOT`), except for the codes PLOVER moved (:data:`PLOVER_EXCEPTIONS`);
CAMEO 01 (statements) and 02 (appeals) have no PLOVER type. Gold coded in PLOVER 0.6 or
before follows the older table, by root throughout (:data:`LEGACY_BY_ROOT`, in the current type
names: :data:`LEGACY_NAMES` maps the old names, "DEMAND" -> "REQUEST", to them).
"""

from __future__ import annotations

from onrecord.datafiles import data_json

__all__ = ["LEGACY_BY_ROOT", "LEGACY_NAMES", "PLOVER_BY_ROOT", "PLOVER_EXCEPTIONS",
           "PLOVER_TYPES", "plover_type"]

_TABLES = data_json("cameo_plover.json", room="events")

#: The PLOVER types onrecord codes events in.
PLOVER_TYPES: tuple[str, ...] = tuple(_TABLES["types"])
#: The current (2021) crosswalk: the type of each CAMEO root, and the 3-digit codes that differ.
PLOVER_BY_ROOT: dict[str, str] = dict(_TABLES["plover_2021"]["by_root"])
PLOVER_EXCEPTIONS: dict[str, str] = dict(_TABLES["plover_2021"]["exceptions"])
#: PLOVER <= 0.6 type names read as their current type ("FIGHT" -> "ASSAULT").
LEGACY_NAMES: dict[str, str] = dict(_TABLES["plover_2016"]["renamed"])
#: The PLOVER <= 0.6 type of each CAMEO root, in current names (root 08 is split there).
LEGACY_BY_ROOT: dict[str, str] = {
    root: LEGACY_NAMES.get(name, name)
    for root, name in _TABLES["plover_2016"]["by_root"].items()
}


def plover_type(code: str) -> str | None:
    """The PLOVER type of a CAMEO code ("195" -> "ASSAULT"), or ``None`` (01, 02)."""
    return PLOVER_EXCEPTIONS.get(code[:3]) or PLOVER_BY_ROOT.get(code[:2])
