"""The drawn timeline: marks aggregated by runs of days and lane, ticks that zoom, escaping,
and the window shown (pure: day counts in, SVG out)."""

from __future__ import annotations

import re
from datetime import date

from onrecord.analysis.storyline_view import OTHER_LANE, DayCount
from onrecord.web.timeline_svg import MAX_BUCKETS, day_range, draw_timeline

LANES = [("GRC", "Greece"), ("TUR", "Turkey"), (OTHER_LANE, "others")]
MARK = re.compile(r'<a href="/articles/([^"]+)"><title>([^<]*)</title>')


def _said(day: str, lane: str, article: str, count: int = 1, who: str = "Ana Petrou",
          title: str = "Ferry held") -> DayCount:
    return DayCount(day, lane, who, count, article, title, "Aegean Daily", "the ferry left")


def _event(day: str, kind: str, article: str, count: int = 1,
           status: str = "occurred") -> DayCount:
    return DayCount(day, "events", kind, count, article, "Port closed", "Coast Times",
                    "seized", status)


def test_one_item_a_day_is_one_mark_each_linked_to_its_article():
    counts = [_said("2025-03-01", "GRC", "a1"), _said("2025-03-02", "TUR", "a2"),
              _event("2025-03-02", "ASSAULT", "a3")]
    drawing = draw_timeline(LANES, counts, date(2025, 3, 1), date(2025, 3, 5), "/storylines/x")
    links = MARK.findall(str(drawing.svg))
    assert [a for a, _ in links] == ["a3", "a1", "a2"]  # the events lane first
    assert drawing.marks == 3 and drawing.drawn == 3
    assert '<text class="count"' not in str(drawing.svg)
    assert drawing.types == ["ASSAULT"]
    assert "2025-03-02 · ASSAULT: seized — Port closed (Coast Times)" in links[0][1]


def test_many_items_on_one_day_and_lane_become_one_mark_with_a_count():
    counts = [_said("2025-03-01", "GRC", f"a{i}", who=f"Speaker {i}") for i in range(7)]
    counts.append(_said("2025-03-01", "GRC", "big", count=5, who="Ana Petrou"))
    drawing = draw_timeline(LANES, counts, date(2025, 3, 1), date(2025, 3, 3), "/s/x")
    links = MARK.findall(str(drawing.svg))
    assert len(links) == 1 and drawing.marks == 1 and drawing.drawn == 12
    article, tooltip = links[0]
    assert article == "big"  # the link opens the article holding the most
    assert tooltip.startswith("12 statements, 2025-03-01: 5 Ana Petrou, 1 Speaker 0")
    assert '<text class="count" x="' in str(drawing.svg) and ">12</text>" in str(drawing.svg)


def test_a_long_span_is_cut_into_runs_of_days_so_the_svg_stays_small():
    start = date(2025, 1, 1)
    counts = [_event(f"2025-{m:02d}-{d:02d}", kind, f"a{m}{d}{kind}")
              for m in range(1, 13) for d in range(1, 29)
              for kind in ("ASSAULT", "PROTEST", "CONSULT")]
    counts += [_said(f"2025-{m:02d}-{d:02d}", lane, f"s{m}{d}{lane}")
               for m in range(1, 13) for d in range(1, 29) for lane in ("GRC", "TUR", "x")]
    drawing = draw_timeline(LANES, counts, start, date(2025, 12, 31), "/s/x")
    assert drawing.drawn == len(counts)
    assert drawing.marks <= MAX_BUCKETS * (len(LANES) + 1)
    assert len(MARK.findall(str(drawing.svg))) == drawing.marks
    assert len(str(drawing.svg)) < 150_000
    # an unknown lane's statements are drawn in "other"
    assert 'class="mark st side-other"' in str(drawing.svg)


def test_items_outside_the_window_and_undated_ones_are_counted_not_drawn():
    counts = [_said("2025-02-27", "GRC", "early"), _said("2025-03-02", "GRC", "in"),
              _said("2025-03-09", "TUR", "late", count=2), _said(None, "GRC", "undated")]
    drawing = draw_timeline(LANES, counts, date(2025, 3, 1), date(2025, 3, 5), "/s/x")
    assert [a for a, _ in MARK.findall(str(drawing.svg))] == ["in"]
    assert (drawing.before, drawing.after, drawing.undated) == (1, 2, 1)


