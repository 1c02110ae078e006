"""One side through several people: a government's account that changes over weeks is a shift
of that side; two of its officials at odds within days contradict each other; different sides
contradict each other as before. Hand-built statements, no model, no store."""

from __future__ import annotations

from onrecord.analysis.consistency import Side, find_findings

# a corpus holds many statements on other matters, so the matter's words are rare in it
_PLACES = ["harbour", "museum", "bakery", "stadium", "archive", "orchestra", "library", "bridge"]
_ACTS = ["reopen", "repaint", "expand", "insure", "relocate", "renovate"]
FILLER = [f"the {place} would {act} before the {month} fair" for place in _PLACES
          for act in _ACTS for month in ("spring", "summer", "winter")]


def _side(n, speaker, content, date, side, defaulted=True):
    return Side(f"a{n}", f"s{n}", speaker, f"p-{speaker}", "named", "say", content, date,
                defaulted, None, "example.org", None, 0, len(content), content, "", side=side)


def _findings(first, second):
    sides = [first, second] + [_side(10 + i, f"Filler {i}", text, "2024-03-01", None)
                               for i, text in enumerate(FILLER)]
    return [(f.kind, f.a.speaker, f.b.speaker) for f in find_findings(sides, min_score=0.0)]


DENIAL = "the patrol boat was not rammed on purpose by the survey ship"
CLAIM = "the survey ship rammed the patrol boat on purpose at dawn"


def test_one_government_changing_its_account_over_weeks_is_a_shift():
    found = _findings(_side(1, "Consul Rami Aziz", DENIAL, "2024-03-02", "KST"),
                      _side(2, "Minister Sami Dahl", CLAIM, "2024-03-20", "KST"))
    assert found == [("shift", "Consul Rami Aziz", "Minister Sami Dahl")]


def test_two_officials_of_one_side_at_odds_within_days_contradict_each_other():
    """In one article, or where the reporter says they are at odds; two outlets' versions of
    one government's line are no contradiction."""
    from dataclasses import replace

    consul = _side(1, "Consul Rami Aziz", DENIAL, "2024-03-02", "KST")
    minister = _side(2, "Minister Sami Dahl", CLAIM, "2024-03-04", "KST")
    assert _findings(consul, minister) == []
    flagged = replace(consul, context=f"{DENIAL}, contradicting the minister")
    assert _findings(flagged, minister) == [
        ("contradiction", "Consul Rami Aziz", "Minister Sami Dahl")]
    one_article = replace(consul, article_id=minister.article_id, start=200,
                          end=200 + len(DENIAL))
    assert _findings(one_article, minister) == [
        ("contradiction", "Consul Rami Aziz", "Minister Sami Dahl")]


def test_two_sides_weeks_apart_still_contradict_each_other():
    found = _findings(_side(1, "Consul Rami Aziz", DENIAL, "2024-03-02", "KST"),
                      _side(2, "Minister Ola Berg", CLAIM, "2024-03-20", "VAL"))
    assert found == [("contradiction", "Consul Rami Aziz", "Minister Ola Berg")]
    # with no side known, people are compared by name, as before
    found = _findings(_side(1, "Consul Rami Aziz", DENIAL, "2024-03-02", None),
                      _side(2, "Minister Sami Dahl", CLAIM, "2024-03-20", None))
    assert found == [("contradiction", "Consul Rami Aziz", "Minister Sami Dahl")]


TOLL = [("2024-03-02", "Colonel Aras Demir", "the strike on the depot killed 8 soldiers"),
        ("2024-03-06", "Major Lina Koc", "the strike on the depot killed 21 soldiers"),
        ("2024-03-09", "Major Lina Koc", "the strike on the depot killed 21 soldiers, no more"),
        ("2024-03-12", "Colonel Aras Demir", "the strike on the depot killed 40 soldiers in all"),
        ("2024-03-20", "General Ece Tan", "the strike on the depot killed 77 soldiers")]


def _toll_findings(side):
    sides = [_side(i, speaker, content, date, side) for i, (date, speaker, content)
             in enumerate(TOLL)]
    sides += [_side(100 + i, f"Filler {i}", text, "2024-03-01", None)
              for i, text in enumerate(FILLER)]
    return find_findings(sides, min_score=0.0)


def test_a_count_one_side_revises_is_one_shift_told_as_its_steps():
    found = _toll_findings("KST")
    steps = [(f.kind, f.a.date, f.b.date) for f in found]
    assert sorted(steps) == [("shift", "2024-03-02", "2024-03-06"),
                             ("shift", "2024-03-06", "2024-03-12"),
                             ("shift", "2024-03-12", "2024-03-20")]
    # the unchanged 21 is no step; every step carries the whole series
    assert all("count series of soldier: 8 -> 21 -> 40 -> 77" in f.evidence for f in found)


def test_counts_from_people_of_no_known_side_stay_pairs():
    found = _toll_findings(None)
    assert {f.kind for f in found} == {"contradiction", "shift"}  # shifts: a speaker's own
    assert not any(e.startswith("count series") for f in found for e in f.evidence)
    assert len(found) > 3


