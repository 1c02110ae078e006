"""A brief: one storyline set out on one page as a fact-checker hands it to an editor.

:func:`build_brief` reads the record of one storyline through the analysis queries (no SQL of
its own) and sets it out in sections of :class:`BriefLine`\\ s:

- the **header**: how many articles, from which outlets, over which dates, and how many of
  the statements rest on named and on anonymous sources;
- **what happened**: the events that occurred, in date order, one line for one happening
  however many articles reported it (:func:`collapse_events`), each article cited;
- **denied, planned or called off**: the events the record says did not happen (negated),
  are planned or possible, or were called off, kept apart from what happened and said so;
- **who claims what**: the most quoted speakers (the most quoted anonymous source among them
  when there is one), each said plainly to be named or anonymous, with key claims quoted from
  their statements (those in a dispute first, then direct quotes);
- **where accounts diverge**: the storyline's disputes (:mod:`onrecord.analysis.disputes`),
  those carried by the most of its articles first, each side's claims with speaker, date and
  source, and shifts of account over time.

Every line's words are taken from record fields (quoted statements, the sentence of its
article that reports an event, event types and participants as written, speakers' names,
dates) or a fixed template around them; nothing is invented. Every line cites the
statements, events or articles it comes from (a :class:`Source`: the article's outlet,
date, title and link), all of that storyline. Each section is capped (:data:`SHOWN`) and
says how many more the record holds rather than dropping them silently.
Renderers: :mod:`onrecord.analysis.brief_render`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from onrecord.analysis.browse import get_record
from onrecord.analysis.claim import Side
from onrecord.analysis.consistency import sentence_around
from onrecord.analysis.disputes import Dispute, find_disputes
from onrecord.analysis.queries import find_statements, list_speakers
from onrecord.analysis.sourcing import SOURCINGS, sourcing_shares
from onrecord.analysis.storylines import articles_of_storyline, storyline
from onrecord.analysis.timeline import find_events
from onrecord.store import Corpus

__all__ = ["SHOWN", "Brief", "BriefLine", "BriefSection", "Source", "build_brief",
           "collapse_events"]

SHOWN = {"happened": 8, "undone": 6, "speakers": 6, "disputes": 5, "outlets": 8}
"""How many lines each section shows at most (the rest is counted: "and 3 more ...")."""
CLAIMS_SHOWN = 2  # key claims per speaker, and claims per side of a dispute
QUOTE_CHARS = 300  # a quoted statement is cut (with "…") past this many characters
JOIN_DAYS = 2
"""An event dated only by its article's publication joins the same happening reported with a
date of its own up to this many days earlier (a later article reporting it)."""
_READ = 5000  # the rows read of one storyline (events, statements)
STATUS_SAID = {
    "negated": "did not happen, as reported",
    "planned": "planned, not done when reported",
    "hypothetical": "possible or threatened, not done when reported",
    "called_off": "called off",
}
SOURCING_SAID = {
    "named": "named source",
    "anonymous": "anonymous source (not named in the coverage)",
    "organization": "an organisation speaking as a body",
    "document": "a document",
    "unattributed": "no source given",
}


@dataclass(frozen=True, slots=True)
class Source:
    """What a line cites: one statement or event (``item_id``) of one article, or an article
    itself (``kind`` "article", no item), with the article's outlet, title, date and link."""

    kind: str  # "statement", "event" or "article"
    article_id: str
    item_id: str | None
    outlet: str | None
    title: str | None
    published: str | None
    url: str | None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "article_id": self.article_id, "id": self.item_id,
                "outlet": self.outlet, "title": self.title, "published": self.published,
                "url": self.url}


@dataclass(frozen=True, slots=True)
class BriefLine:
    """One line of a brief: a label ("2025-03-05", a speaker, a side), its text, the sources
    it comes from, its own lines (a speaker's claims, a dispute's sides) and what they leave
    out ("and 2 more claims")."""

    label: str
    text: str
    sources: tuple[Source, ...]
    lines: tuple[BriefLine, ...] = ()
    more: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text,
                "sources": [s.to_json() for s in self.sources],
                "lines": [line.to_json() for line in self.lines], "more": self.more or None}


