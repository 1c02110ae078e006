"""Removing site furniture from a plain-text article, keeping every other character as it was.

These kinds of boilerplate are removed:

- a video caption or teaser paragraph that comes before the dateline paragraph
  (``WASHINGTON —``, ``ATHENS (AP) —``, ``LONDON, March 3 (Reuters) -``);
- site furniture lines (``In Other News``, ``Load More``, ``Advertisement``, share, subscribe and
  follow prompts), and a trailing "other stories" block after a heading like ``Related Stories``;
- wire credit lines (``Associated Press writers ... contributed to this report.``,
  ``Reporting by ...; Editing by ...``, ``Staff and agencies``) and service notes
  (``(Repeats story published ...)``);
- the furniture that :mod:`onrecord.ingest.furniture` tells from its vocabulary and shape
  (buttons, notices, prompts, link lines, glued labels, template markers, the site's name),
  wherever it stands; before the first paragraph of prose, a site's slogan above the headline
  and rows of pictographs; in the middle of the article, a block of three or more headlines of
  other stories, and a headline put between the paragraphs of a quotation; after the last
  paragraph, a line of tags.

Matching is on whole lines or paragraphs, so a paragraph that merely mentions "news" or
"related" is kept. Markup and markers that are not text (stray HTML tags, a leading
"date 2018-10-07", an embedded post's "Post by ...") are taken out of their lines.

A page that is only a wall in front of the article, a cookie-consent wall or a login or
subscription wall, is told apart by :func:`detect_wall` from the share of its words that are
wall language (the phrases of ``onrecord/data/walls.txt``); it removes nothing.
"""

from __future__ import annotations

import re
from functools import cache

from onrecord.datafiles import data_sections
from onrecord.ingest.furniture import (
    furniture_rule,
    header_rule,
    is_slogan,
    is_tags_line,
    strip_markers,
)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_AGENCY = r"\((?:AP|AFP|Reuters|UPI|CNN|Bloomberg|dpa|Xinhua|[A-Z][A-Za-z&. ]{1,30})\)"
_UPPER_PLACE = r"[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}"
_MIXED_PLACE = r"[A-Z][A-Za-z.'’\-]+(?: [A-Z][A-Za-z.'’\-]+){0,3}"
_REGION = r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?"
_DAY = rf"(?:,?\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"
_DASH = r"\s*(?:—|–|--|-)\s+"
DATELINE_RE = re.compile(
    rf"^(?:{_UPPER_PLACE}{_REGION}{_DAY}(?:\s*{_AGENCY})?"
    rf"|{_MIXED_PLACE}{_REGION}{_DAY}\s*{_AGENCY}"
    rf"|{_AGENCY}){_DASH}\S"
)

