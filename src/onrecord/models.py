"""The records that flow through onrecord.

Every record is a frozen dataclass of plain values (strings, ints, tuples), never a spaCy object,
so records pickle to worker processes and serialise to the JSON contract in ``DESIGN.md``.
Spans are ``(start_char, end_char)`` offsets into :attr:`Article.text`; for every record
``article.text[start:end] == record.text`` holds.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "onrecord/1"

Span = tuple[int, int]
Sourcing = Literal["named", "anonymous", "organization", "document", "unattributed"]
StatementKind = Literal["direct", "indirect", "mixed"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
EventStatus = Literal["occurred", "negated", "hypothetical", "planned", "called_off"]
Stance = Literal["asserts", "denies", "doubts", "qualifies"]
"""What a speaker does with a statement's content (see
:mod:`onrecord.extract.statements.stance`)."""


_SURROGATE_PAIR_RE = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(text: str) -> str:
    """``text`` made encodable as UTF-8: surrogate pairs joined, lone surrogates made U+FFFD.

    JSON may carry ``"\\ud800"``, which Python decodes to a lone surrogate that no UTF-8
    encoder (hashing, SQLite, PostgreSQL) accepts; such a character means nothing, so it
    becomes the replacement character, as an undecodable byte does.
    """
    if _SURROGATE_RE.search(text) is None:
        return text
    text = _SURROGATE_PAIR_RE.sub(
        lambda m: m.group().encode("utf-16", "surrogatepass").decode("utf-16"), text)
    return _SURROGATE_RE.sub("\ufffd", text)


def content_id(*parts: object, length: int = 16) -> str:
    """A stable identifier: the first ``length`` hex digits of the SHA-256 of ``parts``."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


def event_id(start: int, end: int, source_text: str, target_text: str) -> str:
    """An event's id: its trigger's offsets and its participants' words, hashed."""
    return content_id("event", start, end, source_text, target_text)


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned news article, ready for analysis.

    ``id`` is a content hash of the text, so the same text ingested twice is the same article.
    ``published`` is an ISO date (``YYYY-MM-DD``) or ``None`` when unknown.
    ``origin`` names where it came from (a path, ``-`` for stdin, ``path#line`` for JSONL).
    """

    id: str
    text: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    language: str = "en"
    origin: str | None = None

    @classmethod
    def create(cls, text: str, **meta: Any) -> Article:
        """Build an article whose ``id`` is the content hash of ``text``.

        Lone surrogates in the text or any string field are replaced
        (:func:`replace_lone_surrogates`), so every article can be hashed and stored.
        """
        text = replace_lone_surrogates(text)
        meta = {k: replace_lone_surrogates(v) if isinstance(v, str) else v
                for k, v in meta.items()}
        return cls(id=content_id("article", text), text=text, **meta)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "byline": self.byline,
            "published": self.published,
            "language": self.language,
            "origin": self.origin,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """A thing mentioned in an article, canonical within it (all its mentions linked)."""

    id: str
    name: str
    kind: str  # PERSON, ORG, GPE, NORP, LOC, FAC ...
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    actor: str | None = None  # ISO3 / CAMEO-style actor code, e.g. "USA", "IRN"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "titles": list(self.titles),
            "actor": self.actor,
            "mentions": [list(m) for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression normalised to a TIMEX3 value and, where it has one, a date range.

    ``start``/``end`` are ISO dates (inclusive) or ``None`` when the expression is not a point
    or range on the calendar (a duration, a set, an unresolvable reference).
    """

    id: str
    text: str
    span: Span
    type: TimeType
    value: str
    start: str | None = None
    end: str | None = None
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER ...

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "span": list(self.span),
            "type": self.type,
            "value": self.value,
            "start": self.start,
            "end": self.end,
            "mod": self.mod,
        }


@dataclass(frozen=True, slots=True)
class Statement:
    """An attributed statement: who said (or believes) what, how it is sourced, when, where."""

    id: str
    content: str
    content_span: Span
    kind: StatementKind
    sourcing: Sourcing
    speaker: str | None = None  # entity id
    speaker_text: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None  # lemma of the cue ("say", "tweet", "according to")
    cue_span: Span | None = None
    channel: str | None = None
    time: str | None = None  # TimeExpr id of the cue's own clause
    date: str | None = None  # the day it was said (ISO), from ``time``, its context or the article
    time_defaulted: bool = False  # True when ``date`` is not the day of ``time`` (inferred)
    nested_in: str | None = None  # Statement id
    continues: str | None = None  # the statement this one continues (a split quotation's rest)
    stance: Stance = "asserts"  # what the speaker does with the proposition: asserts, denies ...
    # what is asserted, denied or doubted: the content without its "that", or the part of it
    # after the stance words ("no evidence that X" -> X, "doubt on X" -> X)
    proposition: str | None = None
    proposition_span: Span | None = None
    # the named rule of ``extract/statements`` that found it ("according_to", "direct_quote")
    rule: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "speaker_text": self.speaker_text,
            "speaker_span": list(self.speaker_span) if self.speaker_span else None,
            "sourcing": self.sourcing,
            "cue": self.cue,
            "cue_span": list(self.cue_span) if self.cue_span else None,
            "kind": self.kind,
            "content": self.content,
            "content_span": list(self.content_span),
            "channel": self.channel,
            "time": self.time,
            "date": self.date,
            "time_defaulted": self.time_defaulted,
            "nested_in": self.nested_in,
            "continues": self.continues,
            "stance": self.stance,
            "proposition": self.proposition,
            "proposition_span": list(self.proposition_span) if self.proposition_span else None,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class Participant:
    """The source or target of an event."""

    text: str
    entity: str | None = None
    actor: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"entity": self.entity, "text": self.text, "actor": self.actor}


