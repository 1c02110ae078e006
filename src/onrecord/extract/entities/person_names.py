"""People's names: one person however written, and what is no name at all.

Pure functions over name strings, shared by extraction (linking mentions inside one article)
and the store (one person across articles):

- :func:`parse_person` reads a name into given names and a family part, accent-folded, without
  leading titles ("Air Force Lieutenant-General", "Crown Prince", "Sen.") or trailing suffixes,
  with given names in one spelling ("Mike" and "Michael", "Aleksandr" and "Alexander"; the
  table is ``data/given_names.txt``) and the family part from its first particle ("Khalid
  bin Salman", "Frans van der Berg"; ``data/name_particles.txt``);
- :func:`same_person` says whether two parsed names can be one person: the same family part,
  and the same first given name or one set of given names inside the other ("Tayyip Erdogan"
  and "Recep Tayyip Erdogan"), so "Mohammed bin Salman" and "Khalid bin Salman" stay two;
- :func:`implausible_name` finds what only looks like a name: words glued together from
  page furniture ("SmithJohn Robert SmithJane Doe") and name sequences written twice.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from onrecord.datafiles import data_lines

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})
_GLUED = re.compile(r"[a-zà-ÿ]{2,}[A-ZÀ-Þ][a-zà-ÿ]")


@functools.lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(w for line in data_lines("person_titles.txt") for w in line.split())


@functools.lru_cache(maxsize=1)
def _particle_table() -> dict[str, frozenset[str]]:
    """Particles by kind: "" (those that begin a family part), "article", "patronymic"."""
    table: dict[str, set[str]] = {"": set(), "article": set(), "patronymic": set()}
    for line in data_lines("name_particles.txt"):
        kind, _, words = line.rpartition(":") if ":" in line else ("", "", line)
        table[kind.strip()].update(words.split())
    table[""].update(table["patronymic"])
    return {k: frozenset(v) for k, v in table.items()}


def name_particles() -> tuple[frozenset[str], frozenset[str]]:
    """(particles that begin a family part, forms of the Arabic article)."""
    table = _particle_table()
    return table[""], table["article"]


def is_patronymic(person: PersonName) -> bool:
    """True for a name whose family part begins with a patronymic ("bin Salman")."""
    return person.family.split(" ", 1)[0] in _particle_table()["patronymic"]


@functools.lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in data_lines("given_names.txt"):
        words = line.split()
        for w in words:
            table.setdefault(w, words[0])
    return table


@functools.lru_cache(maxsize=1)
def _camel_prefixes() -> frozenset[str]:
    return frozenset(w for line in data_lines("name_prefixes.txt") for w in line.split())


# Letters that carry no combining accent to drop: Turkish dotless i, Polish l, Nordic o ...
_PLAIN_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                                "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe",
                                "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"})


def fold(text: str) -> str:
    """Lower case without accents: "Erdoğan" -> "erdogan", "Yıldırım" -> "yildirim"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_words(name: str) -> list[str]:
    """The words of a name, accent-folded and lower-cased, possessive and dots dropped.

    >>> name_words("Gen. Qassem Soleimani's")
    ['gen', 'qassem', 'soleimani']
    """
    name = name.replace("‘", "'").replace("’", "'")
    words = [w.replace(".", "") for w in _WORD.findall(fold(name))]
    return [w[:-2] if w.endswith("'s") else w for w in words if w]


def is_title_word(word: str) -> bool:
    """True for a word of a title written before a name ("sen", "lieutenant-general")."""
    word = fold(word).replace(".", "")
    titles = _titles()
    return word in titles or ("-" in word and all(p in titles for p in word.split("-") if p))


def strip_titles(words: list[str]) -> list[str]:
    """``words`` without leading title words or trailing suffixes (one word is always kept)."""
    while len(words) > 1 and is_title_word(words[0]):
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return words


def is_particle(word: str) -> bool:
    """True for a particle of a name ("bin", "van", "al", "al-Jubeir"'s "al")."""
    particles, article = name_particles()
    low = fold(word)
    return low in particles or low in article or any(low.startswith(a + "-") for a in article)


def is_given_name(word: str) -> bool:
    """True when ``word`` is in the table of given names ("Jordan", "Mike")."""
    return fold(word) in _given_names()


def given_key(word: str) -> str:
    """The one spelling of a given name: "mike" -> "michael", "aleksandr" -> "alexander"."""
    return _given_names().get(word, word)


@dataclass(frozen=True)
class PersonName:
    """A person's name read into parts: given names (one spelling each) and the family part.

    A name of one word, or of a family part only ("bin Salman", "al-Jubeir"), has no given
    names: it is a surname, and may be anyone who has it.
    """

    given: tuple[str, ...]
    family: str

    @property
    def key(self) -> str:
        return " ".join((*self.given, self.family))

    @property
    def families(self) -> tuple[str, ...]:
        """The family part, and for a patronymic followed by a family name ("bin Ahmad
        Khashoggi") also each alone: "Jamal Khashoggi" and "Jamal bin Ahmad Khashoggi" can
        be one person, as can "Tariq bin Nasser" and "Tariq bin Nasser Al Hamdan"."""
        words = self.family.split()
        if len(words) < 3 or not is_patronymic(self):
            return (self.family,)
        return (self.family, " ".join(words[:2]), " ".join(words[2:]))

    @property
    def full(self) -> bool:
        return bool(self.given)


