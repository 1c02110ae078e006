"""Word lists the extractors share: speech and belief cues, titles, anonymous and document
sources, read from ``extract/statements/data/lexicon.txt`` (one ``[list]`` a name here).

Written for onrecord from ordinary English usage in news reporting; lemmas are lower case.
"""

from __future__ import annotations

import json
from importlib import resources

from onrecord.datafiles import data_sections

_LISTS = data_sections("lexicon.txt", room="statements")


def _words(key: str) -> frozenset[str]:
    """The words of one [list] of ``extract/statements/data/lexicon.txt``."""
    return frozenset(" ".join(_LISTS[key]).split())


# Verbs that introduce what someone said, wrote, or believes (lemmas).
SPEECH_CUES: frozenset[str] = _words("speech_cues")

# Cues of belief and cognition, attributed like speech in news (PolNeAR annotates them too).
BELIEF_CUES: frozenset[str] = _words("belief_cues")

ALL_CUES: frozenset[str] = SPEECH_CUES | BELIEF_CUES

# Cues that need a clausal complement to count ("call" without one is a phone call).
WEAK_CUES: frozenset[str] = _words("weak_cues")

# Verbs whose object (a noun phrase, or a phrase after a preposition) states a position, a
# judgement or an intention of their subject: "criticized the deal", "called for a recount".
OBJECT_CUES: frozenset[str] = _words("object_cues")

# Prepositions that introduce what such a verb is about: "warned of", "called for".
OBJECT_PREPOSITIONS: frozenset[str] = _words("object_prepositions")

# Verbs whose infinitival complement is the content: "promised to cut taxes", "urged him to go".
INFINITIVE_CUES: frozenset[str] = _words("infinitive_cues")

# Verbs whose first object is the person addressed, not what is said: "told reporters".
ADDRESSEE_CUES: frozenset[str] = _words("addressee_cues")

# Nouns that take what is said or believed as a clause: "the claim that ...", "his view that".
CLAIM_NOUNS: frozenset[str] = _words("claim_nouns")

# Nouns that carry a statement: "in a statement", "the spokesman's remarks".
STATEMENT_NOUNS: frozenset[str] = _words("statement_nouns")

# Channels named by a preposition phrase or an object: "in a tweet", "told CNN".
TWEET_WORDS: frozenset[str] = _words("tweet_words")

# Head nouns of anonymous sources.
ANONYMOUS_HEADS: frozenset[str] = _words("anonymous_heads")

# Common nouns for people and groups who can hold or voice a view ("voters", "critics").
PEOPLE_NOUNS: frozenset[str] = _words("people_nouns")

# Words that mark a source as anonymous when they modify it.
ANONYMITY_MARKERS: frozenset[str] = _words("anonymity_markers")

# Head nouns of documentary sources.
DOCUMENT_HEADS: frozenset[str] = _words("document_heads")

# Head nouns of institutional sources ("the ministry said").
ORGANIZATION_HEADS: frozenset[str] = _words("organization_heads")

# Words that make up a person's title ("Secretary of State", "Defense Minister", "Gen.").
TITLE_WORDS: frozenset[str] = _words("title_words")

# Title heads a definite description can refer back with: "the president", "the minister".
TITLE_HEADS: frozenset[str] = _words("title_heads")

PERSONAL_PRONOUNS: dict[str, str] = {
    "he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f",
    "they": "p", "them": "p", "their": "p", "i": "s", "we": "p", "it": "n",
}

# The words a title must contain to be one ("Defence Ministry" is no title: no head word).
TITLE_CORE: frozenset[str] = TITLE_HEADS | _words("title_core")


# Cue words learned from the attribution corpus's dev split (``training/learn_cues.py``): a lemma
# counts when it was seen at least LEARNED_MIN_SEEN times in a cue-like position and was the
# head of a gold cue at least LEARNED_MIN_RATE of those times.
LEARNED_MIN_SEEN = 3
LEARNED_MIN_RATE = 0.4


def learned_counts() -> dict[str, dict[str, list[int]]]:
    """The counts ``training/learn_cues.py`` wrote: group -> lemma -> [cue hits, seen]."""
    try:
        raw = resources.files("onrecord").joinpath("data/learned_cues.json").read_text("utf-8")
    except FileNotFoundError:
        return {}
    counts: dict[str, dict[str, list[int]]] = json.loads(raw)
    return counts


def select_learned(counts: dict[str, list[int]], min_seen: int, min_rate: float) -> frozenset[str]:
    """Lemmas seen ``min_seen`` times or more that were a cue at ``min_rate`` or more."""
    return frozenset(lemma for lemma, (hits, seen) in counts.items()
                     if seen >= min_seen and hits / seen >= min_rate)


_COUNTS = learned_counts()
LEARNED_VERBS: frozenset[str] = select_learned(_COUNTS.get("verbs", {}), LEARNED_MIN_SEEN,
                                               LEARNED_MIN_RATE)
LEARNED_NOUNS: frozenset[str] = select_learned(_COUNTS.get("nouns", {}), LEARNED_MIN_SEEN,
                                               LEARNED_MIN_RATE)
