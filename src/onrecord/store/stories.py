"""Near-duplicate articles: the same wire story republished by many outlets is one story.

Each article gets a MinHash signature over its word 5-shingles; locality-sensitive hashing in
bands finds candidates cheaply, and the signatures' agreement estimates their Jaccard
similarity. An article whose estimate with a stored one reaches :data:`SAME_STORY` joins that
article's story; otherwise it starts its own (its story id is its own id).
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence

PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 Jaccard are very likely to share a band
ROWS = PERMUTATIONS // BANDS
SHINGLE = 5
SAME_STORY = 0.7
_PRIME = (1 << 61) - 1
_rng = random.Random(20260125)
_COEFFS = [(_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(PERMUTATIONS)]
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE) -> set[int]:
    """The hashed word ``size``-grams of ``text`` (lower-cased; punctuation ignored)."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        words = words + [""] * (size - len(words))
    grams = {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big")
            for g in grams}


def minhash(text: str) -> tuple[int, ...]:
    """The MinHash signature of ``text``: :data:`PERMUTATIONS` minima of hashed shingles."""
    values = shingles(text)
    return tuple(min((a * v + b) % _PRIME for v in values) for a, b in _COEFFS)


def band_keys(signature: Sequence[int]) -> list[tuple[int, str]]:
    """The (band, hash) keys under which a signature is indexed for candidate lookup."""
    keys = []
    for band in range(BANDS):
        chunk = signature[band * ROWS:(band + 1) * ROWS]
        digest = hashlib.blake2b(" ".join(map(str, chunk)).encode(), digest_size=8)
        keys.append((band, digest.hexdigest()))
    return keys


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures' shingle sets."""
    if len(a) != len(b) or not a:
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def encode(signature: Sequence[int]) -> str:
    return " ".join(f"{v:x}" for v in signature)


def decode(text: str | None) -> tuple[int, ...]:
    return tuple(int(v, 16) for v in text.split()) if text else ()
