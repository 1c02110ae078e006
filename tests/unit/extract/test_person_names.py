"""People's names read into parts: one person however written, two people kept two, and
what is no name at all (invented names; no model)."""

from __future__ import annotations

import pytest

from onrecord.extract.entities.person_names import (
    display_name,
    glued_word,
    implausible_name,
    parse_person,
    person_key,
    same_person,
    written_as_name,
)


@pytest.mark.parametrize(("a", "b"), [
    ("Mike Dorrance", "Michael Dorrance"),           # nickname
    ("Bill Hartnell", "William Hartnell"),
    ("Aleksandr Volkov", "Alexander Volkov"),         # transliterations
    ("Aleksander Volkov", "Alexander Volkov"),
    ("Mehmet Yıldırım", "Mehmet Yildirim"),           # dotless i
    ("Kerem Özdağ", "Kerem Ozdag"),                   # diacritics
    ("Michael R. Dorrance", "Mike Dorrance"),         # a middle initial
    ("Sen. Lindsay Corbett", "Lindsey Corbett"),      # title, spelling of a given name
    ("Air Force Lieutenant-General Pavel Rudenko", "Pavel Rudenko"),
    ("Crown Prince Tariq bin Nasser", "Tariq bin Nasser"),
    ("Mohammad bin Nasser", "Mohammed bin Nasser"),
    ("Adel al-Haddad", "Adel Haddad"),                # the Arabic article
    ("Dr. Ruth Okafor Jr.", "Ruth Okafor"),
    ("Ruth Okafor‘s", "Ruth Okafor"),                # a possessive with a left quote mark
])
def test_one_person_however_written(a, b):
    assert person_key(a) == person_key(b)


def test_a_shorter_full_name_is_the_same_person():
    full = parse_person("Kemal Yıldırım Arslan")
    assert same_person(parse_person("Yildirim Arslan"), full)
    assert same_person(parse_person("Kemal Arslan"), full)
    # a patronymic between the given name and the family name
    assert same_person(parse_person("Samir bin Yousef Haddad"), parse_person("Samir Haddad"))
    assert not same_person(parse_person("Samir bin Yousef Haddad"),
                           parse_person("Karim Haddad"))


@pytest.mark.parametrize(("a", "b"), [
    ("Tariq bin Nasser", "Faisal bin Nasser"),   # brothers: one patronymic, two people
    ("Mark Esper", "Tom Esper"),
    ("Mark Esper", "Mark Espen"),
])
def test_two_people_stay_two(a, b):
    assert not same_person(parse_person(a), parse_person(b))
    assert person_key(a) != person_key(b)


def test_family_names_alone_are_no_full_names():
    assert parse_person("bin Nasser") == parse_person("Bin Nasser")
    assert not parse_person("bin Nasser").full
    assert parse_person("bin Nasser").family == parse_person("Tariq bin Nasser").family
    assert not parse_person("al-Haddad").full
    assert parse_person("van der Berg").family == "van der berg"


def test_glued_words_and_repeated_names_are_no_names():
    assert glued_word("MorrisJohn")
    assert not glued_word("McAllister") and not glued_word("MacLeod")
    assert not glued_word("DeLuca") and not glued_word("FitzPatrick")
    assert implausible_name("President MorrisJohn Robert MorrisJane Ellery")
    assert implausible_name("Anna Berg Anna Berg")
    assert not implausible_name("Abdullah Abdullah")  # one word twice is a real name
    assert not implausible_name("Boutros Boutros-Ghali")


def test_roles_and_furniture_are_not_written_as_names():
    assert written_as_name("Adel al-Haddad") and written_as_name("Frans van der Berg")
    assert not written_as_name("the president")
    assert not written_as_name("The Crown Prince")
    assert person_key("The President") == "president"  # one word: never a full name
    assert not written_as_name("MorrisJohn Robert MorrisJane Ellery")


def test_display_name_drops_titles_in_front():
    assert display_name("Air Force Lieutenant-General Pavel Rudenko") == "Pavel Rudenko"
    assert display_name("Crown Prince Tariq bin Nasser") == "Tariq bin Nasser"
    assert display_name("Prince") == "Prince"
