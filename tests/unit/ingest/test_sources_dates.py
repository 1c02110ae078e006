"""The publication date of a plain-text file can come from its name."""

from __future__ import annotations

from onrecord.ingest import load_article
from onrecord.ingest.sources import date_from_name


def test_date_from_name():
    assert date_from_name("news/2025-03-03-harbor-wire.txt") == "2025-03-03"
    assert date_from_name("digest-2024-12-31.jsonl#2") == "2024-12-31"
    assert date_from_name("2025-13-40-bad.txt") is None
    assert date_from_name("notes.txt") is None


def test_file_name_date_used_when_text_has_none(tmp_path):
    path = tmp_path / "2024-05-07-ferries.txt"
    path.write_text("Ferries sail again\n\nThe harbour master said the ferries would sail again "
                    "on Friday after the storm had passed through the bay.", encoding="utf-8")
    assert load_article(path).published == "2024-05-07"
    assert load_article(path, published="2024-06-01").published == "2024-06-01"
