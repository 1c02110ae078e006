"""Site furniture: the lines of a news page that are its buttons, prompts, notices, labels and
links rather than its article, and titles that are such furniture.

A line is told by the vocabulary of ``onrecord/data/furniture.txt`` and by its shape, never by
listing whole strings of particular sites:

- a short line made of the words of buttons and menus ("Share on Facebook", "Click to log in!",
  "Advertisement 2", "listen live"), and notices, prompts and comment-form text that start or
  end a line ("IE 11 is not supported ...", "Your email address will not be published",
  "... All rights reserved.");
- a link to another story: a link label and a headline ("Read more: ...", "MORE: ...");
- a glued repeat ("Send in e-mailSend in e-mail": one string twice) or a short line glued from
  several labels ("PoliticsPolitical Scandals");
- a template marker ("[storybar title=... link=...]"), an icon's description ("Close icon Two
  crossed lines ..."), a logo ("WDAY logo") and the site's own name ("The Herald Online" on
  heraldonline.example);
- only before the first paragraph of prose, a line of pictographs ("☀️ + ☕ = 😊 ...").

Every rule matches whole lines (or, for :func:`strip_markers`, markup and markers that are not
text); a sentence reporting what someone said is never furniture.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from onrecord.datafiles import data_sections

MAX_UI_WORDS = 8
"""A line of button and menu words has at most this many words."""
MAX_GLUED_WORDS = 4
"""A line glued from labels ("PoliticsPolitical Scandals") has at most this many words."""
MAX_SITE_NAME_WORDS = 6
MAX_LINK_WORDS = 40
_DEFAULT_MAX_WORDS = 40

_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_GLUE_POINT_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SHARED_STEM = 4
_ATTRIBUTION_RE = re.compile(
    r"\b(?:said|says|told|tells|according to|added|wrote|urged|urges|asked|asks|shouted|"
    r"chanted|demanded|pleaded|insisted|warned|tweeted)\b",
    re.IGNORECASE,
)
_QUOTE_OPENERS = "\"“‘'«„"
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*$")
_SHORTCODE_RE = re.compile(r"^\[/?[a-z][a-z0-9_-]*(?:\s+[\w-]+\s*=.*)?\]?$")
_TAGS_LINE_RE = re.compile(
    r"^[^\W\d_][\w.'’&-]*(?: [\w.'’&-]+){0,3}(?:, [\w][\w.'’&-]*(?: [\w.'’&-]+){0,3}){1,9}$"
)
_MARKUP_TAG_RE = re.compile(
    r"</?(?:a|article|b|blockquote|body|br|code|div|em|figcaption|figure|h[1-6]|html|i|iframe|"
    r"img|li|ol|p|pre|section|span|strong|table|td|th|tr|u|ul)\b[^<>]{0,300}>",
    re.IGNORECASE,
)
# A search index's "date 2018-10-07" marker before the text of a page.
_DATE_MARKER_RE = re.compile(r"\A\s*date (?:19|20)\d\d-[01]\d-[0-3]\d[ \t]+(?=\S)")
# An embedded social post's credit glued before the text: "Post by Harbour Watch. ..."
_POST_BY_RE = re.compile(r"^Post by ((?:[^\W\d_][\w'’&-]*[ ]?){1,6})\.(?:\s+|$)")
_TITLE_SEPARATOR_RE = re.compile(r"\s+(?:\||::|•)\s+")
_DASH_SEPARATOR_RE = re.compile(r"\s+[-–—]\s+")
_SITE_FILLER = frozenset("the online news daily digital com www staff".split())
_HOST_SUFFIXES = frozenset("com co org net gov edu ac info biz ltd plc".split())
"""Second-level labels under a country's domain ("co" of ".co.uk")."""


@dataclass(frozen=True)
class Vocabulary:
    """The furniture vocabulary of ``data/furniture.txt``, compiled."""

    ui_words: frozenset[str]
    function_words: frozenset[str]
    lines: re.Pattern[str]
    prefixes: tuple[tuple[re.Pattern[str], int], ...]
    suffixes: tuple[tuple[re.Pattern[str], int], ...]
    icons: re.Pattern[str]
    links: re.Pattern[str]
    slogans: re.Pattern[str]


