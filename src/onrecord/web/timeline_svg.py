"""A storyline's drawn timeline: server-rendered SVG, data in, escaped markup out.

A horizontal date axis with readable ticks (days, weeks, months, quarters or years, by the
span shown), each tick label a link zooming into its day, week, month, quarter or year; one lane
for events, each PLOVER type a colour (``ev-assault``) and its quad class a shape (cooperation
circles and squares, conflict diamonds and triangles); one lane per side of the storyline's
disputes for statements, and one for everyone else. Each mark is an ``<a>`` to its article with
a ``<title>`` tooltip. The span is cut into at most :data:`MAX_BUCKETS` equal runs of whole
days, and the marks of one run and lane become one mark with its count, so the SVG stays small
however many articles the storyline holds.

The SVG is built from pieces: every text from articles (titles, speakers, triggers, content)
is escaped with :func:`markupsafe.escape`, numbers are formatted, classes come from fixed
tables, and it carries no ``style`` attribute (the pages' Content-Security-Policy forbids
inline styles: ``static/style.css`` styles it by class).
"""

from __future__ import annotations

import calendar
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

from onrecord.analysis.storyline_view import OTHER_LANE, DayCount, DayTotal, DayTotals, day_totals

__all__ = ["CENTRAL_SHARE", "MAX_BUCKETS", "REACH", "Drawing", "day_range", "draw_timeline",
           "legend_icon"]

MAX_BUCKETS = 48
REACH = 31  # days before and after its articles a storyline's axis reaches by default
CENTRAL_SHARE = 0.9
"""The share of its dated events and statements a storyline's default window reaches (the
rest, in the tails, is counted and offered)."""
_EARLIEST, _LATEST = date(1, 3, 1), date(9998, 12, 31)  # the widest window drawn
WIDTH, LEFT, RIGHT = 900, 130, 16  # viewBox units
LANE, TOP, AXIS = 34, 8, 44
_SHAPES = {  # PLOVER's quad classes
    "circle": ("AGREE", "CONSULT", "SUPPORT", "REQUEST"),  # verbal cooperation
    "square": ("COOPERATE", "AID", "RETREAT", "CONCEDE"),  # material cooperation
    "diamond": ("ACCUSE", "REJECT", "THREATEN"),  # verbal conflict
    "triangle": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),  # material conflict
}
SHAPE_OF = {t: shape for shape, types in _SHAPES.items() for t in types}
_SIDE_CLASSES = 6  # side0 ... side5, then again


@dataclass(frozen=True, slots=True)
class Drawing:
    """The SVG and what it leaves out (nothing silently: the page says so)."""

    svg: Markup
    types: list[str]  # the event types drawn, for the legend
    marks: int  # marks drawn (one per run of days and lane)
    drawn: int  # events and statements drawn
    before: int  # dated before the window
    after: int
    undated: int


def day_range(since: str | None, until: str | None, first: str | None, last: str | None,
              dates: Iterable[str | None] | Mapping[str, int] = (),
              share: float = CENTRAL_SHARE) -> tuple[date, date]:
    """The window shown: ``since`` (its first day) to ``until`` (its last day). Unset, they
    are the storyline's first and last publication days, widened to the days of ``dates``
    (its events and statements; a mapping gives each day's number of them) up to
    :data:`REACH` days beyond them (an attack reported the next morning is drawn; "the 1991
    treaty" does not stretch the axis over decades), as far as the central ``share`` of
    those items reaches: a few items dated weeks before the story ("the incident last
    month") do not squeeze its own days into a corner (the page counts them and offers the
    wider window, ``share=1``)."""
    pub_start, pub_end = _day(first, end=False), _day(last, end=True)
    if pub_start is None or pub_end is None:
        pub_start = pub_end = date.today()
    low = max(_EARLIEST, pub_start) - timedelta(REACH)
    high = min(_LATEST, pub_end) + timedelta(REACH)
    counted = dates if isinstance(dates, Mapping) else Counter(v for v in dates if v)
    days: Counter[date] = Counter()
    for value, number in counted.items():
        day = _day(value, end=False) if value and len(value) >= 10 else None
        if day is not None and low <= day <= high:
            days[day] += number
    start = _day(since, end=False) or min([pub_start, *_central(days, share, first=True)])
    end = _day(until, end=True) or max([pub_end, *_central(days, share, first=False)])
    start, end = (start, end) if start <= end else (end, start)
    return max(start, _EARLIEST), min(end, _LATEST)  # room for the ticks' arithmetic


