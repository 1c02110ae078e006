"""onrecord: turn news coverage into a sourced record.

    >>> import onrecord
    >>> record = onrecord.analyze(text, published="2020-01-14")   # doctest: +SKIP
    >>> [s.speaker_text for s in record.statements]                # doctest: +SKIP

The records are frozen dataclasses of plain values with character offsets into the article's
text; ``record.to_json()`` gives the JSON contract (schema ``onrecord/1``).
"""

from onrecord.analyze import analyze, analyze_articles
from onrecord.errors import (
    ExtractionError,
    InputError,
    ModelError,
    OnRecordError,
    StoreError,
)
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
from onrecord.store import Corpus

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Article",
    "ArticleRecord",
    "Corpus",
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
    "__version__",
]
