"""One side through several people: a government's account that changes over weeks is a shift
of that side; two of its officials at odds within days contradict each other; different sides
contradict each other as before. Hand-built statements, no model, no store."""

from __future__ import annotations

from onrecord.analysis.consistency import Side, find_findings

# a corpus holds many statements on other matters, so the matter's words are rare in it
_PLACES = ["harbour", "museum", "bakery", "stadium", "archive", "orchestra", "library", "bridge"]
_ACTS = ["reopen", "repaint", "expand", "insure", "relocate", "renovate"]
FILLER = [f"the {place} would {act} before the {month} fair" for place in _PLACES
          for act in _ACTS for month in ("spring",)]


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
    found = _findings(_side(1, "Consul Rami Aziz", DENIAL, "2024-03-02", "KST"),
                      _side(2, "Minister Sami Dahl", CLAIM, "2024-03-04", "KST"))
    assert found == [("contradiction", "Consul Rami Aziz", "Minister Sami Dahl")]


def test_two_sides_weeks_apart_still_contradict_each_other():
    found = _findings(_side(1, "Consul Rami Aziz", DENIAL, "2024-03-02", "KST"),
                      _side(2, "Minister Ola Berg", CLAIM, "2024-03-20", "VAL"))
    assert found == [("contradiction", "Consul Rami Aziz", "Minister Ola Berg")]
    # with no side known, people are compared by name, as before
    found = _findings(_side(1, "Consul Rami Aziz", DENIAL, "2024-03-02", None),
                      _side(2, "Minister Sami Dahl", CLAIM, "2024-03-20", None))
    assert found == [("contradiction", "Consul Rami Aziz", "Minister Sami Dahl")]
