"""Real pages from ../shared (the evaluation pages and the canonical article), when present."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from onrecord.ingest import load_article, load_path
from onrecord.models import Article

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
INGEST_EVAL = SHARED / "eval" / "ingest"
CANONICAL = SHARED / "corpus" / "strike-rationale.txt"

pytestmark = pytest.mark.corpus


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 4]) for i in range(max(1, len(words) - 3))}


@pytest.mark.skipif(
    not (INGEST_EVAL / "dev.jsonl").is_file(), reason=f"{INGEST_EVAL} is not present"
)
def test_eval_pages_extract_close_to_gold() -> None:
    scores = []
    with (INGEST_EVAL / "dev.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for _, line in zip(range(8), handle, strict=False)]
    for record in records:
        (result,) = load_path(INGEST_EVAL / record["html_path"])
        if not isinstance(result, Article):
            continue  # the benchmark has non-English pages; they are Discarded, not raised
        assert result.language == "en"
        predicted, gold = _shingles(result.text), _shingles(record["articleBody"])
        overlap = len(predicted & gold)
        scores.append(2 * overlap / (len(predicted) + len(gold)))
    assert len(scores) >= 4
    assert sum(scores) / len(scores) > 0.85


@pytest.mark.skipif(not CANONICAL.is_file(), reason=f"{CANONICAL} is not present")
def test_canonical_article_loses_its_caption_and_furniture() -> None:
    article = load_article(CANONICAL, published="2020-01-13")
    assert article.text.startswith("WASHINGTON —")
    assert not article.text.rstrip().endswith(("Load More", "In Other News"))
    assert "contributed to this report" not in article.text
    assert article.published == "2020-01-13"
