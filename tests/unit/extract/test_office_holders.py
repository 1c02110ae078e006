"""Office holders by date: the data file's consistency, ``office_holder`` and the date-aware
``leader_code``."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from importlib import resources

import pytest

from onrecord.extract.entities import office_holders
from onrecord.extract.entities.actors import _STATES, leader_code
from onrecord.extract.entities.office_holders import (
    OFFICES,
    Holding,
    holdings,
    office_holder,
    parse_date,
    states_on,
)

_IGOS = {"IGOUNO", "IGONAT", "IGOEUR"}
_OVERLAP_DAYS = 60


def test_every_row_has_a_known_office_and_code_and_dates_in_order() -> None:
    rows = holdings()
    assert len(rows) > 1000
    for row in rows:
        assert row.office in OFFICES, row
        assert row.state in _STATES or row.state in _IGOS, row
        assert row.start.year >= 1940, row
        assert row.start <= dt.date.today(), row
        assert row.end is None or row.start <= row.end, row
        assert row.end is None or row.end.year >= 1990, row  # 1990 to now
        assert row.name == row.name.strip() and row.name, row


def _overlaps(rows: tuple[Holding, ...]) -> list[tuple[Holding, Holding, int]]:
    found = []
    key = lambda h: (h.state, h.office)  # noqa: E731
    for _k, group in itertools.groupby(sorted(rows, key=key), key=key):
        terms = sorted(group, key=lambda h: h.start)
        for a, b in itertools.pairwise(terms):
            end = a.end or dt.date.max
            days = (min(end, b.end or dt.date.max) - b.start).days
            if days > _OVERLAP_DAYS:
                found.append((a, b, days))
    return found


def test_no_two_holders_of_one_office_overlap() -> None:
    assert _overlaps(holdings()) == []


def test_the_overlap_check_catches_an_overlap() -> None:
    rows = office_holders._parse([
        "state\toffice\tname\tstart\tend",
        "GBR\thead_of_government\tAnna Test\t2001\t2005",
        "GBR\thead_of_government\tBen Test\t2003-06\t2008",
    ])
    assert [(a.name, b.name) for a, b, _ in _overlaps(rows)] == [("Anna Test", "Ben Test")]


def test_the_loader_rejects_an_unknown_office_and_a_bad_date() -> None:
    with pytest.raises(ValueError, match="unknown office"):
        office_holders._parse(["GBR\tking\tAnna Test\t2001\t"])
    with pytest.raises(ValueError, match="bad date"):
        office_holders._parse(["GBR\thead_of_state\tAnna Test\t1 May 2001\t"])


def test_partial_dates_start_their_period() -> None:
    assert parse_date("1997") == dt.date(1997, 1, 1)
    assert parse_date("1997-05") == dt.date(1997, 5, 1)
    assert parse_date("1997-05-02") == dt.date(1997, 5, 2)


@pytest.mark.parametrize(("state", "office", "on", "name"), [
    ("GBR", "head_of_government", dt.date(2003, 6, 1), "Tony Blair"),
    ("GBR", "head_of_government", dt.date(1995, 6, 1), "John Major"),
    ("USA", "head_of_government", dt.date(2003, 6, 1), "George W. Bush"),
    ("USA", "head_of_state", dt.date(1991, 6, 1), "George H. W. Bush"),
    ("USA", "foreign_minister", dt.date(2006, 3, 1), "Condoleezza Rice"),
    ("RUS", "defence_minister", dt.date(2015, 1, 1), "Sergei Shoigu"),
    ("ISR", "head_of_government", dt.date(2003, 6, 1), "Ariel Sharon"),
    ("DEU", "head_of_government", dt.date(2010, 1, 1), "Angela Merkel"),
    ("IGOUNO", "head_of_state", dt.date(2003, 6, 1), "Kofi Annan"),
    ("IGONAT", "head_of_state", dt.date(2012, 1, 1), "Anders Fogh Rasmussen"),
])
def test_office_holder_on_a_day(state: str, office: str, on: dt.date, name: str) -> None:
    assert office_holder(state, office, on) == name


def test_the_day_a_term_ends_is_the_successor_s() -> None:
    assert office_holder("GBR", "head_of_government", dt.date(2007, 6, 26)) == "Tony Blair"
    assert office_holder("GBR", "head_of_government", dt.date(2007, 6, 27)) == "Gordon Brown"


def test_office_holder_without_a_record_is_none() -> None:
    assert office_holder("GBR", "head_of_government", dt.date(1850, 1, 1)) is None
    with pytest.raises(ValueError, match="unknown office"):
        office_holder("GBR", "prime_minister", dt.date(2003, 1, 1))


@pytest.mark.parametrize(("name", "on", "code"), [
    # Rasmussen: Danish prime ministers and a NATO secretary-general
    ("Rasmussen", dt.date(2005, 3, 1), "DNK"),
    ("Rasmussen", dt.date(2012, 3, 1), "IGONAT"),
    ("Rasmussen", dt.date(2016, 3, 1), "DNK"),
    # one man, two offices: Italy's prime minister, then the Commission's president
    ("Romano Prodi", dt.date(2002, 5, 1), "IGOEUR"),
    ("Romano Prodi", dt.date(2007, 5, 1), "ITA"),
    ("Prodi", dt.date(2002, 5, 1), "IGOEUR"),
    ("Kallas", dt.date(2022, 5, 1), "EST"),
    ("Kallas", dt.date(2025, 5, 1), "IGOEUR"),
])
def test_a_shared_name_resolves_by_date(name: str, on: dt.date, code: str) -> None:
    assert leader_code(name, on) == code


def test_without_a_date_a_shared_surname_names_no_state() -> None:
    assert leader_code("Rasmussen") is None
    assert leader_code("Putin") == leader_code("Putin", dt.date(2003, 1, 1)) == "RUS"


def test_a_common_word_is_no_surname_on_any_date() -> None:
    assert leader_code("May", dt.date(2017, 1, 1)) is None
    assert leader_code("Major", dt.date(1994, 1, 1)) is None


def test_every_undated_leader_still_resolves() -> None:
    raw = resources.files("onrecord").joinpath("data/actors_leaders.json").read_text("utf-8")
    leaders = json.loads(raw)["leaders"]
    missing = [name for names in leaders.values() for name in names
               if leader_code(name) is None]
    assert missing == []


def test_dated_holders_resolve_to_their_state_in_office() -> None:
    """Every holder in office now, by full name on the day after taking office, is coded as
    their state (the Crown of several realms aside)."""
    day = {h: h.start + dt.timedelta(days=1) for h in holdings() if h.end is None}
    wrong = [(h.name, h.state) for h, on in day.items()
             if h.state not in _IGOS and len(states_on(h.name, on)) == 1 and
             leader_code(h.name, on) != h.state]
    assert wrong == []


@pytest.mark.model
@pytest.mark.parametrize(("published", "code"), [("2005-03-01", "DNK"),
                                                  ("2012-03-01", "IGONAT")])
def test_an_event_source_is_coded_by_the_article_date(published: str, code: str) -> None:
    from onrecord import analyze

    record = analyze("Rasmussen condemned Iran on Tuesday.", published=published)
    sources = [e.source.actor for e in record.events if e.source is not None]
    assert sources == [code]
