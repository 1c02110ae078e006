"""User actor and agent dictionaries: the analyst's own names and codes, read from files.

Two formats are read.

**CAMEO/TABARI dictionaries**, as used by PETRARCH, Phoenix and ICEWS. One entry per line::

    <!-- a comment, possibly over several lines -->
    !ROLE! = CHIEF, CHIEFS              # a macro, used as CLAN!ROLE!
    RURITANIA [RUR]                     # NAME [CODE]; '#' starts a comment
    +RURITANIAN                         # a synonym of the entry above
    RED_HAND_GUNMEN [RURREBRHD]         # underscores join words; spaces may too
    OLD_ZENDA                           # a code chosen by the article's date:
        [ZND <19200101]                 #   before 1 January 1920
        [RURGOV 19200101-19450508]      #   from 1920 up to (not including) 8 May 1945
        [RURMIL >19450508]              #   from 8 May 1945 on

Dates are ``YYYYMMDD`` (or TABARI's ``YYMMDD``: 30-99 are the 1900s). An entry's dated codes
are tried in order and the first that holds wins; an undated code is the default (used too
when the article has no date). Agent dictionaries (``--agents``) give sector codes in which
``~`` marks where the actor's code goes: ``MINISTER {MINISTERS} [~GOV]`` makes "Ruritanian
minister" ``RURGOV``; ``RELIEF_AGENCY [NGO~]`` makes a prefix. Braces give an agent's plural
forms (comma-separated); empty braces, or none, mean the regular plural (``S``, ``ES``,
``IES``). Words are matched case-insensitively; a trailing underscore (TABARI's "whole word
only") is dropped, as every word is matched whole.

**CSV**, with a header ``name,code,start,end`` (``start`` and ``end``: optional ISO dates, both
inclusive). A name may appear on several rows, one per dated code. A file is read as CSV when
its name ends in ``.csv``.

A line that cannot be read raises :class:`~onrecord.errors.DictionaryError` naming the file
and the line. Matching (:mod:`onrecord.extract.events.participants`) puts user entries over
the built-in ones: the longest phrase covering a word decides.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from onrecord.errors import DictionaryError

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A code that holds from ``start`` (inclusive) to ``end`` (exclusive); ``None`` is open."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """An actor: the phrases that name it (lower-case words) and its codes."""

    phrases: tuple[tuple[str, ...], ...]
    codes: tuple[DatedCode, ...]
    where: str  # "file:line", for messages

    def code_on(self, day: dt.date | None) -> str | None:
        """The code on ``day``: the first dated code that holds, else the undated one; with no
        date, the undated code (or the first one)."""
        if day is not None:
            for c in self.codes:
                if c.dated and c.holds_on(day):
                    return c.code
        default = next((c.code for c in self.codes if not c.dated), None)
        if day is None and default is None and self.codes:
            return self.codes[0].code
        return default


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """An agent (a sector word): its phrases, and the code around the actor's (``~``)."""

    phrases: tuple[tuple[str, ...], ...]
    prefix: str
    suffix: str
    where: str

    def applied(self, actor: str | None) -> str:
        """The agent's code with ``actor`` (``---`` when there is none) in place of ``~``."""
        actor = actor or "---"
        if self.suffix and actor.endswith(self.suffix):
            return actor  # "Ruritanian troops" when the actor is already RURMIL
        return self.prefix + actor + self.suffix


Entry = ActorEntry | AgentEntry


def _index(entries: Sequence[Entry]) -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for number, entry in enumerate(entries):
        for phrase in entry.phrases:
            by_first.setdefault(phrase[0], []).append((phrase, number))
    return {k: tuple(v) for k, v in by_first.items()}


@dataclass(frozen=True)
class ActorDictionary:
    """User actors and agents, merged over the built-in tables (picklable, immutable)."""

    actors: tuple[ActorEntry, ...] = ()
    agents: tuple[AgentEntry, ...] = ()
    _actor_index: dict[str, tuple[tuple[tuple[str, ...], int], ...]] = field(
        init=False, repr=False, compare=False)
    _agent_index: dict[str, tuple[tuple[tuple[str, ...], int], ...]] = field(
        init=False, repr=False, compare=False)
    _longest: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_actor_index", _index(self.actors))
        object.__setattr__(self, "_agent_index", _index(self.agents))
        entries: list[Entry] = [*self.actors, *self.agents]
        object.__setattr__(self, "_longest", max(
            (len(p) for e in entries for p in e.phrases), default=0))

    @property
    def longest(self) -> int:
        """The most words any phrase has (counted once, when the dictionary is built)."""
        return self._longest

    def phrases(self, first: str, agents: bool = False) -> tuple[tuple[tuple[str, ...], int], ...]:
        """``(phrase, entry number)`` of the actor (or agent) phrases starting with ``first``."""
        return (self._agent_index if agents else self._actor_index).get(first, ())

    def __bool__(self) -> bool:
        return bool(self.actors or self.agents)


