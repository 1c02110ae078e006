"""The read endpoints under ``/api``: articles, entities, statements, events, the timeline,
contradictions, disputes, search, sourcing, storylines and a storyline's brief. Each parses its
parameters and calls one function of :mod:`onrecord.analysis` (or
:mod:`onrecord.analysis.browse`), returning its rows as they are (a brief as JSON, or as a
Markdown or HTML file to download).

Bad dates raise :class:`~onrecord.errors.QueryError` (400), unknown ids
:class:`~onrecord.analysis.browse.NotFound` (404); the handlers in :mod:`onrecord.server.app` turn
them into ``{"detail": ...}``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Response

from onrecord.analysis import browse
from onrecord.analysis.brief import build_brief
from onrecord.analysis.brief_render import MEDIA_TYPES, render_brief
from onrecord.analysis.disputes import find_contradictions, find_disputes
from onrecord.analysis.queries import check_date, find_statements, search
from onrecord.analysis.sourcing import sourcing_shares
from onrecord.analysis.storylines import articles_of_storyline, list_storylines
from onrecord.analysis.timeline import build_timeline, find_events
from onrecord.api.schemas import (
    ArticlePage,
    BriefOut,
    CorpusEntity,
    DisputeOut,
    EntityDetail,
    Error,
    EventRow,
    FindingOut,
    RecordOut,
    SearchHit,
    SourcingRow,
    StatementRow,
    StorylineDetail,
    StorylineOut,
    TimelineItem,
)
from onrecord.server.deps import get_corpus, require_read
from onrecord.store import Corpus

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Error, "description": "A bad parameter (a date that is not YYYY[-MM[-DD]] "
                                         "on the calendar, a malformed dispute id)"},
    401: {"model": Error, "description": "A private server: no token, or a wrong one"},
    403: {"model": Error, "description": "A private server with no token configured"},
    404: {"model": Error, "description": "No such article, entity, dispute or storyline"},
}

router = APIRouter(prefix="/api", tags=["read"], dependencies=[Depends(require_read)],
                   responses=ERRORS)

CorpusDep = Annotated[Corpus, Depends(get_corpus)]
Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many items")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Skip this many items first")]
_YEAR = r"([0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"  # 0001 to 9999
_LEAP_YEAR = r"([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
_MONTH_DAY = (r"(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?"  # a month, or one of its first 28 days
              r"|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31")
DATE_PATTERN = rf"^({_YEAR}(-({_MONTH_DAY}))?|{_LEAP_YEAR}-02-29)$"
"""The dates :func:`~onrecord.analysis.queries.check_date` accepts, as a JSON-schema pattern."""
# The pattern and length are documented, not enforced by FastAPI: any bad date (a wrong shape,
# a day that is not on the calendar, a long string) is the library's QueryError, a 400 with its
# message rather than FastAPI's 422; and so is a search with no words.
Date = Query(description="YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date",
             json_schema_extra={"pattern": DATE_PATTERN, "maxLength": 10})
Since = Annotated[str | None, Date]
Until = Annotated[str | None, Date]
NO_NUL = r"^[^\x00]*$"  # refused by the server (400): PostgreSQL text cannot hold NUL
Text = Annotated[str | None, Query(max_length=200, json_schema_extra={"pattern": NO_NUL})]
Id = Path(json_schema_extra={"pattern": NO_NUL})
# Documented, not enforced by FastAPI: a malformed id is get_dispute's QueryError, a 400.
DisputeId = Annotated[str, Path(description="12 lowercase hex digits", json_schema_extra={
    "pattern": r"^[0-9a-f]{12}$"})]
Kind = Annotated[Literal["contradiction", "shift"] | None, Query()]
MinScore = Annotated[float, Query(ge=0.0, le=1.0, description="Only links scored this or higher")]


def _dates(since: str | None, until: str | None) -> None:
    """Check the date bounds, naming the parameter as the API spells it (QueryError, 400)."""
    check_date(since, "since")
    check_date(until, "until")


@router.get("/articles", response_model=ArticlePage)
def articles(corpus: CorpusDep, since: Since = None, until: Until = None,
             outlet: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Stored articles, newest first, by publication date and outlet."""
    _dates(since, until)
    total, items = browse.list_articles(corpus, since, until, outlet, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/articles/{article_id}", response_model=RecordOut)
def article(corpus: CorpusDep, article_id: Annotated[str, Id]) -> dict[str, Any]:
    """One article's record (the JSON contract); a unique id prefix of 6+ characters will do."""
    return browse.get_record(corpus, article_id).to_json()


@router.get("/entities", response_model=list[CorpusEntity])
def entities(corpus: CorpusDep, name: Text = None,
             kind: Annotated[str | None, Query(max_length=20, json_schema_extra={
                 "pattern": NO_NUL}, description="PERSON, ORG, GPE, NORP ...")] = None,
             limit: Limit = 100, offset: Offset = 0) -> list[dict[str, Any]]:
    """People, organisations and places across articles, most quoted first."""
    return browse.list_entities(corpus, name, kind, limit, offset)


@router.get("/entities/{entity_id}", response_model=EntityDetail)
def entity(corpus: CorpusDep, entity_id: Annotated[str, Id], limit: Limit = 200,
           offset: Offset = 0) -> dict[str, Any]:
    """One corpus entity, its titles, and what it said in date order."""
    found = browse.get_entity(corpus, entity_id)
    found["statements_said"] = browse.statements_by_entity(corpus, entity_id, limit, offset)
    return found


@router.get("/statements", response_model=list[StatementRow])
def statements(corpus: CorpusDep, speaker: Text = None, since: Since = None,
               until: Until = None, limit: Limit = 100,
               offset: Offset = 0) -> list[dict[str, Any]]:
    """Statements in date order, optionally by one speaker (a name, or an unnamed source's
    words such as "officials")."""
    _dates(since, until)
    return find_statements(corpus, speaker, since, until, limit, offset)


@router.get("/events", response_model=list[EventRow])
def events(corpus: CorpusDep, actor: Text = None, target: Text = None, since: Since = None,
           until: Until = None, limit: Limit = 200,
           offset: Offset = 0) -> list[dict[str, Any]]:
    """Events in date order, by source and target actor code (prefixes: USA keeps USAMIL)."""
    _dates(since, until)
    return find_events(corpus, actor, target, since, until, limit, offset)


@router.get("/timeline", response_model=list[TimelineItem],
            response_model_exclude_unset=True)
def timeline(corpus: CorpusDep, actor: Text = None, target: Text = None, since: Since = None,
             until: Until = None,
             only: Annotated[Literal["events", "statements"] | None, Query()] = None,
             limit: Limit = 200, offset: Offset = 0) -> list[dict[str, Any]]:
    """Events and statements on one time axis (only events when an actor is given)."""
    _dates(since, until)
    kinds = {"events": ("event",), "statements": ("statement",), None: ("event", "statement")}
    return build_timeline(corpus, actor, target, since, until, limit, offset, kinds[only])


@router.get("/contradictions", response_model=list[FindingOut])
def contradictions(corpus: CorpusDep, speaker: Text = None, since: Since = None,
                   until: Until = None,
                   kind: Kind = None, min_score: MinScore = 0.5,
                   limit: Limit = 50) -> list[dict[str, Any]]:
    """Statements that contradict each other, and speakers whose account shifts, best first."""
    _dates(since, until)
    found = find_contradictions(corpus, speaker, since, until, kind, min_score, limit)
    return [f.to_json() for f in found]


@router.get("/disputes", response_model=list[DisputeOut])
def disputes(corpus: CorpusDep, speaker: Text = None, matter: Text = None, since: Since = None,
             until: Until = None, kind: Kind = None, min_score: MinScore = 0.5,
             limit: Limit = 50) -> list[dict[str, Any]]:
    """Disputes, best first: the matter, the parties (sides, or people) with their claims and
    echoes, and the links between claims. ``matter`` keeps those whose matter or claims hold
    all its words."""
    _dates(since, until)
    found = find_disputes(corpus, speaker, since, until, kind, matter, min_score, limit)
    return [d.to_json() for d in found]


@router.get("/disputes/{dispute_id}", response_model=DisputeOut)
def dispute(corpus: CorpusDep, dispute_id: DisputeId) -> dict[str, Any]:
    """One dispute by its id (as ``/api/disputes`` lists it at the default minimum score)."""
    return browse.get_dispute(corpus, dispute_id).to_json()


@router.get("/search", response_model=list[SearchHit],
            response_model_exclude_unset=True)
def search_corpus(corpus: CorpusDep,
                  q: Annotated[str, Query(min_length=1, max_length=500,
                                          description="Words to find (all of them)",
                                          json_schema_extra={
                                              "pattern": r"^[^\x00]*[A-Za-z0-9][^\x00]*$"})],
                  limit: Limit = 50) -> list[dict[str, Any]]:
    """Full-text search over statements and articles."""
    return search(corpus, q, limit)


@router.get("/sourcing", response_model=list[SourcingRow],
            response_model_exclude_unset=True)
def sourcing(corpus: CorpusDep,
             by: Annotated[Literal["outlet", "article"], Query()] = "outlet",
             limit: Limit = 100) -> list[dict[str, Any]]:
    """Named and anonymous sourcing: statements per kind, and the anonymous share."""
    return sourcing_shares(corpus, by, limit)


# -- storylines: unknown id 404 (browse.get_storyline), bad date 400 ------------------------------
@router.get("/storylines", response_model=list[StorylineOut])
def storylines(corpus: CorpusDep, since: Since = None, until: Until = None, actor: Text = None,
               min_articles: Annotated[int, Query(ge=1, le=1_000_000, description=(
                   "Only storylines of at least this many articles"))] = 1,
               limit: Limit = 50, offset: Offset = 0) -> list[dict[str, Any]]:
    """Storylines (developing stories across outlets and days), the most articles first:
    those with dates in [since, until], naming ``actor`` (a state's code, "TUR", or a name)."""
    _dates(since, until)
    found = list_storylines(corpus, since, until, actor, min_articles, limit, offset)
    return [s.to_json() for s in found]


@router.get("/storylines/{storyline_id}", response_model=StorylineDetail)
def storyline(corpus: CorpusDep, storyline_id: Annotated[str, Id], limit: Limit = 200,
              offset: Offset = 0) -> dict[str, Any]:
    """One storyline by its id (or a unique prefix of 6+ hex digits, or the id of a storyline
    merged into it), with a page of its articles in date order."""
    found = browse.get_storyline(corpus, storyline_id)
    items = articles_of_storyline(corpus, found.id, limit, offset)
    return {**found.to_json(), "limit": limit, "offset": offset, "items": items}


@router.get("/storylines/{storyline_id}/brief", response_model=BriefOut, responses={200: {
    "description": "The brief as JSON, or with format md or html a Markdown or standalone "
                   "HTML file to download (Content-Disposition: attachment)",
    "content": {"text/markdown": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}}}}})
def storyline_brief(corpus: CorpusDep, storyline_id: Annotated[str, Id],
                    fmt: Annotated[Literal["json", "md", "html"], Query(
                        alias="format", description="json (default), md or html")] = "json",
                    ) -> Any:
    """One storyline on one page, as a fact-checker hands it to an editor: what happened,
    what was denied, planned or called off, who claims what, where accounts diverge; every
    line citing its statements, events or articles (``onrecord brief``). The id may be 6+
    leading hex digits of it."""
    brief = build_brief(corpus, browse.get_storyline_id(corpus, storyline_id))
    if fmt == "json":
        return brief.to_json()
    filename = f"brief-{brief.storyline_id}.{fmt}"  # the id is hex digits
    return Response(render_brief(brief, fmt), media_type=MEDIA_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
