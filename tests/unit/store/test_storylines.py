"""Storylines on both backends: invented stories told by several outlets over several days
each end in one storyline, unrelated ones never share one, a republished copy joins its
original's, and every query keeps to one storyline with ``storyline=`` (no model)."""

from __future__ import annotations

import re

import pytest

from onrecord.errors import QueryError
from onrecord.models import Article, ArticleRecord, Entity, Statement
from onrecord.store import Corpus, storylines

# Three invented stories, each told by different outlets on different days in other words.
# (text, published, outlet, title, [(name, kind, actor code, words it is written with)])
Names = list[tuple[str, str, str | None, tuple[str, ...]]]
FERRY: Names = [("Aldwick", "GPE", None, ("Aldwick",)),
                ("Ruth Okafor", "PERSON", None, ("Ruth Okafor", "Okafor")),
                ("Aldwick Ferry Workers Union", "ORG", None, ("Aldwick Ferry Workers Union",)),
                ("Brell Island", "LOC", None, ("Brell Island",))]
DAM: Names = [("Valmora", "GPE", None, ("Valmora",)),
              ("Tomas Reyvik", "PERSON", None, ("Tomas Reyvik", "Reyvik")),
              ("Valmora Water Authority", "ORG", None, ("Valmora Water Authority",)),
              ("Tarsk", "LOC", None, ("Tarsk",))]
LAUNCH: Names = [("Orvane Space Agency", "ORG", None, ("Orvane Space Agency",)),
                 ("Ilse Marrow", "PERSON", None, ("Ilse Marrow", "Marrow")),
                 ("Sedna Point", "LOC", None, ("Sedna Point",)),
                 ("Norway", "GPE", "NOR", ("Norway", "Norwegian"))]
STORIES = {
    "ferry": [
        ("Ferry workers in Aldwick walked off the job on Monday, halting every crossing to Brell "
         "Island. The Aldwick Ferry Workers Union said the strike would go on until ferry wages "
         "were raised. Mayor Ruth Okafor urged the union to return to wage talks.",
         "2024-05-06", "Harbor Wire", "Aldwick ferry workers strike over wages", FERRY),
        ("The ferry strike in Aldwick entered its third day as stranded passengers queued at "
         "the Brell Island terminal. Okafor said the city could not meet the union's wage "
         "demand, and the Aldwick Ferry Workers Union called the offer an insult.",
         "2024-05-08", "Coastline Daily", "Stranded at Brell Island as ferry strike drags on",
         FERRY),
        ("Crossings to Brell Island resumed on Saturday after the Aldwick Ferry Workers Union "
         "accepted a new wage offer, Ruth Okafor announced. Ferry crews returned to the "
         "harbour at dawn and the first boat left Aldwick at seven.",
         "2024-05-11", "The Meridian Post", "Aldwick ferries sail again after wage deal", FERRY),
    ],
    "dam": [
        ("Engineers at the Tarsk dam in Valmora opened the floodgates after a week of heavy "
         "rain. The Valmora Water Authority said the reservoir stood at a record level, and "
         "engineer Tomas Reyvik warned that villages below the dam could flood.",
         "2024-09-02", "Eastgate Radio News", "Tarsk dam floodgates opened", DAM),
        ("Villages below the Tarsk dam were evacuated overnight as the reservoir kept rising. "
         "Reyvik told reporters the spillway was holding, while the Valmora Water Authority "
         "asked residents to stay away from the river banks.",
         "2024-09-03", "Northern Ledger", "Valmora evacuates villages below Tarsk dam", DAM),
        ("Floodwater from the Tarsk reservoir receded on Friday and evacuated families began "
         "returning to their villages. The Valmora Water Authority promised an inquiry into "
         "the spillway, which Tomas Reyvik said had been neglected for years.",
         "2024-09-06", "Capital Courier", "Tarsk floodwater recedes; inquiry into spillway",
         DAM),
        ("An inquiry into the Tarsk spillway opened in Valmora, where engineer Tomas Reyvik "
         "testified that warnings about the dam had been ignored by the Valmora Water Authority.",
         "2024-10-14", "Island Times", "Tarsk dam inquiry hears of ignored warnings", DAM),
    ],
    "launch": [
        ("The Orvane Space Agency postponed the launch of its weather satellite from Sedna "
         "Point after a fuel valve failed a test. Mission director Ilse Marrow said the rocket "
         "would be rolled back to the hangar, and a Norwegian tracking station stood down.",
         "2024-05-07", "Gulf Observer", "Satellite launch from Sedna Point postponed", LAUNCH),
        ("Technicians at Sedna Point replaced the faulty fuel valve, and the Orvane Space Agency "
         "set a new launch window for the satellite next week. Marrow said Norway's tracking "
         "station would again follow the rocket's ascent.",
         "2024-05-09", "Harbor Wire", "New launch window for Orvane satellite", LAUNCH),
        ("The weather satellite lifted off from Sedna Point on Tuesday and reached orbit, the "
         "Orvane Space Agency said. Ilse Marrow thanked the crews, and Norway's tracking "
         "station confirmed the satellite's first signals.",
         "2024-05-14", "Coastline Daily", "Orvane satellite reaches orbit", LAUNCH),
    ],
}


