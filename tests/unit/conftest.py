"""Unit-test fixtures: builders of small hand-made records (the `corpus_db` fixture, a fresh
corpus on each backend, is in tests/conftest.py)."""

from __future__ import annotations

import pytest

from onrecord.models import (
    Article,
    ArticleRecord,
    Entity,
    Event,
    Participant,
    Statement,
    TimeExpr,
)


def person(eid: str, name: str, span: tuple[int, int], titles: tuple[str, ...] = (),
           aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(eid, name, "PERSON", (span,), aliases=aliases, titles=titles)


def said(text: str, content: str, speaker: Entity | None, speaker_text: str, cue: str = "say",
         sourcing: str = "named", date: str | None = None) -> Statement:
    start = text.index(content)
    sp = text.index(speaker_text)
    return Statement(f"s{start}", content, (start, start + len(content)), "indirect",
                     sourcing, speaker=speaker.id if speaker else None,  # type: ignore[arg-type]
                     speaker_text=speaker_text, speaker_span=(sp, sp + len(speaker_text)),
                     cue=cue, date=date)


def article(text: str, published: str, source: str = "Harbor Wire", title: str = "Story",
            entities: tuple[Entity, ...] = (), statements: tuple[Statement, ...] = (),
            times: tuple[TimeExpr, ...] = (), events: tuple[Event, ...] = ()) -> ArticleRecord:
    a = Article.create(text, title=title, source=source, published=published,
                       origin=f"{source}-{published}.txt", url=f"https://example.org/{published}")
    return ArticleRecord(a, entities, statements, times, events)


def strike(text: str, trigger: str, source: str, target: str, cameo: str = "19",
           kind: str = "ASSAULT", time: str | None = None) -> Event:
    start = text.index(trigger)
    return Event(f"v{start}", kind, cameo, trigger, (start, start + len(trigger)), "occurred",
                 source=Participant(source, actor=source), target=Participant(target,
                                                                              actor=target),
                 time=time)


@pytest.fixture
def build():
    """Builders of small hand-made records: build.person, build.said, build.article ..."""
    from types import SimpleNamespace

    return SimpleNamespace(person=person, said=said, article=article, strike=strike)
