"""One person however written across articles, two people kept two, and the repair pass that
re-derives who is who (hand-made records of invented people; no model)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from onrecord.analysis.queries import find_entities, find_statements
from onrecord.store import Corpus

ROOT = Path(__file__).resolve().parents[3]


def _said(build, text, name, published, **kw):
    """An article whose only person is ``name`` (as written in ``text``), saying the rest."""
    start = text.index(name)
    e = build.person("e1", name, (start, start + len(name)), **kw)
    content = text[text.index("said") + 5:-1]
    return build.article(text, published, entities=(e,),
                         statements=(build.said(text, content, e, name, date=published),))


def _people(corpus):
    return sorted(n for (n,) in corpus.query(
        "SELECT name FROM corpus_entities WHERE kind = 'PERSON'"))


def test_nicknames_initials_and_titles_are_one_person(corpus_db, build):
    texts = [("Mike Dorrance said the port would open.", "Mike Dorrance"),
             ("Michael R. Dorrance said the fees would fall.", "Michael R. Dorrance"),
             ("Sen. Michael Dorrance said the vote was close.", "Sen. Michael Dorrance")]
    with Corpus(corpus_db) as corpus:
        for i, (text, name) in enumerate(texts):
            corpus.add(_said(build, text, name, f"2021-05-0{i + 1}"))
        assert _people(corpus) == ["Mike Dorrance"]
        assert len(find_statements(corpus, speaker="Michael Dorrance")) == 3


def test_a_shorter_full_name_joins_the_fuller_one(corpus_db, build):
    with Corpus(corpus_db) as corpus:
        corpus.add(_said(build, "Kemal Yıldırım Arslan said the pipeline would open.",
                         "Kemal Yıldırım Arslan", "2021-05-01"))
        corpus.add(_said(build, "Yildirim Arslan said the price was fair.", "Yildirim Arslan",
                         "2021-05-02"))
        assert _people(corpus) == ["Kemal Yıldırım Arslan"]
        assert len(find_statements(corpus, speaker="Kemal Arslan")) == 2


def test_brothers_of_one_patronymic_stay_two_and_are_found_apart(corpus_db, build):
    with Corpus(corpus_db) as corpus:
        corpus.add(_said(build, "Crown Prince Tariq bin Nasser said the port would open.",
                         "Crown Prince Tariq bin Nasser", "2021-05-01"))
        corpus.add(_said(build, "Prince Faisal bin Nasser said the embassy was closed.",
                         "Faisal bin Nasser", "2021-05-02", titles=("Prince",)))
        corpus.add(_said(build, "Tariq bin Nasser said the fees would fall.",
                         "Tariq bin Nasser", "2021-05-03"))
        assert _people(corpus) == ["Faisal bin Nasser", "Tariq bin Nasser"]
        tariq = find_entities(corpus, "Tariq bin Nasser")
        faisal = find_entities(corpus, "Faisal bin Nasser")
        assert len(tariq) == len(faisal) == 1 and tariq != faisal
        said = find_statements(corpus, speaker="Faisal bin Nasser")
        assert [s["content"] for s in said] == ["the embassy was closed"]
        assert len(find_statements(corpus, speaker="Tariq bin Nasser")) == 2


def test_a_role_written_as_an_alias_never_links_two_people(corpus_db, build):
    first = "Lena Varga said the bridge was safe. The president said more."
    second = "Karel Novak said the dam was safe. The president said more."
    with Corpus(corpus_db) as corpus:
        corpus.add(_said(build, first, "Lena Varga", "2021-05-01", aliases=("The president",)))
        corpus.add(_said(build, second, "Karel Novak", "2021-05-02",
                         aliases=("The president",)))
        assert _people(corpus) == ["Karel Novak", "Lena Varga"]


def test_reindex_joins_spellings_that_came_in_the_wrong_order(corpus_db, build):
    texts = [("Recep Arslan said the pipeline would open.", "Recep Arslan"),
             ("Tayyip Arslan said the price was fair.", "Tayyip Arslan"),
             ("Recep Tayyip Arslan said the talks were over.", "Recep Tayyip Arslan")]
    with Corpus(corpus_db) as corpus:
        for i, (text, name) in enumerate(texts):
            corpus.add(_said(build, text, name, f"2021-05-0{i + 1}"))
        assert len(_people(corpus)) > 1  # at ingest the first two could be two people
        corpus.reindex()
        assert _people(corpus) == ["Recep Tayyip Arslan"]
        assert len(find_statements(corpus, speaker="Tayyip Arslan")) == 3


def test_reindex_splits_a_surname_that_turned_out_to_be_shared(corpus_db, build):
    with Corpus(corpus_db) as corpus:
        corpus.add(_said(build, "Esper said the talks had ended.", "Esper", "2020-01-10"))
        corpus.add(_said(build, "Mark Esper said the base was safe.", "Mark Esper",
                         "2020-01-11"))
        mark = find_entities(corpus, "Mark Esper")
        assert len(find_statements(corpus, speaker="Mark Esper")) == 2  # merged at ingest
        corpus.add(_said(build, "Tom Esper said the vote was close.", "Tom Esper",
                         "2020-01-12"))
        corpus.reindex()
        assert _people(corpus) == ["Esper", "Mark Esper", "Tom Esper"]
        said = find_statements(corpus, speaker="Mark Esper")
        assert [s["content"] for s in said] == ["the base was safe"]
        assert find_entities(corpus, "Mark Esper") == mark


def test_reindex_command_and_phantom_check(tmp_path, build):
    from onrecord.cli.main import app

    db = tmp_path / "people.db"
    glued = "President MorrisJohn Robert MorrisJane Ellery said the strike was unfair."
    with Corpus(db) as corpus:
        corpus.add(_said(build, "Mark Esper said the base was safe.", "Mark Esper",
                         "2020-01-11"))
    script = [sys.executable, str(ROOT / "training" / "check_phantoms.py"), "--db", str(db)]
    clean = subprocess.run(script, capture_output=True, text=True, check=False)
    assert clean.returncode == 0, clean.stdout
    with Corpus(db) as corpus:
        corpus.add(_said(build, glued, "MorrisJohn Robert MorrisJane Ellery", "2020-01-12"))
    found = subprocess.run(script, capture_output=True, text=True, check=False)
    assert found.returncode == 1 and "MorrisJohn" in found.stdout
    result = CliRunner().invoke(app, ["reindex", "--db", str(db)])
    assert result.exit_code == 0
    assert "reindexed 2 articles" in result.output


def test_phantom_check_finds_a_shared_surname_merge_until_reindex(tmp_path, build):
    db = tmp_path / "esper.db"
    with Corpus(db) as corpus:
        corpus.add(_said(build, "Esper said the talks had ended.", "Esper", "2020-01-10"))
        corpus.add(_said(build, "Mark Esper said the base was safe.", "Mark Esper",
                         "2020-01-11"))
        corpus.add(_said(build, "Tom Esper said the vote was close.", "Tom Esper",
                         "2020-01-12"))
    script = [sys.executable, str(ROOT / "training" / "check_phantoms.py"), "--db", str(db)]
    merged = subprocess.run(script, capture_output=True, text=True, check=False)
    assert merged.returncode == 1 and "Mark Esper" in merged.stdout
    with Corpus(db) as corpus:
        corpus.reindex()
    repaired = subprocess.run(script, capture_output=True, text=True, check=False)
    assert repaired.returncode == 0, repaired.stdout


def test_a_role_is_the_person_of_the_article_who_holds_it_in_the_corpus(corpus_db, build):
    from onrecord.models import Statement

    first = "Istanbul chief prosecutor Irfan Demir said the victim was strangled."
    second = ("Turkey's chief prosecutor said the body was moved. Irfan Demir gave no "
              "evidence. Saudi chief prosecutor Saud al-Rashid met him. The prosecutor said "
              "the talks had failed.")
    demir = build.person("e0", "Irfan Demir", (second.index("Irfan"),
                                               second.index("Irfan") + 11))
    rashid = build.person("e1", "Saud al-Rashid", (second.index("Saud "),
                                                   second.index("Saud ") + 14),
                          titles=("Saudi chief prosecutor",))

    def role(text, speaker_text, content):
        s = text.index(content)
        sp = text.index(speaker_text)
        return Statement(f"s{s}", content, (s, s + len(content)), "indirect", "organization",
                         speaker_text=speaker_text, speaker_span=(sp, sp + len(speaker_text)),
                         cue="say")

    with Corpus(corpus_db) as corpus:
        corpus.add(_said(build, first, "Irfan Demir", "2018-10-31",
                         titles=("Istanbul chief prosecutor",)))
        corpus.add(build.article(second, "2018-11-01", entities=(demir, rashid), statements=(
            role(second, "Turkey's chief prosecutor", "the body was moved"),
            role(second, "The prosecutor", "the talks had failed"))))
        said = find_statements(corpus, speaker="Irfan Demir")
        assert [(s["content"], s["sourcing"]) for s in said] == [
            ("the victim was strangled", "named"), ("the body was moved", "named")]
        unsure = [s for s in find_statements(corpus) if s["content"] == "the talks had failed"]
        assert unsure[0]["speaker_id"] is None and unsure[0]["sourcing"] == "organization"


def test_a_person_is_shown_with_the_accents_some_article_wrote(corpus_db, build):
    texts = [("Kemal Yildirim Arslan said the pipeline would open.", "Kemal Yildirim Arslan"),
             ("Kemal Yıldırım Arslan said the price was fair.", "Kemal Yıldırım Arslan"),
             ("Kemal Yildirim Arslan said the talks were over.", "Kemal Yildirim Arslan")]
    with Corpus(corpus_db) as corpus:
        for i, (text, name) in enumerate(texts):
            corpus.add(_said(build, text, name, f"2021-05-0{i + 1}"))
        assert _people(corpus) == ["Kemal Yıldırım Arslan"]
        corpus.reindex()
        assert _people(corpus) == ["Kemal Yıldırım Arslan"]
        assert len(find_statements(corpus, speaker="Kemal Yildirim Arslan")) == 3
