"""The day of each statement: its clause's, else one inferred from its context, never null.

The publication date throughout is Tuesday 2020-01-14. Every sentence here is invented.
"""

from __future__ import annotations

from onrecord.models import ArticleRecord, Statement


def by_content(rec: ArticleRecord, words: str) -> Statement:
    found = [s for s in rec.statements if words in s.content]
    assert found, f"no statement with {words!r} in {[s.content for s in rec.statements]}"
    return found[0]


def test_a_statement_in_a_released_statement_takes_its_day(analyse):
    rec = analyse("In a statement released on Monday evening, Ambassador Lena Moravec said the "
                  "reports of a kidnapping were false.")
    s = by_content(rec, "reports of a kidnapping")
    assert s.date == "2020-01-13" and not s.time_defaulted


def test_a_coordinated_cue_shares_the_time_of_the_first_verb(analyse):
    rec = analyse("Consul Omar Haddad opened the mission to reporters on Saturday and said that "
                  "the talk of an abduction was baseless.")
    s = by_content(rec, "talk of an abduction")
    assert s.date == "2020-01-11" and not s.time_defaulted


def test_the_same_speaker_goes_on_with_the_day_just_named(analyse):
    rec = analyse("Defence Minister Karl Brandt said on Sunday that the drill had been cancelled.\n"
                  "Brandt added that no troops would cross the river.")
    s = by_content(rec, "no troops would cross")
    assert s.date == "2020-01-12" and s.time_defaulted


def test_a_lede_takes_the_day_its_body_gives_in_the_week_before_publication(analyse):
    lede = "Defence Minister Karl Brandt denied that the drill had been a rehearsal.\n"
    rec = analyse(lede + "Brandt told reporters on Sunday that the troops were back in barracks.")
    s = by_content(rec, "drill had been a rehearsal")
    assert s.date == "2020-01-12" and s.time_defaulted
    rec = analyse(lede + "Brandt told reporters on Nov. 3 that the troops were back in barracks.")
    s = by_content(rec, "drill had been a rehearsal")
    assert s.date == "2020-01-14" and s.time_defaulted  # Nov. 3 is background, not the news


def test_a_follow_up_in_the_next_paragraph_continues_the_occasion(analyse):
    rec = analyse("The port authority said on Monday that the harbour would stay closed.\n"
                  "Its director, Paula Ruiz, told reporters that divers were still searching "
                  "the wreck.")
    s = by_content(rec, "divers were still searching")
    assert s.date == "2020-01-13" and s.time_defaulted


def test_a_perfect_or_present_cue_takes_no_day_from_others(analyse):
    rec = analyse("The port authority said on Monday that the harbour would stay closed.\n"
                  "Its director said that divers were searching the wreck. Fishermen have long "
                  "said that the channel is too shallow. The union says the closure will cost "
                  "jobs.")
    assert by_content(rec, "divers were searching").date == "2020-01-13"
    assert by_content(rec, "channel is too shallow").date == "2020-01-14"
    assert by_content(rec, "closure will cost jobs").date == "2020-01-14"


def test_a_nested_statement_has_a_date(analyse):
    rec = analyse("The Evening Standard quoted Mayor Tom Okafor as saying, “The ferries will "
                  "run again next week.”")
    nested = [s for s in rec.statements if s.nested_in is not None]
    assert nested, [s.content for s in rec.statements]
    assert all(s.date == "2020-01-14" and s.time_defaulted for s in nested)


def test_a_range_gives_its_last_day(analyse):
    rec = analyse("The health ministry said last week that the clinics would reopen.")
    s = by_content(rec, "clinics would reopen")
    assert s.date == "2020-01-12" and s.time_defaulted  # the Sunday ending last week


def test_a_range_reaching_the_article_gives_its_date(analyse):
    rec = analyse("The health ministry said this week that the clinics would reopen.")
    s = by_content(rec, "clinics would reopen")
    assert s.date == "2020-01-14" and s.time_defaulted


def test_every_statement_has_a_date(analyse):
    rec = analyse("The Evening Standard quoted Mayor Tom Okafor as saying the ferries would run "
                  "again, and the council said in December that the pier was safe. “It is "
                  "safe,” an engineer told the paper.")
    assert rec.statements
    assert [s.date for s in rec.statements if s.date is None] == []


def test_without_a_publication_date_only_the_text_dates(analyse):
    rec = analyse("The council said on Oct. 5, 2019 that the pier was safe.\n"
                  "An engineer said the railings were new.", published=None)
    assert by_content(rec, "pier was safe").date == "2019-10-05"
    assert by_content(rec, "railings were new").date == "2019-10-05"
    rec = analyse("An engineer said the railings were new.", published=None)
    assert by_content(rec, "railings were new").date is None  # no day anywhere
