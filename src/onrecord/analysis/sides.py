"""Sides: whom a speaker speaks for, so that one government's people count as one side.

A reporter sets out a dispute between sides, not between the people quoted: the Saudi foreign
minister, the Saudi consul-general and "Saudi officials" speak for one government, and when
their accounts differ over time that is the government's account shifting, not three people
contradicting each other. :func:`side_of` reads a speaker's side from what the record already
holds, with the actor codes of :mod:`onrecord.extract.entities.actors` (public facts written as
data):

1. a well-known office holder's state (``leader_code``: "Recep Tayyip Erdoğan" -> TUR);
2. the entity's own actor code (a state, an organisation: "Kremlin" -> RUSGOV);
3. the speaker's titles and words: a state named, its demonym or capital ("Saudi consul
   general", "Turkish officials", "Ankara"), an organisation ("the U.N. Security Council"),
   and the sector of its agent words ("senator" -> LEG, "separatist" -> REB).

A state's executive, forces, intelligence, police and prosecutors are one side, the state's
code ("SAU"); its legislators, opposition, civilians, press and businesses are sides of their
own ("USA-LEG": a senator doubting the president's account contradicts it); armed groups named
by sector alone are the side "REB". ``None`` when nothing says whom the speaker speaks for:
such a speaker is compared as a person, by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

from onrecord.extract.entities.actors import (
    actor_code,
    is_capital,
    is_demonym,
    leader_code,
    organization_code,
    region_code,
    sector_of,
)

__all__ = ["STATE_SECTORS", "holder_of", "party_of", "side_of"]

STATE_SECTORS = frozenset({"GOV", "MIL", "SPY", "COP", "JUD"})
"""Sectors that speak for the state itself: one side with the state's government."""
_VOICES = {"source": "GOV"}
"""Words that speak for a state only when a state names them ("Turkish sources"), never agent
words of events ("a source" is not a government actor)."""
_MAX_NGRAM = 3
_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w.'’-]*")


def _ngrams(text: str) -> Iterable[str]:
    """Phrases of up to three words, longest first; a capital followed by a capitalised word
    ("Washington Post", "Moscow Times") is a name of something else, not the government."""
    words = [re.sub(r"['’]s$", "", w).rstrip(",;:") for w in _WORD.findall(text)]
    for n in range(_MAX_NGRAM, 0, -1):
        for i in range(len(words) - n + 1):
            after = words[i + n] if i + n < len(words) else ""
            gram = " ".join(words[i:i + n])
            if after[:1].isupper() and is_capital(gram.rstrip(".")):
                continue
            yield gram


def _sector(texts: Iterable[str]) -> str | None:
    """The sector of the first agent word ("senator" -> LEG, "officials" -> GOV), or None; a
    civilian word gives way to a state's later in the same text ("National Defence General
    Staff" is the military, not a national)."""
    for text in texts:
        found = None
        for word in _WORD.findall(text.lower()):
            word = word.strip(".'’")
            sector = next(filter(None, (sector_of(f) or _VOICES.get(f)
                                        for f in _singulars(word))), None)
            if sector is not None and found is None:
                found = sector
            if found is not None and (found != "CVL" or sector in STATE_SECTORS):
                return sector if found == "CVL" else found
        if found is not None:
            return found
    return None


def _singulars(word: str) -> tuple[str, ...]:
    """A word and its singular forms ("authorities" -> "authority", "sources" -> "source")."""
    if word.endswith("ies"):
        return word, word[:-3] + "y"
    return (word, word[:-1]) if word.endswith("s") else (word,)


def _code_in(texts: Iterable[str]) -> tuple[str, bool] | None:
    """The first state or organisation code a text names, longest phrase first, and whether
    only a demonym named it ("Turkish": a nationality, not yet a government)."""
    for text in texts:
        for gram in _ngrams(text):
            for form in (gram, gram.rstrip(".")):
                found = _code_of(form)
                if found is not None:
                    return found
    return None


@lru_cache(maxsize=131072)
def _code_of(form: str) -> tuple[str, bool] | None:
    """The code one phrase names, and whether only as a demonym (cached: a corpus repeats its
    speakers' words many thousand times)."""
    code = organization_code(form) or actor_code(form) or region_code(form)
    return (code, is_demonym(form)) if code is not None else None


def _side(code: str, sector: str | None) -> str:
    """A side from an actor code ("RUSGOV", "USAMIL", "IGOUNO", "TUR") and a sector word."""
    state, own = (code[:3], code[3:] or None) if len(code) >= 3 and code[:3].isupper() \
        and not code.startswith(("IGO", "NGO", "IMG")) else (code, None)
    if code.startswith(("IGO", "NGO", "IMG")) or code.endswith("REB") and len(code) > 3:
        return code  # an organisation or a named armed group is its own side
    sector = own or sector
    if sector == "REB":
        return "REB"
    if sector is None or sector in STATE_SECTORS:
        return state
    return f"{state}-{sector}"


def side_of(name: str | None, speaker_text: str | None = None, titles: Iterable[str] = (),
            actor: str | None = None) -> str | None:
    """The side a speaker speaks for, or None when the record does not say.

    ``name`` is the resolved person or organisation, ``speaker_text`` the words of the
    statement's speaker phrase, ``titles`` the titles seen with the person anywhere in the
    corpus, ``actor`` the entity's actor code.

    >>> side_of("Adel al-Jubeir", titles=["Saudi Foreign Minister"])
    'SAU'
    >>> side_of(None, "Turkish officials"), side_of("Lindsey Graham", titles=["Senator"])
    ('TUR', None)
    >>> side_of("Lindsey Graham", titles=["U.S. Senator"])
    'USA-LEG'
    """
    titles = [t for t in titles if t]
    words = [t for t in (*titles, speaker_text or "", name or "") if t]
    sector = _sector(words)
    leader = leader_code(name) if name else None
    if leader is not None:
        return _side(leader, sector if sector not in STATE_SECTORS else None)
    if actor:
        return _side(actor, sector)
    found = _code_in(words)
    if found is not None and not (found[1] and sector is None):
        return _side(found[0], sector)  # "Turkish officials"; not "his Turkish fiancee"
    if sector == "REB":
        return "REB"
    return None


class _Speaking(Protocol):
    """A statement of a finding (:class:`onrecord.analysis.claim.Side`)."""

    @property
    def speaker(self) -> str | None: ...
    @property
    def speaker_id(self) -> str | None: ...
    @property
    def side(self) -> str | None: ...


def holder_of(claim: _Speaking) -> str:
    """Who holds a claim: the resolved person or organisation, else the speaker's words."""
    return claim.speaker_id or (claim.speaker or "").lower()


def party_of(claim: _Speaking) -> str:
    """The party a claim is set out under: its side's code, else its holder."""
    return claim.side or holder_of(claim)