# --- reading -----------------------------------------------------------------------------

_COMMENT_START = re.compile(r"<!\s*--")
_MACRO_DEF = re.compile(r"^(![A-Za-z0-9_]+!)\s*=\s*(.+)$")
_MACRO_USE = re.compile(r"![A-Za-z0-9_]+!")
_CODE = r"[A-Za-z0-9+~/_.-]+"
_DATE = r"\d{8}|\d{6}"
_BRACKET = re.compile(
    rf"^\s*(?P<code>{_CODE}|~\s*{_CODE}|{_CODE}\s*~)\s*"
    rf"(?:(?P<op>[<>])\s*(?P<day>{_DATE})|(?P<start>{_DATE})\s*-\s*(?P<end>{_DATE}))?\s*$")


def _strip_comments(lines: Iterable[str]) -> Iterable[tuple[int, str]]:
    """``(line number, text)`` with ``<!-- -->`` and ``#`` comments removed."""
    inside = False
    for number, raw in enumerate(lines, 1):
        text, kept = raw, ""
        while text:
            if inside:
                end = text.find("-->")
                if end < 0:
                    text = ""
                else:
                    inside, text = False, text[end + 3:]
                continue
            start = _COMMENT_START.search(text)
            if start is None:
                kept, text = kept + text, ""
            else:
                kept, text, inside = kept + text[:start.start()], text[start.end():], True
        yield number, kept.split("#", 1)[0].rstrip()


def _date(text: str, where: str) -> dt.date:
    if len(text) == 6:
        year = int(text[:2])
        text = f"{1900 + year if year >= 30 else 2000 + year}{text[2:]}"
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as err:
        raise DictionaryError(f"{where}: {text!r} is not a date (YYYYMMDD)") from err


def _code(inside: str, where: str) -> DatedCode:
    m = _BRACKET.match(inside)
    code = m.group("code").replace(" ", "").upper() if m else ""
    if m is None or re.search(r"\d{6}", code):
        raise DictionaryError(f"{where}: cannot read the code [{inside}] (expected [CODE], "
                              "[CODE >YYYYMMDD], [CODE <YYYYMMDD] or [CODE YYYYMMDD-YYYYMMDD])")
    if m.group("op") == "<":
        return DatedCode(code, end=_date(m.group("day"), where))
    if m.group("op") == ">":
        return DatedCode(code, start=_date(m.group("day"), where))
    if m.group("start"):
        start, end = _date(m.group("start"), where), _date(m.group("end"), where)
        if end <= start:
            raise DictionaryError(f"{where}: the date range [{inside}] ends before it starts")
        return DatedCode(code, start, end)
    return DatedCode(code)


def words_of(name: str) -> tuple[str, ...]:
    """A dictionary name as lower-case words, as the document's are compared: underscores and
    spaces separate words, and a hyphen is a word of its own ("AL-QAEDA": al - qaeda)."""
    out: list[str] = []
    for word in re.split(r"[\s_]+", name.lower()):
        out.extend(p for p in re.split(r"(-)", word) if p)
    return tuple(out)


def regular_plural(word: str) -> str:
    """The regular English plural of a (lower-case) word: men, -ies, -es, -s; a word that
    looks plural already ("troops", "congressmen") stays as it is."""
    if word.endswith("men") or (word.endswith("s") and not word.endswith(("ss", "us", "is"))):
        return word
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy")):
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    return word + "s"


def _expand(name: str, macros: dict[str, tuple[str, ...]], where: str) -> list[str]:
    uses = _MACRO_USE.findall(name)
    for use in uses:
        if use not in macros:
            raise DictionaryError(f"{where}: the macro {use} is not defined above")
    names = [name]
    for use in dict.fromkeys(uses):
        names = [n.replace(use, value) for n in names for value in macros[use]]
    return names