# Lines that are site furniture wherever they appear (the whole line must match).
_FURNITURE_RE = re.compile(
    r"^(?:in other news|load more(?: stories| articles)?|show more|see more|"
    r"advertisement|advertisement\s*[-–—:]\s*scroll to continue|"
    r"story continues below(?: advertisement)?|continue reading(?: below)?|"
    r"share(?: this(?: article| story| post)?)?|share (?:on|via) [\w ]{1,30}|"
    r"(?:tweet|email|print|facebook|twitter|whatsapp|linkedin|reddit)(?: this)?|"
    r"subscribe(?: to (?:our|the) [\w ]{0,30}newsletters?| now| today)?|"
    r"(?:skip|back) to (?:main content|content|top)|"
    r"(?:related|related (?:stories|articles|content|coverage|news|links|topics))|"
    r"(?:more|top|latest|trending|recommended) (?:stories|news|articles|videos)|"
    r"(?:most (?:read|popular|viewed)|trending(?: now)?|recommended(?: for you)?|"
    r"you (?:may|might) also like|read more|more from [\w .’']{1,40})|"
    r"comments?|show comments|view comments|\d+ comments?)"
    r"\s*[:.!»›>]*$",
    re.IGNORECASE,
)
# Prompts that start a furniture line; only removed in the article's trailing block.
_TRAILING_PROMPT_RE = re.compile(
    r"^(?:sign up (?:for|to)|subscribe (?:to|for|now|today)|follow us (?:on|at)|"
    r"follow [\w ]{1,40} on (?:twitter|x|facebook|instagram)|click here (?:to|for)|"
    r"get (?:our|the) [\w ]{0,30}newsletter|"
    r"download (?:our|the) [\w ]{0,20}app|read (?:more|the full story|next)\b|"
    r"related:|see also:|watch:|more:|©|\(c\)\s*\d{4}|copyright\s+(?:©\s*)?\d{4}|"
    r"all rights reserved)",
    re.IGNORECASE,
)
_ATTRIBUTION_RE = re.compile(r"\b(?:said|says|told|tells|according to|urged|added)\b", re.I)
_QUOTE_MARKS = frozenset("“”\"«»")
# Headings after which the rest of the article is a list of other stories.
_OTHER_STORIES_RE = re.compile(
    r"^(?:in other news|related|related (?:stories|articles|content|coverage|news)|"
    r"(?:more|top|latest|trending|recommended) (?:stories|news|articles|videos)|"
    r"most (?:read|popular|viewed)|trending(?: now)?|recommended(?: for you)?|"
    r"you (?:may|might) also like|read more|more from [\w .’']{1,40}|read next)\s*:?$",
    re.IGNORECASE,
)
_CREDIT_RES = (
    re.compile(
        r"^\(?(?:The )?Associated Press (?:writers?|reporters?|correspondents?|researchers?|"
        r"videojournalists?|photographers?)\b.{0,300}\bcontributed\b.{0,80}$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^[A-Z][\w.'’ -]{1,80}(?:,[\w.'’ -]{1,80}){0,6}(?: and [\w.'’ -]{1,80})? "
        r"(?:also )?contributed (?:to )?(?:this )?(?:report|reporting|story|article)"
        r"(?: (?:from|in) [^.]{1,80})?\.\)?$"
    ),
    re.compile(r"^Contributing:\s.{1,300}$"),
)
_CAPTION_RE = re.compile(
    r"^(?:\(?(?:watch|video|photo|photos|gallery|listen|audio|file|caption)\b\s*[:\-—–|)]"
    r"|.{0,400}\((?:AP|AFP|Reuters|Getty) (?:Photo|Video)\b)",
    re.IGNORECASE,
)
_BY_CREDIT_RE = re.compile(
    r"^\(?(?:Additional |Further )?(?:reporting|writing|editing|compiled|research(?:ing)?) by\b",
    re.IGNORECASE,
)
# "Based on reporting by AP, Reuters and AFP", "Additional reporting from ...": always credits.
_QUALIFIED_CREDIT_RE = re.compile(
    r"^\(?(?:(?:Based on|With) (?:additional )?|Additional |Further )"
    r"(?:reporting|writing|research|material) (?:by|from)\b.{1,200}$",
    re.IGNORECASE,
)
_AGENCIES_CREDIT_RE = re.compile(
    r"^(?:With |(?:[\w.'’&-]+ ){1,4}(?:and|&) )?agencies(?: (?:and|&)(?: [\w.'’&-]+){1,4})?\.?$",
    re.IGNORECASE,
)
# A wire service's note on a story: "(Repeats story published late Monday; no changes)".
_SERVICE_NOTE_RE = re.compile(
    r"^\((?:Repeats|Updates|Adds|Corrects|Recasts|Refiles|Fixes|Changes|Removes|Inserts|"
    r"Clarifies|Writes through)\b[^()]{0,240}\)$"
)
_PROSE_WORDS = 12
_PROSE_SENTENCE_RE = re.compile(r"[.!?…][\"'”’)\]]*(?:\s|$)")
_LINK_BLOCK_LINES = 3
_MAX_INSERT_WORDS = 15
_QUOTE_OPENERS = "\"“"
_LINK_HEADLINE_WORDS = (4, 20)
_MAX_TEASERS = 3
_MAX_TEASER_WORDS = 120
_DATELINE_WITHIN = 5
_MAX_OTHER_STORY_WORDS = 25
_MAX_OTHER_STORIES = 40


