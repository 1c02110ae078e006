"""API and web UI fixtures: a small corpus of hand-made records (no model needed) and clients.

The corpus holds a contradiction between two speakers and one speaker's shift (the water
stories), an event with a resolved time, an anonymous statement, and a hostile article whose
title, outlet, URL, speaker and text carry markup and script.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from onrecord.models import (
    Article,
    ArticleRecord,
    Entity,
    Event,
    Participant,
    Statement,
    TimeExpr,
)
from onrecord.server.app import create_app
from onrecord.store import Corpus

TOKEN = "test-token-123"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
EVIL_URL = "javascript:alert(1)"

MAYOR = ("Mayor Lena Brandt said on Monday that the water in the reservoir was safe to drink "
         "and that the plant had passed every test.")
ENGINEER = ("Chief engineer Tomas Ruiz said the water in the reservoir was not safe to drink "
            "until the filters were replaced.")
MAYOR_LATER = ("Mayor Lena Brandt, who had insisted the water was safe, conceded on Thursday "
               "that the water in the reservoir was unsafe to drink for young children.")
OTHER_NEWS = [
    ("Baker Ana Lind said her shop would open an hour early on market days.", "Ana Lind"),
    ("Coach Piet Vos said the team would train indoors during the storm.", "Piet Vos"),
    ("Librarian Mia Sol said the archive would digitise its maps by autumn.", "Mia Sol"),
]
STRIKE = ("Officials said the navy struck a depot near the port on Tuesday. "
          "The ministry said the depot had been empty.")
HOSTILE = (f"Mallory {SCRIPT} said {IMG} the vote was rigged. See {EVIL_URL} for more. "
           "Voters said nothing.")


def _person(eid: str, name: str, text: str) -> Entity:
    at = text.index(name)
    return Entity(eid, name, "PERSON", ((at, at + len(name)),))


def _said(text: str, content: str, speaker: Entity | None, speaker_text: str,
          sourcing: str = "named", cue: str = "say", date: str | None = None) -> Statement:
    start, sp = text.index(content), text.index(speaker_text)
    cue_at = text.index(" said ", sp) + 1 if " said " in text[sp:] else None
    return Statement(f"s{start}", content, (start, start + len(content)), "indirect",
                     sourcing,  # type: ignore[arg-type]
                     speaker=speaker.id if speaker else None, speaker_text=speaker_text,
                     speaker_span=(sp, sp + len(speaker_text)), cue=cue,
                     cue_span=(cue_at, cue_at + 4) if cue_at is not None else None, date=date)


def _article(text: str, published: str, source: str = "Harbor Wire", title: str = "Story",
             url: str | None = None, **parts: tuple) -> ArticleRecord:
    a = Article.create(text, title=title, source=source, published=published,
                       origin=f"{source}-{published}.txt",
                       url=url or f"https://example.org/{published}")
    return ArticleRecord(a, parts.get("entities", ()), parts.get("statements", ()),
                         parts.get("times", ()), parts.get("events", ()))


def _water(text: str, name: str, content: str, published: str, cue: str = "say",
           source: str = "Harbor Wire") -> ArticleRecord:
    who = _person("e" + str(text.index(name)), name, text)
    places: tuple[Entity, ...] = ()
    if "reservoir" in text:
        at = text.index("reservoir")
        places = (Entity("g1", "Orm Reservoir", "FAC", ((at, at + 9),)),
                  Entity("g2", "Orm", "GPE", ((at, at + 9),)))
    return _article(text, published, source=source, title=f"{name} on the water",
                    entities=(who, *places),
                    statements=(_said(text, content, who, name, cue=cue, date=published),))


def records() -> list[ArticleRecord]:
    """The hand-made records of the test corpus."""
    out = [
        _water(MAYOR, "Lena Brandt", "that the water in the reservoir was safe to drink and "
               "that the plant had passed every test", "2024-06-03"),
        _water(ENGINEER, "Tomas Ruiz", "the water in the reservoir was not safe to drink until "
               "the filters were replaced", "2024-06-04", source="Valley Post"),
        _water(MAYOR_LATER, "Lena Brandt", "that the water in the reservoir was unsafe to drink "
               "for young children", "2024-06-06", cue="concede"),
    ]
    for text, name in OTHER_NEWS:
        out.append(_water(text, name, text[text.index(" said ") + 6:-1], "2024-06-04",
                          source="Valley Post"))
    day = STRIKE.index("Tuesday")
    tuesday = TimeExpr("t1", "Tuesday", (day, day + 7), "DATE", "2024-06-11", "2024-06-11",
                       "2024-06-11")
    hit = STRIKE.index("struck")
    strike = Event("v1", "ASSAULT", "19", "struck", (hit, hit + 6), "occurred",
                   source=Participant("the navy", actor="USAMIL"),
                   target=Participant("a depot", actor="IRN"), time="t1")
    out.append(_article(STRIKE, "2024-06-12", source="Coast Times", title="Depot struck",
                        times=(tuesday,), events=(strike,),
                        statements=(_said(STRIKE, "the navy struck a depot near the port on "
                                          "Tuesday", None, "Officials", "anonymous",
                                          date="2024-06-11"),)))
    mallory = _person("p1", f"Mallory {SCRIPT}", HOSTILE)
    out.append(_article(HOSTILE, "2024-06-13", source=f"Evil {IMG} News",
                        title=f"Vote {SCRIPT} {IMG}", url=EVIL_URL, entities=(mallory,),
                        statements=(_said(HOSTILE, f"{IMG} the vote was rigged", mallory,
                                          f"Mallory {SCRIPT}", date="2024-06-13"),)))
    return out


@pytest.fixture
def corpus_path(corpus_db: str) -> str:
    """The test corpus, on each backend (``corpus_db``, tests/conftest.py)."""
    path = corpus_db
    with Corpus(path) as corpus:
        for record in records():
            corpus.add(record)
    return path


@pytest.fixture
def client(corpus_path: str, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    """A client of a public server over the test corpus, with ONRECORD_TOKEN set."""
    monkeypatch.setenv("ONRECORD_TOKEN", TOKEN)
    return TestClient(create_app(corpus_path))


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def ids(corpus_path: str) -> dict[str, str]:
    """Ids by role: the water stories' speakers and articles, the hostile article."""
    with Corpus(corpus_path) as corpus:
        people = dict(corpus.query("SELECT name, id FROM corpus_entities WHERE kind = 'PERSON'"))
        articles = dict(corpus.query("SELECT title, id FROM articles"))
    return {"brandt": people["Lena Brandt"], "ruiz": people["Tomas Ruiz"],
            "mallory": people[f"Mallory {SCRIPT}"], "strike": articles["Depot struck"],
            "hostile": articles[f"Vote {SCRIPT} {IMG}"],
            "mayor": articles["Lena Brandt on the water"]}


def _get_ok(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, (path, params, response.text)
    return response.json()


@pytest.fixture
def get_ok() -> Callable[..., Any]:
    """get_ok(client, path, **params) -> the JSON of a GET that must answer 200."""
    return _get_ok
