"""The corpus's links: every contradiction and shift between two statements, kept per corpus state.

:func:`corpus_findings` is what disputes and the ``contradictions`` view are built from. The
links of the whole corpus are computed by :func:`onrecord.analysis.consistency.find_findings`
once per corpus state and kept in the store (:mod:`onrecord.store.kept`): an ingest computes
them at its end (:func:`keep_findings`), and every later query, from any process (the CLI, the
API, the web pages), reads them back instead of comparing statements again. A change to the
detector's code or data (:data:`DETECTOR`) gives a new key, so links kept by another version
are never reused.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from onrecord.analysis.claim import Finding, Side
from onrecord.analysis.consistency import (
    article_entities,
    embedded_pairs,
    find_findings,
    load_sides,
)
from onrecord.analysis.queries import find_entities
from onrecord.errors import StoreError
from onrecord.store import Corpus, kept

__all__ = ["DETECTOR", "corpus_findings", "detector_fingerprint", "keep_findings", "kept_key"]

_CACHE: dict[tuple[Any, ...], list[Finding]] = {}
_CACHE_SIZE = 32
DETECTOR = ("analysis/claim.py", "analysis/consistency.py", "analysis/echoes.py",
            "analysis/opposition.py", "analysis/sides.py", "analysis/series.py",
            "extract/entities/actors.py", "extract/statements/lexicon.py",
            "extract/entities/person_names.py", "extract/statements/data/lexicon.txt",
            "extract/entities/data/actors.json", "data/actors_leaders.json",
            "extract/entities/office_holders.py", "data/office_holders.tsv",
            "data/common_surnames.txt", "data/antonyms.txt", "data/name_particles.txt",
            "data/opposition.txt", "data/stance.json")
"""The code and data the links depend on: kept links computed by other code are not reused."""


@lru_cache(maxsize=1)
def detector_fingerprint() -> str:
    """12 hex digits of the SHA-256 of the detector's code and data (:data:`DETECTOR`)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for name in DETECTOR:
        digest.update(name.encode())
        digest.update((root / name).read_bytes())
    return digest.hexdigest()[:12]


def kept_key(min_score: float, embeddings: bool) -> str:
    """The key the links of the whole corpus are kept under for these settings."""
    return f"links:{detector_fingerprint()}:{min_score:g}:{int(embeddings)}"


def corpus_findings(corpus: Corpus, speaker: str | None = None, since: str | None = None,
                    until: str | None = None, min_score: float = 0.5,
                    embeddings: bool = False) -> list[Finding]:
    """Every pairwise finding over the corpus (optionally those involving one speaker), best
    first: the links :mod:`onrecord.analysis.disputes` groups into disputes.

    The links of the whole corpus are computed once per corpus state and kept in the store
    (:mod:`onrecord.store.kept`; :func:`keep_findings` does it at the end of an ingest), so
    every later query, from any process, reads them instead of comparing statements again; a
    speaker's are those among them. Links between dates are computed on the statements of
    those dates (their matter weights are those dates'). Results are also held in memory per
    corpus state, so a web page asked again does no work at all.
    """
    version = kept.corpus_version(corpus)
    key = (corpus.path, version, speaker, since, until, min_score, embeddings)
    if key not in _CACHE:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        if since is None and until is None:
            found = _involving(corpus, keep_findings(corpus, min_score, embeddings, version),
                               speaker)
        else:
            found = _find_findings(corpus, speaker, since, until, min_score, embeddings)
        _CACHE[key] = found
    return list(_CACHE[key])


def keep_findings(corpus: Corpus, min_score: float = 0.5, embeddings: bool = False,
                  version: str | None = None) -> list[Finding]:
    """The links of the whole corpus: those kept for its current state (``version``, when the
    caller has read it), else computed now and kept (a failure to keep them is no failure to
    answer: the next query computes them)."""
    version = version or kept.corpus_version(corpus)
    key = kept_key(min_score, embeddings)
    stored = kept.kept(corpus, key, version)
    if stored is not None:
        sides = [Side.from_state(json.loads(text)) for text in stored[0]]
        return [Finding.from_state(text, sides) for text in stored[1]]
    found = _find_findings(corpus, None, None, None, min_score, embeddings)
    statements: dict[tuple[str, str], Side] = {}
    for f in found:
        for side in (f.a, f.b):
            statements.setdefault((side.article_id, side.statement_id), side)
    position = {k: n for n, k in enumerate(statements)}
    try:
        corpus.keep_findings(
            key, version, [json.dumps(s.to_state(), ensure_ascii=False)
                           for s in statements.values()],
            [f.to_state(position[(f.a.article_id, f.a.statement_id)],
                        position[(f.b.article_id, f.b.statement_id)]) for f in found])
    except StoreError as err:
        warnings.warn(f"disputes were computed but not kept: {err}", stacklevel=2)
    return found


def _involving(corpus: Corpus, findings: list[Finding], speaker: str | None) -> list[Finding]:
    """The findings with a statement by ``speaker``."""
    if not speaker:
        return findings
    theirs = _speaks(corpus, speaker)
    return [f for f in findings if theirs(f.a) or theirs(f.b)]


def _speaks(corpus: Corpus, speaker: str) -> Callable[[Side], bool]:
    """Whether a statement is ``speaker``'s: a corpus entity's name or alias, else words of
    the speaker as printed."""
    ids = set(find_entities(corpus, speaker, kind=None))
    text = speaker.lower()
    return lambda side: side.speaker_id in ids if ids else text in (side.speaker or "").lower()


def _find_findings(corpus: Corpus, speaker: str | None, since: str | None, until: str | None,
                   min_score: float, embeddings: bool) -> list[Finding]:
    sides = load_sides(corpus, since, until)
    focus = None
    if speaker:
        theirs = _speaks(corpus, speaker)
        focus = {i for i, s in enumerate(sides) if theirs(s)}
    return find_findings(sides, min_score, article_entities(corpus),
                         embedded_pairs(sides) if embeddings else None, focus)
