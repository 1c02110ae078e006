"""WARC archives: one article per archived page; a truncated archive keeps what came before.

The archives are written here with warcio; every page in them is invented.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from onrecord.errors import MalformedInputError
from onrecord.ingest import is_warc, load_article, load_sources
from onrecord.models import Article, Discarded

DAM_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Engineers lower reservoir after cracks found in Halvard dam</title>
<meta property="article:published_time" content="2024-03-18T07:30:00Z">
</head><body><article>
<h1>Engineers lower reservoir after cracks found in Halvard dam</h1>
<p>HALVARD — Engineers began lowering the Halvard reservoir on Sunday after an inspection
found hairline cracks in the dam's eastern spillway, the regional water board said.</p>
<p>"There is no immediate danger to anyone downstream," board chair Ingrid Solberg told
reporters, adding that the level would fall by four metres over the coming week.</p>
<p>Residents of the three villages below the dam were told to keep their phones switched on
for alerts, and a school in Nedre Halvard will hold its lessons in the church hall.</p>
</article></body></html>
"""

TRAM_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Tram line reopens</title></head>
<body><article><h1>Tram line reopens</h1>
<p>The number 4 tram line between Østbrygge and the university reopened on Monday after six
weeks of track repairs, two days earlier than the city transport office had promised.</p>
<p>Commuters said the replacement buses had added half an hour to their journeys, and the
office apologised for the disruption in a statement posted at every stop on the line.</p>
</article></body></html>
"""

BULLETIN = (
    "Harbour bulletin\n\n"
    "The harbour office said on Tuesday that the north quay will be closed to small craft for "
    "dredging until the end of the month, and asked skippers to use the east moorings."
)

NOT_FOUND_PAGE = "<html><body><h1>Not Found</h1><p>The page is gone.</p></body></html>"

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def _http(status: str, content_type: str) -> StatusAndHeaders:
    return StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")


def _write_warc(
    path: Path, records: list[tuple[str, str, str, bytes, str]], gzip_records: bool = True
) -> Path:
    """Records as ``(uri, status, content type, payload, WARC-Date)``, each after a request."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip_records)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for uri, status, content_type, payload, date in records:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
            writer.write_record(
                writer.create_warc_record(
                    uri,
                    "response",
                    payload=io.BytesIO(payload),
                    http_headers=_http(status, content_type),
                    warc_headers_dict={"WARC-Date": date},
                )
            )
    return path


GOOD_RECORDS = [
    ("https://water.example/news/halvard-dam", "200 OK", "text/html; charset=utf-8",
     DAM_PAGE.encode(), "2024-03-19T09:00:00Z"),
    ("https://water.example/img/dam.png", "200 OK", "image/png", PNG, "2024-03-19T09:00:01Z"),
    ("https://city.example/transport/tram-4", "200 OK", "text/html",
     TRAM_PAGE.encode("utf-8"), "2024-05-06T12:00:00Z"),
    ("https://harbour.example/bulletin.txt", "200 OK", "text/plain; charset=utf-8",
     BULLETIN.encode(), "2024-05-07T08:00:00Z"),
]


@pytest.fixture
def good_warc(tmp_path: Path) -> Path:
    return _write_warc(tmp_path / "crawl.warc.gz", GOOD_RECORDS)


def test_pages_in_a_warc_become_articles(good_warc: Path) -> None:
    loaded = list(load_sources([good_warc]))
    assert loaded and all(isinstance(item, Article) for item in loaded), loaded
    dam, tram, bulletin = loaded  # warcinfo, requests and the image are skipped silently
    assert isinstance(dam, Article) and isinstance(tram, Article)
    assert isinstance(bulletin, Article)
    assert dam.url == "https://water.example/news/halvard-dam"
    assert dam.title == "Engineers lower reservoir after cracks found in Halvard dam"
    assert dam.text.startswith("HALVARD — Engineers began lowering the Halvard reservoir")
    assert dam.published == "2024-03-18"  # the page's own date, not the capture's
    assert dam.origin is not None and dam.origin.startswith(f"{good_warc}#offset=")
    assert tram.url == "https://city.example/transport/tram-4"
    assert "Østbrygge" in tram.text
    assert tram.published == "2024-05-06"  # no date in the page: WARC-Date
    assert bulletin.title == "Harbour bulletin"
    assert bulletin.text.startswith("The harbour office said on Tuesday")
    assert len({dam.origin, tram.origin, bulletin.origin}) == 3
    data = good_warc.read_bytes()
    for page in (dam, tram, bulletin):  # each origin names the offset of its record's gzip member
        assert page.origin is not None
        offset = int(page.origin.rsplit("#offset=", 1)[1])
        member = gzip.decompress(data[offset:])
        assert member.startswith(b"WARC/1.") and page.url is not None
        assert f"WARC-Target-URI: {page.url}".encode() in member.split(b"\r\n\r\n", 1)[0]


def test_an_uncompressed_warc(tmp_path: Path) -> None:
    path = _write_warc(tmp_path / "crawl.warc", GOOD_RECORDS, gzip_records=False)
    assert [type(item) for item in load_sources([path])] == [Article, Article, Article]


