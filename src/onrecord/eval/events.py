"""Scoring political events against coded sentences, as ``onrecord eval events``.

The gold format is that of ``../shared/eval/events/README.md``: one sentence per case, each with
zero or more events carrying a source actor, a target actor and a code (CAMEO, or a PLOVER type).

**What is compared.** Each event, gold or predicted, is reduced to *dyads*: one
``(code, source key, target key)`` triple per pair of a source actor and a target actor, so a
compound actor ("ISR;PSE", or a user dictionary's slash code "FRO/BIL/SAM", which PETRARCH
reads as several actors) gives one dyad per member. Within a case, dyads form a set (an event
coded twice in one sentence counts once, as sentence-level event coders do), and P/R/F1 count
dyads over all cases. A case with no gold event contributes its predictions as false positives.

Three levels, each with ``p``, ``r`` and ``f1``:

- ``type_actors`` (the headline): PLOVER type + source key + target key;
- ``exact``: the CAMEO root code + actor keys. onrecord records root codes (the contract's
  ``cameo``), so a gold code is compared by its first two digits. A case coded in PLOVER only
  (``plover_gsr_cameo``) has no CAMEO code: there the PLOVER type stands in;
- ``type``: the set of PLOVER types per sentence, actors ignored.

**Actor keys.** Gold codes are CAMEO/Phoenix strings: a three-letter country part, then sector
and sub-group parts ("IRQGOVMIL", "---REB", "IGOUNOMIL"). Only the country part is compared,
after mapping the few CAMEO country codes that are not ISO 3166 alpha-3 to theirs
(:data:`CAMEO_COUNTRY_TO_ISO3`: "JAP" -> "JPN", "ITL" -> "ITA" ...). Non-state prefixes
("IGO", "NGO", "IMG", "ISM") are keys in their own right, so "IGOUNO" and "IGOEEU" both match
"IGO". An empty gold actor, a code whose country part is "---" (a sector with no state named:
"---GOV", "---REB") and a predicted participant without an actor code are all "no actor"
(``None``): the comparison is between states, and none is named there.

**Gold codes without a PLOVER type** (CAMEO 01 statements and 02 appeals, which PLOVER drops,
and PETRARCH2's private 9xx codes) are left out of every level; the crosswalk in
``cameo_to_plover.json`` gives the gold's ``code_plover``. Legacy PLOVER names in the PLOVER
gold (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) are read as their current type.

**Status.** onrecord keeps an event's own action in ``type`` and its modality in ``status``;
PLOVER codes intentions as statements of intent. Before scoring, :func:`coded_as` applies that
convention: a planned or hypothetical cooperative action is AGREE (CAMEO 03), a planned
conflictual one THREATEN (13); a refused cooperative action is REJECT (12); a called-off
conflictual action is a de-escalation (RETREAT, 087 -> root 08); a called-off cooperative
action (a cancelled visit, halted talks) is CAMEO 16, "reduce relations" (SANCTION: 160, 164,
165); other negated events are not coded.

**PLOVER version.** The PLOVER gold (``plover_version`` 0.5b1) was coded with the PLOVER <= 0.6
table (``legacy_2016`` in ``cameo_to_plover.json``), in which a type follows the CAMEO root
throughout: an invasion (192) or a blockade (191) is ASSAULT/FIGHT (root 19), sanctions (163) are
SANCTION (root 16), violent repression (175) is COERCE (root 17); only root 08 is split (081-083
CONCEDE, 084-087 RETREAT). The 2021 crosswalk moved those codes. A prediction is compared with
such gold in the gold's own version (:func:`legacy_type`): its CAMEO root decides the type, and
its own type decides within root 08. CAMEO-coded gold keeps the 2021 crosswalk on both sides.
Both tables are read from the extractor's own CAMEO -> PLOVER file
(:mod:`onrecord.extract.events.plover`: ``plover_2021`` and ``plover_2016``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from onrecord.eval.metrics import prf
from onrecord.extract.events.plover import LEGACY_BY_ROOT, LEGACY_NAMES

#: CAMEO country codes that differ from ISO 3166-1 alpha-3 (historical or CAMEO-specific).
CAMEO_COUNTRY_TO_ISO3 = {
    "JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "KUW": "KWT", "ROM": "ROU", "ZAR": "COD",
    "TMP": "TLS", "YUG": "SRB", "GMY": "DEU", "UK_": "GBR",
}
# Legacy PLOVER names read as their current type, and the PLOVER <= 0.6 type of each CAMEO
# root (in current names): both from the events room's one CAMEO -> PLOVER file.
_LEGACY_PLOVER = LEGACY_NAMES
_PLOVER_ROOT = LEGACY_BY_ROOT
_COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE",
                          "RETREAT"})
_CONFLICTUAL = frozenset({"THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"})
LEVELS = ("type_actors", "exact", "type")
#: The first PLOVER version with the 2021 crosswalk; earlier ones type by CAMEO root.
_CURRENT_VERSION_FROM = (0, 7)

Dyad = tuple[str, str | None, str | None]


def actor_key(code: str | None) -> str | None:
    """The comparable part of an actor code: its country (as ISO3) or non-state prefix."""
    if not code:
        return None
    head = code.strip().upper()[:3]
    if len(head) < 3 or head == "---":
        return None
    return CAMEO_COUNTRY_TO_ISO3.get(head, head)


def _keys(codes: str | None) -> list[str | None]:
    keys = sorted({k for c in re.split(r"[;/]", codes or "") if (k := actor_key(c)) is not None})
    return [*keys] if keys else [None]


def gold_plover(event: dict[str, Any]) -> str | None:
    """The PLOVER type of a gold event, or ``None`` when PLOVER does not code it."""
    if event.get("ontology") == "PLOVER":
        code = event.get("code_plover_current") or event.get("code")
        return _LEGACY_PLOVER.get(code, code) if code else None
    return event.get("code_plover")


def coded_as(type_: str, cameo: str, status: str) -> tuple[str, str] | None:
    """``(PLOVER type, CAMEO root)`` under PLOVER's convention for modality, or ``None``."""
    if status == "occurred":
        return type_, cameo
    if status in {"planned", "hypothetical"}:
        if type_ in _COOPERATIVE:
            return "AGREE", "03"
        if type_ in _CONFLICTUAL:
            return "THREATEN", "13"
        return type_, cameo
    if status == "negated":
        return ("REJECT", "12") if type_ in _COOPERATIVE else None
    if status == "called_off":
        if type_ in _CONFLICTUAL:
            return "RETREAT", "08"
        return ("SANCTION", "16") if type_ in _COOPERATIVE else None
    return None