def furniture_rule(line: str, site: str | None = None) -> str | None:
    """The name of the rule by which ``line`` is site furniture wherever it stands on a page,
    or ``None`` when it may be article text. ``site`` is the page's url or host, whose name
    on a line of its own is furniture."""
    stripped = " ".join(line.split())
    if not stripped:
        return None
    if is_link_line(stripped):
        return "link"  # before the test for speech: headlines say "X says Y"
    vocabulary = load_vocabulary()
    words = stripped.split()
    if _reports_speech(stripped):
        return None
    checks = (
        ("notice", lambda: _matches_notice(stripped, len(words), vocabulary)),
        ("buttons", lambda: is_ui_line(stripped)),
        ("glued", lambda: is_glued_line(stripped)),
        ("template", lambda: bool(_SHORTCODE_RE.match(stripped)) and "=" in stripped),
        ("icon", lambda: bool(vocabulary.icons.match(stripped))),
        ("site name", lambda: site is not None and is_site_name(stripped, site)),
    )
    return next((name for name, check in checks if check()), None)


def header_rule(line: str) -> str | None:
    """The rule by which ``line`` is furniture when it stands before the article's first
    paragraph of prose (a row of pictographs from a site's menu), else ``None``."""
    tokens = line.split()
    pictographs = sum(1 for token in tokens if _is_pictograph(token))
    return "pictographs" if pictographs >= 3 else None


def is_ui_line(line: str) -> bool:
    """Whether a short line is made of the words of buttons and menus ("Click to follow")."""
    words = _WORD_RE.findall(line)
    if not words or len(line.split()) > MAX_UI_WORDS or line[0] in _QUOTE_OPENERS:
        return False
    if _SENTENCE_END_RE.search(line) and not line.endswith("!") and len(words) < 4:
        return False  # "Pause." and "Instagram and Facebook." are sentences, not buttons
    vocabulary = load_vocabulary()
    known = vocabulary.ui_words | vocabulary.function_words
    # A word glued from two ("e-mailSend", "WhatsApp") is read as its parts when it is unknown.
    words = [part for word in words
             for part in ([word.casefold()] if word.casefold() in known else _glued_parts(word))]
    content = [w for w in words if w not in vocabulary.function_words]
    others = [w for w in content if w not in vocabulary.ui_words]
    return bool(content) and (not others or (len(content) >= 4 and len(others) == 1))


def is_link_line(line: str) -> bool:
    """Whether a line is a labelled link to another story ("Read more: <headline>")."""
    match = load_vocabulary().links.match(line)
    if not match:
        return False
    headline = line[match.end():].strip()
    words = headline.split()
    if not words or len(words) > MAX_LINK_WORDS or headline[0] in _QUOTE_OPENERS:
        return False
    # A headline does not end like a sentence ("Watch: crews lift a hiker from the ridge.").
    return not headline.endswith(".") or headline.endswith(("...", "…"))


def is_glued_line(line: str) -> bool:
    """Whether a line is one string twice ("Send in e-mailSend in e-mail") or a short line
    glued from labels: a section and its subsection ("PoliticsPolitical Scandals"), or a
    label's last word and the next label ("Get more newsLiveon"). Names written as one word
    ("PlayStation", "McCain", "iPhone") are not glued labels."""
    squeezed = re.sub(r"\s+", "", line)
    half = len(squeezed) // 2
    if len(squeezed) >= 6 and len(squeezed) % 2 == 0 and squeezed[:half] == squeezed[half:]:
        return True
    if len(line.split()) > MAX_GLUED_WORDS or _SENTENCE_END_RE.search(line):
        return False
    for token in line.split():
        parts = [part for part in _GLUE_POINT_RE.split(token) if part]
        for left, right in zip(parts, parts[1:], strict=False):
            left_word, right_word = _bare(left), _bare(right)
            if len(left_word) < 3 or len(right_word) < 3:
                continue
            if left[:1].islower() or left_word[:_SHARED_STEM] == right_word[:_SHARED_STEM]:
                return True
    return False


def _glued_parts(word: str) -> list[str]:
    """The words a token is glued from, lower-cased ("e-mailSend": "e-mail", "send")."""
    return [part.casefold() for part in _GLUE_POINT_RE.split(word) if part]


