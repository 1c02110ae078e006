"""The TempEval-3 style timex scorer on hand-made spans (no model)."""

from __future__ import annotations

from onrecord.eval.timex import Timex, score_timexes, timex_report

TEXT = "The talks ended last Friday and resume in two weeks, officials said on Monday."


def span(fragment):
    s = TEXT.index(fragment)
    return (s, s + len(fragment))


def test_relaxed_strict_value_and_type():
    gold = [Timex(span("last Friday"), "DATE", "2020-01-10"),
            Timex(span("two weeks"), "DURATION", "P2W"),
            Timex(span("Monday"), "DATE", "2020-01-13")]
    predicted = [Timex(span("Friday"), "DATE", "2020-01-10"),        # relaxed only, right value
                 Timex(span("in two weeks"), "DATE", "2020-01-28"),  # relaxed, wrong value/type
                 Timex(span("talks"), "DATE", "XXXX")]               # a false positive
    report = timex_report([score_timexes(TEXT, predicted, gold)])
    assert report["relaxed"] == {"p": round(2 / 3, 4), "r": round(2 / 3, 4), "f1": round(2 / 3, 4)}
    assert report["strict"]["p"] == 0.0
    assert report["value_accuracy"] == 0.5
    assert report["value_f1"] == round(0.5 * round(2 / 3, 4), 4)
    assert report["type_accuracy"] == 0.5


def test_one_to_one_prefers_identical_span():
    gold = [Timex(span("last Friday"), "DATE", "2020-01-10")]
    predicted = [Timex(span("Friday"), "DATE", "2020-01-10"),
                 Timex(span("last Friday"), "DATE", "2020-01-10")]
    counts = score_timexes(TEXT, predicted, gold)
    assert (counts.relaxed, counts.strict, counts.predicted) == (1, 1, 2)
