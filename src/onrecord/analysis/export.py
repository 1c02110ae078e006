"""Exports of the corpus tables: JSON Lines, CSV, Parquet, and a GDELT-style events file.

Rows are read in pages, so a large corpus is written without holding it all in memory (except
for Parquet, which pyarrow writes per page as a row group).

CSV and the GDELT TSV are opened by spreadsheets, which run a cell starting with ``=``, ``+``,
``-`` or ``@`` (or a tab or carriage return) as a formula: article text is untrusted, so such a
text cell is written with a leading ``'`` (OWASP's advice on CSV injection). Numbers stay
numbers, and JSON Lines and Parquet keep every value as it is.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from onrecord.errors import QueryError
from onrecord.store import Corpus

PAGE = 5000

TABLES: dict[str, tuple[tuple[str, ...], str]] = {
    "statements": (
        ("article_id", "id", "date", "date_defaulted", "speaker", "speaker_id", "speaker_text",
         "sourcing", "cue", "kind", "channel", "content", "content_start", "content_end",
         "nested_in", "continues", "outlet", "url", "published"),
        "SELECT s.article_id, s.id, s.date, s.time_defaulted, ce.name, s.corpus_speaker,"
        " s.speaker_text, s.sourcing, s.cue, s.kind, s.channel, s.content, s.content_start,"
        " s.content_end, s.nested_in, s.continues, a.source, a.url, a.published"
        " FROM statements s JOIN articles a ON a.id = s.article_id"
        " LEFT JOIN corpus_entities ce ON ce.id = s.corpus_speaker"
        " ORDER BY s.article_id, s.content_start, s.id",
    ),
    "events": (
        ("article_id", "id", "date", "date_defaulted", "type", "cameo", "trigger", "status",
         "source_actor", "source_text", "source_entity", "target_actor", "target_text",
         "target_entity", "location", "trigger_start", "trigger_end", "outlet", "url",
         "published", "story_id"),
        "SELECT e.article_id, e.id, e.date, e.time_defaulted, e.type, e.cameo, e.trigger,"
        " e.status, e.source_actor, e.source_text, e.source_entity, e.target_actor,"
        " e.target_text, e.target_entity, e.location, e.trigger_start, e.trigger_end, a.source,"
        " a.url, a.published, a.story_id FROM events e JOIN articles a ON a.id = e.article_id"
        " ORDER BY e.article_id, e.trigger_start, e.id",
    ),
    "entities": (
        ("id", "name", "kind", "actor", "articles", "aliases", "titles"),
        "SELECT ce.id, ce.name, ce.kind, ce.actor, ce.articles,"
        " (SELECT count(*) FROM corpus_aliases k WHERE k.corpus_entity_id = ce.id),"
        " (SELECT count(*) FROM entity_titles t WHERE t.corpus_entity_id = ce.id)"
        " FROM corpus_entities ce ORDER BY ce.kind, ce.name, ce.id",
    ),
    "articles": (
        ("id", "url", "source", "title", "byline", "published", "language", "origin",
         "story_id", "ingested_at", "text"),
        "SELECT id, url, source, title, byline, published, language, origin, story_id,"
        " ingested_at, text FROM articles ORDER BY published IS NULL, published, id",
    ),
}

GDELT_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode",
                 "Actor2Code", "Actor2Name", "Actor2CountryCode", "EventCode", "EventRootCode",
                 "QuadClass", "PloverType", "EventStatus", "DateFromText", "SOURCEURL",
                 "ArticleID")


def _details(corpus: Corpus, entity_ids: list[str]) -> dict[str, tuple[list[str], list[Any]]]:
    """Aliases and dated titles of corpus entities, for the entities export."""
    if not entity_ids:
        return {}
    marks = ",".join("?" * len(entity_ids))
    found: dict[str, tuple[list[str], list[Any]]] = {e: ([], []) for e in entity_ids}
    for eid, key in corpus.query(f"SELECT corpus_entity_id, key FROM corpus_aliases"
                                 f" WHERE corpus_entity_id IN ({marks}) ORDER BY key",
                                 entity_ids):
        found[eid][0].append(key)
    for eid, title, date in corpus.query(
            f"SELECT corpus_entity_id, title, min(date) FROM entity_titles WHERE"
            f" corpus_entity_id IN ({marks}) GROUP BY corpus_entity_id, title ORDER BY 3",
            entity_ids):
        found[eid][1].append({"title": title, "first_seen": date})
    return found


def table_rows(corpus: Corpus, table: str) -> Iterator[dict[str, Any]]:
    """Every row of an exportable table, as dicts, page by page."""
    if table not in TABLES:
        raise QueryError(f"no table {table!r}: choose among {', '.join(TABLES)}")
    columns, sql = TABLES[table]
    offset = 0
    while True:
        page = corpus.query(f"{sql} LIMIT ? OFFSET ?", (PAGE, offset))
        details = _details(corpus, [r[0] for r in page]) if table == "entities" else {}
        for row in page:
            item = dict(zip(columns, row, strict=True))
            if "date_defaulted" in item:
                item["date_defaulted"] = bool(item["date_defaulted"])
            if table == "entities":
                item["aliases"], item["titles"] = details[item["id"]]
            yield item
        if len(page) < PAGE:
            return
        offset += PAGE


def quad_class(cameo: str | None) -> int | None:
    """CAMEO's four classes: 1 verbal and 2 material cooperation, 3 verbal and 4 material
    conflict, from the root code."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def gdelt_rows(corpus: Corpus) -> Iterator[dict[str, Any]]:
    """Events in GDELT's column names (a subset), one per story: copies are not repeated."""
    for e in table_rows(corpus, "events"):
        if e["story_id"] not in (None, e["article_id"]):
            continue
        date = (e["date"] or e["published"] or "").replace("-", "")
        yield {
            "GLOBALEVENTID": f"{e['article_id']}-{e['id']}",
            "SQLDATE": date[:8] if len(date) >= 8 else "",
            "Actor1Code": e["source_actor"] or "", "Actor1Name": e["source_text"] or "",
            "Actor1CountryCode": (e["source_actor"] or "")[:3],
            "Actor2Code": e["target_actor"] or "", "Actor2Name": e["target_text"] or "",
            "Actor2CountryCode": (e["target_actor"] or "")[:3],
            "EventCode": e["cameo"] or "", "EventRootCode": (e["cameo"] or "")[:2],
            "QuadClass": quad_class(e["cameo"]) or "", "PloverType": e["type"],
            "EventStatus": e["status"], "DateFromText": int(not e["date_defaulted"]),
            "SOURCEURL": e["url"] or "", "ArticleID": e["article_id"],
        }


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection)."""


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def neutralise_cell(value: Any) -> Any:
    """A CSV/TSV cell that a spreadsheet shows as text: a string starting with one of
    :data:`FORMULA_STARTS` gets a leading ``'``; anything else (a number, negative ones
    included, a boolean, ``None``) is returned as it is."""
    value = _cell(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_export(corpus: Corpus, table: str, fmt: str, output: Path | None) -> int:
    """Write ``table`` as ``fmt`` to ``output`` (standard output when None); return the count.

    ``fmt`` is ``jsonl``, ``csv``, ``parquet`` or ``gdelt`` (the events table, tab-separated).
    In ``csv`` and ``gdelt`` a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
    carriage return is prefixed with ``'`` so that a spreadsheet shows it rather than running
    it as a formula (:func:`neutralise_cell`); numbers are written unchanged.
    """
    if fmt == "gdelt":
        if table != "events":
            raise QueryError("the gdelt format exports the events table only")
        rows: Iterator[dict[str, Any]] = gdelt_rows(corpus)
        columns: tuple[str, ...] = GDELT_COLUMNS
    else:
        rows = table_rows(corpus, table)
        columns = TABLES[table][0] if table in TABLES else ()
    if fmt == "parquet":
        return _write_parquet(rows, columns, output)
    if fmt not in ("jsonl", "csv", "gdelt"):
        raise QueryError(f"no export format {fmt!r}: choose jsonl, csv, parquet or gdelt")
    handle: IO[str] = (open(output, "w", encoding="utf-8", newline="") if output  # noqa: SIM115
                       else sys.stdout)
    count = 0
    try:
        if fmt == "jsonl":
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
        else:
            writer = csv.DictWriter(handle, fieldnames=columns,
                                    delimiter="\t" if fmt == "gdelt" else ",",
                                    lineterminator="\n")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: neutralise_cell(v) for k, v in row.items()})
                count += 1
    finally:
        if output:
            handle.close()
    return count


def _write_parquet(rows: Iterator[dict[str, Any]], columns: tuple[str, ...],
                   output: Path | None) -> int:
    if output is None:
        raise QueryError("parquet needs a file: add --output FILE")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise QueryError("parquet export needs pyarrow: pip install 'onrecord[parquet]'") from err
    count, writer, batch = 0, None, []
    schema = None
    try:
        for row in rows:
            batch.append({k: _cell(v) for k, v in row.items()})
            if len(batch) >= PAGE:
                table = pa.Table.from_pylist(batch, schema=schema)
                schema = schema or _nullable(pa, table.schema)
                table = table.cast(schema)
                writer = writer or pq.ParquetWriter(output, schema)
                writer.write_table(table)
                count, batch = count + len(batch), []
        if batch or writer is None:
            table = pa.Table.from_pylist(batch, schema=schema) if batch else pa.table(
                {c: pa.array([], pa.string()) for c in columns})
            table = table.cast(schema or _nullable(pa, table.schema))
            writer = writer or pq.ParquetWriter(output, table.schema)
            writer.write_table(table)
            count += len(batch)
    finally:
        if writer is not None:
            writer.close()
    return count



def _nullable(pa: Any, schema: Any) -> Any:
    """A schema whose all-empty (null-typed) columns are strings, so later pages fit it."""
    return pa.schema([pa.field(f.name, pa.string() if pa.types.is_null(f.type) else f.type)
                      for f in schema])
