"""The records of examples/ must not change unless on purpose.

Regenerate after an intended change with:  pytest tests/golden --update-golden
and review the diff of tests/golden/*.json before committing it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from onrecord.analyze import analyze_articles
from onrecord.ingest import load_sources
from onrecord.models import Article, Discarded

pytestmark = pytest.mark.model

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent.parent / "examples"


def _golden_name(origin: str) -> str:
    name = Path(origin.replace("#", "-")).name
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name) + ".json"


@pytest.fixture(scope="module")
def example_records():
    loaded = list(load_sources([EXAMPLES]))
    assert not [d for d in loaded if isinstance(d, Discarded)], "an example was discarded"
    articles = [a for a in loaded if isinstance(a, Article)]
    results = list(analyze_articles(articles))
    assert articles and len(results) == len(articles)
    assert all(not isinstance(r, Discarded) for r in results)
    return {_golden_name(r.article.origin or r.article.id): r for r in results}


def test_examples_match_golden(example_records, request):
    update = request.config.getoption("--update-golden")
    if update:
        for old in HERE.glob("*.json"):
            old.unlink()
    mismatched = []
    for name, record in example_records.items():
        path = HERE / name
        data = record.to_json()
        origin = data["article"]["origin"]  # where the checkout lives must not matter
        data["article"]["origin"] = Path(origin).relative_to(EXAMPLES.parent).as_posix()
        if update:
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                            encoding="utf-8")
            continue
        assert path.exists(), f"no golden file {name}: run pytest tests/golden --update-golden"
        if json.loads(path.read_text(encoding="utf-8")) != data:
            mismatched.append(name)
    assert not mismatched, f"records changed: {mismatched} (pytest tests/golden --update-golden)"
    assert len(list(HERE.glob("*.json"))) == len(example_records)


def test_golden_spans_reslice(example_records):
    for record in example_records.values():
        text = record.article.text
        for s in record.statements:
            assert text[s.content_span[0]:s.content_span[1]] == s.content
        for t in record.times:
            assert text[t.span[0]:t.span[1]] == t.text