def _in_one_article(sourcing, first, second):
    def side(n, content, date):
        return Side("a1", f"s{n}", "Defence Ministry", "org-defence", sourcing, "say", content,
                    date, False, None, "example.org", None, n * 100, n * 100 + len(content),
                    content, "", side="KST")
    return _findings(side(1, first, "2024-03-02"), side(2, second, "2024-05-20"))


def test_a_named_body_changing_its_account_in_one_article_is_a_shift():
    """An article that recounts a ministry's account in March and its denial in May reports a
    shift of that ministry; unnamed sources quoted twice in one article are one group and are
    not set against each other."""
    assert _in_one_article("organization", CLAIM, DENIAL) == [
        ("shift", "Defence Ministry", "Defence Ministry")]
    assert _in_one_article("anonymous", CLAIM, DENIAL) == []


def test_a_pronoun_the_record_could_not_resolve_holds_no_claim():
    from dataclasses import replace

    from onrecord.analysis.consistency import is_claim

    resolved = _side(1, "He", CLAIM, "2024-03-02", None)  # "He" linked to a corpus person
    assert is_claim(resolved)
    assert not is_claim(replace(resolved, speaker_id=None))
    assert _findings(replace(resolved, speaker_id=None),
                     _side(2, "Minister Ola Berg", DENIAL, "2024-03-03", "VAL")) == []


def test_one_line_relayed_by_the_sides_agency_is_one_claim_with_its_echo():
    """The ministry's line and the state agency's copy of it (a word more, a word less) are
    one claim carried twice, set once against the other side; said again under a negation,
    it is no echo."""
    from onrecord.analysis.echoes import first_of_repeats

    line = "the survey ship rammed the patrol boat on purpose at dawn near the islet"
    relay = "the survey ship rammed the patrol boat on purpose at dawn near the rocky islet"
    ministry = _side(1, "Defence Ministry", line, "2024-03-02", "KST")
    agency = _side(2, "KST News Agency", relay, "2024-03-02", "KST")
    kept, _, _ = first_of_repeats([ministry, agency], None, {})
    assert [(s.speaker, s.repeats) for s in kept] == [("Defence Ministry", (("a2", "s2"),))]
    denial = _side(3, "KST News Agency", "the survey ship never rammed the patrol boat on "
                   "purpose at dawn near the islet", "2024-03-09", "KST")
    assert len(first_of_repeats([ministry, denial], None, {})[0]) == 2
    other_side = _side(4, "VAL Radio", relay, "2024-03-02", "VAL")
    assert len(first_of_repeats([ministry, other_side], None, {})[0]) == 2


def test_a_definite_description_speaks_for_the_side_named_before_it_in_its_article():
    """ "The ministry" after "Russia's Defence Ministry" in one article speaks for its side;
    in another article, or with no earlier name ending in its noun, it stays without one."""
    from dataclasses import replace

    from onrecord.analysis.consistency import _definite_antecedents

    named = replace(_side(1, "Russia's Defence Ministry", CLAIM, "2024-03-02", "RUS"), start=0)
    later = replace(_side(1, "the ministry", DENIAL, "2024-03-02", None), statement_id="s2",
                    start=300)
    elsewhere = replace(later, article_id="a9")
    report = replace(later, statement_id="s3", speaker="the report", start=400)
    before = replace(later, statement_id="s4", start=0)
    resolved = _definite_antecedents([later, named, elsewhere, report])
    assert [s.side for s in resolved] == ["RUS", "RUS", None, None]
    assert _definite_antecedents([before, replace(named, start=10)])[0].side is None


def test_an_admission_is_one_step_from_the_first_account_and_the_last():
    """A later "admitted" set against each earlier repetition of a party's account is told
    once: from the account as first given and from the claim just before it; a shift shown
    by the claims themselves stays whatever its framing."""
    from onrecord.analysis.claim import Finding
    from onrecord.analysis.series import one_step_per_admission

    admission = _side(9, "Riyadh", "he died inside the building", "2024-03-20", "KST")
    earlier = [_side(n, "KST officials", f"he left the building alive, account {n}",
                     f"2024-03-0{n}", "KST") for n in (2, 4, 6)]
    framed = [Finding("shift", 0.6, ("building",), ("change of account: 'admitted'",), e,
                      admission) for e in earlier]
    opposed = Finding("shift", 0.7, ("building",), ("opposed words: alive / died",
                                                    "change of account: 'admitted'"),
                      earlier[1], admission)
    kept = one_step_per_admission([*framed, opposed])
    assert sorted((f.a.date, f.evidence[0][:8]) for f in kept) == [
        ("2024-03-02", "change o"), ("2024-03-04", "opposed "), ("2024-03-06", "change o")]


def _in_article(n, speaker, content, start, side, **more):
    from dataclasses import replace

    return replace(_side(n, speaker, content, "2024-03-02", side), article_id="a1",
                   start=start, end=start + len(content), **more)