def _central(days: Counter[date], share: float, first: bool) -> list[date]:
    """The first (or last) day of the central ``share`` of the items counted by day: the day
    by which the items counted from that end outnumber their tail, half of the ``1 - share``
    left out (none when nothing is counted)."""
    outside = sum(days.values()) * (1 - share) / 2
    seen = 0
    for day in sorted(days, reverse=not first):
        seen += days[day]
        if seen > outside:
            return [day]
    return []


@lru_cache(maxsize=8192)
def _day(value: str | None, end: bool) -> date | None:
    """The first (or last) day of YYYY, YYYY-MM or YYYY-MM-DD; None for anything else."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        if len(parts) > 2:
            return date(year, month, int(parts[2]))
        return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    except (ValueError, IndexError):
        return None


def _zoom(base: str, start: date, end: date) -> str:
    return f"{base}?{urlencode({'since': start.isoformat(), 'until': end.isoformat()})}"


def _ticks(start: date, end: date) -> list[tuple[date, date, str]]:
    """Ticks as (first day, last day, label), by the span: days up to 16, weeks up to 120,
    months up to 550, quarters up to 1,500 days, else years (or runs of years)."""
    span = (end - start).days + 1
    out: list[tuple[date, date, str]] = []
    if span <= 16:
        return [(d, d, f"{d:%b} {d.day}") for d in (start + timedelta(i) for i in range(span))]
    if span <= 120:
        monday = start - timedelta(start.weekday())
        while monday <= end:
            out.append((monday, monday + timedelta(6), f"{monday:%b} {monday.day}"))
            monday += timedelta(7)
        return out
    if span > 1500:  # years, or runs of years: about 20 ticks at the most
        years = max(1, math.ceil(span / 365.25 / 20))
        first = date(start.year, 1, 1)
        while first <= end:
            following = date(min(first.year + years, _LATEST.year), 1, 1)
            out.append((first, max(first, following - timedelta(1)), str(first.year)))
            if following <= first:
                break
            first = following
        return out
    step = 1 if span <= 550 else 3
    first = date(start.year, (start.month - 1) // step * step + 1, 1)
    while first <= end:
        months = first.year * 12 + first.month - 1 + step
        following = date(months // 12, months % 12 + 1, 1)
        label = (f"Q{first.month // 3 + 1} {first.year}" if step == 3 else f"{first:%b}"
                 + (f" {first.year}" if first.month == 1 or not out else ""))
        out.append((first, following - timedelta(1), label))
        first = following
    return out


def _shape(shape: str, x: float, y: float, r: float, css: str) -> str:
    if shape == "square":
        return (f'<rect class="{css}" x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}"'
                f' height="{2 * r:.1f}"/>')
    if shape == "diamond":
        points = f"{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}"
        return f'<polygon class="{css}" points="{points}"/>'
    if shape == "triangle":
        points = f"{x:.1f},{y - r:.1f} {x + r:.1f},{y + r * .8:.1f} {x - r:.1f},{y + r * .8:.1f}"
        return f'<polygon class="{css}" points="{points}"/>'
    return f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'


def legend_icon(event_type: str) -> Markup:
    """A small SVG of an event type's mark, for the legend."""
    css = f"mark ev-{event_type.lower()}" if event_type in SHAPE_OF else "mark ev-other"
    shape = SHAPE_OF.get(event_type, "circle")
    return Markup(f'<svg class="icon" viewBox="0 0 16 16" aria-hidden="true">'
                  f'{_shape(shape, 8, 8, 6, css)}</svg>')


def _tooltip(group: Sequence[DayTotal], first: date, last: date) -> str:
    total = sum(t.number for t in group)
    noun = "event" if group[0].lane == "events" else "statement"
    if total == 1:
        c = group[0].best
        what = f"{c.what} ({c.status})" if noun == "event" and c.status != "occurred" \
            else c.what
        text = c.text if len(c.text) <= 160 else f"{c.text[:159]}…"
        return (f"{c.date} · {what}: {text} — {c.title or 'untitled'}"
                + (f" ({c.outlet})" if c.outlet else ""))
    top = sorted(_by_what(group).items(), key=lambda kv: (-kv[1], kv[0]))
    listed = ", ".join(f"{n} {w}" for w, n in top[:4]) + (", …" if len(top) > 4 else "")
    days = first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"
    best = _best(group)
    return (f"{total} {noun}s, {days}: {listed}. The link opens {best.title or 'untitled'}"
            + (f" ({best.outlet})" if best.outlet else ""))


def _by_what(group: Sequence[DayTotal]) -> dict[str, int]:
    if len(group) == 1:
        return group[0].by_what
    by_what: dict[str, int] = {}
    for t in group:
        for what, n in t.by_what.items():
            by_what[what] = by_what.get(what, 0) + n
    return by_what


