"""The canonical article (../shared/corpus/strike-rationale.txt) read as a careful reader would.

The article is third-party text: it is read from ../shared at test time, never copied here.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.model, pytest.mark.corpus]


@pytest.fixture(scope="module")
def record(canonical_record):
    return canonical_record


def speaker(record, s):
    e = record.entity(s.speaker)
    return e.name if e else None


def said_by(record, name):
    return [s for s in record.statements if speaker(record, s) == name]


def when(record, s):
    t = record.time(s.time)
    return t.value if t else None


def test_site_furniture_removed(record):
    text = record.article.text
    assert text.startswith("WASHINGTON")
    assert "In Other News" not in text and "Load More" not in text
    assert "contributed to this report" not in text


def test_people_are_canonical(record):
    people = {e.name: e for e in record.entities if e.kind == "PERSON"}
    for name in ("Donald Trump", "Mike Pompeo", "William Barr", "Mark Esper", "Gina Haspel",
                 "Qassem Soleimani"):
        assert name in people, sorted(people)
    assert "Secretary of State" in people["Mike Pompeo"].titles
    assert "Defense Secretary" in people["Mark Esper"].titles
    assert "the president" in people["Donald Trump"].aliases
    # the small model tags some "Soleimani"/"Pompeo" mentions GPE: all are linked to the person
    assert len(people["Qassem Soleimani"].mentions) >= 10
    assert len(people["Mike Pompeo"].mentions) == 3
    assert not [e for e in record.entities if e.name in {"Soleimani", "Pompeo"}]
    assert {e.actor for e in record.entities if e.name in {"United States", "American"}} == {"USA"}


def test_named_speakers_quotes(record):
    barr = said_by(record, "William Barr")
    assert sorted(s.kind for s in barr) == ["direct", "indirect"]
    (quote,) = [s for s in barr if s.kind == "direct"]
    assert quote.content.startswith("Our ability to deter attacks")
    # no day in its clause: the day of the occasion the paragraph before names ("on Monday")
    assert quote.time is None and quote.time_defaulted and quote.date == "2020-01-13"
    # Pompeo and Barr "gave voice to the broader rationale on Monday, saying deterrence ..."
    joint = [s for s in record.statements if s.content.startswith("deterrence was a key")]
    assert {speaker(record, s) for s in joint} == {"Mike Pompeo", "William Barr"}
    assert {when(record, s) for s in joint} == {"2020-01-13"}
    pompeo = [s for s in said_by(record, "Mike Pompeo") if s.kind == "direct"]
    assert len(pompeo) == 1 and "re-establishing deterrence" in pompeo[0].content
    assert pompeo[0].content.endswith("Islamic Republic.")  # curly opening, straight closing


def test_trump_fox_news_claim_friday(record):
    (fox,) = [s for s in said_by(record, "Donald Trump") if s.channel == "Fox News"]
    assert "four American embassies" in fox.content
    assert fox.cue == "tell" and when(record, fox) == "2020-01-10"
    assert fox.date == "2020-01-10" and not fox.time_defaulted


def test_esper_no_such_evidence_two_days_later(record):
    (esper,) = [s for s in said_by(record, "Mark Esper") if "no such evidence" in s.content]
    assert esper.sourcing == "named" and when(record, esper) == "2020-01-12"


def test_president_maintained_monday(record):
    (s,) = [s for s in record.statements if "no contradiction" in s.content]
    assert speaker(record, s) == "Donald Trump" and when(record, s) == "2020-01-13"


def test_tweet(record):
    tweets = [s for s in record.statements if s.channel == "tweet"]
    assert len(tweets) == 2
    assert all(speaker(record, s) == "Donald Trump" and s.kind == "direct" for s in tweets)
    assert tweets[0].content.startswith("The Fake News Media")
    assert tweets[1].content.startswith("The answer to both")


def test_mixed_quote_to_reporters_monday(record):
    (s,) = [s for s in record.statements if "20 years ago" in s.content]
    assert s.kind == "mixed" and speaker(record, s) == "Donald Trump"
    assert when(record, s) == "2020-01-13"


def test_anonymous_sourcing(record):
    (acc,) = [s for s in record.statements if s.cue == "according to"]
    assert acc.sourcing == "anonymous"
    assert acc.speaker_text.startswith("three senior administration officials")
    assert "condition of anonymity" in acc.speaker_text
    officials = [s for s in record.statements if s.speaker_text == "the officials"]
    assert len(officials) >= 5 and all(s.sourcing == "anonymous" for s in officials)
    assert any(s.content.startswith("Soleimani, the officials said") or
               s.content.startswith("Soleimani had been") or
               "had been identified as the target" in s.content for s in officials)


def test_esper_quoting_haspel_on_cnn_sunday(record):
    (esper,) = [s for s in said_by(record, "Mark Esper") if s.channel == "CNN"]
    assert when(record, esper) == "2020-01-12"
    (haspel,) = said_by(record, "Gina Haspel")
    assert haspel.nested_in == esper.id
    # when she first said it is not known: the day Esper quoted her, marked as inferred
    assert haspel.date == "2020-01-12" and haspel.time_defaulted
    assert haspel.content.startswith("The risk of inaction")


def test_dates(record):
    values = {(t.text.removeprefix("the "), t.value) for t in record.times}
    for expected in [("Friday", "2020-01-10"), ("Sunday", "2020-01-12"),
                     ("Monday", "2020-01-13"), ("Dec. 27", "2019-12-27"),
                     ("Dec. 29", "2019-12-29"), ("last week", "2020-W02"),
                     ("last year", "2019"), ("September", "2019-09"), ("2007", "2007"),
                     ("1979", "1979"), ("20 years ago", "2000"),
                     ("two days later", "2020-01-12")]:
        assert expected in values, f"{expected} not in {sorted(values)}"
    (ago,) = [t for t in record.times if t.text == "two weeks ago"]
    assert ago.start is not None and ago.start.startswith("2019-12")
