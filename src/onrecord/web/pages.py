"""The web UI: server-rendered pages over the corpus, one route per page, Jinja2 templates.

Pages: ``/`` (overview), ``/articles`` and ``/articles/{id}`` (the text with its statements,
speakers, times and events marked), ``/timeline``, ``/speakers`` and ``/speakers/{id}``,
``/search``, ``/contradictions``, ``/disputes`` and ``/disputes/{id}`` (a dispute's parties side
by side, a shift's account in date order), ``/sourcing``, ``/storylines`` and
``/storylines/{id}`` (a storyline's drawn timeline, :mod:`onrecord.web.timeline_svg`, its
disputes, cast and outlets), ``/storylines/{id}/brief`` (its brief, with its downloads). Each
calls the same functions as the API.

Everything from articles is untrusted: templates autoescape, no user value is marked safe, the
article's HTML is built piece by piece from escaped text (:mod:`onrecord.web.highlight`), a
brief's body comes from its own autoescaping template (:mod:`onrecord.analysis.brief_render`),
and a link taken from an article is only used when it is ``http(s)``. The pages need no JavaScript.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import groupby
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from onrecord.analysis import browse
from onrecord.analysis.brief_render import http_url, render_html
from onrecord.analysis.disputes import find_contradictions, find_disputes
from onrecord.analysis.queries import check_date, find_statements, list_speakers, search
from onrecord.analysis.sourcing import sourcing_shares
from onrecord.analysis.storyline_view import view_storyline
from onrecord.analysis.storylines import list_storylines
from onrecord.analysis.timeline import build_timeline, find_events
from onrecord.errors import QueryError
from onrecord.server.deps import get_corpus, require_page
from onrecord.store import Corpus
from onrecord.web.highlight import highlight, record_marks
from onrecord.web.timeline_svg import day_range, draw_timeline, legend_icon

HERE = Path(__file__).parent
PAGE = 50


safe_url = http_url
"""A link from an article, only when it is http(s) (never ``javascript:`` and the like)."""


def when(row: dict[str, Any]) -> str:
    """A row's date, marked * when it is only the article's publication date."""
    date = row.get("date") or row.get("published") or "undated"
    return f"{date}*" if row.get("date_defaulted") else str(date)


def percent(value: float | None) -> int:
    """A share as a whole percentage rounded to 5 (the CSS bar widths: ``w0`` ... ``w100``)."""
    return 0 if not value else int(round(value * 20) * 5)


_env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                          trim_blocks=True, lstrip_blocks=True)
_env.filters.update(safe_url=safe_url, when=when, percent=percent,
                    path=lambda v: quote(str(v), safe=""))
templates = Jinja2Templates(env=_env)

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_page)],
                   default_response_class=HTMLResponse)
CorpusDep = Annotated[Corpus, Depends(get_corpus)]
Field = Annotated[str | None, Query(max_length=200)]
DateField = Annotated[str | None, Query()]
"""A date form field: any bad value, a long one included, is check_date's 400 page."""


def _page(request: Request, name: str, **context: Any) -> Response:
    return templates.TemplateResponse(request, name, context)


def render_error(request: Request, status: int, message: str,
                 headers: dict[str, str] | None = None) -> Response:
    """An error as a page (the API answers JSON instead)."""
    return templates.TemplateResponse(request, "error.html",
                                      {"status": status, "message": message},
                                      status_code=status, headers=headers)


def _clean(value: str | None) -> str | None:
    """A form field: an empty one is no filter."""
    return value.strip() or None if value else None