def test_ticks_link_to_a_zoomed_page_by_the_span():
    days = str(draw_timeline(LANES, [], date(2025, 3, 1), date(2025, 3, 4), "/s/x").svg)
    assert 'href="/s/x?since=2025-03-02&amp;until=2025-03-02"' in days
    weeks = str(draw_timeline(LANES, [], date(2025, 3, 1), date(2025, 4, 30), "/s/x").svg)
    assert 'href="/s/x?since=2025-03-03&amp;until=2025-03-09"' in weeks  # Monday to Sunday
    months = str(draw_timeline(LANES, [], date(2025, 1, 5), date(2025, 9, 30), "/s/x").svg)
    assert 'href="/s/x?since=2025-02-01&amp;until=2025-02-28"' in months
    assert ">Feb</text>" in months
    years = str(draw_timeline(LANES, [], date(2019, 1, 1), date(2025, 9, 30), "/s/x").svg)
    assert 'href="/s/x?since=2024-01-01&amp;until=2024-12-31"' in years


def test_the_widest_window_is_drawn_with_few_ticks():
    start, end = day_range("0001", "9999", "2025-03-01", "2025-03-10")
    assert start.year == 1 and end.year == 9998
    drawing = draw_timeline(LANES, [_said("2025-03-02", "GRC", "a1")], start, end, "/s/x")
    assert drawing.drawn == 1
    assert 10 <= str(drawing.svg).count('class="tick-label"') <= 21


def test_untrusted_text_is_escaped_in_tooltips_and_lane_names():
    evil = '<script>alert(1)</script>"'
    counts = [DayCount("2025-03-01", "GRC", evil, 1, 'a"><x', evil, evil, evil)]
    svg = str(draw_timeline([("GRC", evil)], counts, date(2025, 3, 1), date(2025, 3, 2),
                            "/s/x").svg)
    assert "<script" not in svg and 'a"><x' not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;" in svg
    assert 'href="/articles/a%22%3E%3Cx"' in svg
    assert "style=" not in svg


def test_unconfirmed_events_are_drawn_apart_from_occurred_ones():
    counts = [_event("2025-03-01", "THREATEN", "a1", status="hypothetical")]
    svg = str(draw_timeline(LANES, counts, date(2025, 3, 1), date(2025, 3, 2), "/s/x").svg)
    assert 'class="mark ev-threaten unconfirmed"' in svg
    assert "THREATEN (hypothetical)" in svg


def test_the_default_window_reaches_items_near_the_articles_only():
    dates = ["2025-02-27", "1991-05-01", "2025-03-20", "2026-01-01", None, "2025-03"]
    assert day_range(None, None, "2025-03-01", "2025-03-10", dates) == (
        date(2025, 2, 27), date(2025, 3, 20))
    assert day_range("2025-03", None, "2025-03-01", "2025-03-10", dates) == (
        date(2025, 3, 1), date(2025, 3, 20))
    assert day_range(None, "2025-04", "2025-03-01", "2025-03-10") == (
        date(2025, 3, 1), date(2025, 4, 30))


def test_the_default_window_leaves_out_a_few_outlying_items_and_offers_them():
    days = {"2025-02-17": 1, "2025-03-01": 1, **{f"2025-03-0{d}": 40 for d in range(3, 9)}}
    story = (date(2025, 3, 3), date(2025, 3, 8))
    assert day_range(None, None, "2025-03-03", "2025-03-08", days) == story
    assert day_range(None, None, "2025-03-03", "2025-03-08", days, share=1.0) == (
        date(2025, 2, 17), date(2025, 3, 8))
    # a tail that is a real part of the story (over 5% of its items) is drawn
    days["2025-02-20"] = 30
    assert day_range(None, None, "2025-03-03", "2025-03-08", days)[0] == date(2025, 2, 20)
    # asked dates are kept whatever the items
    assert day_range("2025-02", None, "2025-03-03", "2025-03-08", days)[0] == date(2025, 2, 1)
