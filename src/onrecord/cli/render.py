"""A record as a readable Rich report: header, entities, statements by speaker, timeline."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from onrecord.models import ArticleRecord, Participant, Statement, TimeExpr

_SOURCING_STYLE = {
    "named": "green", "anonymous": "yellow", "organization": "cyan",
    "document": "magenta", "unattributed": "red",
}


def _header(record: ArticleRecord) -> RenderableType:
    a = record.article
    lines = Text()
    lines.append(a.title or "(untitled)", style="bold")
    meta = [x for x in (a.source, a.byline, a.published and f"published {a.published}") if x]
    if meta:
        lines.append("\n" + " · ".join(meta), style="dim")
    lines.append(f"\nid {a.id}" + (f" · {a.origin}" if a.origin else ""), style="dim")
    counts = (f"{len(record.entities)} entities · {len(record.statements)} statements · "
              f"{len(record.times)} time expressions · {len(record.events)} events")
    lines.append("\n" + counts)
    return Panel(lines, expand=True)


def _entities(record: ArticleRecord) -> RenderableType:
    table = Table(title="Entities", title_justify="left", expand=True)
    for col in ("name", "kind", "actor", "titles", "also written", "mentions"):
        table.add_column(col, justify="right" if col == "mentions" else "left")
    for e in sorted(record.entities, key=lambda e: (-len(e.mentions), e.name)):
        table.add_row(escape(e.name), e.kind, e.actor or "", escape("; ".join(e.titles)),
                      escape(", ".join(e.aliases[:4])), str(len(e.mentions)))
    return table


def _time_label(record: ArticleRecord, time_id: str | None) -> str:
    t = record.time(time_id)
    if t is None:
        return ""
    when = t.start if t.start and t.start == t.end else (
        f"{t.start}…{t.end}" if t.start else t.value)
    return f"{t.text} = {when}"


def _when(record: ArticleRecord, s: Statement) -> str:
    if s.time_defaulted and s.date:
        return f"{s.date} (article date)"
    return _time_label(record, s.time)


def _speaker_key(record: ArticleRecord, s: Statement) -> tuple[str, str]:
    ent = record.entity(s.speaker)
    if ent is not None:
        return ent.name, s.sourcing
    if s.speaker_text:
        return s.speaker_text, s.sourcing
    return "(no source given)", s.sourcing


def _reporter(record: ArticleRecord, statement_id: str) -> str:
    for s in record.statements:
        if s.id == statement_id:
            return _speaker_key(record, s)[0]
    return statement_id


def _statements(record: ArticleRecord, explain: bool = False) -> RenderableType:
    groups: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for s in record.statements:
        groups[_speaker_key(record, s)].append(s)
    parts: list[RenderableType] = [Text("Statements by speaker", style="bold underline")]
    for (speaker, sourcing), items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        head = Text()
        head.append(speaker, style="bold")
        head.append(f"  [{sourcing}]", style=_SOURCING_STYLE.get(sourcing, ""))
        parts.append(head)
        for s in items:
            line = Text("  • ")
            line.append(f"({s.kind}) ", style="dim")
            if s.stance != "asserts":  # "denies", "doubts", "qualifies": what they do with it
                line.append(f"[{s.stance}] ", style="bold red")
            line.append(f"“{s.content}”" if s.kind == "direct" else s.content)
            details = [x for x in (
                s.cue and f"cue: {s.cue}",
                s.channel and f"channel: {s.channel}",
                _when(record, s) and f"when: {_when(record, s)}",
                s.speaker_text and record.entity(s.speaker) and s.speaker_text != speaker
                and f"as “{s.speaker_text}”",
                s.nested_in and f"as reported by {_reporter(record, s.nested_in)}",
                explain and f"rule: {s.rule or '-'}",
            ) if x]
            if details:
                line.append("\n    " + " · ".join(details), style="dim")
            parts.append(line)
    if not record.statements:
        parts.append(Text("  (none found)", style="dim"))
    return Group(*parts)


def _timeline(record: ArticleRecord) -> RenderableType:
    table = Table(title="Timeline", title_justify="left", expand=True)
    for col in ("from", "to", "expression", "value", "type"):
        table.add_column(col)

    def key(t: TimeExpr) -> tuple[int, str, int]:
        return (0 if t.start else 1, t.start or "", t.span[0])

    for t in sorted(record.times, key=key):
        table.add_row(t.start or "", t.end or "", escape(t.text), t.value, t.type)
    return table


def render_record(record: ArticleRecord, console: Console, explain: bool = False) -> None:
    """Print the whole record of one article; with ``explain``, the rule behind each statement
    and event (the names of ``extract/statements/rules.py`` and ``extract/events/triggers.py``)."""
    console.print(_header(record))
    console.print(_entities(record))
    console.print(_statements(record, explain))
    console.print(_timeline(record))
    if record.events:
        table = Table(title="Events", title_justify="left", expand=True)
        columns = ("type", "source", "target", "trigger", "status", "when")
        for col in columns + (("rule",) if explain else ()):
            table.add_column(col)
        for ev in record.events:
            row = [ev.type, _participant(ev.source), _participant(ev.target),
                   escape(ev.trigger), ev.status, _time_label(record, ev.time)]
            table.add_row(*row, *([ev.rule or "-"] if explain else []))
        console.print(table)


def emit_records(records: list[ArticleRecord], console: Console, as_json: bool,
                 explain: bool = False) -> None:
    """Records as JSON on stdout (one indented object, or JSON Lines for several), or as
    text panels on ``console``."""
    if as_json:
        if len(records) == 1:
            sys.stdout.write(json.dumps(records[0].to_json(), ensure_ascii=False, indent=2))
            sys.stdout.write("\n")
        else:
            for rec in records:
                sys.stdout.write(json.dumps(rec.to_json(), ensure_ascii=False) + "\n")
        return
    for rec in records:
        render_record(rec, console, explain)


def _participant(p: Participant | None) -> str:
    if p is None:
        return ""
    return escape(f"{p.text} ({p.actor})" if p.actor else p.text)


def render_events_report(report: dict[str, Any], console: Console, gold: str) -> None:
    """The event scores as a table: P/R/F1 per level, overall and by gold source."""
    table = Table(title=f"Events against {escape(gold)} ({report['cases']} cases)",
                  title_justify="left")
    for col in ("group", "level", "P", "R", "F1", "predicted", "gold"):
        table.add_column(col, justify="left" if col in {"group", "level"} else "right")
    groups = [("overall", report)] + ([("real news", report["real_news"])]
                                      if "real_news" in report else [])
    for name, figures in groups + list(report["by_source"].items()):
        for level in ("type_actors", "exact", "type"):
            f = figures[level]
            table.add_row(escape(name) if level == "type_actors" else "", level,
                          f"{f['p']:.3f}", f"{f['r']:.3f}", f"{f['f1']:.3f}",
                          str(f["predicted"]), str(f["gold"]))
    console.print(table)


def render_rules_report(rules: dict[str, dict[str, Any]], console: Console, strict: str,
                        loose: str) -> None:
    """Precision per extraction rule (``--by-rule``): the rules with most predictions first."""
    table = Table(title="By rule", title_justify="left")
    for col in ("rule", "predicted", f"P ({strict})", f"P ({loose})"):
        table.add_column(col, justify="left" if col == "rule" else "right")
    for name, f in rules.items():
        table.add_row(escape(name), str(f["predicted"]), f"{f['precision']:.3f}",
                      f"{f['precision_loose']:.3f}")
    console.print(table)


def render_attribution_report(report: dict[str, Any], console: Console, gold: str) -> None:
    """The attribution scores as a table: measures by kind."""
    table = Table(title=f"Attribution against {escape(gold)} ({report['documents']} documents)",
                  title_justify="left")
    table.add_column("measure")
    groups = [("overall", report["overall"])] + list(report["by_kind"].items())
    for name, _ in groups:
        table.add_column(name, justify="right")
    rows = [("content exact F1", "content_exact_f1"), ("content Jaccard>=0.5 F1",
            "content_jaccard_f1"), ("  precision", "content_jaccard_p"),
            ("  recall", "content_jaccard_r"), ("coverage>0.3 F1", "coverage_0.3_f1"),
            ("coverage>0.8 F1", "coverage_0.8_f1"), ("speaker overlap acc", "speaker_overlap_acc"),
            ("speaker exact acc", "speaker_exact_acc"), ("cue exact F1", "cue_exact_f1"),
            ("cue overlap F1", "cue_overlap_f1"), ("predicted", "predicted"), ("gold", "gold")]
    for label, key in rows:
        cells = []
        for _, values in groups:
            v = values[key]
            cells.append(f"{v:.3f}" if isinstance(v, float) else str(v))
        table.add_row(label, *cells)
    console.print(table)


def render_stance_report(report: dict[str, Any], console: Console, gold: str) -> None:
    """The stance scores: accuracy and per-class P/R/F1, overall and by fold; confusions."""
    groups = [("overall", report["overall"])] + [
        (f"fold {k}", v) for k, v in report["folds"].items()]
    table = Table(title=f"Stance against {escape(gold)}", title_justify="left")
    table.add_column("measure")
    for name, _ in groups:
        table.add_column(name, justify="right")
    table.add_row("labels (matched)", *(f"{g['labels']} ({g['matched']})" for _, g in groups))
    table.add_row("coverage", *(f"{g['coverage']:.3f}" for _, g in groups))
    table.add_row("accuracy", *(f"{g['accuracy']:.3f}" for _, g in groups))
    for stance in report["overall"]["by_stance"]:
        table.add_row(f"{stance} P / R (gold)", *(
            f"{g['by_stance'][stance]['p']:.2f} / {g['by_stance'][stance]['r']:.2f} "
            f"({g['by_stance'][stance]['gold']})" for _, g in groups))
    console.print(table)
    for gold_stance, row in report["confusion"].items():
        cells = ", ".join(f"{k} {v}" for k, v in sorted(row.items(), key=lambda kv: -kv[1]))
        console.print(f"  gold {gold_stance}: {cells}", highlight=False)


def render_timex_report(report: dict[str, Any], console: Console, gold: str) -> None:
    """The time-expression scores (onrecord eval timex) as text."""
    console.print(f"Time expressions against {gold} ({report['documents']} documents)")
    for level in ("relaxed", "strict"):
        r = report[level]
        console.print(f"  {level:8} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}")
    console.print(f"  value accuracy {report['value_accuracy']:.3f} · value F1 "
                  f"{report['value_f1']:.3f} · type accuracy {report['type_accuracy']:.3f}")


def render_contradictions_report(reports: list[dict[str, Any]], main_report: dict[str, Any],
                                 console: Console, gold: str, show_unlabelled: bool) -> None:
    """The contradiction scores by threshold (onrecord eval contradictions) as text, with the
    unlabelled predicted pairs at the main threshold when asked."""
    console.print(f"Contradictions and shifts against {gold}: {main_report['pairs']} labelled "
                  f"pairs, {main_report['positives']} positive")
    for r in reports:
        mark = "*" if r is main_report else " "
        console.print(f" {mark} score >= {r['threshold']:.2f}  P {r['p']:.3f}  R {r['r']:.3f}  "
                      f"F1 {r['f1']:.3f}  (tp {r['tp']}, fp {r['fp']}, fn {r['fn']}, "
                      f"unlabelled predictions {r['unlabelled_predictions']})", highlight=False)
    if show_unlabelled:
        for f in main_report["unlabelled"]:
            a, b = f["a"], f["b"]
            console.print(f"{f['kind']} {f['score']}: {a['article_id']}/{a['statement_id']} "
                          f"{a['speaker']}: {a['content'][:70]!r} | {b['article_id']}/"
                          f"{b['statement_id']} {b['speaker']}: {b['content'][:70]!r}",
                          highlight=False, soft_wrap=True, markup=False)
