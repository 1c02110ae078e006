"""Lines of a page that are no reporting: photo captions and credits, rubrics, datelines, and
prompts addressed to the reader. Statements are not looked for in them.

- a **caption** ends with a photo credit: "(Getty)", "(REUTERS/Jane Roe)", "AP Photo/Jane Roe",
  "Credit: Getty Images", or opens with a credit label ("FILE PHOTO:", "Image:", "Credit:");
- a **rubric** heading is made of page words only ("Related:", "In Other News:", "Disclaimer:"),
  or ends in a credit label ("The crash site Credit:");
- a **dateline** is a place in capitals before a colon ("BEIRUT:", "THE HAGUE:"): a capital or a
  large city (:mod:`onrecord.extract.entities.actors`), not a speaker;
- a **prompt** is a short line without quotation marks that addresses the reader ("Your email
  address will not be published", "We want your thoughts").

Vocabularies in ``data/captions.json``. Pure functions over text and words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from onrecord.datafiles import data_json
from onrecord.extract.entities.actors import is_capital, region_code


def load_vocabulary() -> dict[str, Any]:
    """The word lists of ``data/captions.json``."""
    return data_json("captions.json")


_V = load_vocabulary()
PHOTO_AGENCIES: frozenset[str] = frozenset(_V["photo_agencies"])
WIRE_AGENCIES: frozenset[str] = frozenset(_V["wire_agencies"])
CAPTION_LABELS: frozenset[str] = frozenset(_V["caption_labels"])
RUBRIC_WORDS: frozenset[str] = frozenset(_V["rubric_words"])
READER_WORDS: frozenset[str] = frozenset(_V["reader_words"])

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
# "(Getty)", "(AP Photo/Jane Roe)", "(REUTERS/Jane Roe)" closing a line
_PAREN_CREDIT = re.compile(r"\(([^()\n]{2,60})\)\s*$")
# "REUTERS/Jane Roe", "AP Photo/Jane Roe/File", "Jane Roe/Getty Images" closing a line
_SLASH_CREDIT = re.compile(
    r"(?:^|[\s.])([A-Za-z][\w&.-]*(?:\s[A-Za-z][\w&.-]*){0,3})\s?/\s?[A-Z][^\n]{0,60}$")
_CREDIT_TAIL = 300
"""A credit ends its line: only the line's last characters are searched for one (a regular
expression over a whole paragraph of glued words would take quadratic time)."""
# "Credit: ...", "FILE PHOTO: ...", "Image: ..." opening a line or standing inside it
_LABEL = re.compile(r"(?:^|\s)([A-Za-z][A-Za-z ]{1,20}?)\s?:\s")
_QUOTES = frozenset("\"“”«»‘’")
_SPEAKER_LINE = re.compile(r"\s*[A-Z][\w.'’ -]{0,40}:\s")
_PROMPT_WORDS = 12


_ANY_AGENCY = PHOTO_AGENCIES | WIRE_AGENCIES


def _agency(words: str, wires: bool = False) -> bool:
    """A photo agency in a credit ("Getty Images", "AP Photo", "Kevin Roe-Pool/Getty"); with
    ``wires``, a news agency too ("REUTERS/Jane Roe": a photographer's credit)."""
    known = _ANY_AGENCY if wires else PHOTO_AGENCIES
    parts = re.split(r"[/,;]|\s-\s|-(?=pool\b)", " ".join(words.lower().split()))
    return any(part.strip(" .,") in known for part in [*parts, words.lower().strip()])


def is_caption(line: str) -> bool:
    """True for a photo caption or credit line (see the module docstring)."""
    line = line.strip()
    if not line:
        return False
    paren = _PAREN_CREDIT.search(line)
    # "(Getty)", "(REUTERS/Jane Roe)"; a bare "(AP)" may sign a wire story's paragraph
    if paren is not None and _agency(paren.group(1), wires="/" in paren.group(1)):
        return True
    tail = line[-_CREDIT_TAIL:]
    slash = _SLASH_CREDIT.search(tail)
    if slash is not None and (_agency(slash.group(1), wires=True)
                              or _agency(tail[slash.end(1) + 1:])):
        return True
    for label in _LABEL.finditer(line):
        words = label.group(1).lower().split()
        if words and len(words) <= 4 and words[-1] in CAPTION_LABELS:
            return True  # "Credit: AP", "FILE PHOTO: Members of the media ...", "Image: X"
    return False


def is_rubric(words: list[str]) -> bool:
    """True for a heading of page words ("In Other News", "Disclaimer"), or a caption's words
    ending in a credit label ("The quay Credit")."""
    low = [w.lower().strip(".") for w in words if any(ch.isalpha() for ch in w)]
    if not low:
        return False
    return all(w in RUBRIC_WORDS for w in low) or (len(low) > 1 and low[-1] in CAPTION_LABELS)


def is_dateline(words: list[str]) -> bool:
    """True for a place in capitals heading a paragraph ("BEIRUT", "THE HAGUE", "ISTANBUL")."""
    letters = [w for w in words if any(ch.isalpha() for ch in w)]
    if not letters or len(letters) > 4 or not all(w.isupper() for w in letters):
        return False
    name = " ".join(letters).title()
    return is_capital(name) or region_code(name) is not None


def is_prompt(line: str) -> bool:
    """True for a short line without quotation marks that addresses the reader (not a line of
    a transcript: "Q: Do you think ...?", "TAPPER: Have you ...?")."""
    if any(ch in _QUOTES for ch in line) or "''" in line or _SPEAKER_LINE.match(line):
        return False
    words = [w.lower() for w in _WORD.findall(line)]
    return 0 < len(words) <= _PROMPT_WORDS and any(w in READER_WORDS for w in words)


@lru_cache(maxsize=64)
def furniture_lines(text: str) -> tuple[tuple[int, int], ...]:
    """The character spans of the lines of ``text`` that are captions or reader prompts."""
    return tuple((m.start(), m.end()) for m in _LINE.finditer(text)
                 if is_caption(m.group()) or is_prompt(m.group()))
