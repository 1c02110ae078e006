"""From articles to records: run the pipeline and gather each article's whole record.

One document can never stop the others: invalid metadata, a document that breaks spaCy and
an extractor error each become a :class:`~onrecord.models.Discarded` record with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from onrecord.errors import EmptyInputError, ExtractionError, InputError, MalformedInputError
from onrecord.models import Article, ArticleRecord, Discarded, Span, replace_lone_surrogates
from onrecord.parts import join_part_records, part_article, split_into_parts

if TYPE_CHECKING:  # spaCy loads with the pipeline, when an article is first analysed
    from spacy.language import Language
    from spacy.tokens import Doc

    from onrecord.extract.entities.dictionaries import ActorDictionary

DEFAULT_BATCH_SIZE = 16
BATCH_CHARS = 400_000
"""About the most text spaCy parses at once (parts of long articles batch by it)."""


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
        check(st.proposition_span, st.proposition, f"statement {st.id} proposition")
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


def _pipeline() -> tuple[Language, tuple[str, ...]]:
    """The loaded pipeline and the names of onrecord's own components in it."""
    from onrecord.nlp.pipeline import ONRECORD_COMPONENTS, load_pipeline

    return load_pipeline(), tuple(ONRECORD_COMPONENTS)


def _run_components(doc: Doc) -> Doc:
    nlp, components = _pipeline()
    for name in components:
        doc = nlp.get_pipe(name)(doc)
    return doc


@dataclass(frozen=True, slots=True)
class _Part:
    """One document's worth of an article: the whole article, or one part of a long one."""

    article: Article
    span: Span
    number: int  # from 1
    count: int

    def describe(self) -> str:
        s, e = self.span
        return f"part {self.number} of {self.count} (characters {s}-{e})"


def _checked(article: Article) -> Article | Discarded:
    """The article ready for analysis, or why it cannot be analysed."""
    from onrecord.ingest.dates import parse_published

    doc_id = article.origin or article.id
    if not isinstance(article.text, str):
        return Discarded(doc_id, "ingest", "the article's text is not a string")
    if article.published is not None:
        try:
            parse_published(article.published)
        except InputError as err:
            return Discarded(doc_id, "ingest", str(err))
    fields = {f: getattr(article, f) for f in ("text", "url", "source", "title", "byline",
                                               "published", "origin")}
    clean = {f: replace_lone_surrogates(v) for f, v in fields.items() if isinstance(v, str)}
    changed = {f: v for f, v in clean.items() if v != fields[f]}
    return replace(article, **changed) if changed else article


def _parts(articles: Iterable[Article]) -> Iterator[_Part | Discarded]:
    for article in articles:
        checked = _checked(article)
        if isinstance(checked, Discarded):
            yield checked
            continue
        spans = split_into_parts(checked.text)
        for number, span in enumerate(spans, start=1):
            yield _Part(checked, span, number, len(spans))


def _batches(items: Iterable[_Part | Discarded],
             batch_size: int) -> Iterator[list[_Part | Discarded]]:
    """Items in batches of at most ``batch_size`` parts and about :data:`BATCH_CHARS` of text."""
    batch: list[_Part | Discarded] = []
    chars = 0
    for item in items:
        batch.append(item)
        if isinstance(item, _Part):
            chars += item.span[1] - item.span[0]
        if len(batch) >= batch_size or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _parse(parts: list[_Part], dictionary: ActorDictionary | None = None) -> list[Doc | str]:
    """spaCy's own components over the parts, batched; a part that breaks them, alone, gives
    the reason instead of its Doc (the others are parsed again one by one)."""
    nlp, components = _pipeline()
    try:
        docs = []
        for part in parts:
            doc = nlp.make_doc(part_article(part.article, part.span).text)
            doc._.onrecord_published = _published_date(part.article)
            doc._.onrecord_dictionary = dictionary or None
            docs.append(doc)
        return list(nlp.pipe(docs, batch_size=len(docs), disable=list(components)))
    except Exception as err:  # noqa: BLE001 - one document must not end the batch
        if len(parts) == 1:
            return [f"spaCy failed: {type(err).__name__}: {err}"]
        return [doc for part in parts for doc in _parse([part], dictionary)]