@dataclass
class _Draft:
    """An entry being read: its names (with their plurals) and codes so far."""

    names: list[str]
    plurals: list[str] | None  # agents: explicit plural forms ([] = regular)
    codes: list[DatedCode]
    where: str


def _split_line(text: str, where: str) -> tuple[str, list[str] | None, list[str]]:
    """A line's name, its braces' plural forms (``None`` without braces) and bracket codes."""
    if text.count("[") != text.count("]") or text.count("{") != text.count("}"):
        raise DictionaryError(f"{where}: unbalanced brackets or braces in {text.strip()!r}")
    codes = re.findall(r"\[([^\]]*)\]", text)
    rest = re.sub(r"\[[^\]]*\]", " ", text)
    plurals = None
    brace = re.search(r"\{([^}]*)\}", rest)
    if brace:
        plurals = [p.strip() for p in brace.group(1).split(",") if p.strip()]
        rest = rest[:brace.start()] + " " + rest[brace.end():]
    if re.search(r"[\[\]{}]", rest):
        raise DictionaryError(f"{where}: misplaced bracket in {text.strip()!r}")
    return rest.strip(), plurals, codes


def _drafts(path: Path, lines: Iterable[str]) -> list[_Draft]:
    drafts: list[_Draft] = []
    macros: dict[str, tuple[str, ...]] = {}
    for number, text in _strip_comments(lines):
        where = f"{path}:{number}"
        if not text.strip():
            continue
        macro = _MACRO_DEF.match(text.strip())
        if macro:
            macros[macro.group(1)] = tuple(v.strip() for v in macro.group(2).split(",")
                                           if v.strip())
            continue
        name, plurals, codes = _split_line(text, where)
        parsed = [_code(c, where) for c in codes]
        if name.startswith("+") or not name:
            if not drafts:
                raise DictionaryError(f"{where}: a synonym or code before any entry")
            if name[1:].strip():
                drafts[-1].names.extend(_expand(name[1:].strip(), macros, where))
            elif name:
                raise DictionaryError(f"{where}: '+' with no synonym after it")
            drafts[-1].codes.extend(parsed)
            continue
        if drafts and not drafts[-1].codes:
            raise DictionaryError(f"{drafts[-1].where}: no code for {drafts[-1].names[0]!r}")
        drafts.append(_Draft(_expand(name, macros, where), plurals, parsed, where))
    if drafts and not drafts[-1].codes:
        raise DictionaryError(f"{drafts[-1].where}: no code for {drafts[-1].names[0]!r}")
    return drafts


def _phrases(names: Iterable[str], where: str) -> tuple[tuple[str, ...], ...]:
    out: list[tuple[str, ...]] = []
    for name in names:
        words = words_of(name)
        if not words:
            raise DictionaryError(f"{where}: an entry with no name")
        if words not in out:
            out.append(words)
    return tuple(out)


def _agent(draft: _Draft) -> AgentEntry:
    if len(draft.codes) != 1 or draft.codes[0].dated:
        raise DictionaryError(f"{draft.where}: an agent has one undated code, like [~GOV]")
    code = draft.codes[0].code
    if code.count("~") != 1 or code.strip("~") == "" or "~" not in (code[0], code[-1]):
        raise DictionaryError(f"{draft.where}: an agent's code needs one '~' at its start "
                              f"or end ([~GOV], [NGO~]), not [{code}]")
    names = list(draft.names)
    if draft.plurals:
        names += draft.plurals
    else:  # the regular plural of each name's last word
        names += [" ".join((*words_of(n)[:-1], regular_plural(words_of(n)[-1])))
                  for n in draft.names if words_of(n)]
    return AgentEntry(_phrases(names, draft.where), code[:-1] if code.endswith("~") else "",
                      code[1:] if code.startswith("~") else "", draft.where)


