"""A brief (:mod:`onrecord.analysis.brief`) as Markdown, as a standalone HTML page, or as JSON.

Citations are numbered by article, in the order they are first cited, and listed at the end
with the article's outlet, date, title and link. Everything in a brief comes from articles
and is untrusted:

- **Markdown**: every value has Markdown's syntax characters backslash-escaped (no link,
  emphasis, raw HTML or table can be made from an article's words) and its line breaks made
  spaces; a link is written only when it is http(s), inside ``<...>`` with the characters
  that could end it percent-encoded;
- **HTML**: a Jinja2 template with autoescape, no value marked safe, links only when http(s)
  (:func:`http_url`), no script; the page stands alone (its style is inline).
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote, urlsplit

import jinja2

from onrecord.analysis.brief import Brief, BriefLine, Source

__all__ = ["FORMATS", "MEDIA_TYPES", "http_url", "render_brief", "render_html",
           "render_markdown"]

FORMATS = ("md", "html", "json")
MEDIA_TYPES = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8",
               "json": "application/json"}
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_\[\]<>|~&])")
"""What Markdown could read as syntax mid-line: emphasis, code, links, raw HTML, entities,
tables, strike-through (a line of a brief never starts with an article's words)."""


def http_url(value: object) -> str | None:
    """A link from an article, only when it is http(s) (never ``javascript:`` and the like)."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def _md(text: str | None) -> str:
    """Text for Markdown: on one line, every syntax character taken literally."""
    return _MARKDOWN_SYNTAX.sub(r"\\\1", " ".join((text or "").split()))


class _Numbers:
    """Citation numbers by article, in the order articles are first cited."""

    def __init__(self) -> None:
        self.sources: dict[str, Source] = {}

    def of(self, line: BriefLine) -> list[int]:
        numbers = []
        for source in line.sources:
            self.sources.setdefault(source.article_id, source)
            number = list(self.sources).index(source.article_id) + 1
            if number not in numbers:
                numbers.append(number)
        return sorted(numbers)


def _cited_as(source: Source) -> str:
    """How a source is named in the list of sources (plain text; the renderer escapes it)."""
    outlet = " ".join((source.outlet or "").split()) or "outlet not given"
    title = " ".join((source.title or "").split())
    return f"{outlet}, {source.published or 'undated'}" + (f", “{title}”" if title else "")


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown (see the module's docstring for what is escaped)."""
    numbers = _Numbers()
    out = [f"# Brief: {_md(brief.label)}", "",
           f"Storyline {_md(brief.storyline_id)}, {_md(brief.first or 'undated')} to "
           f"{_md(brief.last or 'undated')}. Drawn by onrecord from the stored record only: "
           "quotations are the statements' own words, each line cites its articles "
           "(numbered at the end), and \"by\" a date marks what is dated only by the "
           "article that reported it.", ""]

    def line(item: BriefLine, indent: str) -> None:
        cites = "".join(f" \\[{n}\\]" for n in numbers.of(item))
        out.append(f"{indent}- **{_md(item.label)}**: {_md(item.text)}{cites}")
        for sub in item.lines:
            line(sub, indent + "  ")
        if item.more:
            out.append(f"{indent}  - *{_md(item.more)}*")

    for section in brief.sections:
        out += [f"## {_md(section.title)}", ""]
        for item in section.lines:
            line(item, "")
        if section.more:
            out.append(f"- *{_md(section.more)}*")
        if not section.lines:
            out.append(f"*{_md(section.empty)}*")
        out.append("")
    out += ["## Sources", ""]
    for n, source in enumerate(numbers.sources.values(), 1):
        url = http_url(source.url)
        link = f" <{quote(url, safe=_URL_SAFE)}>" if url else ""
        out.append(f"{n}. {_md(_cited_as(source))}{link}")
    return "\n".join(out) + "\n"


_URL_SAFE = ":/?#@!$&'*+,;=%~._-"  # percent-encoded besides: spaces, <, >, brackets, quotes
_BODY = """<h1>Brief: {{ brief.label }}</h1>
<p class="lead">Storyline {{ brief.storyline_id }}, {{ brief.first or "undated" }} to
{{ brief.last or "undated" }}. Drawn by onrecord from the stored record only: quotations are the
statements' own words, each line cites its articles (numbered at the end), and "by" a date
marks what is dated only by the article that reported it.</p>
{% macro item(line) %}
<li><b>{{ line.label }}</b>: {{ line.text }}
{%- for n in cite(line) %}<sup><a href="#source-{{ n }}">[{{ n }}]</a></sup>{% endfor %}
{% if line.lines or line.more %}
<ul>
{% for sub in line.lines %}{{ item(sub) }}{% endfor %}
{% if line.more %}<li class="more">{{ line.more }}</li>{% endif %}
</ul>
{% endif %}
</li>
{% endmacro %}
{% for section in brief.sections %}
<h2>{{ section.title }}</h2>
{% if section.lines %}
<ul>
{% for line in section.lines %}{{ item(line) }}{% endfor %}
{% if section.more %}<li class="more">{{ section.more }}</li>{% endif %}
</ul>
{% else %}
<p class="empty">{{ section.empty }}</p>
{% endif %}
{% endfor %}
<h2>Sources</h2>
<ol>
{% for source in sources() %}
<li id="source-{{ loop.index }}">{{ cited_as(source) }}
{%- set url = http_url(source.url) %}{% if url %}:
<a href="{{ url }}" rel="noopener noreferrer nofollow">{{ url }}</a>{% endif %}</li>
{% endfor %}
</ol>
"""
_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="onrecord">
<title>Brief: {{ brief.label }}</title>
<style>
body { font: 15px/1.45 Georgia, serif; max-width: 48em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.5em; }
h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
ul { padding-left: 1.2em; } li { margin: .25em 0; }
.more, .empty { color: #555; font-style: italic; } .lead { color: #444; }
sup a { text-decoration: none; }
</style>
</head>
<body>
{% include "body" %}
</body>
</html>
"""
_TEMPLATES = jinja2.Environment(loader=jinja2.DictLoader({"body": _BODY, "page": _PAGE}),
                                autoescape=True, trim_blocks=True, lstrip_blocks=True)


def render_html(brief: Brief, standalone: bool = True) -> str:
    """The brief as a standalone HTML page (every value escaped; no script); or, with
    ``standalone=False``, its body alone (no head, no style) to set inside another page."""
    numbers = _Numbers()
    return _TEMPLATES.get_template("page" if standalone else "body").render(
        brief=brief, cite=numbers.of, sources=lambda: numbers.sources.values(),
        cited_as=_cited_as, http_url=http_url)


def render_brief(brief: Brief, fmt: str) -> str:
    """The brief in one of :data:`FORMATS` (``json``: its :meth:`~Brief.to_json`)."""
    if fmt == "md":
        return render_markdown(brief)
    if fmt == "html":
        return render_html(brief)
    return json.dumps(brief.to_json(), ensure_ascii=False, indent=2) + "\n"
