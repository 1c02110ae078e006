"""An article's text as HTML, with its statements, speakers, cues, times and events marked.

The text is untrusted, so the HTML is built from character offsets: the text is cut at every
span boundary, each piece is escaped with :func:`markupsafe.escape`, and each piece is wrapped
in the elements of the spans covering it (a statement's ``<mark>``, a time's ``<span>``, a
speaker's link to the speaker page). Wrapping each piece on its own keeps the HTML well nested
however the spans overlap; nothing from the article is ever inserted unescaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from onrecord.models import ArticleRecord


@dataclass(frozen=True, slots=True)
class Mark:
    """One span to show: its offsets, element, CSS class, a tooltip and maybe a link."""

    start: int
    end: int
    tag: str  # "mark" or "span"
    css: str
    title: str = ""
    href: str | None = None
    rank: int = 0  # outer elements first: statements wrap speakers, cues, times and events


def record_marks(record: ArticleRecord, speaker_pages: dict[str, str]) -> list[Mark]:
    """The marks of a record; ``speaker_pages`` maps an article entity id to its page's URL."""
    marks: list[Mark] = []
    for s in record.statements:
        marks.append(Mark(*s.content_span, "mark", f"statement {s.sourcing}",
                          f"{s.kind} statement, {s.sourcing}", rank=0))
        if s.speaker_span:
            href = speaker_pages.get(s.speaker or "")
            marks.append(Mark(*s.speaker_span, "span", "speaker", f"speaker ({s.sourcing})",
                              href, rank=1))
        if s.cue_span:
            marks.append(Mark(*s.cue_span, "span", "cue", f"cue: {s.cue or ''}", rank=2))
    for t in record.times:
        marks.append(Mark(*t.span, "span", "time", f"{t.type} {t.value}", rank=3))
    for e in record.events:
        who = e.source.text if e.source else "?"
        whom = e.target.text if e.target else "?"
        marks.append(Mark(*e.trigger_span, "mark", "event",
                          f"{e.type} ({e.status}): {who} → {whom}", rank=4))
    size = len(record.article.text)
    return [m for m in marks if 0 <= m.start < m.end <= size]


def _open(mark: Mark) -> str:
    title = f' title="{escape(mark.title)}"' if mark.title else ""
    return f'<{mark.tag} class="{escape(mark.css)}"{title}>'


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, with each piece wrapped in the marks that cover it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    ordered = sorted(marks, key=lambda m: (m.rank, m.start, -m.end))
    parts: list[str] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        piece = str(escape(text[lo:hi]))
        covering = [m for m in ordered if m.start <= lo and hi <= m.end]
        link = next((m.href for m in covering if m.href), None)
        if link:
            piece = f'<a href="{escape(link)}">{piece}</a>'
        for mark in reversed(covering):
            piece = f"{_open(mark)}{piece}</{mark.tag}>"
        parts.append(piece)
    return Markup("".join(parts))