def _bare(part: str) -> str:
    """The letters of a part of a glued token, lower-cased ("e-mail" stays "e-mail")."""
    words = _WORD_RE.findall(part)
    return words[-1].casefold() if words else ""


def is_site_name(line: str, site: str) -> bool:
    """Whether a short line is only the name of the site ``site`` (a url or host):
    "The Harbour Gazette Online" on harbourgazette.example."""
    if len(line.split()) > MAX_SITE_NAME_WORDS:
        return False  # first: this runs on most lines of every article
    name = site_name(site)
    words = [w.casefold() for w in _WORD_RE.findall(line)]
    if not name or not words:
        return False
    letters = "".join(w for w in words if w not in _SITE_FILLER)
    return letters == name or "".join(words) == name


def site_name(site: str) -> str | None:
    """The letters of a site's name: the main label of a url's or host's name ("heraldonline"
    for ``https://www.heraldonline.co.uk/news/1``), or of a name ("harbourgazette" for
    "The Harbour Gazette"); ``None`` when there is none."""
    host = re.sub(r"^[a-z]+://", "", site.strip().casefold()).split("/")[0].split(":")[0]
    if "." not in host or " " in host:
        words = [w.casefold() for w in _WORD_RE.findall(site)]
        name = "".join(w for w in words if w not in _SITE_FILLER)
    else:
        labels = [label for label in host.split(".") if label][:-1]  # without the top level
        while labels and labels[-1] in _HOST_SUFFIXES:
            labels.pop()  # "co" of ".co.uk", "com" of ".com.pk"
        name = re.sub(r"[^a-z0-9]", "", labels[-1]) if labels else ""
    return name if len(name) >= 3 else None


def is_slogan(line: str) -> bool:
    """Whether a line is a site's slogan ("Serving the valley since 1887")."""
    words = line.split()
    return (
        2 <= len(words) <= 10
        and words[0].casefold().endswith("ing")
        and words[0][:1].isupper()
        and bool(load_vocabulary().slogans.search(line))
    )


def is_tags_line(line: str) -> bool:
    """Whether a line is a list of three or more of a page's tags ("Russia, Ukraine, Aviation"),
    every word of them capitalised."""
    stripped = line.strip()
    items = [item.strip() for item in stripped.split(",")]
    return (
        len(items) >= 3
        and bool(_TAGS_LINE_RE.match(stripped))
        and all(word[:1].isupper() or word[:1].isdigit() for word in stripped.split())
        and not _SENTENCE_END_RE.search(stripped)
    )


def strip_markers(text: str) -> str:
    """``text`` without what is markup or a marker rather than text: stray HTML tags
    ("<pre>"), a search index's leading "date 2018-10-07", and an embedded post's credit
    glued before a line ("Post by Harbour Watch. ")."""
    text = _DATE_MARKER_RE.sub("", text, count=1)
    text = _MARKUP_TAG_RE.sub(_tag_replacement, text)
    return "\n".join(_strip_post_credit(line) for line in text.split("\n"))


def _tag_replacement(tag: re.Match[str]) -> str:
    """What stands for a stray tag: a line break for ``<br>`` inside a line, else nothing."""
    at_line_end = tag.string[tag.end():tag.end() + 1] in ("\n", "")
    return "\n" if tag[0][1:3].lower() == "br" and not at_line_end else ""


def _strip_post_credit(line: str) -> str:
    """A line without an embedded post's credit before it ("Post by Harbour Watch. ")."""
    match = _POST_BY_RE.match(line)
    if match and all(word[:1].isupper() for word in match.group(1).split()):
        return line[match.end():]
    return line