@dataclass(frozen=True, slots=True)
class Event:
    """A political event coded in PLOVER (with its CAMEO root code)."""

    id: str
    type: str
    cameo: str
    trigger: str
    trigger_span: Span
    status: EventStatus
    source: Participant | None = None
    target: Participant | None = None
    location: str | None = None
    time: str | None = None
    # the named rule of ``extract/events`` that found its trigger ("verb_lexicon")
    rule: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "cameo": self.cameo,
            "trigger": self.trigger,
            "trigger_span": list(self.trigger_span),
            "source": self.source.to_json() if self.source else None,
            "target": self.target.to_json() if self.target else None,
            "location": self.location,
            "time": self.time,
            "status": self.status,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class Discarded:
    """A document that could not be analysed, and why. Never silently dropped."""

    doc_id: str  # the origin (path, ``path#line``) when no article id exists yet
    stage: str  # ingest, language, extract, store
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "stage": self.stage, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Storyline:
    """A developing story: the articles across outlets and days that tell it (see
    :mod:`onrecord.store.storylines`). Its id is its first article's id, and stays."""

    id: str
    label: str  # its two main actors and key terms: "Greece - Turkey: collision patrol"
    articles: int  # republished copies included
    first: str | None  # the earliest and latest publication dates
    last: str | None
    actors: tuple[str, ...] = ()  # the states, people, organisations and places most named
    terms: tuple[str, ...] = ()  # its key content terms
    events: tuple[str, ...] = ()  # its most frequent event types (PLOVER)
    outlets: tuple[str, ...] = ()  # the outlets that carried it, most articles first

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "articles": self.articles,
                "first": self.first, "last": self.last, "actors": list(self.actors),
                "terms": list(self.terms), "events": list(self.events),
                "outlets": list(self.outlets)}


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """The whole record of one article: the JSON contract's object."""

    article: Article
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.to_json(),
            "entities": [e.to_json() for e in self.entities],
            "statements": [s.to_json() for s in self.statements],
            "times": [t.to_json() for t in self.times],
            "events": [e.to_json() for e in self.events],
        }

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or ``None``."""
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def time(self, time_id: str | None) -> TimeExpr | None:
        """The time expression with this id, or ``None``."""
        for t in self.times:
            if t.id == time_id:
                return t
        return None


__all__ = [
    "SCHEMA",
    "Article",
    "ArticleRecord",
    "Discarded",
    "Entity",
    "Event",
    "Participant",
    "Span",
    "Stance",
    "Statement",
    "Storyline",
    "TimeExpr",
    "content_id",
    "event_id",
    "replace_lone_surrogates",
    "record_from_json",
]


def _span(value: Any) -> Span | None:
    return (int(value[0]), int(value[1])) if value is not None else None


def record_from_json(data: dict[str, Any]) -> ArticleRecord:
    """Rebuild an :class:`ArticleRecord` from its JSON contract object (the inverse of to_json)."""
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not an {SCHEMA} record: schema={data.get('schema')!r}")
    a = data["article"]
    article = Article(
        id=a["id"], text=a["text"], url=a.get("url"), source=a.get("source"),
        title=a.get("title"), byline=a.get("byline"), published=a.get("published"),
        language=a.get("language") or "en", origin=a.get("origin"),
    )
    entities = tuple(
        Entity(id=e["id"], name=e["name"], kind=e["kind"],
               mentions=tuple((int(s), int(t)) for s, t in e["mentions"]),
               aliases=tuple(e.get("aliases", ())), titles=tuple(e.get("titles", ())),
               actor=e.get("actor"))
        for e in data.get("entities", ())
    )
    statements = tuple(
        Statement(id=s["id"], content=s["content"], content_span=_span(s["content_span"]) or (0, 0),
                  kind=s["kind"], sourcing=s["sourcing"], speaker=s.get("speaker"),
                  speaker_text=s.get("speaker_text"), speaker_span=_span(s.get("speaker_span")),
                  cue=s.get("cue"), cue_span=_span(s.get("cue_span")), channel=s.get("channel"),
                  time=s.get("time"), date=s.get("date"),
                  time_defaulted=bool(s.get("time_defaulted", False)),
                  nested_in=s.get("nested_in"), continues=s.get("continues"),
                  stance=s.get("stance") or "asserts", proposition=s.get("proposition"),
                  proposition_span=_span(s.get("proposition_span")), rule=s.get("rule"))
        for s in data.get("statements", ())
    )
    times = tuple(
        TimeExpr(id=t["id"], text=t["text"], span=_span(t["span"]) or (0, 0), type=t["type"],
                 value=t["value"], start=t.get("start"), end=t.get("end"), mod=t.get("mod"))
        for t in data.get("times", ())
    )

    def participant(p: dict[str, Any] | None) -> Participant | None:
        return Participant(p["text"], p.get("entity"), p.get("actor")) if p else None

    events = tuple(
        Event(id=e["id"], type=e["type"], cameo=e["cameo"], trigger=e["trigger"],
              trigger_span=_span(e["trigger_span"]) or (0, 0), status=e["status"],
              source=participant(e.get("source")), target=participant(e.get("target")),
              location=e.get("location"), time=e.get("time"), rule=e.get("rule"))
        for e in data.get("events", ())
    )
    return ArticleRecord(article, entities, statements, times, events)