def _extract(part: _Part, doc: Doc | str) -> ArticleRecord:
    if isinstance(doc, str):
        raise ExtractionError(doc)
    return record_from_doc(part_article(part.article, part.span), _run_components(doc))


def _reason(err: Exception) -> str:
    return str(err) if isinstance(err, ExtractionError) else f"{type(err).__name__}: {err}"


def _joined(part: _Part, done: list[tuple[int, ArticleRecord]],
            failure: str | None) -> ArticleRecord | Discarded:
    article = part.article
    if failure is not None:
        return Discarded(article.origin or article.id, "extract", failure)
    if part.count == 1:
        return replace(done[0][1], article=article)
    try:
        record = join_part_records(article, done)
        check_offsets(record)
    except Exception as err:  # noqa: BLE001 - a bug joining parts discards only this article
        return Discarded(article.origin or article.id, "extract",
                         f"joining {part.count} parts: {_reason(err)}")
    return record


def analyze_articles(
    articles: Iterable[Article], batch_size: int = DEFAULT_BATCH_SIZE,
    dictionary: ActorDictionary | None = None,
) -> Iterator[ArticleRecord | Discarded]:
    """Analyse many articles in batches; a failing article becomes :class:`Discarded`.

    spaCy's statistical components run batched through ``nlp.pipe``; onrecord's extractors then
    run on each document. A document that breaks spaCy is parsed again on its own, so one
    document's failure never takes the others down with it. An article longer than
    :data:`~onrecord.parts.PART_CHARS` is analysed in parts cut at paragraph boundaries and
    its record joined again (:mod:`onrecord.parts`). Results come in input order.
    ``dictionary`` (:func:`~onrecord.read_dictionaries`) codes event actors with the user's
    own actors and agents, over the built-in ones.
    """
    _pipeline()  # a missing model is a ModelError for the caller, not a discarded article
    done: list[tuple[int, ArticleRecord]] = []
    failure: str | None = None
    for batch in _batches(_parts(articles), batch_size):
        parts = [item for item in batch if isinstance(item, _Part)]
        docs = iter(_parse(parts, dictionary) if parts else ())
        for item in batch:
            if isinstance(item, Discarded):
                yield item
                continue
            doc = next(docs)
            if failure is None:
                try:
                    done.append((item.span[0], _extract(item, doc)))
                except Exception as err:  # noqa: BLE001 - an extractor bug must not end the batch
                    failure = _reason(err)
                    if item.count > 1:
                        failure = f"{item.describe()}: {failure}"
            del doc
            if item.number == item.count:
                yield _joined(item, done, failure)
                done, failure = [], None


def analyze(article: Article | str, published: str | None = None,
            dictionary: ActorDictionary | None = None) -> ArticleRecord:
    """The whole record of one article (an :class:`Article` or plain text).

    ``published`` (``YYYY-MM-DD``, or an ISO datetime) overrides the article's date. Raises
    only :class:`~onrecord.errors.OnRecordError` subclasses:
    :class:`~onrecord.errors.InputError` for input that cannot be analysed (empty text, an
    impossible date, not text at all), :class:`~onrecord.errors.ExtractionError` when
    extraction fails, :class:`~onrecord.errors.ModelError` when the model is missing. Lone
    surrogates in the text are replaced (U+FFFD); a text of any length is analysed (a long
    one in parts). ``dictionary`` adds the user's actors and agents
    (:func:`~onrecord.read_dictionaries`).

    >>> record = analyze("Officials said on Monday that talks would resume.", "2020-01-14")
    >>> record.statements[0].sourcing
    'anonymous'
    """
    from onrecord.ingest.dates import parse_published

    if published is not None:
        published = parse_published(published)
    if isinstance(article, str):
        if not article.strip():
            raise EmptyInputError("the text is empty")
        article = Article.create(article, published=published, origin="-")
    elif isinstance(article, Article):
        if published is not None:
            article = replace(article, published=published)
    else:
        raise MalformedInputError(
            f"analyze() takes an article's text or an Article, not {type(article).__name__}")
    for result in analyze_articles([article], dictionary=dictionary):
        if isinstance(result, Discarded):
            error = InputError if result.stage in ("ingest", "language") else ExtractionError
            raise error(result.reason)
        return result
    raise InputError("nothing to analyse")  # pragma: no cover - analyze_articles always yields