@dataclass(frozen=True, slots=True)
class BriefSection:
    """A section: its key, its title, its lines, what it leaves out, and what it says when
    the record holds nothing for it."""

    key: str  # "header", "happened", "undone", "claims", "disputes"
    title: str
    lines: tuple[BriefLine, ...]
    more: str = ""
    empty: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "title": self.title,
                "lines": [line.to_json() for line in self.lines], "more": self.more or None,
                "empty": self.empty if not self.lines else None}


@dataclass(frozen=True, slots=True)
class Brief:
    """One storyline's brief: its id, label, dates and sections."""

    storyline_id: str
    label: str
    first: str | None
    last: str | None
    articles: int
    outlets: tuple[str, ...]
    sections: tuple[BriefSection, ...]

    def section(self, key: str) -> BriefSection:
        """The section with this key (KeyError for another)."""
        return {s.key: s for s in self.sections}[key]

    def to_json(self) -> dict[str, Any]:
        return {"schema": "onrecord-brief/1", "storyline": self.storyline_id,
                "label": self.label, "first": self.first, "last": self.last,
                "articles": self.articles, "outlets": list(self.outlets),
                "sections": [s.to_json() for s in self.sections]}


def _plain(text: str | None) -> str:
    """Text on one line (a record's line breaks and runs of spaces made single spaces)."""
    return " ".join((text or "").split())


def _quote(text: str | None) -> str:
    words = _plain(text)
    return f"“{words[:QUOTE_CHARS].rstrip()}…”" if len(words) > QUOTE_CHARS else f"“{words}”"


def _count(count: int, what: str) -> str:
    """``3 articles``, ``1 article``: ``what`` is the plural, its singular without the s."""
    return f"{count} {what if count != 1 else what.removesuffix('s')}"


def _more(count: int, what: str, where: str = "") -> str:
    return f"and {_count(count, f'more {what}')}{where}" if count > 0 else ""


