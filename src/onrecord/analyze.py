"""From articles to records: run the pipeline and gather each article's whole record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Doc

from onrecord.errors import EmptyInputError, ExtractionError, InputError
from onrecord.models import Article, ArticleRecord, Discarded
from onrecord.nlp.pipeline import ONRECORD_COMPONENTS, load_pipeline

DEFAULT_BATCH_SIZE = 16


def _published_date(article: Article) -> dt.date | None:
    if not article.published:
        return None
    try:
        return dt.date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def check_offsets(record: ArticleRecord) -> None:
    """Raise :class:`ExtractionError` unless every record's span re-slices to its text."""
    text = record.article.text

    def check(span: tuple[int, int] | None, expected: str | None, what: str) -> None:
        if span is None:
            return
        s, e = span
        if not (0 <= s <= e <= len(text)) or (expected is not None and text[s:e] != expected):
            raise ExtractionError(f"{what} span {span} does not re-slice to its text")

    for ent in record.entities:
        for span in ent.mentions:
            check(span, None, f"entity {ent.id}")
    for st in record.statements:
        check(st.content_span, st.content, f"statement {st.id} content")
        check(st.speaker_span, st.speaker_text, f"statement {st.id} speaker")
        check(st.cue_span, None, f"statement {st.id} cue")
    for t in record.times:
        check(t.span, t.text, f"time {t.id}")
    for ev in record.events:
        check(ev.trigger_span, ev.trigger, f"event {ev.id}")


def record_from_doc(article: Article, doc: Doc) -> ArticleRecord:
    """Gather what onrecord's components left on ``doc`` into an :class:`ArticleRecord`."""
    record = ArticleRecord(
        article=article,
        entities=tuple(doc._.onrecord_entities or ()),
        statements=tuple(doc._.onrecord_statements or ()),
        times=tuple(doc._.onrecord_times or ()),
        events=tuple(doc._.onrecord_events or ()),
    )
    check_offsets(record)
    return record


def _run_components(doc: Doc) -> Doc:
    nlp = load_pipeline()
    for name in ONRECORD_COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    return doc


def analyze_articles(
    articles: Iterable[Article], batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[ArticleRecord | Discarded]:
    """Analyse many articles in batches; a failing article becomes :class:`Discarded`.

    spaCy's statistical components run batched through ``nlp.pipe``; onrecord's extractors then
    run on each document, so one document's failure cannot take the batch down with it.
    """
    nlp = load_pipeline()

    def docs() -> Iterator[tuple[Doc, Article]]:
        for article in articles:
            doc = nlp.make_doc(article.text)
            doc._.onrecord_published = _published_date(article)
            yield doc, article

    with nlp.select_pipes(disable=list(ONRECORD_COMPONENTS)):
        parsed = nlp.pipe(docs(), as_tuples=True, batch_size=batch_size)
        for doc, article in parsed:
            try:
                yield record_from_doc(article, _run_components(doc))
            except ExtractionError as err:
                yield Discarded(article.origin or article.id, "extract", str(err))
            except Exception as err:  # an extractor bug must not end the batch
                reason = f"{type(err).__name__}: {err}"
                yield Discarded(article.origin or article.id, "extract", reason)


def analyze(article: Article | str, published: str | None = None) -> ArticleRecord:
    """The whole record of one article (an :class:`Article` or plain text).

    Raises :class:`~onrecord.errors.ExtractionError` when extraction fails.

    >>> record = analyze("Officials said on Monday that talks would resume.", "2020-01-14")
    >>> record.statements[0].sourcing
    'anonymous'
    """
    if isinstance(article, str):
        if not article.strip():
            raise EmptyInputError("the text is empty")
        article = Article.create(article, published=published, origin="-")
    elif published is not None:
        article = replace(article, published=published)
    for result in analyze_articles([article]):
        if isinstance(result, Discarded):
            raise ExtractionError(result.reason)
        return result
    raise InputError("nothing to analyse")  # pragma: no cover - analyze_articles always yields
