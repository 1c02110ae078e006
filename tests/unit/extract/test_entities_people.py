"""People inside one article: titles, spellings, patronymics, roles and phantoms
(invented sentences, whole pipeline)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def people(record):
    return {e.name: e for e in record.entities if e.kind == "PERSON"}


def speaker_of(record, words):
    found = [s for s in record.statements if words in s.content]
    assert found, f"no statement with {words!r}: {[s.content for s in record.statements]}"
    s = found[0]
    ent = record.entity(s.speaker) if s.speaker else None
    return (ent.name if ent else None), s.sourcing


def test_a_rank_and_service_are_a_title_not_a_name(analyse):
    text = ('"The distance was five kilometres," said Air Force Lieutenant-General Pavel '
            "Rudenko, according to the ministry. Rudenko added that the radar data would be "
            "published. The talk show host Larry King agreed. Mr. King said the data was "
            "convincing.")
    rec = analyse(text)
    ent = people(rec)["Pavel Rudenko"]
    assert ent.titles == ("Air Force Lieutenant-General",)
    assert not any("General" == e.name for e in rec.entities)
    king = people(rec)["Larry King"]  # "Mr. King": an honorific and a name, not a title
    assert text.index("King said") in [s for s, _ in king.mentions]


def test_a_role_before_the_name_in_apposition_is_one_speaker(analyse):
    text = ("Chinese finance minister Lou Jiwei spoke in Beijing. The finance minister, Lou "
            "Jiwei, suggested that foreign officials should stay calm.")
    rec = analyse(text)
    found = [s for s in rec.statements if "foreign officials" in s.content]
    assert len(found) == 1 and found[0].speaker_text == "The finance minister, Lou Jiwei"


def test_a_given_name_after_a_royal_title_is_the_person_with_the_patronymic(analyse):
    text = ("Prince Faisal bin Nasser, the kingdom's ambassador to Canada, said the talks "
            "would continue. In a statement released on Monday, Prince Faisal said he felt the "
            "need to address the rumours.")
    rec = analyse(text)
    assert [n for n in people(rec)] == ["Faisal bin Nasser"]
    assert speaker_of(rec, "the need to address") == ("Faisal bin Nasser", "named")


def test_a_patronymic_alone_is_the_one_person_with_it(analyse):
    rec = analyse("Crown Prince Tariq bin Nasser opened the port on Sunday. Later bin Nasser "
                  "said the tariffs would fall.")
    assert speaker_of(rec, "the tariffs would fall") == ("Tariq bin Nasser", "named")


def test_spellings_of_one_name_are_one_person(analyse):
    text = ("President Kemal Yıldırım Arslan spoke in Ankara on Monday. Yildirim Arslan said "
            "the pipeline would open, and Arslan added that the price was fair.")
    rec = analyse(text)
    assert list(people(rec)) == ["Kemal Yıldırım Arslan"]
    assert speaker_of(rec, "the pipeline would open") == ("Kemal Yıldırım Arslan", "named")


def test_a_glued_name_run_is_no_person(analyse):
    rec = analyse("President MorrisJohn Robert MorrisJane Ellery responds to the strike. Ellery "
                  "said the union had been unfair to the drivers.")
    assert not any("MorrisJohn" in e.name for e in rec.entities)


def test_a_role_with_its_state_is_the_named_holder(analyse):
    text = ("Foreign Minister Adel Haddad of Jordan met Turkish President Kemal Arslan in "
            "Amman on Monday. Turkey's president said the talks had gone well. Jordan's foreign "
            "minister said that the border crossing would reopen next week.")
    rec = analyse(text)
    assert speaker_of(rec, "the talks had gone well") == ("Kemal Arslan", "named")
    assert speaker_of(rec, "the border crossing would reopen") == ("Adel Haddad", "named")


def test_a_role_of_another_state_names_nobody(analyse):
    text = ("President Lena Varga of Hungary arrived in Vienna on Monday. Austria's president "
            "said the visit would strengthen trade. Hungary's president said that the talks "
            "had been useful.")
    rec = analyse(text)
    assert speaker_of(rec, "the visit would strengthen")[0] is None
    assert speaker_of(rec, "the talks had been useful") == ("Lena Varga", "named")


def test_a_prosecutor_named_once_is_the_prosecutor_of_the_article(analyse):
    text = ("Istanbul chief prosecutor Irfan Demir said the victim had been strangled. Saudi "
            "chief prosecutor Saud al-Rashid disagreed. The Turkish prosecutor also said that "
            "the talks had yielded no results.")
    rec = analyse(text)
    assert speaker_of(rec, "yielded no results") == ("Irfan Demir", "named")


def test_a_holder_named_after_a_place_is_the_speaker_not_an_aide(analyse):
    text = ("Saudi Arabia's ambassador to the U.S. Prince Faisal bin Nasser said he had not met "
            "the writer. An aide to rebel commander Igor Tarasov said the plane was downed.")
    rec = analyse(text)
    assert speaker_of(rec, "he had not met") == ("Faisal bin Nasser", "named")
    assert speaker_of(rec, "the plane was downed")[1] == "anonymous"


def test_an_official_quoted_as_saying_is_the_anonymous_speaker(analyse):
    rec = analyse("Another unnamed official was quoted as saying that the ship was likely sunk "
                  "by a mine.")
    found = [s for s in rec.statements if s.content.startswith("that the ship")]
    assert found and found[0].speaker_text == "Another unnamed official"
    assert found[0].sourcing == "anonymous"


def test_the_office_of_a_title_with_a_state_is_its_holder(analyse):
    rec = analyse("Saudi Crown Prince Tariq bin Nasser opened the port on Sunday. The crown "
                  "prince said the tariffs would fall.")
    assert speaker_of(rec, "the tariffs would fall") == ("Tariq bin Nasser", "named")