def _dates(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    since, until = _clean(since), _clean(until)
    check_date(since, "since")
    check_date(until, "until")
    return since, until


def _kind(value: str | None) -> str | None:
    """The kind form field: both kinds when empty, else one of them (QueryError, 400)."""
    kind = _clean(value)
    if kind not in (None, "contradiction", "shift"):
        raise QueryError("kind must be 'contradiction' or 'shift'")
    return kind


def _score(value: str | None) -> float:
    """The min score form field: 0.5 when empty, else a number from 0 to 1 (QueryError, 400)."""
    try:
        score = float(_clean(value) or 0.5)
    except ValueError:
        raise QueryError(f"min score must be a number from 0 to 1, not {value!r}") from None
    if not 0.0 <= score <= 1.0:
        raise QueryError(f"min score must be from 0 to 1, not {score}")
    return score


def _speaker_pages(corpus: Corpus, article_id: str) -> dict[str, str]:
    links = browse.entity_links(corpus, article_id)
    return {eid: f"/speakers/{quote(cid, safe='')}" for eid, cid in links.items()}


@router.get("/")
def overview(request: Request, corpus: CorpusDep) -> Response:
    _, latest = browse.list_articles(corpus, limit=10)
    return _page(request, "index.html", counts=corpus.counts(), articles=latest,
                 storylines=list_storylines(corpus, limit=5),
                 findings=find_contradictions(corpus, limit=5),
                 speakers=list_speakers(corpus, limit=10))


@router.get("/articles")
def articles(request: Request, corpus: CorpusDep, outlet: Field = None, since: DateField = None,
             until: DateField = None,
             page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> Response:
    since, until = _dates(since, until)
    outlet = _clean(outlet)
    total, items = browse.list_articles(corpus, since, until, outlet, PAGE, (page - 1) * PAGE)
    return _page(request, "articles.html", items=items, total=total, page=page,
                 pages=max(1, -(-total // PAGE)),
                 form={"outlet": outlet, "since": since, "until": until})


@router.get("/articles/{article_id}")
def article(request: Request, corpus: CorpusDep, article_id: str) -> Response:
    record = browse.get_record(corpus, article_id)
    pages = _speaker_pages(corpus, record.article.id)
    body = highlight(record.article.text, record_marks(record, pages))
    names = {e.id: e.name for e in record.entities}
    times = {t.id: t for t in record.times}
    return _page(request, "article.html", record=record, a=record.article, body=body,
                 names=names, times=times, pages=pages)


@router.get("/timeline")
def timeline(request: Request, corpus: CorpusDep, actor: Field = None, speaker: Field = None,
             since: DateField = None, until: DateField = None) -> Response:
    since, until = _dates(since, until)
    actor, speaker = _clean(actor), _clean(speaker)
    items: list[dict[str, Any]]
    if speaker:  # what one speaker said, with the events of the actor asked for (if any)
        items = [{"item": "statement", **s}
                 for s in find_statements(corpus, speaker, since, until, limit=500)]
        if actor:
            items += [{"item": "event", **e} for e in find_events(corpus, actor, None, since,
                                                                  until, limit=500)]
        items.sort(key=lambda i: (i["date"] is None, i["date"] or "", i["article_id"],
                                  i["start"]))
    else:
        items = build_timeline(corpus, actor, None, since, until, limit=500)
    days = [(day, list(group)) for day, group in groupby(items, key=lambda i: i["date"])]
    return _page(request, "timeline.html", days=days, count=len(items),
                 form={"actor": actor, "speaker": speaker, "since": since, "until": until})


@router.get("/speakers")
def speakers(request: Request, corpus: CorpusDep, since: DateField = None,
             until: DateField = None) -> Response:
    since, until = _dates(since, until)
    rows = list_speakers(corpus, limit=200, since=since, until=until)
    return _page(request, "speakers.html", rows=rows, form={"since": since, "until": until})


@router.get("/speakers/{entity_id}")
def speaker(request: Request, corpus: CorpusDep, entity_id: str) -> Response:
    entity = browse.get_entity(corpus, entity_id)
    said = browse.statements_by_entity(corpus, entity_id, limit=500)
    mine: Callable[[Any], bool] = lambda f: entity_id in (f.a.speaker_id, f.b.speaker_id)  # noqa: E731
    findings = [f for f in find_contradictions(corpus, speaker=entity["name"], limit=200)
                if mine(f)]
    return _page(request, "speaker.html", entity=entity, said=said, findings=findings)


@router.get("/search")
def search_page(request: Request, corpus: CorpusDep,
                q: Annotated[str | None, Query(max_length=500)] = None) -> Response:
    q = _clean(q)
    hits = search(corpus, q, limit=100) if q else []
    return _page(request, "search.html", q=q, hits=hits)


@router.get("/contradictions")
def contradictions(request: Request, corpus: CorpusDep, speaker: Field = None,
                   kind: Field = None, since: DateField = None, until: DateField = None,
                   min_score: Field = None) -> Response:
    since, until = _dates(since, until)
    speaker, kind, score = _clean(speaker), _kind(kind), _score(min_score)
    findings = find_contradictions(corpus, speaker, since, until, kind, score, limit=100)
    return _page(request, "contradictions.html", findings=findings,
                 form={"speaker": speaker, "kind": kind, "since": since, "until": until,
                       "min_score": score})


@router.get("/disputes")
def disputes(request: Request, corpus: CorpusDep, speaker: Field = None, matter: Field = None,
             kind: Field = None, since: DateField = None, until: DateField = None,
             min_score: Field = None) -> Response:
    since, until = _dates(since, until)
    speaker, matter, kind, score = _clean(speaker), _clean(matter), _kind(kind), _score(min_score)
    found = find_disputes(corpus, speaker, since, until, kind, matter, score, limit=100)
    return _page(request, "disputes.html", disputes=[d.to_json() for d in found],
                 form={"speaker": speaker, "matter": matter, "kind": kind, "since": since,
                       "until": until, "min_score": score})


@router.get("/disputes/{dispute_id}")
def dispute(request: Request, corpus: CorpusDep, dispute_id: str) -> Response:
    found = browse.get_dispute(corpus, dispute_id).to_json()
    claims = {f"{c['article_id']}/{c['statement_id']}": c
              for p in found["parties"] for c in p["claims"]}
    return _page(request, "dispute.html", d=found, claims=claims)


@router.get("/sourcing")
def sourcing(request: Request, corpus: CorpusDep) -> Response:
    rows = sourcing_shares(corpus, "outlet", limit=200)
    for row in rows:
        total = row["statements"] or 0
        row["named_share"] = row["named"] / total if total else None
        row["other_share"] = ((total - row["named"] - row["anonymous"]) / total) if total else None
    return _page(request, "sourcing.html", rows=rows)


@router.get("/storylines")
def storylines(request: Request, corpus: CorpusDep, actor: Field = None, since: DateField = None,
               until: DateField = None,
               page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> Response:
    since, until = _dates(since, until)
    actor = _clean(actor)
    rows = list_storylines(corpus, since, until, actor, limit=PAGE + 1, offset=(page - 1) * PAGE)
    return _page(request, "storylines.html", rows=rows[:PAGE], page=page,
                 more=len(rows) > PAGE, form={"actor": actor, "since": since, "until": until})


@router.get("/storylines/{storyline_id}")
def storyline_page(request: Request, corpus: CorpusDep, storyline_id: str,
                   since: DateField = None, until: DateField = None) -> Response:
    since, until = _dates(since, until)
    found = browse.get_storyline(corpus, storyline_id)
    view = view_storyline(corpus, found.id)
    days: Counter[str] = Counter()
    for total in view.totals.dated:
        days[total.day.isoformat()] += total.number
    start, end = day_range(since, until, found.first, found.last, days)
    base = f"/storylines/{quote(found.id, safe='')}"
    drawing = draw_timeline(view.lanes, view.totals, start, end, base)
    # the default window leaves out a few outlying items: the window that reaches them all
    wide = day_range(None, None, found.first, found.last, days, share=1.0)
    widen = None if since or until or wide == (start, end) else (
        f"{base}?{urlencode({'since': wide[0].isoformat(), 'until': wide[1].isoformat()})}")
    return _page(request, "storyline.html", s=found, view=view, drawing=drawing,
                 disputes=view.disputes, base=base,
                 icons={t: legend_icon(t) for t in drawing.types}, start=start, end=end,
                 zoomed=bool(since or until), widen=widen,
                 form={"since": since, "until": until})


@router.get("/storylines/{storyline_id}/brief")
def storyline_brief(request: Request, corpus: CorpusDep, storyline_id: str) -> Response:
    """The storyline's brief (``onrecord brief``) as a page of the site, with its downloads."""
    from onrecord.analysis.brief import build_brief

    brief = build_brief(corpus, browse.get_storyline_id(corpus, storyline_id))
    # the body is rendered with autoescape (every value from the record escaped) and no script
    body = Markup(render_html(brief, standalone=False))
    return _page(request, "brief.html", brief=brief, body=body,
                 base=f"/storylines/{quote(brief.storyline_id, safe='')}")