class _Articles:
    """The storyline's articles by id, to cite statements, events and articles from them."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.by_id = {str(r["id"]): r for r in rows}

    def cite(self, kind: str, article_id: str, item_id: str | None = None) -> Source:
        row = self.by_id[article_id]
        return Source(kind, article_id, item_id, row.get("outlet"), row.get("title"),
                      row.get("published"), row.get("url"))


def build_brief(corpus: Corpus, storyline_id: str) -> Brief:
    """The brief of one storyline (its id or 6+ leading hex digits of it; an unknown or
    ambiguous one is the QueryError of :func:`~onrecord.analysis.queries.find_storyline`)."""
    story = storyline(corpus, storyline_id)
    articles = _Articles(articles_of_storyline(corpus, story.id))
    events = find_events(corpus, limit=_READ, storyline=story.id)
    disputes = find_disputes(corpus, limit=50, storyline=story.id)
    statements = find_statements(corpus, limit=_READ, storyline=story.id)
    speakers = list_speakers(corpus, limit=50, storyline=story.id)
    sourcing = sourcing_shares(corpus, "article", _READ, storyline=story.id)
    disputed = {(c.article_id, c.statement_id) for d in disputes for p in d.parties
                for c in p.claims}
    occurred = [e for e in events if e["status"] == "occurred"]
    undone = [e for e in events if e["status"] != "occurred"]
    sentences = _Sentences(corpus)
    sections = (
        _header(articles, story.first, story.last, sourcing),
        _event_section("happened", "What happened", occurred, articles, sentences,
                       "The record holds no event reported as having happened."),
        _event_section("undone", "Denied, planned or called off", undone, articles, sentences,
                       "The record holds no event reported as denied, planned or called off."),
        _claims_section(speakers, statements, disputed, articles),
        _disputes_section(disputes, articles),
    )
    outlets = tuple(dict.fromkeys(str(r["outlet"]) for r in articles.rows if r.get("outlet")))
    return Brief(story.id, story.label, story.first, story.last, len(articles.rows), outlets,
                 sections)


def _header(articles: _Articles, first: str | None, last: str | None,
            sourcing: list[dict[str, Any]]) -> BriefSection:
    rows = articles.rows
    if not rows:
        return BriefSection("header", "The story", (), empty="The storyline holds no article.")
    by_outlet: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_outlet.setdefault(_plain(row.get("outlet")) or "", []).append(row)
    named = [(o, r) for o, r in by_outlet.items() if o]
    named.sort(key=lambda item: (-len(item[1]), item[0]))
    shown = named[:SHOWN["outlets"]]
    text = ", ".join(f"{o} ({len(r)})" for o, r in shown)
    unnamed = len(by_outlet.get("", []))
    if unnamed:
        text += f"{'; ' if text else ''}{unnamed} with no outlet given"
    lines = [BriefLine("Coverage", f"{_count(len(rows), 'articles')} from "
                                   f"{_count(len(named), 'outlets')}, "
                                   f"{first or 'undated'} to {last or 'undated'}",
                       tuple(articles.cite("article", str(a))
                             for a in dict.fromkeys((rows[0]["id"], rows[-1]["id"])))),
             BriefLine("Outlets", text,
                       tuple(articles.cite("article", str(r[0]["id"]))
                             for _, r in [*shown, ("", by_outlet.get("", []))] if r),
                       more=_more(len(named) - len(shown), "outlets"))]
    total = sum(int(r["statements"] or 0) for r in sourcing)
    if total:
        counts = {k: sum(int(r[k] or 0) for r in sourcing) for k in SOURCINGS}
        text = f"{_count(total, 'statements')}: " + ", ".join(
            f"{counts[k]} {k}" + (f" ({round(100 * counts[k] / total)}%)"
                                  if k == "anonymous" else "")
            for k in SOURCINGS if counts[k] or k in ("named", "anonymous"))
        # cited: the articles resting most on anonymous sources (else the most quoted)
        cited = sorted(sourcing, key=lambda r: (-int(r["anonymous"] or 0),
                                                -int(r["statements"] or 0), r["article_id"]))
        lines.append(BriefLine("Sourcing", text, tuple(
            articles.cite("article", str(r["article_id"])) for r in cited[:3]
            if r["statements"] and str(r["article_id"]) in articles.by_id)))
    return BriefSection("header", "The story", tuple(lines))


def _who(actor: str | None, text: str | None) -> str:
    """A participant as the collapse compares it: its state's code, else its words."""
    return str(actor)[:3] if actor else _plain(text).lower()


def collapse_events(events: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Events (rows of :func:`~onrecord.analysis.timeline.find_events`) grouped into
    happenings: one status and type, the same source and target (by state code, else by the
    words) on the same day, or reported later with only the article's date (within
    :data:`JOIN_DAYS`). Each group is its own events, the best dated first."""
    groups: list[list[dict[str, Any]]] = []
    index: dict[tuple[str, ...], list[list[dict[str, Any]]]] = {}
    for event in sorted(events, key=lambda e: (bool(e["date_defaulted"]), e["date"] or "~")):
        key = (event["status"], event["type"], _who(event["source_actor"], event["source"]),
               _who(event["target_actor"], event["target"]))
        home = next((g for g in index.get(key, []) if _same_day(g[0], event)), None)
        if home is None:
            home = []
            groups.append(home)
            index.setdefault(key, []).append(home)
        home.append(event)
    return groups


def _same_day(first: dict[str, Any], event: dict[str, Any]) -> bool:
    if first["date"] == event["date"]:
        return True
    if not (event["date_defaulted"] and first["date"] and event["date"]):
        return False
    try:
        gap = dt.date.fromisoformat(event["date"][:10]) - dt.date.fromisoformat(
            first["date"][:10])
    except ValueError:
        return False
    return dt.timedelta(0) <= gap <= dt.timedelta(days=JOIN_DAYS)


def _event_lines(groups: list[list[dict[str, Any]]], articles: _Articles,
                 sentences: _Sentences) -> list[BriefLine]:
    """A line per happening: the sentence that reports it, quoted from its best-dated
    article, then its type, who did it to whom as coded, and how many articles reported it.
    Happenings reported by one sentence share its line."""
    lines: list[BriefLine] = []
    by_sentence: dict[tuple[str, str], int] = {}
    for group in groups:
        first = group[0]
        date = first["date"] or "undated"
        source = _plain(first["source"]) or "(no actor given)"
        dyad = " → ".join(w for w in (source, _plain(first["target"])) if w)
        reports = len({e["article_id"] for e in group})
        coded = f"{first['type']}: {dyad}" + (
            f"; reported in {reports} articles" if reports > 1 else "")
        cited = tuple(articles.cite("event", str(e["article_id"]), str(e["id"])) for e in group)
        said = sentences.around(str(first["article_id"]), int(first["start"]),
                                int(first["end"]))
        status = STATUS_SAID.get(first["status"])
        key = (str(first["article_id"]), said)
        if said and key in by_sentence:  # one sentence, several happenings
            line = lines[by_sentence[key]]
            lines[by_sentence[key]] = BriefLine(
                line.label, f"{line.text[:-1]}; {coded})",
                line.sources + tuple(c for c in cited if c not in line.sources))
            continue
        text = _quote(said) if said else f"{dyad} ({_plain(first['trigger'])})"
        if status:
            text = f"{status}: {text}"
        by_sentence[key] = len(lines)
        lines.append(BriefLine(f"by {date}" if first["date_defaulted"] else date,
                               f"{text} ({coded})", cited))
    return lines


class _Sentences:
    """The sentences of the storyline's articles that report its events, each article's text
    read once (:func:`~onrecord.analysis.browse.get_record`)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.texts: dict[str, str] = {}

    def around(self, article_id: str, start: int, end: int) -> str:
        if article_id not in self.texts:
            self.texts[article_id] = get_record(self.corpus, article_id).article.text
        text = self.texts[article_id]
        if not 0 <= start < end <= len(text):
            return ""
        return sentence_around(text, 0, start, end)[0]


