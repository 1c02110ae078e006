"""Long articles in parts: where a text is cut, and how the parts' records join (no model)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.analyze import check_offsets
from onrecord.models import (
    Article,
    ArticleRecord,
    Entity,
    Event,
    Participant,
    Statement,
    TimeExpr,
    event_id,
)
from onrecord.parts import PART_CHARS, join_part_records, part_article, split_into_parts


def _covers(text: str, parts: list[tuple[int, int]], limit: int) -> None:
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    for (_, e), (s, _) in zip(parts, parts[1:], strict=False):
        assert e == s
    assert all(0 < e - s <= limit for s, e in parts) or text == ""


def test_a_text_within_the_limit_is_one_part():
    assert split_into_parts("Short story.\n\nSecond paragraph.") == [(0, 31)]
    assert split_into_parts("x" * PART_CHARS) == [(0, PART_CHARS)]


def test_parts_end_at_blank_lines_before_line_breaks_and_sentences():
    para = "The minister said the talks would resume. Officials agreed.\n\n"
    text = para * 10
    parts = split_into_parts(text, limit=200)
    _covers(text, parts, 200)
    assert len(parts) > 1 and all(text[:e].endswith("\n\n") for _, e in parts[:-1])
    one_line = "The minister said the talks would resume. Officials agreed. " * 10
    parts = split_into_parts(one_line, limit=200)
    _covers(one_line, parts, 200)
    assert len(parts) > 1 and all(one_line[:e].endswith(". ") for _, e in parts[:-1])


def test_a_text_without_spaces_is_cut_at_the_limit():
    text = "x" * 1050
    assert split_into_parts(text, limit=500) == [(0, 500), (500, 1000), (1000, 1050)]


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from("ab .\n\t\"”"), max_size=600),
       st.integers(min_value=4, max_value=120))
def test_parts_always_cover_the_text_in_order_within_the_limit(text, limit):
    _covers(text, split_into_parts(text, limit=limit), limit)


def _part_record(article: Article, span: tuple[int, int], speaker_name: str) -> ArticleRecord:
    """A record of one part as the extractors would make it: 'X said on Monday ...' at 0."""
    part = part_article(article, span)
    text = part.text
    name_end = text.index(" said")
    ent = Entity(id="e0", name=speaker_name, kind="PERSON", mentions=((0, name_end),),
                 titles=("minister",) if " " in speaker_name else ())
    day_start = text.index("Monday")
    time = TimeExpr(id=f"t{day_start}", text="Monday", span=(day_start, day_start + 6),
                    type="DATE", value="2020-01-13", start="2020-01-13", end="2020-01-13")
    c0 = text.index("talks")
    c1 = text.index(".", c0)
    outer = Statement(id=f"s{c0}", content=text[c0:c1], content_span=(c0, c1),
                      kind="indirect", sourcing="named", speaker="e0",
                      speaker_text=text[:name_end], speaker_span=(0, name_end), cue="say",
                      cue_span=(name_end + 1, name_end + 5), time=time.id, date="2020-01-13")
    again = Statement(id=f"s{c0}.2", content=text[c0:c1], content_span=(c0, c1),
                      kind="indirect", sourcing="named", nested_in=outer.id,
                      continues=outer.id)
    t0 = text.index("resume")
    event = Event(id=event_id(t0, t0 + 6, text[:name_end], ""), type="CONSULT", cameo="04",
                  trigger="resume", trigger_span=(t0, t0 + 6), status="planned",
                  source=Participant(text[:name_end], "e0", "FRA"), time=time.id)
    return ArticleRecord(part, (ent,), (outer, again), (time,), (event,))


def test_joined_parts_re_slice_and_keep_every_reference():
    first = "Anna Kovac said on Monday that talks would resume.\n\n"
    second = "Kovac said on Monday that talks would resume soon.\n\n"
    article = Article.create(first + second, published="2020-01-14")
    spans = split_into_parts(article.text, limit=len(first))
    assert spans == [(0, len(first)), (len(first), len(article.text))]
    parts = [(spans[0][0], _part_record(article, spans[0], "Anna Kovac")),
             (spans[1][0], _part_record(article, spans[1], "Kovac"))]
    record = join_part_records(article, parts)
    check_offsets(record)
    # the surname in the second part is the full name of the first: one person
    assert [e.name for e in record.entities] == ["Anna Kovac"]
    person = record.entities[0]
    assert person.mentions == ((0, 10), (len(first), len(first) + 5))
    assert person.aliases == ("Kovac",) and person.id == "e0"
    offset = len(first)
    later = [s for s in record.statements if s.content_span[0] > offset]
    talks = article.text.index("talks", offset)
    assert {s.id for s in later} == {f"s{talks}", f"s{talks}.2"}
    outer = next(s for s in later if "." not in s.id)
    inner = next(s for s in later if "." in s.id)
    assert outer.speaker == person.id and inner.nested_in == outer.id
    assert inner.continues == outer.id
    assert record.time(outer.time) is not None and record.time(outer.time).span[0] > offset
    late_event = next(e for e in record.events if e.trigger_span[0] > offset)
    assert late_event.source is not None and late_event.source.entity == person.id
    assert late_event.id == event_id(*late_event.trigger_span, "Kovac", "")
    assert len({e.id for e in record.events}) == 2


def test_two_people_of_one_name_in_one_part_stay_apart():
    article = Article.create("Ali said on Monday that talks would resume.\n\n" * 2)
    spans = split_into_parts(article.text, limit=45)
    rec = _part_record(article, spans[0], "Ali")
    twin = Entity(id="e40", name="Ali", kind="PERSON", mentions=((40, 42),))
    rec = ArticleRecord(rec.article, (*rec.entities, twin), rec.statements, rec.times,
                        rec.events)
    joined = join_part_records(article, [(0, rec), (spans[1][0],
                                                     _part_record(article, spans[1], "Ali"))])
    assert [e.id for e in joined.entities] == ["e0", "e40"]