def _read_csv(path: Path, text: str) -> list[_Draft]:
    rows = csv.reader(text.splitlines())
    header = [h.strip().lower() for h in next(rows, [])]
    if header[:2] != ["name", "code"] or not set(header) <= {"name", "code", "start", "end"}:
        raise DictionaryError(f"{path}:1: the header must be name,code[,start,end]")
    by_name: dict[str, _Draft] = {}
    for number, row in enumerate(rows, 2):
        where = f"{path}:{number}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise DictionaryError(f"{where}: {len(row)} fields, the header has {len(header)}")
        cells = dict(zip(header, (c.strip() for c in row), strict=False))
        name, code = cells.get("name", ""), cells.get("code", "").upper()
        if not name or not re.fullmatch(_CODE, code):
            raise DictionaryError(f"{where}: a row needs a name and a code (letters, digits, "
                                  f"'-', '~'), not {row!r}")
        try:
            start = dt.date.fromisoformat(cells["start"]) if cells.get("start") else None
            end = dt.date.fromisoformat(cells["end"]) if cells.get("end") else None
        except ValueError as err:
            raise DictionaryError(f"{where}: a date is not ISO (YYYY-MM-DD): {err}") from err
        if end is not None:
            end = end + dt.timedelta(days=1) if end < dt.date.max else None  # inclusive
        if start and end and end <= start:
            raise DictionaryError(f"{where}: the date range ends before it starts")
        draft = by_name.setdefault(name.lower(), _Draft([name], None, [], where))
        draft.codes.append(DatedCode(code, start, end))
    return list(by_name.values())


def _read_file(path: str | Path, agents: bool) -> list[Entry]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) else "not UTF-8 text"
        raise DictionaryError(f"{path}: cannot read the dictionary ({reason})") from err
    if path.suffix.lower() == ".csv":
        drafts = _read_csv(path, text)
    else:
        drafts = _drafts(path, text.splitlines())
    if agents:
        return [_agent(d) for d in drafts]
    return [ActorEntry(_phrases(d.names, d.where), tuple(d.codes), d.where) for d in drafts]


def read_dictionaries(actors: Sequence[str | Path] = (),
                      agents: Sequence[str | Path] = ()) -> ActorDictionary:
    """Read actor and agent dictionary files (CAMEO/TABARI format, or CSV) into one
    :class:`ActorDictionary`. On words matched by entries of equal length, a later file's
    entry wins over an earlier one's. Raises :class:`~onrecord.errors.DictionaryError` (with
    ``file:line``) on a line that cannot be read.

    >>> read_dictionaries()
    ActorDictionary(actors=(), agents=())
    """
    actor_entries = list(itertools.chain.from_iterable(_read_file(p, False) for p in actors))
    agent_entries = list(itertools.chain.from_iterable(_read_file(p, True) for p in agents))
    return ActorDictionary(tuple(e for e in actor_entries if isinstance(e, ActorEntry)),
                           tuple(e for e in agent_entries if isinstance(e, AgentEntry)))


# --- matching ----------------------------------------------------------------------------


def _pieces(doc: Doc, lo: int, hi: int) -> list[tuple[str, int, bool, bool]]:
    """``(word, token index, first piece of its token, last piece)`` for tokens lo..hi."""
    out: list[tuple[str, int, bool, bool]] = []
    for tok in doc[lo:hi]:
        words = words_of(tok.text) if not tok.is_space else ()
        out.extend((w, tok.i, n == 0, n == len(words) - 1) for n, w in enumerate(words))
    return out


def _longest(dictionary: ActorDictionary, doc: Doc, tok: Token, agents: bool) -> int | None:
    """The number of the entry whose phrase, the longest covering ``tok``, matches (on equal
    length, the later entry's); ``None`` when no phrase covers it."""
    reach = dictionary.longest
    pieces = _pieces(doc, max(0, tok.i - reach), min(len(doc), tok.i + reach + 1))
    best: tuple[int, int] | None = None
    for s, (word, _, first, _) in enumerate(pieces):
        if not first:
            continue
        for phrase, number in dictionary.phrases(word, agents):
            span = pieces[s:s + len(phrase)]
            if len(span) < len(phrase) or not span[-1][3] or \
                    tuple(p[0] for p in span) != phrase or \
                    not span[0][1] <= tok.i <= span[-1][1]:
                continue
            if best is None or (len(phrase), number) > best:
                best = (len(phrase), number)
    return None if best is None else best[1]


def actor_at(dictionary: ActorDictionary, doc: Doc, tok: Token) -> ActorEntry | None:
    """The user actor whose longest phrase covers ``tok`` (compared word by word, ignoring
    case), or ``None``."""
    number = _longest(dictionary, doc, tok, agents=False)
    return None if number is None else dictionary.actors[number]


def agent_at(dictionary: ActorDictionary, doc: Doc, tok: Token) -> AgentEntry | None:
    """The user agent whose longest phrase (or plural form) covers ``tok``, or ``None``."""
    number = _longest(dictionary, doc, tok, agents=True)
    return None if number is None else dictionary.agents[number]