def _event_section(key: str, title: str, events: list[dict[str, Any]], articles: _Articles,
                   sentences: _Sentences, empty: str) -> BriefSection:
    groups = collapse_events(events)
    # most reported first, then dated by the text, then with both participants named
    ranked = sorted(groups, key=lambda g: (-len({e["article_id"] for e in g}),
                                           bool(g[0]["date_defaulted"]),
                                           not (g[0]["source"] and g[0]["target"])))
    shown = sorted(ranked[:SHOWN[key]], key=lambda g: (g[0]["date"] is None, g[0]["date"] or "",
                                                      g[0]["article_id"], g[0]["start"]))
    what = "events" if key == "happened" else "such events"
    return BriefSection(key, title, tuple(_event_lines(shown, articles, sentences)),
                        _more(len(groups) - len(shown), what, " (see the timeline)"), empty)


def _statement_key(row: dict[str, Any]) -> tuple[str, str]:
    return ("id", str(row["speaker_id"])) if row.get("speaker_id") else (
        "text", str(row.get("speaker")))


def _claims_section(speakers: list[dict[str, Any]], statements: list[dict[str, Any]],
                    disputed: set[tuple[str, str]], articles: _Articles) -> BriefSection:
    said: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in statements:
        if row.get("speaker"):
            said.setdefault(_statement_key(row), []).append(row)
    quoted = [s for s in speakers if said.get(_statement_key(s))]
    shown = quoted[:SHOWN["speakers"]]
    anonymous = next((s for s in quoted if s["anonymous"] and not s["named"]), None)
    if anonymous is not None and anonymous not in shown:  # the most quoted unnamed source too
        shown[-1:] = [anonymous]
    lines = []
    for speaker in shown:
        rows = said[_statement_key(speaker)]
        key_claims = sorted(rows, key=lambda r: ((r["article_id"], r["id"]) not in disputed,
                                                 r["kind"] != "direct", -len(r["content"])))
        chosen = sorted(key_claims[:CLAIMS_SHOWN],
                        key=lambda r: (r["date"] or "~", r["article_id"], r["start"]))
        claims = tuple(BriefLine(r["date"] or "undated", f"({r['cue'] or 'said'}) "
                                 f"{_quote(r['content'])}",
                                 (articles.cite("statement", r["article_id"], r["id"]),))
                       for r in chosen)
        kinds = Counter(r["sourcing"] for r in rows)
        sourcing = "; ".join(SOURCING_SAID.get(k, k) if n == len(rows) else
                             f"{SOURCING_SAID.get(k, k)} in {n}" for k, n in kinds.most_common())
        stories = len({r["article_id"] for r in rows})
        lines.append(BriefLine(_plain(speaker["speaker"]),
                               f"{sourcing}: {_count(len(rows), 'statements')} in "
                               f"{_count(stories, 'articles')}",
                               tuple(s for c in claims for s in c.sources), claims,
                               _more(len(rows) - len(chosen), "statements")))
    return BriefSection("claims", "Who claims what", tuple(lines),
                        _more(len(quoted) - len(lines), "speakers", " (see the speakers)"),
                        "The record holds no attributed statement.")