def legacy_type(type_: str, cameo: str) -> str:
    """The PLOVER <= 0.6 type of a prediction: its CAMEO root's, its own within root 08."""
    root = cameo[:2]
    if root == "08" or root not in _PLOVER_ROOT:
        return type_
    return _PLOVER_ROOT[root]


def _is_legacy(version: object) -> bool:
    """True for a PLOVER version before 0.7 ("0.5b1"); ``False`` when none is given."""
    found = re.match(r"(\d+)\.(\d+)", str(version or ""))
    return found is not None and (int(found[1]), int(found[2])) < _CURRENT_VERSION_FROM


def dyads(code: str, sources: str | None, targets: str | None) -> set[Dyad]:
    return {(code, s, t) for s in _keys(sources) for t in _keys(targets)}


@dataclass
class CaseEvents:
    """One case reduced to sets per level, for gold and predictions."""

    source: str
    gold: dict[str, set[Any]] = field(default_factory=lambda: {lv: set() for lv in LEVELS})
    predicted: dict[str, set[Any]] = field(default_factory=lambda: {lv: set() for lv in LEVELS})


def gold_events(case: dict[str, Any]) -> dict[str, set[Any]]:
    """The gold sets (per level) of one case."""
    out: dict[str, set[Any]] = {lv: set() for lv in LEVELS}
    for ev in case.get("events", ()):
        plover = gold_plover(ev)
        if plover is None:
            continue
        if ev.get("ontology") == "PLOVER":
            exact = plover
        else:
            exact = str(ev.get("code", ""))[:2]
        src, tgt = ev.get("source_actor"), ev.get("target_actor")
        out["type_actors"] |= dyads(plover, src, tgt)
        out["exact"] |= dyads(exact, src, tgt)
        out["type"].add(plover)
    return out


@dataclass(frozen=True)
class Scored:
    """One predicted event as the scorer reads it."""

    plover: str  # its PLOVER type, after the status convention (and the legacy table)
    cameo: str  # its CAMEO root
    source: str | None  # actor codes
    target: str | None
    rule: str | None  # the extraction rule that found it