def clean_title(title: str | None, site: str | None = None) -> str | None:
    """A title without markup and without the site's name around it ("Headline | Site"),
    or ``None`` when what is left is furniture ("Advertisement 1", "Accessibility links",
    "Login to access your account"), the site's name alone or with its slogan."""
    if not title:
        return None
    text = " ".join(strip_markers(title).split())
    parts = [part for part in _TITLE_SEPARATOR_RE.split(text) if part]
    if site:
        parts = [part for part in parts if not is_site_name(part, site)]
    if len(parts) > 1:  # "Headline | Section | Site": the headline is much the longest
        longest = max(parts, key=lambda part: len(part.split()))
        size = len(longest.split())
        if all(len(part.split()) <= min(5, size - 3) for part in parts if part is not longest):
            parts = [longest]
    text = " | ".join(parts)
    if site:
        dashed = _DASH_SEPARATOR_RE.split(text)
        if len(dashed) > 1 and any(is_site_name(part, site) for part in dashed):
            kept = [part for part in dashed if not is_site_name(part, site)]
            if len(kept) == 1 and is_site_slogan(kept[0]):
                return None
            text = " — ".join(kept)
    if not text or (not is_link_line(text) and furniture_rule(text, site)):
        return None  # "Watch: ..." and "Video: ..." are headlines of video pages
    return text


def is_site_slogan(text: str) -> bool:
    """Whether what stands beside a site's name in a title is its slogan or a label rather
    than a headline ("Serving the valley since 1887", "Latest news")."""
    return is_slogan(text) or is_ui_line(text)


def _reports_speech(line: str) -> bool:
    return bool(_ATTRIBUTION_RE.search(line)) and len(line.split()) > 4


def _matches_notice(line: str, words: int, vocabulary: Vocabulary) -> bool:
    bare = line.rstrip(" \t:.!?»›>*()[]|-–—")
    if vocabulary.lines.match(bare):
        return True
    if any(rx.match(line) and words <= cap for rx, cap in vocabulary.prefixes):
        return True
    return any(rx.search(bare) and words <= cap for rx, cap in vocabulary.suffixes)


def _is_pictograph(token: str) -> bool:
    """A token of symbols only, at least one of them a pictograph ("☕", "📧", "☀️")."""
    categories = {unicodedata.category(ch) for ch in token}
    return "So" in categories and categories <= {"So", "Mn", "Sk", "Cf", "Sm"}


@cache
def load_vocabulary() -> Vocabulary:
    """The vocabulary of ``onrecord/data/furniture.txt``."""
    sections = data_sections("furniture.txt")
    words = {kind: frozenset(" ".join(sections.get(kind, [])).casefold().split())
             for kind in ("ui-words", "function-words")}

    def alternation(kind: str) -> str:
        return "|".join(_entry_pattern(entry) for entry in sections.get(kind, []))

    def capped(kind: str, anchor: str) -> tuple[tuple[re.Pattern[str], int], ...]:
        out = []
        for entry in sections.get(kind, []):
            phrase, _, cap = entry.partition("|")
            pattern = _entry_pattern(phrase.strip())
            if phrase.strip()[-1:].isalnum() and anchor.startswith("^"):
                pattern += r"(?!\w)"  # whole words; "©" and "copyright:" take anything after
            out.append((re.compile(anchor.format(pattern), re.IGNORECASE),
                        int(cap) if cap.strip() else _DEFAULT_MAX_WORDS))
        return tuple(out)

    return Vocabulary(
        ui_words=words["ui-words"],
        function_words=words["function-words"],
        lines=re.compile(rf"^(?:{alternation('lines')})$", re.IGNORECASE),
        prefixes=capped("prefixes", r"^(?:{})"),
        suffixes=capped("suffixes", r"(?<!\w)(?:{})$"),
        icons=re.compile(rf"^(?:{alternation('icons')}) icon\b", re.IGNORECASE),
        links=re.compile(rf"^(?:{alternation('links')})\s*(?::|»|›|\|)\s*", re.IGNORECASE),
        slogans=re.compile(rf"(?<!\w)(?:{alternation('slogans')})$", re.IGNORECASE),
    )


_PLACEHOLDERS = {
    "<n>": r"\d[\d,.]*",
    "<year>": r"(?:18|19|20)\d\d",
    "<price>": r"(?:[$£€¥]\s?\d[\d,.]*|\d[\d,.]*\s?(?:dollars|euros|pounds|cents))",
}


def _entry_pattern(entry: str) -> str:
    """An entry of furniture.txt as a regular expression (spaces, apostrophes, placeholders)."""
    parts = []
    for word in entry.casefold().split():
        if word in _PLACEHOLDERS:
            parts.append(_PLACEHOLDERS[word])
        else:
            parts.append("['’]".join(re.escape(piece) for piece in word.split("'")))
    return r"\s+".join(parts)
