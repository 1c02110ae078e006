"""Signals that two statements on the same matter disagree, as pure functions over text.

Used by :mod:`onrecord.analysis.consistency`. Each signal returns evidence strings a reader can
check against the two statements: a negation on one side only, a denial cue, an antonymous pair
of words, conflicting numbers, or an anaphoric rebuttal ("she had seen no such report").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from onrecord.datafiles import data_json, data_lines, data_sections
from onrecord.extract.entities.person_names import name_particles

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")

_LISTS = data_sections("opposition.txt")  # the word lists below, one [list] each


def _words(key: str) -> frozenset[str]:
    """The words of one [list] of ``data/opposition.txt``."""
    return frozenset(" ".join(_LISTS[key]).split())


STOPWORDS = _words("stopwords")
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")
REPORTED = re.compile(r"\b(says|said|say|told|tells|claims|claimed|called it|were told|was told|"
                      r"according to)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _name_particle() -> re.Pattern[str]:
    """A lower-case particle between two capitalised words: part of a name ("Mohammed bin
    Salman", "Frans van der Berg"), no common word (the particles of person_names)."""
    particles, article = name_particles()
    words = sorted(particles | article)
    return re.compile(rf"\b([A-Z][\w’'.-]*)(?: +(?:{'|'.join(words)}))+(?= +[A-Z])")


@lru_cache(maxsize=65536)
def common_terms(text: str) -> frozenset[str]:
    """Content terms written in lower case: common words, not names ("Greek", "Ankara", the
    "bin" of "Mohammed bin Salman")."""
    return terms(_CAPITALISED.sub(" ", _name_particle().sub(r"\1", text)))


def reports_others(content: str) -> bool:
    """True when a statement's content opens by reporting what someone said ("Turkey says
    ...", "we were told it was an accident"): it is not the speaker's own claim."""
    head = " ".join(content.split()[:6])
    return REPORTED.search(head) is not None

NEGATIONS = _words("negations")
DENIAL_CUES = frozenset(_LISTS["denial_cues"])  # one a line: "push back" is one cue
REBUTTAL = re.compile(
    r"\b(no such|no evidence|not true|untrue|false|nothing of the (?:kind|sort)|not the case|"
    r"never (?:said|happened)|no (?:basis|truth|indication|sign)|not aware)\b", re.IGNORECASE)


def _pairs(lines: list[str]) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    pairs = []
    for line in lines:
        left, bar, right = line.partition("|")
        if not bar or not left.split() or not right.split():
            raise ValueError(f"antonyms.txt: expected 'left words | right words': {line!r}")
        pairs.append((frozenset(left.split()), frozenset(right.split())))
    return tuple(pairs)


ANTONYMS = _pairs(data_lines("antonyms.txt"))
"""Pairs of word lists whose presence on opposite sides signals opposed accounts."""

_NUMBER_WORDS = {word: int(n) for word, n in map(str.split, _LISTS["number_words"])}


def words(text: str) -> list[str]:
    """Lower-cased word tokens, with "n't" split off as its own word."""
    out = []
    for w in _WORD.findall(text.lower().replace("’", "'")):
        if w.endswith("n't"):
            out += [w[:-3] or w, "n't"]
        else:
            out.append(w)
    return out


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude suffix-stripping stem, enough to match "strikes"/"strike", "denied"/"deny"."""
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""),
                         ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: len(word) - len(suffix)] + repl
    return word


@lru_cache(maxsize=65536)
def terms(text: str) -> frozenset[str]:
    """The content terms of a text: stems of non-stopwords of three letters or more."""
    return frozenset(stem(w) for w in words(text)
                     if w not in STOPWORDS and (len(w) >= 3 or w.isdigit()) and w != "n't")


def is_negated(text: str) -> bool:
    ws = words(text)
    return any(w in NEGATIONS for w in ws) and "not only" not in " ".join(ws)


_STANCE = data_json("stance.json")
_OPEN_AFTER = frozenset(_STANCE["open_words"])  # "whether", "if", "who" ...
_UNCERTAIN = frozenset(_STANCE["sure_adjectives"]) | {"known", "immediately", "yet"}
PROPOSITION_NOUNS = frozenset(_STANCE["proposition_nouns"])
"""Nouns that name an account ("the allegations", "Russia's claims")."""


def _negator(ws: list[str], i: int) -> bool:
    """Whether ``ws[i]`` negates what follows it: not "not only", not "whether or not", not
    the "not clear if" of an open question (what follows is asked, not denied)."""
    if ws[i] not in NEGATIONS:
        return False
    if ws[i] == "not" and (ws[i + 1:i + 2] == ["only"] or ws[max(i - 2, 0):i] == ["whether", "or"]
                           or ws[i - 1:i] == ["or"] and "whether" in ws[max(i - 12, 0):i]):
        return False
    after = ws[i + 1:i + 4]
    return not (after[:1] and after[0] in _UNCERTAIN and _OPEN_AFTER & set(after[1:]))


_CLAUSE_END = re.compile(r"[.;:!?]|,\s*(?:but|and|while|whereas)\b|\bbut\b")


@lru_cache(maxsize=65536)
def negated_terms(text: str) -> frozenset[str]:
    """The content terms inside the scope of a negation: from the negator to the clause's end.

    >>> sorted(negated_terms("This was not an accident. It was a deliberate provocation"))
    ['accident']
    """
    scoped: set[str] = set()
    lowered = text.lower().replace("’", "'")
    for clause in _CLAUSE_END.split(lowered):
        ws = words(clause)
        for i in range(len(ws)):
            if _negator(ws, i):
                scoped |= terms(" ".join(ws[i + 1:]))
                break
    return frozenset(scoped)


@lru_cache(maxsize=65536)
def negated_subject(text: str) -> frozenset[str]:
    """The content terms before the first negation in its clause: what the negation is said
    of ("the crown prince was not involved" -> crown, prince; "no boxes were found" -> none).

    >>> sorted(negated_subject("that the Crown Prince was not involved in the murder"))
    ['crown', 'prince']
    """
    lowered = text.lower().replace("’", "'")
    for clause in _CLAUSE_END.split(lowered):
        ws = words(clause)
        for i in range(len(ws)):
            if _negator(ws, i):
                # only a negated predicate: "was not involved", "had no missiles"; not "found
                # no evidence that ..." (the finder is not what is denied)
                return terms(" ".join(ws[:i])) if ws[i - 1:i] and ws[i - 1] in _AUXILIARIES \
                    else frozenset()
    return frozenset()


_AUXILIARIES = frozenset("""is was were are be been being has have had did does do will would
could can should may might must""".split())


def polarity_conflict(content_a: str, cue_a: str | None, content_b: str, cue_b: str | None,
                      ) -> str | None:
    """Evidence that one side affirms what the other denies, about the same terms.

    A statement denies the terms inside its negation's scope, or all its terms when its cue is
    a denial ("denied that any of its forces had fired": the content is what is denied). The
    two must share at least two common words (not names), and the denial must govern them; a
    negation said of a subject (:func:`negated_subject`) must be of one the other names.
    """
    shared = common_terms(content_a) & common_terms(content_b)
    if len(shared) < 2:
        return None

    def denies(content: str, cue: str | None) -> bool:
        scoped = len(negated_terms(content) & shared) >= 2
        return scoped != (cue in DENIAL_CUES)  # "denied that it had not ..." affirms

    deny_a, deny_b = denies(content_a, cue_a), denies(content_b, cue_b)
    if deny_a == deny_b:
        return None
    denier, cue = (content_a, cue_a) if deny_a else (content_b, cue_b)
    other = content_b if deny_a else content_a
    subject = negated_subject(denier) if cue not in DENIAL_CUES else frozenset()
    if subject and not subject & terms(other):
        return None  # said of something else: "the prince was not involved" / "17 Saudis were"
    how = f"{cue}: " if cue in DENIAL_CUES else ""
    return f"opposite polarity on {', '.join(sorted(shared)[:3])}: {how}{_shorten(denier)}"


def counted(text: str) -> dict[str, set[int]]:
    """Numbers by the term they count: "four regional consulates" gives {regional: {4}}.

    The counted term is the first content word within three words after the number.
    """
    found: dict[str, set[int]] = {}
    ws = words(text)
    for i, w in enumerate(ws):
        value = int(w) if w.isdigit() and len(w) < 4 else _NUMBER_WORDS.get(w)
        if value is None:
            continue
        following = ws[i + 1:i + 4]
        if following[:1] and following[0] in _TIME_UNITS:
            continue  # "four days ago", "two hours later": a time, not a count
        for nxt in following:
            if nxt not in STOPWORDS and not nxt.isdigit() and nxt not in _NUMBER_WORDS:
                found.setdefault(stem(nxt), set()).add(value)
                break
    return found


_TIME_UNITS = _words("time_units")


def _antonyms(a: set[str], b: set[str]) -> Iterable[str]:
    """Antonym pairs split across the two sides (and not both present on either side)."""
    for left, right in ANTONYMS:
        left_s, right_s = {stem(w) for w in left}, {stem(w) for w in right}
        both = left_s | right_s
        for x, y in ((a & left_s, b & right_s), (a & right_s, b & left_s)):
            if x and y and a & both <= x and b & both <= y:
                yield f"opposed words: {sorted(x)[0]} / {sorted(y)[0]}"
                break


def opposition(content_a: str, cue_a: str | None, content_b: str, cue_b: str | None,
               ) -> list[str]:
    """Evidence that statement A and statement B say opposite things (empty when none).

    A negation counts only when the two share at least two content terms and the negation
    governs them ("no weapon was fired" opposes "a weapon was fired"; "not an accident, a
    deliberate provocation" does not oppose "a deliberate provocation").
    """
    evidence = []
    conflict = polarity_conflict(content_a, cue_a, content_b, cue_b)
    if conflict:
        evidence.append(conflict)
    evidence += list(_antonyms({stem(w) for w in words(content_a)} - negated_terms(content_a),
                               {stem(w) for w in words(content_b)} - negated_terms(content_b)))
    nums_a, nums_b = counted(content_a), counted(content_b)
    if len(terms(content_a) & terms(content_b)) < 3:
        nums_a = {}
    for term in sorted(nums_a.keys() & nums_b.keys()):
        if not nums_a[term] & nums_b[term]:
            evidence.append(f"different numbers of {term}: {min(nums_a[term])} / "
                            f"{min(nums_b[term])}")
    return evidence


def rebuttal(content: str) -> str | None:
    """The anaphoric rebuttal phrase of a statement ("no such evidence"), if it has one."""
    match = REBUTTAL.search(content)
    return match.group(0) if match else None


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


STRENGTH = {"rebuttal": 1.0, "opposed words": 0.6, "different numbers": 0.6,
            "opposite polarity on": 0.6, "change of account": 0.4, "change marker": 0.2}


def strength(evidence: Iterable[str]) -> float:
    """How strongly a list of evidence strings supports a disagreement (0 to 1)."""
    total = sum(next((v for k, v in STRENGTH.items() if e.startswith(k)), 0.3)
                for e in evidence)
    return min(1.0, total)
