"""Typed response models of the API, so the OpenAPI schema at ``/openapi.json`` describes them.

The record models (``ArticleOut`` ... ``RecordOut``) are the JSON contract (schema
``onrecord/1``), derived from the dataclasses of :mod:`onrecord.models` and what their
``to_json()`` emits (:func:`onrecord.api.contract.derive`); the row models mirror the dicts
:mod:`onrecord.analysis` returns (same keys), so the routes return those dicts as they are.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from onrecord.api.contract import derive
from onrecord.models import Article, ArticleRecord, Entity, Event, Participant, Statement, TimeExpr


class Error(BaseModel):
    """Every error: a message saying what was wrong."""

    detail: str


# -- the JSON contract --------------------------------------------------------------------------
# Derived from the records of onrecord.models (api/contract.py): a field added there, and to its
# to_json(), is in these models and the OpenAPI schema with no edit here. Nested records first.
ArticleOut = derive(Article, "ArticleOut")
EntityOut = derive(Entity, "EntityOut")
StatementOut = derive(Statement, "StatementOut")
TimeOut = derive(TimeExpr, "TimeOut")
ParticipantOut = derive(Participant, "ParticipantOut")
EventOut = derive(Event, "EventOut")
RecordOut = derive(ArticleRecord, "RecordOut", extra={"schema": (str, ...)})
"""One article's whole record (the JSON contract object); its ``schema`` key is the field
``schema_`` (``schema`` would shadow :meth:`BaseModel.schema`)."""


# -- corpus listings ----------------------------------------------------------------------------
class ArticleSummary(BaseModel):
    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    story_id: str | None = None
    statements: int
    events: int


class ArticlePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]


class CorpusEntity(BaseModel):
    id: str
    name: str
    kind: str
    actor: str | None = None
    articles: int
    statements: int


class EntityTitle(BaseModel):
    title: str
    date: str | None = None


class StatementRow(BaseModel):
    """A statement as the corpus queries return it (with its article's outlet and title)."""

    article_id: str
    id: str
    date: str | None = None
    date_defaulted: bool = False
    speaker: str | None = None
    speaker_id: str | None = None
    sourcing: str
    cue: str | None = None
    kind: str
    channel: str | None = None
    content: str
    start: int
    end: int
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    stance: str = "asserts"


class EntityDetail(CorpusEntity):
    titles: list[EntityTitle]
    statements_said: list[StatementRow]


class EventRow(BaseModel):
    article_id: str
    id: str
    date: str | None = None
    date_defaulted: bool = False
    type: str
    cameo: str | None = None
    trigger: str
    status: str
    source_actor: str | None = None
    source: str | None = None
    target_actor: str | None = None
    target: str | None = None
    location: str | None = None
    outlet: str | None = None
    title: str | None = None
    start: int
    end: int


class TimelineItem(BaseModel):
    """An event or a statement on the timeline; ``item`` says which, and which fields apply."""

    item: Literal["event", "statement"]
    article_id: str
    id: str
    date: str | None = None
    date_defaulted: bool = False
    outlet: str | None = None
    title: str | None = None
    start: int
    end: int
    # events
    type: str | None = None
    cameo: str | None = None
    trigger: str | None = None
    status: str | None = None
    source_actor: str | None = None
    source: str | None = None
    target_actor: str | None = None
    target: str | None = None
    location: str | None = None
    # statements
    speaker: str | None = None
    speaker_id: str | None = None
    sourcing: str | None = None
    cue: str | None = None
    kind: str | None = None
    channel: str | None = None
    content: str | None = None
    stance: str | None = None


class SideOut(BaseModel):
    article_id: str
    statement_id: str
    speaker: str | None = None
    speaker_id: str | None = None
    sourcing: str
    cue: str | None = None
    content: str
    date: str | None = None
    date_defaulted: bool = False
    when: str | None = None
    outlet: str | None = None
    title: str | None = None
    span: list[int]
    repeated_in: list[list[str]] = []


class FindingOut(BaseModel):
    kind: Literal["contradiction", "shift"]
    score: float
    matter: list[str]
    evidence: list[str]
    a: SideOut
    b: SideOut


class ClaimOut(SideOut):
    """One claim of a dispute's party: a statement, its side, and how often it was echoed."""

    side: str | None = None
    echoes: int = Field(description="How many other articles repeat the same words")


class PartyOut(BaseModel):
    """One side of a dispute (or the one speaker of a shift), its claims in date order."""

    party: str = Field(description="A side's code (\"SAU\") or a holder's entity id")
    name: str
    holders: list[str]
    outlets: int = Field(description="How many articles carried its claims, echoes included")
    claims: list[ClaimOut]


class LinkOut(BaseModel):
    """Two claims that disagree: each as [article_id, statement_id]."""

    a: list[str]
    b: list[str]
    score: float
    evidence: list[str]


class DisputeOut(BaseModel):
    """A matter on which parties' accounts diverge (contradiction) or one party's changed
    (shift), set out by party, with the links that show it (best first)."""

    id: str = Field(description="12 lowercase hex digits")
    kind: Literal["contradiction", "shift"]
    score: float
    matter: list[str]
    latest: str | None = None
    parties: list[PartyOut]
    links: list[LinkOut]


class SearchHit(BaseModel):
    """A statement (``type`` "statement", statement fields) or an article (title, snippet)."""

    type: Literal["statement", "article"]
    article_id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    snippet: str | None = None
    id: str | None = None
    date: str | None = None
    speaker: str | None = None
    speaker_id: str | None = None
    sourcing: str | None = None
    cue: str | None = None
    content: str | None = None
    start: int | None = None
    end: int | None = None


class SourcingRow(BaseModel):
    """Statements per sourcing kind for one outlet (or one article)."""

    outlet: str | None = None
    articles: int | None = None
    article_id: str | None = None
    title: str | None = None
    published: str | None = None
    statements: int
    named: int
    anonymous: int
    organization: int
    document: int
    unattributed: int
    anonymous_share: float | None = None


# -- storylines ---------------------------------------------------------------------------------
class StorylineOut(BaseModel):
    """A developing story (``onrecord storylines``): its label, size, dates and profile."""

    id: str
    label: str
    articles: int
    first: str | None = None
    last: str | None = None
    actors: list[str]
    terms: list[str]
    events: list[str]
    outlets: list[str]


class StorylineArticle(BaseModel):
    id: str
    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    story_id: str | None = None


class StorylineDetail(StorylineOut):
    """One storyline with a page of its articles in date order (``articles`` counts them
    all)."""

    limit: int
    offset: int
    items: list[StorylineArticle]


# -- a storyline's brief (onrecord.analysis.brief) ---------------------------------------------
class BriefSourceOut(BaseModel):
    """What a line cites: a statement or event (``id``) of an article, or the article."""

    kind: Literal["statement", "event", "article"]
    article_id: str
    id: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None


class BriefLineOut(BaseModel):
    """A line of a brief: a label, its text, its sources, its own lines, what they leave out."""

    label: str
    text: str
    sources: list[BriefSourceOut]
    lines: list[BriefLineOut]
    more: str | None = None


class BriefSectionOut(BaseModel):
    key: Literal["header", "happened", "undone", "claims", "disputes"]
    title: str
    lines: list[BriefLineOut]
    more: str | None = None
    empty: str | None = Field(None, description="What the brief says when there are no lines")


class BriefOut(BaseModel):
    """One storyline on one page: the story, what happened, what was denied, planned or called
    off, who claims what, where accounts diverge; every line citing its sources."""

    model_config = ConfigDict(populate_by_name=True)

    schema_: str = Field(alias="schema", description="onrecord-brief/1")
    storyline: str
    label: str
    first: str | None = None
    last: str | None = None
    articles: int
    outlets: list[str]
    sections: list[BriefSectionOut]


# -- writing ------------------------------------------------------------------------------------
class ArticleIn(BaseModel):
    """An article to analyse and store: exactly one of ``text``, ``html`` or ``url``."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    html: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD; overrides the page's")
    title: str | None = None
    source: str | None = Field(default=None, description="The outlet")


class Stored(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    created: bool = Field(description="False when the same text was already stored")
    statements: int
    events: int


class StoredPage(BaseModel):
    stored: list[Stored]