def remove_boilerplate(text: str, site: str | None = None) -> str:
    """Remove captions before the dateline, site furniture and wire credits from ``text``;
    ``site`` (the page's url or host) makes a line that is only the site's name furniture.

    Everything else is kept byte for byte, except that newlines are normalised to ``\\n``,
    markup and markers are taken out (:func:`~onrecord.ingest.furniture.strip_markers`), runs
    of blank lines are collapsed to one, and leading/trailing whitespace is trimmed.
    """
    text = strip_markers(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    drop: set[int] = set()
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped and (
            _FURNITURE_RE.match(stripped)
            or is_credit_line(stripped)
            or _SERVICE_NOTE_RE.match(stripped)
            or furniture_rule(stripped, site)
        ):
            drop.add(index)
    left = [index for index in range(len(lines)) if index not in drop]
    drop.update(left[i] for i in _teaser_lines([lines[index] for index in left]))
    drop.update(_header_lines(lines, drop))
    drop.update(_link_blocks(lines, drop))
    drop.update(_quotation_inserts(lines, drop))
    drop.update(_trailing_lines(lines, drop))
    kept = "\n".join(line for index, line in enumerate(lines) if index not in drop)
    return re.sub(r"\n(?:[ \t]*\n){2,}", "\n\n", kept).strip()


def is_dateline(paragraph: str) -> bool:
    """Whether a paragraph opens with a dateline (``WASHINGTON —``, ``LONDON (Reuters) -``)."""
    return bool(DATELINE_RE.match(paragraph.lstrip()))


def is_credit_line(line: str) -> bool:
    """Whether a line is a wire credit (``Reporting by ...; Editing by ...``)."""
    words = len(line.split())
    if words > 60:
        return False
    if _QUALIFIED_CREDIT_RE.match(line) and words <= 30 or _AGENCIES_CREDIT_RE.match(line):
        return True
    if _BY_CREDIT_RE.match(line):
        # "Reporting by the ministry's auditors showed ..." is a sentence, not a credit.
        lowered = line.lower()
        return (
            words <= 8
            or ";" in line
            or line.startswith("(")
            or "editing by" in lowered
            or "writing by" in lowered
        )
    return any(rx.match(line) for rx in _CREDIT_RES)


def looks_like_title(line: str, max_words: int = 20) -> bool:
    """Whether a line reads as a headline: short, and not ending like a sentence."""
    stripped = line.strip()
    words = stripped.split()
    if not words or len(words) >= max_words:
        return False
    if stripped.endswith((",", ";", ":", "—", "-")):
        return False
    if stripped.endswith((".", ".”", '."', ".’", ".)")) and not re.search(
        r"\b(?:[A-Z]\.){2,}$", stripped
    ):
        return False
    return not is_dateline(stripped) and not is_credit_line(stripped)


def _paragraphs(lines: list[str]) -> list[tuple[int, int]]:
    """Paragraphs as ``(first_line, last_line + 1)``: blank-line separated, else one per line."""
    if not any(not line.strip() for line in lines[: _first_content_end(lines)]):
        return [(i, i + 1) for i, line in enumerate(lines) if line.strip()]
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for index, line in enumerate(lines):
        if line.strip():
            if start is None:
                start = index
        elif start is not None:
            spans.append((start, index))
            start = None
    if start is not None:
        spans.append((start, len(lines)))
    return spans


def _first_content_end(lines: list[str]) -> int:
    """The index just past the first few non-blank lines (where the dateline can be)."""
    seen = 0
    for index, line in enumerate(lines):
        if line.strip():
            seen += 1
            if seen > _DATELINE_WITHIN + 1:
                return index
    return len(lines)


def _teaser_lines(lines: list[str]) -> list[int]:
    """Lines of the caption/teaser paragraphs between the title (if any) and the dateline."""
    paragraphs = _paragraphs(lines)[:_DATELINE_WITHIN]
    texts = [" ".join(line.strip() for line in lines[a:b]) for a, b in paragraphs]
    dateline = next((i for i, para in enumerate(texts) if i and is_dateline(para)), None)
    if dateline is None:
        return []
    first = 0
    while (
        first < dateline and looks_like_title(texts[first]) and not _CAPTION_RE.match(texts[first])
    ):
        first += 1  # a headline, a byline, a timestamp: kept
    teasers = range(first, dateline)
    if not teasers or len(teasers) > _MAX_TEASERS:
        return []
    if any(len(texts[i].split()) > _MAX_TEASER_WORDS for i in teasers):
        return []
    return [line for i in teasers for line in range(*paragraphs[i])]


def _trailing_lines(lines: list[str], dropped: set[int]) -> list[int]:
    """Lines of the trailing furniture block: an "other stories" list, prompts and credits."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    drop: list[int] = []
    # An "other stories" heading followed only by short headline-like lines.
    lowest = max(0, len(content) - _MAX_OTHER_STORIES - 1)
    for position in range(len(content) - 1, lowest, -1):
        if _OTHER_STORIES_RE.match(lines[content[position]].strip()):
            if all(_is_headline_like(lines[i]) for i in content[position + 1 :]):
                drop.extend(content[position:])
                content = content[:position]
            break
    # Then prompts and credits, from the end up (lines already dropped are passed over).
    while content:
        index = content[-1]
        line = lines[index].strip()
        if index in dropped or _is_trailing_prompt(line) or is_tags_line(line):
            drop.append(content.pop())
        else:
            break
    return drop


def _is_trailing_prompt(line: str) -> bool:
    """A prompt to the reader ("Sign up for ...") and not a sentence reporting one."""
    return (
        len(line.split()) <= 30
        and bool(_TRAILING_PROMPT_RE.match(line))
        and not _ATTRIBUTION_RE.search(line)
    )


def _is_headline_like(line: str) -> bool:
    stripped = line.strip()
    return len(stripped.split()) <= _MAX_OTHER_STORY_WORDS and (
        looks_like_title(stripped, max_words=_MAX_OTHER_STORY_WORDS + 1)
        or bool(_FURNITURE_RE.match(stripped))
        or _is_trailing_prompt(stripped)
    )


def is_prose(line: str) -> bool:
    """Whether a line reads as prose: a dozen words or more, with a sentence ending in it."""
    words = len(line.split())
    return words >= _PROSE_WORDS and (bool(_PROSE_SENTENCE_RE.search(line)) or words >= 25)


def _header_lines(lines: list[str], dropped: set[int]) -> list[int]:
    """Furniture before the first line of prose: a slogan above the headline, pictographs."""
    kept = [i for i, line in enumerate(lines) if line.strip() and i not in dropped]
    drop: list[int] = []
    for position, index in enumerate(kept):
        line = lines[index].strip()
        if is_prose(line):
            break
        if header_rule(line):
            drop.append(index)
        elif position == 0 and is_slogan(line) and position + 1 < len(kept):
            following = lines[kept[position + 1]].strip()
            if looks_like_title(following) and not following.lower().startswith("by "):
                drop.append(index)  # a slogan, and the headline under it
    return drop


def _link_blocks(lines: list[str], dropped: set[int]) -> list[int]:
    """Blocks of three or more headlines of other stories after the first line of prose."""
    if all(line.strip() for line in lines):
        return []  # no blank lines: headlines cannot be told from wrapped prose
    drop: list[int] = []
    block: list[int] = []
    seen_prose = False
    for index, line in enumerate([*lines, ""]):
        if line.strip() and index not in dropped:
            block.append(index)
            continue
        if not line.strip() and block:
            if seen_prose and len(block) >= _LINK_BLOCK_LINES and all(
                _is_link_headline(lines[i]) for i in block
            ):
                drop.extend(block)
            seen_prose = seen_prose or any(is_prose(lines[i]) for i in block)
            block = []
    return drop


def _quotation_inserts(lines: list[str], dropped: set[int]) -> list[int]:
    """Headlines standing inside a quotation that runs over several paragraphs: the paragraph
    before opens a quotation it does not close and the one after goes on with it ("“...),
    so the line between is a link or a label put into the quoted text, not part of it."""
    if all(line.strip() for line in lines):
        return []
    paragraphs = [
        index for index, line in enumerate(lines) if line.strip() and index not in dropped
    ]
    drop: list[int] = []
    for before, index, after in zip(paragraphs, paragraphs[1:], paragraphs[2:], strict=False):
        line = lines[index].strip()
        if (
            before + 1 < index < after - 1  # a paragraph of its own
            and _opens_quotation(lines[before].strip())
            and lines[after].lstrip()[:1] in _QUOTE_OPENERS
            and line[:1] not in _QUOTE_OPENERS
            and len(line.split()) <= _MAX_INSERT_WORDS
            and looks_like_title(line)
        ):
            drop.append(index)
    return drop


def _opens_quotation(paragraph: str) -> bool:
    """Whether a paragraph opens a quotation and leaves it open (it goes on in the next)."""
    if paragraph[:1] not in _QUOTE_OPENERS:
        return False
    return paragraph.count("“") > paragraph.count("”") or paragraph.count('"') % 2 == 1


def _is_link_headline(line: str) -> bool:
    """A line that reads as the headline of another story in a list of links."""
    stripped = line.strip()
    low, high = _LINK_HEADLINE_WORDS
    return (
        low <= len(stripped.split()) <= high
        and (stripped[:1].isupper() or stripped[:1] in "‘'\"“")
        and looks_like_title(stripped, max_words=high + 1)
        and not stripped.lower().startswith("by ")
        and not _ATTRIBUTION_RE.search(stripped)
    )


# -- walls ---------------------------------------------------------------------------------------
WALLS = {"consent": "a cookie-consent wall", "login": "a login or subscription wall"}
"""The kinds of wall :func:`detect_wall` tells apart, each with the words that name it."""
WALL_SHARE = 0.5
"""A text is a wall when at least this share of its words is in sentences of wall language."""
_SENTENCE_SPLIT_RE = re.compile(r"\n+|(?<=[.!?…])[\"'”’)\]]*\s+")
_WORD_RE = re.compile(r"\w+")


def detect_wall(text: str) -> str | None:
    """The kind of wall (a key of :data:`WALLS`) that ``text`` is, or ``None`` for an article.

    A sentence is wall language when it holds a phrase of that wall (``data/walls.txt``) and
    neither reports what someone said nor holds a quotation mark; ``text`` is a wall when such
    sentences hold at least :data:`WALL_SHARE` of its words, so an article with a "Sign in"
    line, or one that reports on cookie banners, is not. The wall with more words wins.
    """
    phrases = _wall_phrases()
    words = {kind: 0 for kind in phrases}
    total = 0
    for sentence in _SENTENCE_SPLIT_RE.split(text):
        count = len(_WORD_RE.findall(sentence))
        total += count
        if not count or _ATTRIBUTION_RE.search(sentence) or _QUOTE_MARKS.intersection(sentence):
            continue  # what someone said, or a quotation, is no wall
        for kind, pattern in phrases.items():
            if pattern.search(sentence):
                words[kind] += count
    if not total:
        return None
    kind = max(words, key=lambda k: words[k])
    return kind if words[kind] >= WALL_SHARE * total else None


@cache
def _wall_phrases() -> dict[str, re.Pattern[str]]:
    """One pattern per wall, from ``onrecord/data/walls.txt``."""
    phrases = {kind: [_phrase_pattern(line) for line in lines]
               for kind, lines in data_sections("walls.txt").items()}
    unknown = set(phrases) - set(WALLS)
    if unknown:
        raise ValueError(f"walls.txt: unknown walls {sorted(unknown)}")
    return {k: re.compile(rf"(?<!\w)(?:{'|'.join(v)})(?!\w)", re.IGNORECASE)
            for k, v in phrases.items() if v}


def _phrase_pattern(phrase: str) -> str:
    """A phrase of walls.txt as a regular expression (spaces, apostrophes and ``<n>``)."""
    parts = []
    for word in phrase.lower().split():
        if word == "<n>":
            parts.append(r"\d[\d,.]*")
        else:
            parts.append("['’]".join(re.escape(piece) for piece in word.split("'")))
    return r"\s+".join(parts)
