"""Running onrecord over an evaluation set: gold files in, records out, in worker processes."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onrecord.errors import InputError

if TYPE_CHECKING:
    from onrecord.extract.entities.dictionaries import ActorDictionary


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


def analyse_documents(
    docs: list[dict[str, Any]], workers: int = 1, date_key: str = "published",
    progress: Callable[[int], None] | None = None,
    dictionary: ActorDictionary | None = None, engine: str = "local",
    address: str | None = None,
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(gold document, onrecord's record as JSON) for each document, in order, analysed by
    ``workers`` processes (:func:`onrecord.engine.analyze_in_workers`).

    The gold ``text`` is analysed as it is (no boilerplate removal), so offsets agree. A
    document onrecord cannot analyse stops the scoring (RuntimeError): a gold set must be
    scored whole. ``dictionary`` gives the user's actors and agents to every worker.
    ``engine`` "ray" analyses them on Ray actors instead (``address``: the cluster), as
    :func:`onrecord.engine.local.analyze_with_engine` does.
    """
    from onrecord.engine.local import analyze_with_engine
    from onrecord.models import Article, Discarded

    articles = (Article.create(d["text"], published=d.get(date_key), origin=str(d.get("id")))
                for d in docs)
    for doc, result in zip(docs, analyze_with_engine(
            articles, workers, dictionary=dictionary, engine=engine, address=address),
            strict=True):
        if isinstance(result, Discarded):
            raise RuntimeError(f"{result.doc_id}: {result.reason}")
        yield doc, result.to_json()
        if progress:
            progress(1)
