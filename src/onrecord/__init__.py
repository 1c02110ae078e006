"""onrecord: turn news coverage into a sourced record.

    >>> import onrecord
    >>> record = onrecord.analyze(text, published="2020-01-14")   # doctest: +SKIP
    >>> [s.speaker_text for s in record.statements]                # doctest: +SKIP

The records are frozen dataclasses of plain values with character offsets into the article's
text; ``record.to_json()`` gives the JSON contract (schema ``onrecord/1``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from onrecord.analyze import analyze, analyze_articles
from onrecord.errors import (
    DictionaryError,
    ExtractionError,
    InputError,
    ModelError,
    OnRecordError,
    StoreError,
)
from onrecord.extract.entities.dictionaries import ActorDictionary, read_dictionaries
from onrecord.models import (
    SCHEMA,
    Article,
    ArticleRecord,
    Discarded,
    Entity,
    Event,
    Participant,
    Statement,
    TimeExpr,
)
from onrecord.version import __version__

if TYPE_CHECKING:
    from onrecord.store import Corpus

_LAZY = {"Corpus": "onrecord.store"}
"""Names the package face gives without importing their modules until first used: the store
loads its database drivers and schema, and ``import onrecord`` does not (nor spaCy, which
:func:`analyze` loads with the pipeline when it first runs)."""


def __getattr__(name: str) -> Any:  # PEP 562
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'onrecord' has no attribute {name!r}")

__all__ = [
    "SCHEMA",
    "ActorDictionary",
    "Article",
    "ArticleRecord",
    "Corpus",
    "DictionaryError",
    "Discarded",
    "Entity",
    "Event",
    "ExtractionError",
    "InputError",
    "ModelError",
    "OnRecordError",
    "Participant",
    "Statement",
    "StoreError",
    "TimeExpr",
    "analyze",
    "analyze_articles",
    "read_dictionaries",
    "__version__",
]
