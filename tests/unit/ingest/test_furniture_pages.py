"""Invented page texts with site furniture (tests/data/furniture/): what parse_text leaves."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from onrecord.ingest.text import parse_text

PAGES = Path(__file__).parents[2] / "data" / "furniture"


@dataclass
class Page:
    """A page of tests/data/furniture: its raw text and what must and must not survive."""

    raw: str
    site: str
    title: str | None
    furniture: list[str] = field(default_factory=list)
    article: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)


def read_page(path: Path) -> Page:
    """Read a page file (the format is in tests/data/furniture/README.md)."""
    site, title, raw_lines = "", None, []
    furniture: list[str] = []
    article: list[str] = []
    gone: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("# site: "):
            site = line.removeprefix("# site: ")
        elif line.startswith("# title: "):
            value = line.removeprefix("# title: ")
            title = None if value == "none" else value
        elif line.startswith("# gone: "):
            gone.append(line.removeprefix("# gone: "))
        elif line.startswith("~"):
            furniture.append(line[1:].strip())
            raw_lines.append(line[1:])
        else:
            if line.strip():
                article.append(line.strip())
            raw_lines.append(line)
    return Page("\n".join(raw_lines), site, title, furniture, article, gone)


PAGE_FILES = sorted(PAGES.glob("*.txt"))


def test_there_are_pages_with_furniture() -> None:
    pages = [read_page(path) for path in PAGE_FILES]
    assert len(pages) >= 8
    assert sum(len(page.furniture) for page in pages) >= 40


@pytest.mark.parametrize("path", PAGE_FILES, ids=[p.stem for p in PAGE_FILES])
def test_furniture_is_removed_and_the_article_kept(path: Path) -> None:
    page = read_page(path)
    article = parse_text(page.raw, path.name, url=page.site)
    assert article.title == page.title
    lines = [line.strip() for line in article.text.split("\n")]
    left = [f for f in page.furniture if f in lines or f == article.title]
    assert left == []
    for line in page.article:
        if not (page.title and page.title in line):  # the title line, markers and all
            assert line in lines, line
    for string in page.gone:
        assert string not in article.text and string not in (article.title or "")
