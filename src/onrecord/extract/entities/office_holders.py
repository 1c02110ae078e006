"""Office holders by date: who was head of state, head of government, foreign or defence
minister of a state (or led an international organisation) on a given day.

The facts are written out in ``data/office_holders.tsv`` (state, office, name, start, end; see
its header), 1990 to now. A partial date ("2003", "2003-06") stands for the first day of its
period, so two terms written to the month meet without overlapping; an empty end is a holder
still in office. The table is read on first use, not at import.

Two uses:

- :func:`office_holder`: who held an office of a state on a day ("the British prime minister"
  in a 2003 story is Tony Blair);
- :func:`states_on`: the states whose holders carried a name (full, or a surname alone) on a
  day, so that a surname shared by holders of several states ("Rasmussen", "Prodi") is
  resolved by the article's date in :func:`~onrecord.extract.entities.actors.leader_code`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from onrecord.datafiles import data_text
from onrecord.extract.entities.person_names import fold

OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")
"""The offices the table lists, one name a column value."""

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_SUFFIXES = frozenset({"ii", "iii", "iv", "vi", "jr", "jr.", "sr", "sr."})


@dataclass(frozen=True)
class Holding:
    """One term in one office: ``end`` is ``None`` while the holder is in office."""

    state: str
    office: str
    name: str
    start: dt.date
    end: dt.date | None

    def holds_on(self, on: dt.date) -> bool:
        """True when the holder was in office on ``on`` (the end day is the successor's)."""
        return self.start <= on and (self.end is None or on < self.end)

    def distance(self, on: dt.date) -> int:
        """Days between ``on`` and the term (0 inside it)."""
        if on < self.start:
            return (self.start - on).days
        if self.end is not None and on >= self.end:
            return (on - self.end).days + 1
        return 0


def parse_date(text: str) -> dt.date:
    """The first day of a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` period.

    >>> parse_date("2003"), parse_date("2003-06"), parse_date("2003-06-27")
    (datetime.date(2003, 1, 1), datetime.date(2003, 6, 1), datetime.date(2003, 6, 27))
    """
    match = _DATE.match(text.strip())
    if match is None:
        raise ValueError(f"office_holders.tsv: bad date {text!r}")
    year, month, day = match.groups()
    return dt.date(int(year), int(month or 1), int(day or 1))


def fold_name(name: str) -> str:
    """A name as a lookup key: lower case, accents dropped, one space between words, a
    possessive and dots after initials normalised ("José Manuel Barroso's" -> "jose manuel
    barroso")."""
    name = re.sub(r"['’]s$", "", name.strip()).replace("’", "'")
    return fold(re.sub(r"\s+", " ", name.replace(". ", ".").replace(".", ". ")).strip())


def surname_of(key: str) -> str | None:
    """The last word of a folded name that is no generational suffix, when the name has more
    than one word ("george w. bush" -> "bush"); ``None`` for a single name ("suharto")."""
    words = [w for w in key.split() if w not in _SUFFIXES]
    return words[-1] if len(words) > 1 else None


def _parse(lines: Iterable[str]) -> tuple[Holding, ...]:
    out: list[Holding] = []
    header_seen = False
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            if cells[:3] == ["state", "office", "name"]:
                continue
        if len(cells) != 5:
            raise ValueError(f"office_holders.tsv line {n}: expected 5 columns: {line!r}")
        state, office, name, start, end = (c.strip() for c in cells)
        if office not in OFFICES:
            raise ValueError(f"office_holders.tsv line {n}: unknown office {office!r}")
        out.append(Holding(state, office, name, parse_date(start),
                           parse_date(end) if end else None))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def holdings() -> tuple[Holding, ...]:
    """Every row of ``data/office_holders.tsv``, in file order."""
    return _parse(data_text("office_holders.tsv").splitlines())


@functools.lru_cache(maxsize=1)
def _by_name() -> tuple[dict[str, list[Holding]], dict[str, list[Holding]]]:
    """Holdings by folded full name and by surname."""
    full: dict[str, list[Holding]] = {}
    surnames: dict[str, list[Holding]] = {}
    for holding in holdings():
        key = fold_name(holding.name)
        full.setdefault(key, []).append(holding)
        surname = surname_of(key)
        if surname is not None:
            surnames.setdefault(surname, []).append(holding)
    return full, surnames


def office_holder(state: str, office: str, on: dt.date) -> str | None:
    """Who held ``office`` of ``state`` on ``on``, or ``None`` when the table does not say.

    Where imprecise dates let two terms meet on one day, the later start wins.

    >>> office_holder("GBR", "head_of_government", dt.date(2003, 6, 1))
    'Tony Blair'
    """
    if office not in OFFICES:
        raise ValueError(f"unknown office {office!r}; one of {', '.join(OFFICES)}")
    current = [h for h in holdings() if h.state == state and h.office == office and
               h.holds_on(on)]
    return max(current, key=lambda h: h.start).name if current else None


def names() -> list[tuple[str, str]]:
    """(name, state) of every holder, in file order (a name once per state)."""
    seen: dict[tuple[str, str], None] = {}
    for holding in holdings():
        seen.setdefault((holding.name, holding.state), None)
    return list(seen)


def states_on(name: str, on: dt.date, *, surname: bool = False,
              within_days: int = 0) -> set[str]:
    """The states whose holders called ``name`` (a full name, or with ``surname`` a surname
    alone) were in office on ``on``, or within ``within_days`` of it."""
    full, surnames = _by_name()
    key = fold_name(name)
    found = surnames.get(key, []) if surname else full.get(key, [])
    return {h.state for h in found if h.distance(on) <= within_days}
