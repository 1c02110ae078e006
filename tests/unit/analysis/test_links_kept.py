"""Kept links: disputes are computed once per corpus state and read back by every later query."""

from __future__ import annotations

import pytest

from onrecord.analysis import links
from onrecord.analysis.disputes import find_contradictions, find_disputes
from onrecord.models import Entity
from onrecord.store import Corpus, kept

BRANDT = "Mayor Lena Brandt said the water in the reservoir was safe to drink."
RUIZ = "Engineer Tomas Ruiz said the water in the reservoir was not safe to drink."
BRANDT_LATER = ("Mayor Lena Brandt conceded on Thursday that the water in the reservoir was "
                "unsafe to drink.")
OTHERS = ("Baker Ana Lind said her shop would open an hour early on market days.",
          "Coach Piet Vos said the team would train indoors during the storm.",
          "Captain Ivo Berg said the ferry would resume its evening crossings.")


def _record(build, text, name, content, published, cue="say"):
    start = text.index(name)
    who = build.person("e" + str(start), name, (start, start + len(name)))
    places = ()
    if "reservoir" in text:  # the water stories name the same two places
        at = text.index("reservoir")
        places = (Entity("g1", "Orm Reservoir", "FAC", ((at, at + 9),)),
                  Entity("g2", "Orm", "GPE", ((at, at + 9),)))
    return build.article(text, published, entities=(who, *places), statements=(
        build.said(text, content, who, name, cue=cue, date=published),))


def _said(text):
    return text[text.index(" said ") + 6:-1] if " said " in text else text


def _store(corpus_db, build):
    """A corpus where Ruiz contradicts Brandt, and Brandt's account shifts."""
    corpus = Corpus(corpus_db)
    corpus.add(_record(build, BRANDT, "Lena Brandt", _said(BRANDT), "2024-06-03"))
    corpus.add(_record(build, RUIZ, "Tomas Ruiz", _said(RUIZ), "2024-06-04"))
    corpus.add(_record(build, BRANDT_LATER, "Lena Brandt",
                       "that the water in the reservoir was unsafe to drink", "2024-06-06",
                       cue="concede"))
    for text in OTHERS:
        name = " ".join(text.split()[1:3])
        corpus.add(_record(build, text, name, _said(text), "2024-06-04"))
    return corpus


def _forbid_computing(monkeypatch):
    """From here on, a query that compares statements again fails the test."""
    def computed(*args, **kwargs):
        raise AssertionError("the links were computed again instead of read back")
    monkeypatch.setattr(links, "_find_findings", computed)
    links._CACHE.clear()


def _state(findings):
    return [(f.to_state(0, 1), f.a.to_state(), f.b.to_state()) for f in findings]


def test_a_finding_reads_back_from_its_state_exactly(corpus_db, build):
    with _store(corpus_db, build) as corpus:
        found = links.keep_findings(corpus)
        links._CACHE.clear()
        again = links.keep_findings(corpus)  # read back from the kept tables
        statements = corpus.query("SELECT count(*) FROM kept_statements")[0][0]
    assert found, "the store holds a contradiction and a shift"
    assert again == found
    assert _state(again) == _state(found)  # sides' context, lead, side and stance too
    # a statement in two links is kept once
    assert statements == len({(s.article_id, s.statement_id) for f in found for s in (f.a, f.b)})
    assert statements < 2 * len(found)


def test_another_connection_reads_the_kept_links_without_computing(corpus_db, build,
                                                                   monkeypatch):
    with _store(corpus_db, build) as corpus:
        links._CACHE.clear()
        disputes = find_disputes(corpus)
        pairs = find_contradictions(corpus)
    assert disputes and pairs
    _forbid_computing(monkeypatch)
    with Corpus(corpus_db) as corpus:
        assert [d.to_json() for d in find_disputes(corpus)] == [d.to_json() for d in disputes]
        assert _state(find_contradictions(corpus)) == _state(pairs)
        # a speaker's links are those of the whole corpus that involve them
        ruiz = find_contradictions(corpus, speaker="Tomas Ruiz")
        assert ruiz
        assert _state(ruiz) == _state([f for f in pairs if "Tomas Ruiz" in (f.a.speaker,
                                                                            f.b.speaker)])


def test_storing_an_article_forgets_the_kept_links(corpus_db, build):
    with _store(corpus_db, build) as corpus:
        links.keep_findings(corpus)
        key = links.kept_key(0.5, False)
        assert kept.kept(corpus, key, kept.corpus_version(corpus)) is not None
        text = "Engineer Tomas Ruiz said on Friday the water in the reservoir was safe again."
        corpus.add(_record(build, text, "Tomas Ruiz", "the water in the reservoir was safe again",
                           "2024-06-07"))
        assert kept.kept(corpus, key, kept.corpus_version(corpus)) is None
        links.keep_findings(corpus)
        corpus.reindex()  # re-derived speakers and sides may change the links
        assert kept.kept(corpus, key, kept.corpus_version(corpus)) is None


def test_links_kept_for_another_state_or_detector_are_not_served(corpus_db, build,
                                                                 monkeypatch):
    with _store(corpus_db, build) as corpus:
        found = links.keep_findings(corpus)
        key = links.kept_key(0.5, False)
        # links kept by a process that read the corpus before another one stored an article
        assert kept.kept(corpus, key, "0|2000-01-01T00:00:00+00:00") is None
        links.detector_fingerprint.cache_clear()
        try:
            with monkeypatch.context() as m:
                m.setattr(links, "DETECTOR", (*links.DETECTOR, "analysis/disputes.py"))
                assert links.kept_key(0.5, False) != key  # changed code: a new key
        finally:
            links.detector_fingerprint.cache_clear()
        assert links.kept_key(0.5, False) == key
        assert _state(links.keep_findings(corpus)) == _state(found)


@pytest.mark.parametrize("corpus_db", ["sqlite"], indirect=True)
def test_failing_to_keep_the_links_still_answers(corpus_db, build, monkeypatch):
    from onrecord.errors import StoreError

    def refuse(self, key, version, statements, links):
        raise StoreError("cannot keep findings in test: read-only")

    monkeypatch.setattr(Corpus, "keep_findings", refuse)
    with _store(corpus_db, build) as corpus:
        links._CACHE.clear()
        with pytest.warns(UserWarning, match="computed but not kept"):
            assert find_contradictions(corpus)