def scored_events(record_json: dict[str, Any], legacy: bool = False) -> list[Scored]:
    """The events of one record that PLOVER codes, as scored (``legacy``: PLOVER <= 0.6)."""
    out: list[Scored] = []
    for ev in record_json.get("events", ()):
        coded = coded_as(ev["type"], ev["cameo"], ev["status"])
        if coded is None:
            continue
        plover, cameo = coded
        if legacy:
            plover = legacy_type(plover, cameo)
        out.append(Scored(plover, cameo, (ev.get("source") or {}).get("actor"),
                          (ev.get("target") or {}).get("actor"), ev.get("rule")))
    return out


def predicted_events(record_json: dict[str, Any], plover_only: bool = False,
                     legacy: bool = False) -> dict[str, set[Any]]:
    """The predicted sets (per level) of one record; ``plover_only`` when gold has no CAMEO,
    ``legacy`` when it was coded in PLOVER <= 0.6 (types by CAMEO root)."""
    out: dict[str, set[Any]] = {lv: set() for lv in LEVELS}
    for ev in scored_events(record_json, legacy):
        out["type_actors"] |= dyads(ev.plover, ev.source, ev.target)
        out["exact"] |= dyads(ev.plover if plover_only else ev.cameo[:2], ev.source, ev.target)
        out["type"].add(ev.plover)
    return out


def case_coding(case: dict[str, Any]) -> tuple[bool, bool]:
    """How a case's gold is coded: (PLOVER only, no CAMEO; PLOVER <= 0.6, types by root)."""
    plover_only = any(ev.get("ontology") == "PLOVER" for ev in case.get("events", ()))
    plover_only = plover_only or case.get("source") == "plover_gsr_cameo"
    legacy = any(ev.get("ontology") == "PLOVER" and _is_legacy(ev.get("plover_version"))
                 for ev in case.get("events", ()))
    return plover_only, legacy


def score_case(case: dict[str, Any], record_json: dict[str, Any]) -> CaseEvents:
    """Gold and predicted sets of one case (the unit :func:`events_report` adds up)."""
    plover_only, legacy = case_coding(case)
    return CaseEvents(str(case.get("source", "unknown")), gold_events(case),
                      predicted_events(record_json, plover_only, legacy))


def _prf(hits: int, predicted: int, gold: int) -> dict[str, float | int]:
    return {**prf(hits, predicted, gold), "hits": hits, "predicted": predicted, "gold": gold}


def _figures(cases: Sequence[CaseEvents]) -> dict[str, Any]:
    out: dict[str, Any] = {"cases": len(cases)}
    for level in LEVELS:
        hits = sum(len(c.gold[level] & c.predicted[level]) for c in cases)
        out[level] = _prf(hits, sum(len(c.predicted[level]) for c in cases),
                          sum(len(c.gold[level]) for c in cases))
    return out


#: The gold sources made of real news (the headline figure): PLOVER's gold sentences and
#: PETRARCH2's AFP validation set. PETRARCH2's unit tests (fictional actors) are a regression
#: suite, scored with their own dictionaries.
REAL_NEWS = frozenset({"plover_gsr_cameo", "petrarch2_gsr_validation"})


def events_report(cases: Iterable[CaseEvents]) -> dict[str, Any]:
    """Overall figures (``type_actors``, ``exact``, ``type``), the same over the real-news
    sources (``real_news``, when the gold has any) and ``by_source``."""
    all_cases = list(cases)
    report = _figures(all_cases)
    real = [c for c in all_cases if c.source in REAL_NEWS]
    if real:
        report["real_news"] = _figures(real)
    by_source: dict[str, list[CaseEvents]] = {}
    for c in all_cases:
        by_source.setdefault(c.source, []).append(c)
    report["by_source"] = {name: _figures(group) for name, group in sorted(by_source.items())}
    return report


def misses(case: dict[str, Any], record_json: dict[str, Any], level: str = "type_actors"
           ) -> tuple[set[Any], set[Any]]:
    """(false negatives, false positives) of one case at ``level``: for error analysis."""
    scored = score_case(case, record_json)
    return (scored.gold[level] - scored.predicted[level],
            scored.predicted[level] - scored.gold[level])