def _claim_line(claim: Side, party: str, articles: _Articles) -> BriefLine:
    """A claim of a dispute, cited with its echoes in the storyline's other articles."""
    held = [(claim.article_id, claim.statement_id), *claim.repeats]
    sources = tuple(articles.cite("statement", a, s) for a, s in held if a in articles.by_id)
    echoes = len({s.article_id for s in sources} - {claim.article_id})
    also = f"; also carried in {_count(echoes, 'more articles')}" if echoes else ""
    who = _plain(claim.speaker) or "(no source given)"
    return BriefLine(_plain(party), f"{who} ({claim.cue or 'said'}), "
                                    f"{claim.date or 'undated'}{also}: {_quote(claim.content)}",
                     sources)


def _dispute_line(dispute: Dispute, articles: _Articles) -> BriefLine | None:
    """A dispute as the storyline holds it (claims elsewhere are counted, not shown); None
    when too little of it is in the storyline to be a dispute."""
    parties = []
    for party in dispute.parties:
        ours = [c for c in party.claims if c.article_id in articles.by_id]
        if ours:
            parties.append((party, ours))
    claims = [c for _, ours in parties for c in ours]
    outside = sum(len(p.claims) for p in dispute.parties) - len(claims)
    if dispute.kind == "shift":
        if len(claims) < 2:
            return None
        party = parties[0][0]
        chosen = [claims[0], claims[-1]]
        label = "Shift of account"
        text = (f"{_plain(party.name)}: from {claims[0].date or 'undated'} to "
                f"{claims[-1].date or 'undated'}, {_count(len(claims), 'claims')}")
        lines = tuple(_claim_line(c, party.name, articles) for c in chosen)
    else:
        if len(parties) < 2:
            return None
        rank = {key: n for n, f in enumerate(dispute.links) for key in (
            (f.b.article_id, f.b.statement_id), (f.a.article_id, f.a.statement_id))}
        label = "Contradiction"
        names = [_plain(p.name) for p, _ in parties]
        text = f"between {', '.join(names[:-1])} and {names[-1]}"
        picked = []
        for party, ours in parties:
            best = sorted(ours, key=lambda c: rank.get((c.article_id, c.statement_id), 1 << 30))
            picked += [(party, c) for c in sorted(best[:CLAIMS_SHOWN],
                                                  key=lambda c: (c.date or "~", c.start))]
        chosen = [c for _, c in picked]
        lines = tuple(_claim_line(c, p.name, articles) for p, c in picked)
    more = _more(len(claims) - len(chosen), "claims")
    if outside:
        more = (f"{more}{'; ' if more else ''}{_count(outside, 'claims')} in other storylines"
                " not shown")
    return BriefLine(label, text, tuple(s for line in lines for s in line.sources), lines, more)


def _disputes_section(disputes: list[Dispute], articles: _Articles) -> BriefSection:
    lines = [line for d in disputes if (line := _dispute_line(d, articles)) is not None]
    # the most widely carried first (by the storyline's articles its shown claims cite); then
    # in the order of find_disputes (the strongest link first)
    lines.sort(key=lambda line: -len({s.article_id for s in line.sources}))
    shown = lines[:SHOWN["disputes"]]
    return BriefSection("disputes", "Where accounts diverge", tuple(shown),
                        _more(len(lines) - len(shown), "disputes", " (see the disputes)"),
                        "The record shows no contradiction or shift of account.")
