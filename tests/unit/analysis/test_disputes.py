"""Disputes: findings grouped by matter and set out by party, with echoes; the pairwise view.

Hand-built statements and findings, no model, no store.
"""

from __future__ import annotations

from onrecord.analysis.claim import Finding, Side
from onrecord.analysis.disputes import group_disputes, pairs_of


def _claim(n, speaker, content, date, side=None, repeats=()):
    return Side(f"a{n}", f"s{n}", speaker, f"p-{speaker}", "named", "say", content, date, False,
                None, f"outlet{n}.example", None, 0, len(content), content, "",
                repeats=tuple(repeats), side=side)


def _link(a, b, kind="contradiction", score=0.7, matter=("ramm", "boat", "patrol")):
    return Finding(kind, score, matter, ("opposed words: accident / deliberate",), a, b)


CONSUL = _claim(1, "Consul Rami Aziz", "the boat was not rammed", "2024-03-02", "KST",
                repeats=[("a9", "s9"), ("a8", "s8")])  # relayed by two more outlets
MINISTER = _claim(2, "Minister Sami Dahl", "the boat was rammed on purpose", "2024-03-03", "KST")
ENVOY = _claim(3, "Envoy Ola Berg", "the patrol boat was rammed at dawn", "2024-03-04", "VAL")
CHIEF = _claim(4, "Chief Ivo Lund", "the patrol boat was rammed, the log shows", "2024-03-05",
               "VAL")
FERRY = _claim(5, "Captain Mia Sol", "the ferry timetable changes in May", "2024-03-05")


def test_links_sharing_a_statement_and_the_matter_are_one_dispute_by_side():
    disputes = group_disputes([_link(CONSUL, ENVOY), _link(CONSUL, CHIEF, score=0.6)])
    assert len(disputes) == 1
    d = disputes[0]
    assert (d.kind, d.score) == ("contradiction", 0.7)
    assert [(p.key, [c.speaker for c in p.claims]) for p in d.parties] == [
        ("KST", ["Consul Rami Aziz"]), ("VAL", ["Envoy Ola Berg", "Chief Ivo Lund"])]
    assert d.parties[0].outlets == 3  # one line relayed by two more outlets is one claim
    # the pairwise view: one pair per pair of opposed holders, best first
    assert [(f.a.speaker, f.b.speaker) for f in pairs_of(disputes)] == [
        ("Consul Rami Aziz", "Envoy Ola Berg"), ("Consul Rami Aziz", "Chief Ivo Lund")]


def test_a_side_at_odds_with_itself_is_set_out_by_person():
    d = group_disputes([_link(CONSUL, MINISTER)])[0]
    assert [p.name for p in d.parties] == ["Consul Rami Aziz", "Minister Sami Dahl"]


def test_links_on_other_matters_or_of_another_kind_stay_apart():
    other = _link(CONSUL, FERRY, matter=("ferry", "timetable", "may"))
    shift = _link(CONSUL, MINISTER, kind="shift")
    disputes = group_disputes([_link(CONSUL, ENVOY), other, shift])
    assert sorted(d.kind for d in disputes) == ["contradiction", "contradiction", "shift"]
    assert len({d.id for d in disputes}) == 3
    account = next(d for d in disputes if d.kind == "shift")
    assert len(account.parties) == 1 and [c.date for c in account.parties[0].claims] == [
        "2024-03-02", "2024-03-03"]  # the account over time


def test_the_same_links_make_the_same_dispute_id_and_json():
    first = group_disputes([_link(CONSUL, ENVOY), _link(CONSUL, CHIEF)])[0]
    again = group_disputes([_link(CONSUL, CHIEF), _link(CONSUL, ENVOY)])[0]
    assert first.id == again.id and len(first.id) == 12
    data = first.to_json()
    assert data["parties"][0]["claims"][0]["echoes"] == 2
    assert data["links"][0]["a"] == ["a1", "s1"] and data["latest"] == "2024-03-05"


def test_links_between_the_same_parties_sharing_a_claim_are_one_dispute():
    """Their words may differ ("rammed", "the log shows"): one claim and the same parties make
    one matter; another party's link through the same claim stays its own dispute."""
    rammed = _link(CONSUL, ENVOY, matter=("ramm", "boat", "patrol"))
    logged = _link(CONSUL, CHIEF, matter=("log", "show", "dawn"))
    disputes = group_disputes([rammed, logged])
    assert len(disputes) == 1 and len(disputes[0].links) == 2
    assert [p.key for p in disputes[0].parties] == ["KST", "VAL"]
    ferry = _link(CONSUL, FERRY, matter=("log", "show", "dawn"))
    assert len(group_disputes([rammed, ferry])) == 2


def test_a_shift_told_in_one_article_sets_out_the_recalled_account_first():
    """Dated alike, the claims of a shift follow its link: the recalled account (told later
    in the article, as background) before the new one."""
    from dataclasses import replace

    new = replace(MINISTER, article_id="a1", statement_id="s21", start=0, date="2024-03-03")
    recalled = replace(CONSUL, article_id="a1", statement_id="s22", start=600,
                       date="2024-03-03")
    account = group_disputes([_link(recalled, new, kind="shift")])[0]
    assert [c.statement_id for c in account.parties[0].claims] == ["s22", "s21"]