def story_record(text: str, published: str, outlet: str, title: str,
                 names: Names) -> ArticleRecord:
    """A hand-made record of an invented article, its entities found where they are written,
    and one statement by its person."""
    entities = []
    for n, (name, kind, actor, written) in enumerate(names):
        spans = sorted({(m.start(), m.end()) for w in written
                        for m in re.finditer(re.escape(w), text)})
        if spans:
            entities.append(Entity(f"e{n}", name, kind, tuple(spans), actor=actor))
    person = next(e for e in entities if e.kind == "PERSON")
    start, end = person.mentions[0]
    content = text.split(". ")[0]
    statement = Statement(f"s{start}", content, (0, len(content)), "indirect", "named",
                          speaker=person.id, speaker_text=text[start:end],
                          speaker_span=(start, end), cue="say", date=published)
    article = Article.create(text, title=title, source=outlet, published=published,
                             origin=f"{outlet}-{published}.txt",
                             url=f"https://example.org/{outlet}/{published}")
    return ArticleRecord(article, tuple(entities), (statement,))


def ingest_interleaved(corpus: Corpus) -> dict[str, list[str]]:
    """The stories' articles stored in date order, stories interleaved: story -> ids."""
    items = sorted(((a[1], story, story_record(*a)) for story, articles in STORIES.items()
                    for a in articles), key=lambda item: (item[0], item[1]))
    ids: dict[str, list[str]] = {}
    for _, story, record in items:
        assert corpus.add(record)
        ids.setdefault(story, []).append(record.article.id)
    return ids


def storyline_of(corpus: Corpus) -> dict[str, str]:
    return {str(a): str(s) for a, s in corpus.query("SELECT id, storyline_id FROM articles")}


def test_each_invented_story_is_one_storyline_and_stories_never_share_one(corpus_db):
    with Corpus(corpus_db) as corpus:
        ids = ingest_interleaved(corpus)
        of = storyline_of(corpus)
        per_story = {story: {of[i] for i in members} for story, members in ids.items()}
        assert len(ids) == 3 and all(len(members) >= 3 for members in ids.values())
        for story, found in per_story.items():
            assert len(found) == 1, f"{story} split over {found}"
        assert len(set().union(*per_story.values())) == 3  # never shared
        # a storyline's id is its first article's, and its dates span its articles
        assert per_story["dam"] == {ids["dam"][0]}
        rows = corpus.query("SELECT articles, first, last FROM storylines WHERE id = ?",
                            (ids["dam"][0],))
        assert rows == [(4, "2024-09-02", "2024-10-14")]


