"""Unit-test fixtures: corpus locations on both backends, and builders of small records.

Store and analysis tests run on SQLite always, and on PostgreSQL when a server is given.

`.ci/run` starts a throwaway server (scripts/postgres.sh) and sets ONRECORD_TEST_POSTGRES to its
URL. Locally, without it, the PostgreSQL variants are skipped with that reason; under CI (CI set)
a missing server fails them instead, so CI can never pass without testing PostgreSQL.
"""

from __future__ import annotations

import os

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

BACKENDS = ["sqlite", "postgres"]


def _reset_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


@pytest.fixture(params=BACKENDS)
def corpus_db(request, tmp_path) -> str:
    """A fresh, empty corpus location: a SQLite file, or a wiped PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    url = os.environ.get("ONRECORD_TEST_POSTGRES")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI must test PostgreSQL: ONRECORD_TEST_POSTGRES is not set")
        pytest.skip("no PostgreSQL server (run: export ONRECORD_TEST_POSTGRES="
                    "$(scripts/postgres.sh start))")
    _reset_postgres(url)
    return url




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