def test_a_404_response_is_discarded_and_the_batch_goes_on(
    tmp_path: Path, good_warc: Path
) -> None:
    missing = _write_warc(
        tmp_path / "missing.warc.gz",
        [("https://water.example/news/old-story", "404 Not Found", "text/html; charset=utf-8",
          NOT_FOUND_PAGE.encode(), "2024-03-19T09:05:00Z")],
    )
    loaded = list(load_sources([missing, good_warc]))
    first = loaded[0]
    assert isinstance(first, Discarded)
    assert first.doc_id.startswith(f"{missing}#offset=")
    assert first.reason == "HTTP 404 Not Found (https://water.example/news/old-story)"
    assert [type(item) for item in loaded[1:]] == [Article, Article, Article]


def test_an_undecodable_payload_is_discarded(tmp_path: Path) -> None:
    path = _write_warc(
        tmp_path / "odd.warc.gz",
        [("https://water.example/broken", "200 OK", "text/html", PNG, "2024-03-19T09:00:00Z")],
    )
    (discarded,) = load_sources([path])
    assert isinstance(discarded, Discarded)
    assert "undecodable payload" in discarded.reason
    assert "https://water.example/broken" in discarded.reason


def _cut_inside_last_record(path: Path) -> bytes:
    """The archive's bytes cut halfway through its last response record."""
    data = path.read_bytes()
    starts = [i for i in range(len(data)) if data.startswith(b"\x1f\x8b\x08", i)]
    last = starts[-1]  # each record is one gzip member; the last is the bulletin's response
    return data[: last + (len(data) - last) // 2]


def test_a_truncated_warc_keeps_the_records_before_the_cut(
    tmp_path: Path, good_warc: Path
) -> None:
    truncated = tmp_path / "truncated.warc.gz"
    truncated.write_bytes(_cut_inside_last_record(good_warc))
    with pytest.raises(EOFError):  # it really is cut mid-record
        gzip.decompress(truncated.read_bytes())
    loaded = list(load_sources([truncated, good_warc]))
    assert [type(item) for item in loaded] == [Article, Article, Discarded] + [Article] * 3
    dam, tram, discarded = loaded[:3]
    assert isinstance(dam, Article) and isinstance(tram, Article)
    assert (dam.url, tram.url) == (GOOD_RECORDS[0][0], GOOD_RECORDS[2][0])
    assert isinstance(discarded, Discarded)
    assert discarded.doc_id == str(truncated)
    # warcinfo + (request, response) x 3 read whole; the bulletin's request read, response cut
    cut_at = truncated.read_bytes().rindex(b"\x1f\x8b\x08")  # the bulletin response's member
    assert discarded.reason.startswith(f"truncated WARC at offset {cut_at}: ")


def test_an_uncompressed_warc_cut_mid_payload(tmp_path: Path) -> None:
    whole = _write_warc(tmp_path / "whole.warc", GOOD_RECORDS, gzip_records=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: whole.index(b"track repairs")])  # inside the tram page
    tram_record = whole.rindex(b"\r\n\r\nWARC/1.", 0, whole.index(b"track repairs")) + 4
    loaded = list(load_sources([cut]))
    assert [type(item) for item in loaded] == [Article, Discarded]
    assert loaded[-1] == Discarded(
        doc_id=str(cut), stage="ingest",
        reason=f"truncated WARC at offset {tram_record}: the last record is incomplete",
    )


def test_garbage_is_a_corrupt_archive(tmp_path: Path) -> None:
    path = tmp_path / "garbage.warc"
    path.write_bytes(b"this is not an archive\r\n" * 20)
    (discarded,) = load_sources([path])
    assert isinstance(discarded, Discarded)
    assert discarded.reason == "truncated WARC at offset 0: not a WARC record"


def test_an_archive_without_pages(tmp_path: Path) -> None:
    path = _write_warc(tmp_path / "images.warc.gz", [GOOD_RECORDS[1]])
    (discarded,) = load_sources([path])
    assert isinstance(discarded, Discarded)
    assert discarded.reason == "no HTML or text pages among the 3 records"


def test_a_misnamed_warc_is_recognised_by_its_content(tmp_path: Path, good_warc: Path) -> None:
    misnamed = tmp_path / "download.bin"
    misnamed.write_bytes(good_warc.read_bytes())
    assert is_warc(misnamed.read_bytes()[:512], misnamed.name)
    assert not is_warc(gzip.compress(b"<html></html>"), "page.html.gz")
    assert [type(item) for item in load_sources([misnamed])] == [Article] * 3


def test_load_article_from_a_one_page_warc(tmp_path: Path, good_warc: Path) -> None:
    one = _write_warc(tmp_path / "one.warc.gz", GOOD_RECORDS[:1])
    assert load_article(one).url == GOOD_RECORDS[0][0]
    with pytest.raises(MalformedInputError, match="3 pages in the WARC"):
        load_article(good_warc)