def test_a_rebuttal_answers_the_claim_its_framing_names_not_merely_the_nearest():
    claim = _in_article(1, "Colonel Aras Demir", "the patrol boat rammed the survey ship near "
                        "the islet at dawn", 0, "KST")
    nearer = _in_article(2, "Harbour Master Ola Berg", "the ferry timetable would change next "
                         "week for the regatta", 300, None)
    rebuttal = _in_article(3, "Minister Sami Dahl", "My answer to that is simple: this is not "
                           "true", 700, "VAL", lead="Dahl rejected the assertion that the "
                           "patrol boat rammed the survey ship.")
    assert _findings(claim, nearer) == []  # no opposition between the two claims
    sides = [claim, nearer, rebuttal] + [_side(10 + i, f"Filler {i}", text, "2024-03-01", None)
                                         for i, text in enumerate(FILLER)]
    found = [(f.a.speaker, f.b.speaker, f.evidence[0][:8])
             for f in find_findings(sides, min_score=0.0)]
    assert found == [("Colonel Aras Demir", "Minister Sami Dahl", "rebuttal")]


def test_a_denial_of_the_allegations_answers_the_claim_before_it():
    claim = _in_article(1, "Colonel Aras Demir", "the patrol boat rammed the survey ship near "
                        "the islet at dawn", 0, "KST")
    denial = _in_article(2, "An official at the embassy", 'the allegations as "baseless,"', 250,
                         None, stance="denies", proposition="the allegations")
    found = _findings(claim, denial)
    assert [(k, a, b) for k, a, b in found] == [
        ("contradiction", "Colonel Aras Demir", "An official at the embassy")]
    assert _findings(claim, _asserting(denial)) == []


def _asserting(side):
    from dataclasses import replace

    return replace(side, stance="asserts")


def test_an_account_the_reporter_recalls_beside_the_new_one_is_a_shift():
    """Two statements of one side in one article, dated alike, at odds: a shift when the
    reporter tells one as the account given before ("initially said"), else one official
    contradicting another."""
    first = _in_article(1, "Consul Rami Aziz", DENIAL, 0, "KST")
    second = _in_article(2, "Minister Sami Dahl", CLAIM, 400, "KST")
    assert _findings(first, second) == [
        ("contradiction", "Consul Rami Aziz", "Minister Sami Dahl")]
    recalled = _in_article(1, "Consul Rami Aziz", DENIAL, 0, "KST",
                           context=f"The consulate initially said {DENIAL}.")
    assert _findings(recalled, second) == [("shift", "Consul Rami Aziz", "Minister Sami Dahl")]


def test_the_same_words_twice_in_one_article_are_one_claim():
    """A paragraph printed twice, its speaker worded differently the second time ("an
    official at the embassy", "an unnamed official at the embassy"), is one claim."""
    from dataclasses import replace

    from onrecord.analysis.echoes import first_of_repeats

    once = _in_article(1, "An official at the embassy", DENIAL, 0, None)
    again = replace(once, statement_id="s2", speaker="An unnamed official at the embassy",
                    speaker_id=None, start=500, end=500 + len(DENIAL))
    kept, _, _ = first_of_repeats([once, again], None, {})
    assert [(s.statement_id, s.repeats) for s in kept] == [("s1", (("a1", "s2"),))]
    elsewhere = replace(again, article_id="a2")
    assert len(first_of_repeats([once, elsewhere], None, {})[0]) == 2


def test_a_recalled_account_comes_first_in_its_shift():
    """Dated alike by their article, the recalled account is the earlier one: marked by the
    reporter ("initially"), in one sentence the one the marker governs, else the one told
    later (a report leads with the news)."""
    news = _in_article(2, "Minister Sami Dahl", CLAIM, 0, "KST")
    recalled = _in_article(1, "Consul Rami Aziz", DENIAL, 600, "KST",
                           context=f"The consulate initially said {DENIAL}.")
    assert _findings(news, recalled) == [("shift", "Consul Rami Aziz", "Minister Sami Dahl")]
    sentence = f"After previously saying {DENIAL}, the ministry now says {CLAIM}."
    first = _in_article(1, "Consul Rami Aziz", DENIAL, 100, "KST", context=sentence)
    then = _in_article(2, "Minister Sami Dahl", CLAIM, 160, "KST", context=sentence)
    assert _findings(then, first) == [("shift", "Consul Rami Aziz", "Minister Sami Dahl")]
    background = _in_article(1, "Consul Rami Aziz", DENIAL, 900, "KST",
                             context=f"It later dropped that account: {DENIAL}.")
    assert _findings(news, background) == [("shift", "Consul Rami Aziz", "Minister Sami Dahl")]


def test_a_statement_cut_off_by_the_end_of_an_excerpt_holds_no_claim():
    from dataclasses import replace

    from onrecord.analysis.consistency import is_claim

    whole = _side(1, "Minister Ola Berg", DENIAL, "2024-03-03", "VAL")
    assert is_claim(whole) and not is_claim(replace(whole, cut=True))
    claim = _side(2, "Consul Rami Aziz", CLAIM, "2024-03-02", "KST")
    assert _findings(claim, whole) and not _findings(claim, replace(whole, cut=True))