def test_the_listing_labels_filters_and_reads_one_storyline(corpus_db):
    from onrecord.analysis.storylines import articles_of_storyline, list_storylines, storyline

    with Corpus(corpus_db) as corpus:
        ids = ingest_interleaved(corpus)
        listed = list_storylines(corpus)
        assert [s.articles for s in listed] == [4, 3, 3]
        dam = listed[0]
        assert dam.id == ids["dam"][0] and dam.first == "2024-09-02"
        assert "Tomas Reyvik" in dam.actors and "spillway" in dam.terms
        assert "tarsk" not in dam.terms  # a named thing is not a term too
        assert " - " in dam.label and ":" in dam.label
        assert set(dam.outlets) == {"Eastgate Radio News", "Northern Ledger",
                                    "Capital Courier", "Island Times"}
        norway = list_storylines(corpus, actor="NOR")
        assert [s.id for s in norway] == [ids["launch"][0]]
        assert norway[0].label.startswith("Norway - ")  # a state comes first
        assert [s.id for s in list_storylines(corpus, actor="Okafor")] == [ids["ferry"][0]]
        assert [s.id for s in list_storylines(corpus, since="2024-09")] == [ids["dam"][0]]
        assert {s.id for s in list_storylines(corpus, until="2024-05-06")} == {ids["ferry"][0]}
        assert storyline(corpus, ids["ferry"][0][:8]).id == ids["ferry"][0]
        listed_articles = articles_of_storyline(corpus, ids["ferry"][0])
        assert [a["id"] for a in listed_articles] == ids["ferry"]
        for bad in ("nonexistent", "'; DROP TABLE storylines; --", "%", ids["dam"][0][:5]):
            with pytest.raises(QueryError):
                storyline(corpus, bad)


def test_queries_keep_to_one_storyline(corpus_db):
    from onrecord.analysis.queries import find_statements, list_speakers
    from onrecord.analysis.sourcing import sourcing_shares
    from onrecord.analysis.timeline import build_timeline

    with Corpus(corpus_db) as corpus:
        ids = ingest_interleaved(corpus)
        ferry = ids["ferry"][0]
        said = find_statements(corpus, storyline=ferry)
        assert sorted(s["article_id"] for s in said) == sorted(ids["ferry"])
        assert len(find_statements(corpus)) == 10
        speakers = list_speakers(corpus, storyline=ferry)
        assert [s["speaker"] for s in speakers] == ["Ruth Okafor"]
        assert speakers[0]["statements"] == 3
        outlets = {r["outlet"] for r in sourcing_shares(corpus, "outlet", storyline=ferry)}
        assert outlets == {"Harbor Wire", "Coastline Daily", "The Meridian Post"}
        by_article = sourcing_shares(corpus, "article", storyline=ids["launch"][0])
        assert sorted(r["article_id"] for r in by_article) == sorted(ids["launch"])
        timeline = build_timeline(corpus, storyline=ferry[:10])
        assert {t["article_id"] for t in timeline} == set(ids["ferry"])
        with pytest.raises(QueryError):
            find_statements(corpus, storyline="0000000000")


def test_a_republished_copy_joins_its_originals_storyline(corpus_db):
    with Corpus(corpus_db) as corpus:
        ids = ingest_interleaved(corpus)
        text, _, _, title, names = STORIES["launch"][0]
        copy = story_record(text + " (Wire copy)", "2024-09-20", "City Paper", title, names)
        corpus.add(copy)
        story, storyline = corpus.query("SELECT story_id, storyline_id FROM articles"
                                        " WHERE id = ?", (copy.article.id,))[0]
        assert story == ids["launch"][0] and storyline == ids["launch"][0]
        rows = corpus.query("SELECT articles, profiled, last FROM storylines WHERE id = ?",
                            (storyline,))
        assert rows == [(4, 3, "2024-09-20")]


def test_reindex_regroups_the_same_way(corpus_db):
    with Corpus(corpus_db) as corpus:
        ids = ingest_interleaved(corpus)
        before = storyline_of(corpus)
        corpus.reindex()
        assert storyline_of(corpus) == before
        assert len(set(before.values())) == len(ids)


# -- the pure parts ---------------------------------------------------------------------------
def test_features_weigh_named_things_and_leave_out_news_words():
    text, published, outlet, title, names = STORIES["ferry"][0]
    features = storylines.article_features(story_record(text, published, outlet, title, names),
                                           {})
    assert "person:okafor" in features and "term:ferry" in features
    assert not {"term:said", "term:monday", "term:would"} & set(features)
    assert features["term:ferry"][0] > features["term:crossing"][0]  # in the title, twice


