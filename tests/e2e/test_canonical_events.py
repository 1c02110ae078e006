"""The canonical article's chain of attacks and reprisals, as events.

The article is third-party text: it is read from ../shared at test time, never copied here.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.model, pytest.mark.corpus]


@pytest.fixture(scope="module")
def record(canonical_record):
    return canonical_record


def find(record, trigger, **want):
    for ev in record.events:
        if ev.trigger != trigger:
            continue
        src = ev.source.actor if ev.source and ev.source.actor else None
        tgt = ev.target.actor if ev.target and ev.target.actor else None
        got = {"type": ev.type, "status": ev.status, "source": src and src[:3],
               "target": tgt and tgt[:3], "time": (record.time(ev.time) or None)
               and record.time(ev.time).value}
        if all(got[k] == v for k, v in want.items()):
            return ev
    raise AssertionError(f"no {trigger!r} event with {want}: " + "; ".join(
        f"{e.trigger}/{e.type}/{e.status}" for e in record.events))


def test_drone_strike_on_the_general(record):
    ev = find(record, "drone strike", type="ASSAULT", status="occurred", source="USA",
              target="IRN")
    assert ev.target.actor == "IRNMIL"  # "Iran's top general" serves Iran's military


def test_missile_strikes_on_bases_housing_us_troops(record):
    find(record, "missile strikes", type="ASSAULT", status="occurred", source="IRN",
         target="USA", time="2020-W02")


def test_december_strike_and_the_killing_it_answered(record):
    find(record, "strike", type="ASSAULT", status="occurred", source="USA", time="2019-12-29")
    find(record, "killing", type="ASSAULT", status="occurred", target="USA", time="2019-12-27")


def test_embassy_siege(record):
    find(record, "siege", status="occurred", source="IRN", target="USA")


def test_called_off_september_strike(record):
    ev = find(record, "strike", status="called_off", target="IRN")
    assert record.entity(ev.source.entity).name == "Donald Trump"


def test_decision_against_retaliation_is_not_an_occurred_event(record):
    find(record, "retaliation", type="ASSAULT", status="negated")
    assert not [e for e in record.events if e.trigger == "retaliation" and
                e.status == "occurred"]


def test_downing_of_a_drone_and_hostage_taking(record):
    # "attacks by Iran and its proxies, including the downing of an American drone": Iran's
    find(record, "downing", type="ASSAULT", status="occurred", source="IRN", target="USA")
    ev = find(record, "hostage taking", type="ASSAULT", target="USA", time="1979")
    assert ev.location == "Tehran"


def test_no_event_from_a_quoted_hypothetical_marked_occurred(record):
    for ev in record.events:
        if ev.trigger in {"attack", "attacks"} and ev.status == "occurred":
            assert ev.source is not None and ev.source.actor == "IRN"
