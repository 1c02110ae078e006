"""Running onrecord over an evaluation set: gold files in, records out, in worker processes."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from onrecord.errors import InputError


def read_gold(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The documents of a gold JSON Lines file (the first ``limit`` when given)."""
    docs: list[dict[str, Any]] = []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    docs.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise InputError(f"{path}:{number}: not JSON ({err.msg})") from err
                if limit is not None and len(docs) >= limit:
                    break
    except OSError as err:
        raise InputError(f"{path}: cannot read the gold file ({err.strerror})") from err
    return docs


def _analyse_chunk(chunk: list[tuple[str, str, str | None]]) -> list[dict[str, Any]]:
    from onrecord.analyze import analyze_articles
    from onrecord.models import Article, Discarded

    articles = [Article.create(text, published=published, origin=doc_id)
                for doc_id, text, published in chunk]
    out = []
    for result in analyze_articles(articles):
        if isinstance(result, Discarded):
            raise RuntimeError(f"{result.doc_id}: {result.reason}")
        out.append(result.to_json())
    return out


def analyse_documents(
    docs: list[dict[str, Any]], workers: int = 1, date_key: str = "published",
    progress: Callable[[int], None] | None = None, chunk_size: int = 8,
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(gold document, onrecord's record as JSON) for each document, in order.

    The gold ``text`` is analysed as it is (no boilerplate removal), so offsets agree.
    """
    jobs = [(str(d.get("id")), d["text"], d.get(date_key)) for d in docs]
    chunks = [jobs[i:i + chunk_size] for i in range(0, len(jobs), chunk_size)]
    position = 0
    if workers <= 1:
        results: Iterator[list[dict[str, Any]]] = map(_analyse_chunk, chunks)
        for records in results:
            for record in records:
                yield docs[position], record
                position += 1
            if progress:
                progress(len(records))
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for records in pool.map(_analyse_chunk, chunks):
            for record in records:
                yield docs[position], record
                position += 1
            if progress:
                progress(len(records))
