"""Contradictions and shifts found across stored articles (hand-built records, no model)."""

from __future__ import annotations

from onrecord.analysis.disputes import find_contradictions
from onrecord.models import Entity
from onrecord.store import Corpus

MAYOR = ("Mayor Lena Brandt said on Monday that the water in the reservoir was safe to drink "
         "and that the plant had passed every test.")
ENGINEER = ("Chief engineer Tomas Ruiz said the water in the reservoir was not safe to drink "
            "until the filters were replaced.")
MAYOR_LATER = ("Mayor Lena Brandt, who had insisted the water was safe, conceded on Thursday "
               "that the water in the reservoir was unsafe to drink for young children.")
OTHER_NEWS = [  # a corpus holds many statements on other matters
    ("Baker Ana Lind said her shop would open an hour early on market days.", "Ana Lind"),
    ("Coach Piet Vos said the team would train indoors during the storm.", "Piet Vos"),
    ("Librarian Mia Sol said the archive would digitise its maps by autumn.", "Mia Sol"),
    ("Captain Ivo Berg said the ferry would resume its evening crossings.", "Ivo Berg"),
]


def _record(build, text, name, content, published, cue="say"):
    start = text.index(name)
    who = build.person("e" + str(start), name, (start, start + len(name)))
    places = ()
    if "reservoir" in text:  # the water stories name the same places
        at = text.index("reservoir")
        places = (Entity("g1", "Orm Reservoir", "FAC", ((at, at + 9),)),
                  Entity("g2", "Orm", "GPE", ((at, at + 9),)))
    return build.article(text, published, entities=(who, *places),
                         statements=(build.said(text, content, who, name, cue=cue,
                                                date=published),))


def _store(corpus_db, build):
    corpus = Corpus(corpus_db)
    corpus.add(_record(build, MAYOR, "Lena Brandt",
                       "that the water in the reservoir was safe to drink and that the plant "
                       "had passed every test", "2024-06-03"))
    corpus.add(_record(build, ENGINEER, "Tomas Ruiz",
                       "the water in the reservoir was not safe to drink until the filters "
                       "were replaced", "2024-06-04"))
    corpus.add(_record(build, MAYOR_LATER, "Lena Brandt",
                       "that the water in the reservoir was unsafe to drink for young children",
                       "2024-06-06", cue="concede"))
    for text, name in OTHER_NEWS:
        content = text[text.index(" said ") + 6:-1]
        corpus.add(_record(build, text, name, content, "2024-06-04"))
    return corpus


def test_a_contradiction_between_two_speakers(corpus_db, build):
    with _store(corpus_db, build) as corpus:
        found = find_contradictions(corpus, kind="contradiction")
        pairs = {(f.a.speaker, f.b.speaker) for f in found}
        assert ("Lena Brandt", "Tomas Ruiz") in pairs
        first = next(f for f in found if (f.a.speaker, f.b.speaker) == ("Lena Brandt",
                                                                         "Tomas Ruiz"))
        assert first.a.date == "2024-06-03" and first.b.date == "2024-06-04"
        assert any(e.startswith("opposite polarity") for e in first.evidence)
        assert 0.5 <= first.score <= 1.0
        assert all("Ana Lind" not in (f.a.speaker, f.b.speaker) for f in found)


def test_one_speaker_shifting_across_days(corpus_db, build):
    with _store(corpus_db, build) as corpus:
        shifts = find_contradictions(corpus, kind="shift")
        assert [(f.a.speaker, f.a.date, f.b.date) for f in shifts] == [
            ("Lena Brandt", "2024-06-03", "2024-06-06")]
        assert any("conceded" in e for e in shifts[0].evidence)


def test_filters_by_speaker_and_date(corpus_db, build):
    with _store(corpus_db, build) as corpus:
        assert find_contradictions(corpus, speaker="Ruiz")
        assert all("Tomas Ruiz" in (f.a.speaker, f.b.speaker)
                   for f in find_contradictions(corpus, speaker="Ruiz"))
        assert not find_contradictions(corpus, since="2024-06-05")  # one statement left


def test_a_denial_in_the_claims_own_words_is_no_repetition(corpus_db, build):
    """"Not" is no content term: "was not safe" has the terms of "was safe", and is its
    opposite, not the same words again."""
    claim = "Mayor Lena Brandt said the water in the reservoir was safe to drink."
    denial = "Engineer Tomas Ruiz said the water in the reservoir was not safe to drink."
    with Corpus(corpus_db) as corpus:
        corpus.add(_record(build, claim, "Lena Brandt", "the water in the reservoir was safe to "
                           "drink", "2024-06-03"))
        corpus.add(_record(build, denial, "Tomas Ruiz", "the water in the reservoir was not "
                           "safe to drink", "2024-06-04"))
        for text, name in OTHER_NEWS:
            corpus.add(_record(build, text, name, text[text.index(" said ") + 6:-1],
                               "2024-06-04"))
        found = find_contradictions(corpus)
    assert [(f.kind, f.a.speaker, f.b.speaker) for f in found] == [
        ("contradiction", "Lena Brandt", "Tomas Ruiz")]


def test_a_statement_running_to_the_end_of_a_cut_excerpt_is_marked_cut(corpus_db, build):
    """An excerpt that stops mid-sentence cuts the statement that runs to its end; one that
    ends its sentence does not."""
    from onrecord.analysis.consistency import load_sides

    cut_text = "Chief engineer Tomas Ruiz said the water in the reservoir was not safe to dri"
    whole_text = ("At a hearing on Friday, plant manager Tomas Ruiz said the filters had failed "
                  "twice this month.")
    with Corpus(corpus_db) as corpus:
        for text, date in ((cut_text, "2024-06-04"), (whole_text, "2024-06-05")):
            content = text[text.index(" said ") + 6:].rstrip(".")
            corpus.add(_record(build, text, "Tomas Ruiz", content, date))
        sides = sorted(load_sides(corpus), key=lambda s: s.date or "")
        assert [(s.date, s.cut) for s in sides] == [("2024-06-04", True), ("2024-06-05", False)]