def _without_article(word: str) -> str:
    _particles_set, article = name_particles()
    for a in article:
        if word.startswith(a + "-") and len(word) > len(a) + 2:
            return word[len(a) + 1:]
    return word


def parse_person(name: str) -> PersonName | None:
    """``name`` read as a person's name, or ``None`` when no word of it is left.

    >>> parse_person("Air Force Lieutenant-General Igor Makushev")
    PersonName(given=('igor',), family='makushev')
    >>> parse_person("Crown Prince Mohammad bin Salman").key
    'mohammed bin salman'
    >>> parse_person("Michael R. Pompeo").key == parse_person("Mike Pompeo").key
    True
    """
    particles, article = name_particles()
    words = name_words(name)
    words = strip_titles(words[1:] if len(words) > 1 and words[0] == "the" else words)
    words = [_without_article(w) for w in words if w not in article] or words
    if not words:
        return None
    start = next((i for i in range(1, len(words)) if words[i] in particles), len(words) - 1)
    if words[0] in particles:  # "bin Salman", "van der Berg": a family part alone
        start = 0
    given = [w for w in words[:start] if len(w) > 1] or words[:start]
    return PersonName(tuple(given_key(w) for w in given), " ".join(words[start:]))


def person_key(name: str) -> str:
    """The key of a person written as ``name``: "Sen. Mike Pompeo Jr." -> "michael pompeo"."""
    parsed = parse_person(name)
    return parsed.key if parsed else ""


def same_person(a: PersonName, b: PersonName) -> bool:
    """True when two full names can be one person: a family part in common (see
    :attr:`PersonName.families`), and the same first given name or the given names of one
    inside the other's.

    >>> p = parse_person
    >>> same_person(p("Tayyip Erdogan"), p("Recep Tayyip Erdoğan"))
    True
    >>> same_person(p("Mohammed bin Salman"), p("Khalid bin Salman"))
    False
    >>> same_person(p("Jamal bin Ahmad Khashoggi"), p("Jamal Khashoggi"))
    True
    """
    if not a.full or not b.full or not set(a.families) & set(b.families):
        return False
    if a.given[0] == b.given[0]:
        return True
    ga, gb = set(a.given), set(b.given)
    return ga <= gb or gb <= ga


def display_name(name: str) -> str:
    """A person's name as written, without the titles in front of it.

    >>> display_name("Air Force Lieutenant-General Igor Makushev")
    'Igor Makushev'
    """
    words = name.split()
    while len(words) > 1 and is_title_word(words[0]):
        words = words[1:]
    return " ".join(words)


def written_as_name(text: str) -> bool:
    """True when ``text`` is written as a name: every word capitalised, or a particle
    ("bin", "van"), or an article prefix ("al-Jubeir"), and nothing glued or repeated.

    >>> written_as_name("Adel al-Jubeir"), written_as_name("The President")
    (True, False)
    """
    particles, article = name_particles()
    words = text.split()
    if not words or implausible_name(text):
        return False
    if all(is_title_word(w) or fold(w) == "the" for w in words):
        return False  # "The President", "the Crown Prince": a role, no name
    for w in words:
        low = fold(w)
        if w[:1].isupper() or low in particles or low in article:
            continue
        if any(low.startswith(a + "-") for a in article):
            continue
        return False
    return True


def accents(name: str) -> int:
    """How many letters of ``name`` carry an accent or are no ASCII letter ("Erdoğan": 1)."""
    return sum(1 for c in name if c.isalpha() and not c.isascii())


def richer_spelling(current: str, other: str) -> bool:
    """True when ``other`` writes the same letters as ``current`` with more of its accents
    ("Recep Tayyip Erdoğan" for "Recep Tayyip Erdogan"): the spelling to show."""
    return fold(current) == fold(other) and accents(other) > accents(current)


def glued_word(word: str) -> bool:
    """True when ``word`` is two capitalised words run together ("SmithJohn"), not a name
    with an inner capital ("McCain", "MacArthur", "DeSantis", "O'Neill")."""
    match = _GLUED.search(word)
    if match is None or not word[:1].isupper():
        return False
    head = word[:match.start() + len(match.group()) - 2]
    return fold(head) not in _camel_prefixes()


def implausible_name(name: str) -> bool:
    """True when ``name`` cannot be a person's name as written: a glued word ("President
    SmithJohn Robert SmithJane Doe") or a run of words written twice ("Anna Berg Anna Berg").
    """
    words = name.split()
    if any(glued_word(w) for w in words):
        return True
    low = [fold(w) for w in words]
    for size in range(2, len(low) // 2 + 1):  # one word twice is a name ("Abdullah Abdullah")
        for i in range(len(low) - 2 * size + 1):
            if low[i:i + size] == low[i + size:i + 2 * size]:
                return True
    return False
