"""RSS and Atom feeds: one article per entry, a Discarded record per bad entry or bad feed.

Every feed here is invented (places, people and events included).
"""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest

from onrecord.errors import MalformedInputError
from onrecord.ingest import load_article, load_sources, load_text, parse_feed
from onrecord.ingest.sniff import sniff_kind
from onrecord.models import Article, Discarded

BARRIER_HTML = (
    "<p>BRENNERTON — The town council voted 7-2 on Tuesday night to build a two-kilometre "
    "flood barrier along the Lesk river, ending a dispute that has divided residents for "
    "three years.</p>"
    "<p>“This is the day the valley stops bailing water out of its kitchens,” mayor Oskar "
    "Lind told the packed chamber after the vote.</p>"
    "<p>Opponents said the barrier would cost far more than the 14 million crowns the "
    "council has set aside, and vowed to challenge the decision in the regional court.</p>"
)
LIBRARY_SUMMARY = (
    "The Brennerton town library will stay open until 9 p.m. on weekdays from May, the "
    "council said."
)

RSS = f"""<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Valley Courier</title>
<link>https://courier.example/</link>
<description>News from the Lesk valley</description>
<item>
  <title>Council approves Lesk flood barrier</title>
  <link>https://courier.example/2023/04/flood-barrier</link>
  <dc:creator>Nadia Brenner</dc:creator>
  <pubDate>Tue, 11 Apr 2023 23:30:00 -0500</pubDate>
  <description>The council voted for the barrier.</description>
  <content:encoded><![CDATA[{BARRIER_HTML}]]></content:encoded>
</item>
<item>
  <title>Library extends its opening hours</title>
  <link>https://courier.example/2023/04/library</link>
  <pubDate>Wed, 12 Apr 2023 09:00:00 +0000</pubDate>
  <description>{LIBRARY_SUMMARY}</description>
</item>
<item>
  <title>Photo gallery: spring fair</title>
  <link>https://courier.example/2023/04/gallery</link>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Gazette: Ports</title>
  <id>urn:uuid:3f1c0c52-0000-4000-8000-000000000001</id>
  <updated>2024-06-03T18:00:00Z</updated>
  <entry>
    <title>Pilots&#8217; strike delays tankers at Rottervik</title>
    <link rel="alternate" href="https://gazette.example/ports/pilots-strike"/>
    <id>urn:uuid:3f1c0c52-0000-4000-8000-000000000002</id>
    <published>2024-06-03T17:45:00+02:00</published>
    <updated>2024-06-04T08:00:00Z</updated>
    <author><name>Marit Olsen</name></author>
    <content type="html">&lt;p&gt;ROTTERVIK — Eleven tankers were waiting at anchor outside
      Rottervik on Monday after the port's pilots stopped work for a second day in a dispute
      over night-shift rotas.&lt;/p&gt;&lt;p&gt;"Nobody brings a ship in here without us," said
      Hanne Aasen, who chairs the pilots' association. The port authority said it had asked a
      mediator to call both sides back to talks on Wednesday.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Ferry timetable changes</title>
    <link rel="alternate" href="https://gazette.example/ports/timetable"/>
    <id>urn:uuid:3f1c0c52-0000-4000-8000-000000000003</id>
    <updated>2024-06-02T07:00:00Z</updated>
    <summary type="text">The summer ferry timetable starts on 10 June, with two extra
      crossings to Skarvøy on Saturdays, the operator said.</summary>
  </entry>
</feed>
"""


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def rss_path(tmp_path: Path) -> Path:
    return _write(tmp_path / "courier.rss", RSS, "cp1252")


@pytest.fixture
def atom_path(tmp_path: Path) -> Path:
    return _write(tmp_path / "gazette.atom", ATOM)


def test_rss_entries_become_articles(rss_path: Path) -> None:
    loaded = list(load_sources([rss_path]))
    assert [type(item) for item in loaded] == [Article, Article, Discarded]
    barrier, library, gallery = loaded
    assert isinstance(barrier, Article) and isinstance(library, Article)
    assert barrier.title == "Council approves Lesk flood barrier"
    assert barrier.url == "https://courier.example/2023/04/flood-barrier"
    assert barrier.source == "Valley Courier"
    assert barrier.byline == "Nadia Brenner"
    assert barrier.origin == f"{rss_path}#1"
    # content:encoded wins over the one-line description, and its HTML is cleaned
    assert barrier.text.startswith("BRENNERTON — The town council voted 7-2")
    assert "mayor Oskar Lind told the packed chamber" in barrier.text
    assert "<p>" not in barrier.text and "\n\n" in barrier.text
    # the date as written (23:30 at -05:00), not shifted to the next day in UTC
    assert barrier.published == "2023-04-11"
    # a short plain summary is kept as plain text
    assert library.text == LIBRARY_SUMMARY
    assert library.published == "2023-04-12"
    assert library.byline is None


def test_an_entry_without_text_is_discarded_by_name(rss_path: Path) -> None:
    gallery = list(load_sources([rss_path]))[-1]
    assert isinstance(gallery, Discarded)
    assert gallery.doc_id == f"{rss_path}#3"
    assert gallery.stage == "ingest"
    assert "feed entry 3" in gallery.reason
    assert "https://courier.example/2023/04/gallery" in gallery.reason
    assert "no text" in gallery.reason