def _best(group: Sequence[DayTotal]) -> DayCount:
    """The first count with the most (the days in order)."""
    best = group[0].best
    for t in group[1:]:
        if t.best.number > best.number:
            best = t.best
    return best


def draw_timeline(lanes: list[tuple[str, str]], counts: Iterable[DayCount] | DayTotals,
                  start: date, end: date, base: str) -> Drawing:
    """The timeline of ``counts`` (or of their totals by day, :func:`day_totals`, read faster)
    from ``start`` to ``end``: an events lane, then ``lanes`` (key, name) for statements;
    ``base`` is the page the axis's zoom links point to."""
    totals = counts if isinstance(counts, DayTotals) else day_totals(counts)
    rows = [("events", "events"), *lanes]
    row_of = {key: i for i, (key, _) in enumerate(rows)}
    span = (end - start).days + 1
    size = max(1, math.ceil(span / MAX_BUCKETS))
    plot = WIDTH - LEFT - RIGHT
    per_day = plot / span
    height = TOP + LANE * len(rows) + AXIS
    before, inside, after = totals.window(start, end)
    groups: dict[tuple[int, int], list[DayTotal]] = {}
    for t in inside:
        key = (row_of.get(t.lane, len(rows) - 1), (t.day - start).days // size)
        groups.setdefault(key, []).append(t)
    drawn, undated = sum(t.number for t in inside), totals.undated
    parts = [f'<svg class="storyline-timeline" viewBox="0 0 {WIDTH} {height}" role="img"'
             ' xmlns="http://www.w3.org/2000/svg">',
             f"<title>Events and statements from {start.isoformat()} to {end.isoformat()}"
             "</title>"]
    for i, (_, name) in enumerate(rows):
        top = TOP + LANE * i
        label = name if len(name) <= 20 else f"{name[:19]}…"
        parts.append(f'<g class="lane"><rect class="lane-bg{" odd" if i % 2 else ""}" x="0"'
                     f' y="{top}" width="{WIDTH}" height="{LANE}"/><text class="lane-label"'
                     f' x="6" y="{top + LANE / 2 + 4:.1f}"><title>{escape(name)}</title>'
                     f"{escape(label)}</text></g>")
    axis_y = TOP + LANE * len(rows)
    parts.append(f'<line class="axis" x1="{LEFT}" y1="{axis_y}" x2="{WIDTH - RIGHT}"'
                 f' y2="{axis_y}"/>')
    for first, last, label in _ticks(start, end):
        x = LEFT + max(0, (first - start).days) * per_day
        parts.append(f'<line class="tick" x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}"'
                     f' y2="{axis_y + 5}"/><a href="{escape(_zoom(base, first, last))}">'
                     f'<title>Zoom into {escape(label)}</title><text class="tick-label"'
                     f' x="{x + 2:.1f}" y="{axis_y + 18}">{escape(label)}</text></a>')
    types: set[str] = set()
    for (row, bucket), group in sorted(groups.items()):
        first = start + timedelta(bucket * size)
        last = min(end, first + timedelta(size - 1))
        total = sum(t.number for t in group)
        best = _best(group)
        middle = (bucket * size + ((last - first).days + 1) / 2)
        x, y = LEFT + middle * per_day, TOP + LANE * row + LANE / 2
        r = min(LANE / 2 - 3, 4.5 + 2 * math.log2(total))
        if row == 0:
            by_what = _by_what(group)
            kind = max(by_what, key=lambda w: (by_what[w], w))
            types.add(kind)
            shape = SHAPE_OF.get(kind, "circle")
            css = f"mark ev-{kind.lower()}" if kind in SHAPE_OF else "mark ev-other"
            if not any(t.occurred for t in group):
                css += " unconfirmed"
        else:
            shape = "circle"
            css = "mark st " + ("side-other" if rows[row][0] == OTHER_LANE
                                else f"side{(row - 1) % _SIDE_CLASSES}")
        mark = _shape(shape, x, y, r, css)
        shown = f"{total / 1000:.0f}k" if total >= 10_000 else str(total)
        count = (f'<text class="count" x="{x:.1f}" y="{y + 3:.1f}">{shown}</text>'
                 if total > 1 else "")
        parts.append(f'<a href="/articles/{escape(quote(best.article_id, safe=""))}">'
                     f"<title>{escape(_tooltip(group, first, last))}</title>{mark}{count}</a>")
    parts.append("</svg>")
    return Drawing(Markup("".join(parts)), sorted(types), len(groups), drawn, before, after,
                   undated)
