"""Precision, recall and F1 from counts, shared by every scorer."""

from __future__ import annotations


def prf(hits: int, predicted: int, gold: int, digits: int = 4) -> dict[str, float]:
    """``{"p", "r", "f1"}`` for ``hits`` correct of ``predicted``, against ``gold`` items."""
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, digits), "r": round(r, digits), "f1": round(f, digits)}
