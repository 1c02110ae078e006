"""The API's record models describe exactly what the records' ``to_json()`` emit: every
``to_json()`` dict validates against its derived model, dumps back to itself key for key and in
the same order, and the model's keys are the dict's keys; and :func:`derive` refuses a
``to_json()`` key it cannot describe."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from onrecord.api import schemas
from onrecord.api.contract import derive
from onrecord.models import (
    Article,
    ArticleRecord,
    Entity,
    Event,
    Participant,
    Statement,
    TimeExpr,
    record_from_json,
)
from onrecord.server.app import create_app

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
MODELS: dict[type, type[BaseModel]] = {
    Article: schemas.ArticleOut, Entity: schemas.EntityOut, Statement: schemas.StatementOut,
    TimeExpr: schemas.TimeOut, Participant: schemas.ParticipantOut, Event: schemas.EventOut,
    ArticleRecord: schemas.RecordOut,
}
TEXT = "Minister Ada Vogel said on Monday that the navy had not struck the depot."


def _full() -> ArticleRecord:
    """A record with every optional field of every record set."""
    article = Article.create(TEXT, url="https://example.org/a", source="Wire", title="T",
                             byline="B", published="2024-06-03", origin="a.txt")
    ada = Entity("e1", "Ada Vogel", "PERSON", ((9, 18), (20, 24)), aliases=("Vogel",),
                 titles=("Minister",), actor="DEU")
    monday = TimeExpr("t1", "Monday", (27, 33), "DATE", "2024-06-03", "2024-06-03",
                      "2024-06-03", mod="START")
    said = Statement("s1", "the navy had not struck the depot", (39, 72), "indirect", "named",
                     speaker="e1", speaker_text="Ada Vogel", speaker_span=(9, 18), cue="say",
                     cue_span=(19, 23), channel="statement", time="t1", date="2024-06-03",
                     time_defaulted=True, nested_in="s0", continues="s2", stance="denies",
                     proposition="the navy had struck the depot", proposition_span=(39, 72),
                     rule="direct_quote")
    strike = Event("v1", "ASSAULT", "19", "struck", (56, 62), "negated",
                   source=Participant("the navy", entity="e2", actor="DEUMIL"),
                   target=Participant("the depot", entity="e3", actor="IRN"),
                   location="the port", time="t1", rule="verb_lexicon")
    return ArticleRecord(article, (ada,), (said,), (monday,), (strike,))


def _bare() -> ArticleRecord:
    """A record with only the required fields of each record set."""
    return ArticleRecord(Article.create(TEXT), (Entity("e1", "Ada Vogel", "PERSON", ()),),
                         (Statement("s1", "x", (0, 1), "direct", "unattributed"),),
                         (TimeExpr("t1", "Monday", (27, 33), "DURATION", "P1D"),),
                         (Event("v1", "ASSAULT", "19", "struck", (56, 62), "occurred",
                                source=Participant("the navy")),))


def _records() -> list[ArticleRecord]:
    golden = [record_from_json(json.loads(p.read_text("utf-8")))
              for p in sorted(GOLDEN.glob("*.json"))]
    assert golden
    return [_full(), _bare(), *golden]


def _parts(record: ArticleRecord) -> list[Any]:
    """The record, its article and each record it holds (participants included)."""
    events = list(record.events)
    people = [p for e in events for p in (e.source, e.target) if p is not None]
    return [record, record.article, *record.entities, *record.statements, *record.times,
            *events, *people]


def _keys(model: type[BaseModel]) -> list[str]:
    """The JSON keys of a model (a field's alias when it has one), in order."""
    return [f.alias or name for name, f in model.model_fields.items()]


def mismatches(model: type[BaseModel], data: dict[str, Any]) -> list[str]:
    """How ``model`` fails to describe ``data`` (empty when it describes it exactly)."""
    if _keys(model) != list(data):
        return [f"keys: model {_keys(model)} != to_json {list(data)}"]
    dumped = model.model_validate(data).model_dump()
    return [] if dumped == data else [f"dump: {dumped} != {data}"]


@pytest.mark.parametrize("record", _records(), ids=lambda r: r.article.id)
def test_every_to_json_is_described_by_its_model(record):
    for part in _parts(record):
        assert mismatches(MODELS[type(part)], part.to_json()) == [], type(part).__name__


def test_the_full_record_sets_every_field():
    full = _full()
    for part in _parts(full):
        unset = [k for k, v in part.to_json().items() if v is None]
        assert unset == [], (type(part).__name__, unset)


def test_the_openapi_schema_names_and_describes_the_records(tmp_path, monkeypatch):
    monkeypatch.delenv("ONRECORD_TOKEN", raising=False)
    components = TestClient(create_app(tmp_path / "c.db")).get("/openapi.json").json()[
        "components"]["schemas"]
    for model in MODELS.values():
        described = components[model.__name__]
        assert list(described["properties"]) == _keys(model)
        assert sorted(described["required"]) == sorted(_keys(model))  # to_json emits each
    statement = components["StatementOut"]["properties"]
    assert statement["stance"]["enum"] == ["asserts", "denies", "doubts", "qualifies"]
    assert statement["stance"]["default"] == "asserts"
    assert components["EntityOut"]["properties"]["mentions"]["items"]["items"]["type"] == \
        "integer"


# -- derive itself, on toy records --------------------------------------------------------------
@dataclass(frozen=True)
class _Toy:
    name: str
    tags: tuple[str, ...] = ("a",)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "tags": list(self.tags), "kind": "toy"}


@dataclass(frozen=True)
class _Sometimes:
    name: str
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, **({"note": self.note} if self.note else {})}


def test_a_key_that_is_no_field_must_be_described():
    with pytest.raises(TypeError, match="'kind'"):
        derive(_Toy, "ToyOut")
    toy = derive(_Toy, "ToyOut", extra={"kind": (str, ...)})
    assert _keys(toy) == ["name", "tags", "kind"]
    assert toy.model_fields["tags"].default == ["a"]
    assert mismatches(toy, _Toy("x", ("b", "c")).to_json()) == []


def test_a_key_emitted_only_sometimes_is_caught():
    sometimes = derive(_Sometimes, "SometimesOut")
    assert mismatches(sometimes, _Sometimes("x").to_json()) == []
    assert mismatches(sometimes, _Sometimes("x", "n").to_json()) != []


def test_a_model_that_lacks_a_key_is_caught():
    class Short(BaseModel):  # StatementOut as it was before the rule field
        id: str

    data = _full().statements[0].to_json()
    assert mismatches(Short, data) != []
    assert mismatches(schemas.StatementOut, data) == []