def test_similarity_decays_with_the_gap_in_dates_and_ties_are_deterministic():
    vector = {"a": 0.6, "b": 0.8}
    centroid = storylines.Candidate({"a": 0.6, "b": 0.8}, 1.0, "2024-01-01", "2024-01-31", 1)
    assert storylines.best_storyline(vector, "2024-01-15", {"x": centroid}) == ("x", 1.0)
    gap = storylines.DECAY_DAYS
    later = storylines.decayed(1.0, f"{2024 + gap // 365}-01-31", "2024-01-01", "2024-01-31")
    assert later == pytest.approx(0.5, abs=0.01)
    assert storylines.best_storyline({"c": 1.0}, None, {"x": centroid}) is None
    assert storylines.best_storyline(vector, None, {"y": centroid, "x": centroid})[0] == "x"
    bigger = centroid._replace(articles=5)
    assert storylines.surviving(["x", "y"], {"x": centroid, "y": bigger}) == "y"


def test_an_article_that_bridges_two_storylines_merges_them_and_old_ids_still_work(corpus_db):
    from onrecord.analysis.queries import find_storyline

    dam = [story_record(*a) for a in STORIES["dam"]]
    with Corpus(corpus_db) as corpus, pytest.MonkeyPatch.context() as m:
        m.setattr(storylines, "SAME_STORYLINE", 0.99)  # nothing joins: two storylines
        corpus.add(dam[0])
        corpus.add(dam[1])
        assert len({s for (s,) in corpus.query("SELECT storyline_id FROM articles")}) == 2
        m.setattr(storylines, "SAME_STORYLINE", 0.05)  # the third is like both: one
        corpus.add(dam[2])
        rows = corpus.query("SELECT DISTINCT storyline_id FROM articles")
        assert len(rows) == 1
        (kept,) = rows[0]
        merged = ({dam[0].article.id, dam[1].article.id} - {kept}).pop()
        assert corpus.query("SELECT articles, profiled FROM storylines") == [(3, 3)]
        assert find_storyline(corpus, merged) == kept == find_storyline(corpus, merged[:8])
        # its profile is the sum of its articles' vectors: its squared length agrees
        weights = [w for (w,) in corpus.query("SELECT weight FROM storyline_features")]
        norm2 = corpus.query("SELECT norm2 FROM storylines")[0][0]
        assert sum(w * w for w in weights) == pytest.approx(norm2)


def test_a_label_names_two_actors_states_first_and_one_form_of_each_term():
    label = storylines.label_of(["Kenya", "Tanzania", "Uganda"], ["Ruth Okafor"],
                                ["embassy", "embassies", "bombings", "blast"])
    assert label == "Kenya - Tanzania: embassy bombings blast"
    assert storylines.label_of([], ["Ruth Okafor"], ["ferries"]) == "Ruth Okafor: ferries"
    assert storylines.label_of([], [], []) == "(no label)"


def test_a_writer_whose_storyline_was_merged_meanwhile_joins_the_survivor(corpus_db):
    """The guard for concurrent writers, played in sequence: writer 1 merges storyline A into
    B while writer 2, which chose A before, then merges A too (nothing left to do) and counts
    its article into A (it lands in B, which A now names)."""
    dam = [story_record(*a) for a in STORIES["dam"]]
    with Corpus(corpus_db) as corpus, pytest.MonkeyPatch.context() as m:
        m.setattr(storylines, "SAME_STORYLINE", 0.99)  # nothing joins: two storylines
        corpus.add(dam[0])
        corpus.add(dam[1])
        corpus.add(dam[2], derive=False)  # writer 2's article: stored, not yet counted
        a, b = dam[0].article.id, dam[1].article.id
        derivation, backend = corpus._derivation, corpus._b
        with backend.transaction():
            derivation._merge_storyline(a, b)  # writer 1
        before = corpus.query("SELECT id, articles, profiled, norm2 FROM storylines")
        assert [row[:3] for row in before] == [(b, 2, 2)]
        with backend.transaction():
            derivation._merge_storyline(a, b)  # writer 2: A is gone, nothing happens
        assert corpus.query("SELECT id, articles, profiled, norm2 FROM storylines") == before
        with backend.transaction():
            joined = derivation._join_storyline(a, dam[2].article.id, "2024-09-06", 1.0,
                                                profiled=True)
        assert joined == b
        assert corpus.query("SELECT articles, profiled, first, last FROM storylines") == [
            (3, 3, "2024-09-02", "2024-09-06")]
        assert corpus.query("SELECT storyline_id FROM articles WHERE id = ?",
                            (dam[2].article.id,)) == [(b,)]
