"""The two records of a dispute's evidence: a :class:`Side` (one statement, with what a reader
needs to find and judge it) and a :class:`Finding` (two statements that contradict each other,
or one speaker's account shifting), as :mod:`onrecord.analysis.consistency` finds them and
:mod:`onrecord.analysis.links` keeps them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any

__all__ = ["Finding", "Side"]


@dataclass(frozen=True, slots=True)
class Side:
    """One statement of a finding, with what a reader needs to find and judge it."""

    article_id: str
    statement_id: str
    speaker: str | None
    speaker_id: str | None
    sourcing: str
    cue: str | None
    content: str
    date: str | None
    date_defaulted: bool
    when: str | None  # the TIMEX3 value of the statement's own time, when it has one
    outlet: str | None
    title: str | None
    start: int
    end: int
    context: str = field(default="", compare=False)  # the sentence the statement is in
    lead: str = field(default="", compare=False)  # the sentence before it
    repeats: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    """(article id, statement id) of the same words by the same speaker elsewhere, or nearly
    the same words from the same side (:func:`onrecord.analysis.echoes.first_of_repeats`)."""
    side: str | None = field(default=None, compare=False)
    """Whom the speaker speaks for (:func:`onrecord.analysis.sides.side_of`): "SAU", "USA-LEG"."""
    stance: str = field(default="asserts", compare=False)
    """What the speaker does with the proposition: asserts, denies, doubts or qualifies."""
    proposition: str | None = field(default=None, compare=False)
    """The proposition asserted or denied ("no evidence that X" -> X), when it differs."""
    cut: bool = field(default=False, compare=False)
    """The statement runs to the end of an excerpt that stops mid-sentence ("the crown
    prince's involv"): what it says is not all there."""

    def to_state(self) -> dict[str, Any]:
        """Every field, as JSON values (for :mod:`onrecord.store.kept`)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Side:
        """The side :meth:`to_state` gave."""
        return cls(**{**state, "repeats": tuple(tuple(r) for r in state["repeats"])})

    def to_json(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "statement_id": self.statement_id,
                "speaker": self.speaker, "speaker_id": self.speaker_id,
                "sourcing": self.sourcing, "cue": self.cue, "content": self.content,
                "date": self.date, "date_defaulted": self.date_defaulted, "when": self.when,
                "outlet": self.outlet, "title": self.title, "span": [self.start, self.end],
                "repeated_in": [list(r) for r in self.repeats], "side": self.side,
                "stance": self.stance}


@dataclass(frozen=True, slots=True)
class Finding:
    """Two statements that contradict each other, or one speaker's account shifting."""

    kind: str  # "contradiction" or "shift"
    score: float
    matter: tuple[str, ...]
    evidence: tuple[str, ...]
    a: Side
    b: Side

    def to_state(self, a: int, b: int) -> str:
        """The finding as one JSON text, its statements named by position (``a``, ``b``) in
        a list kept beside it (:func:`onrecord.analysis.links.keep_findings`)."""
        return json.dumps({"kind": self.kind, "score": self.score, "matter": self.matter,
                           "evidence": self.evidence, "a": a, "b": b}, ensure_ascii=False)

    @classmethod
    def from_state(cls, text: str, sides: list[Side]) -> Finding:
        """The finding :meth:`to_state` gave, with its statements from ``sides``."""
        state = json.loads(text)
        return cls(state["kind"], state["score"], tuple(state["matter"]),
                   tuple(state["evidence"]), sides[state["a"]], sides[state["b"]])

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "score": self.score, "matter": list(self.matter),
                "evidence": list(self.evidence), "a": self.a.to_json(), "b": self.b.to_json()}