def test_atom_entries(atom_path: Path) -> None:
    strike, timetable = load_sources([atom_path])
    assert isinstance(strike, Article) and isinstance(timetable, Article)
    assert strike.title == "Pilots’ strike delays tankers at Rottervik"
    assert strike.source == "Harbour Gazette: Ports"
    assert strike.byline == "Marit Olsen"
    assert strike.url == "https://gazette.example/ports/pilots-strike"
    assert strike.published == "2024-06-03"  # published, not updated
    assert "Eleven tankers were waiting at anchor" in strike.text
    assert "&lt;" not in strike.text and "<p>" not in strike.text
    assert timetable.published == "2024-06-02"  # only an update date
    assert timetable.text.startswith("The summer ferry timetable starts on 10 June")
    assert "Skarvøy" in timetable.text


def test_published_override_applies_to_every_entry(atom_path: Path) -> None:
    loaded = list(load_sources([atom_path], published="2024-07-01"))
    assert [item.published for item in loaded if isinstance(item, Article)] == [
        "2024-07-01",
        "2024-07-01",
    ]


def test_a_malformed_feed_is_one_discarded_record(tmp_path: Path, atom_path: Path) -> None:
    broken = _write(tmp_path / "broken.xml", '<?xml version="1.0"?>\n<rss version="2.0">'
                    "<channel><title>Valley Courier</title><link>https://courier.exa")
    loaded = list(load_sources([broken, atom_path]))
    assert isinstance(loaded[0], Discarded)
    assert loaded[0].doc_id == str(broken)
    assert loaded[0].reason.startswith("malformed feed, no entries could be read: ")
    assert [type(item) for item in loaded[1:]] == [Article, Article]  # the batch goes on


def test_a_feed_cut_inside_an_entry(tmp_path: Path) -> None:
    cut = RSS[: RSS.index("The council voted for the barrier")]
    (discarded,) = load_sources([_write(tmp_path / "cut.rss", cut, "cp1252")])
    assert isinstance(discarded, Discarded)
    assert discarded.doc_id == f"{tmp_path / 'cut.rss'}#1"
    assert "feed entry 1" in discarded.reason and "malformed feed" in discarded.reason


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    sitemap = _write(
        tmp_path / "sitemap.xml",
        '<?xml version="1.0"?>\n<urlset><url><loc>https://courier.example/</loc></url></urlset>',
    )
    (discarded,) = load_sources([sitemap])
    assert isinstance(discarded, Discarded)
    assert discarded.reason == "not an RSS or Atom feed"


def test_a_feed_with_no_entries(tmp_path: Path) -> None:
    empty = _write(tmp_path / "empty.rss", '<rss version="2.0"><channel><title>Quiet week'
                   "</title></channel></rss>")
    (discarded,) = load_sources([empty])
    assert isinstance(discarded, Discarded)
    assert discarded.reason == "the feed has no entries"


def test_feedparser_is_never_given_a_url_or_a_path(
    monkeypatch: pytest.MonkeyPatch, rss_path: Path
) -> None:
    def no_fetch(*args: object, **kwargs: object) -> None:
        raise AssertionError("feedparser tried to fetch")

    monkeypatch.setattr(feedparser.api.http, "get", no_fetch)
    for text in ("http://127.0.0.1:9/feed.xml", str(rss_path)):
        (result,) = parse_feed(text, "arg")
        assert isinstance(result, Discarded)  # parsed as (non-feed) content, not opened
    assert len(list(parse_feed(rss_path.read_text(encoding="cp1252"), "x"))) == 3


def test_load_article_and_load_text_take_a_one_entry_feed(tmp_path: Path) -> None:
    one = ATOM.split("  <entry>")[0] + "  <entry>" + ATOM.split("  <entry>")[1] + "</feed>\n"
    article = load_article(_write(tmp_path / "one.atom", one))
    assert article.title == "Pilots’ strike delays tankers at Rottervik"
    assert load_text(one).text == article.text
    with pytest.raises(MalformedInputError, match="2 entries in the feed"):
        load_article(_write(tmp_path / "two.atom", ATOM))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (RSS, None),
        (ATOM, None),
        ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel/>', None),
        ('<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?>\n<rss version="2.0">', None),
        ("<!-- exported -->\n<feed xmlns='http://www.w3.org/2005/Atom'>", "x.txt"),
        ("<urlset><url/></urlset>", "sitemap.xml"),
        ("<channel><item>x</item></channel>", "news.rss"),
    ],
)
def test_sniffing_feeds(text: str, name: str | None) -> None:
    assert sniff_kind(text, name) == "feed"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', None, "html"),
        ("The feed of the river was cut off, officials said.", "notes.xml", "text"),
        ("<feedback>Readers wrote in.</feedback>", None, "text"),
    ],
)
def test_sniffing_what_is_not_a_feed(text: str, name: str | None, kind: str) -> None:
    assert sniff_kind(text, name) == kind
