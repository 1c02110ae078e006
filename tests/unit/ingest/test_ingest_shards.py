"""Shards: plan on the driver, read on workers, and get exactly what load_sources gives.

Every page, feed and story here is invented; the archives are written here with warcio.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import pickle
import random
import sys
import threading
from collections.abc import Iterator, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from onrecord.errors import MalformedInputError
from onrecord.ingest import (
    WARC_SHARD_BYTES,
    Shard,
    load_sources,
    parse_published,
    plan_shards,
    read_shard,
)
from onrecord.models import Article, Discarded

SIZES = [1, 100, 1000, 4096, WARC_SHARD_BYTES]  # bytes per WARC shard

TOWNS = ["Brenlow", "Kestervik", "Orrendale", "Talmouth", "Vessby", "Quillan", "Durnholm"]
EVENTS = [
    ("council votes to repave the market square", "the council voted seven to two"),
    ("library reopens after flood repairs", "the library reopened its doors"),
    ("bus drivers call off weekend strike", "the drivers' union called off the strike"),
    ("bakery fire closes the high street", "firefighters closed the high street"),
    ("school wins regional robotics final", "pupils won the regional robotics final"),
]


def _story(n: int) -> tuple[str, str]:
    """``(title, html)`` of an invented local news story, different for every ``n``."""
    town = TOWNS[n % len(TOWNS)]
    headline, lead = EVENTS[n % len(EVENTS)]
    title = f"{town} {headline} (report {n})"
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title></head><body><article><h1>{title}</h1>
<p>{town.upper()} — On Tuesday {lead}, the town's spokesperson Mira Holt said in a statement
published on the municipal website, which described the decision as long overdue.</p>
<p>Residents who spoke to reporters outside the town hall said they had waited {n + 3} months
for the news, and several of them asked when the work on the next project would begin.</p>
<p>A public meeting about the plans will be held in the community centre on Thursday
evening, and the minutes will be posted online the following morning, the office said.</p>
</article></body></html>"""
    return title, html


def _noise(n: int, size: int) -> bytes:
    """Incompressible bytes (an image's payload), the same on every run."""
    return b"\x89PNG\r\n\x1a\n" + random.Random(n).randbytes(size)


def _write_warc(path: Path, pages: int, *, gzip_records: bool = True, image_bytes: int = 600,
                statuses: dict[int, str] | None = None) -> Path:
    """A warcinfo record, then for each page a request, its response and an image."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip_records)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for n in range(pages):
            uri = f"https://towns.example/news/{n}"
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
            status = (statuses or {}).get(n, "200 OK")
            http = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(_story(n)[1].encode()), http_headers=http,
                warc_headers_dict={"WARC-Date": f"2024-04-{n % 28 + 1:02d}T10:00:00Z"}))
            _add_image(writer, f"{uri}.png", n, image_bytes)
    return path


def _add_image(writer: WARCWriter, uri: str, n: int, size: int) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        uri, "response", payload=io.BytesIO(_noise(n, size)), http_headers=http))


def _images_then(path: Path, images: int, page: int | None = None) -> Path:
    """An uncompressed archive of a warcinfo record, images, then maybe one page."""
    _write_warc(path, 0, gzip_records=False)
    with path.open("ab") as handle:
        writer = WARCWriter(handle, gzip=False)
        for n in range(images):
            _add_image(writer, f"https://towns.example/{n}.png", n, 900)
        if page is not None:
            html = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                "https://towns.example/late", "response",
                payload=io.BytesIO(_story(page)[1].encode()), http_headers=html))
    return path


def _flat(paths: Sequence[str | Path], size: int, published: str | None = None,
          **kwargs: bool) -> list[Article | Discarded]:
    date = None if published is None else parse_published(published)
    return [item for shard in plan_shards(paths, warc_shard_bytes=size)
            for item in read_shard(shard, date, **kwargs)]


def _same(paths: Sequence[str | Path], sizes: Sequence[int] = SIZES,
          published: str | None = None, **kwargs: bool) -> list[Article | Discarded]:
    """Assert that the shards give what load_sources gives, for every shard size."""
    expected = list(load_sources(paths, published, **kwargs))
    assert expected
    for size in sizes:
        assert _flat(paths, size, published, **kwargs) == expected, size
    return expected


def _origin(item: Article | Discarded) -> str:
    return item.origin or "" if isinstance(item, Article) else item.doc_id


def _offset(item: Article | Discarded) -> int:
    return int(_origin(item).rsplit("#offset=", 1)[1])


# ---------------------------------------------------------------------------- WARC ranges


@pytest.mark.parametrize("gzip_records", [True, False], ids=["warc.gz", "warc"])
def test_a_warc_read_in_ranges_gives_what_the_whole_file_gives(
    tmp_path: Path, gzip_records: bool
) -> None:
    name = "crawl.warc.gz" if gzip_records else "crawl.warc"
    path = _write_warc(tmp_path / name, 12, gzip_records=gzip_records,
                       statuses={3: "404 Not Found"})
    loaded = _same([path], [1, 7, 100, 333, 1000, 4096, 10_000, WARC_SHARD_BYTES])
    assert [type(item) for item in loaded].count(Article) == 11
    gone = loaded[3]
    assert isinstance(gone, Discarded) and gone.reason.startswith("HTTP 404 Not Found")
    assert len(list(plan_shards([path], warc_shard_bytes=100))) > 20
    assert len({_origin(item) for item in loaded}) == 12


def test_every_page_of_a_big_archive_is_read_once_by_one_of_many_ranges(
    tmp_path: Path,
) -> None:
    path = _write_warc(tmp_path / "big.warc.gz", 60, image_bytes=54_000)
    size = path.stat().st_size
    assert size > 3 * 1024 * 1024
    shards = list(plan_shards([path], warc_shard_bytes=64 * 1024))
    assert len(shards) == -(-size // (64 * 1024)) and len(shards) >= 48
    assert [(s.kind, s.start) for s in shards] == [
        ("warc_range", start) for start in range(0, size, 64 * 1024)]
    assert shards[-1].end is None and shards[0].end == 64 * 1024
    per_shard = [list(read_shard(shard)) for shard in shards]
    assert sum(1 for found in per_shard if found) >= 20  # the pages are spread over ranges
    flat = [item for found in per_shard for item in found]
    assert flat == list(load_sources([path]))
    titles = [item.title or "" for item in flat if isinstance(item, Article)]
    assert sorted(titles) == sorted(_story(n)[0] for n in range(60))  # each exactly once
    for shard, found in zip(shards, per_shard, strict=True):  # each in its own range
        end = size if shard.end is None else shard.end
        assert all(shard.start <= _offset(item) < end for item in found)


@pytest.mark.parametrize("gzip_records", [True, False], ids=["warc.gz", "warc"])
def test_ranges_that_end_where_records_start(tmp_path: Path, gzip_records: bool) -> None:
    path = _write_warc(tmp_path / "edges.warc", 5, gzip_records=gzip_records)
    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        starts = [records.offset for _ in records]
    assert len(starts) == 16  # warcinfo, then a request, a response and an image per page
    bounds = [*starts, None]
    shards = [Shard(str(path), "warc_range", start, end)
              for start, end in zip(bounds[:-1], bounds[1:], strict=True)]
    per_record = [list(read_shard(shard)) for shard in shards]
    assert [len(found) for found in per_record] == [0] + [0, 1, 0] * 5  # its own page only
    assert [item for found in per_record for item in found] == list(load_sources([path]))
    shifted = [Shard(str(path), "warc_range", start - 1, None if end is None else end - 1)
               for start, end in zip(bounds[1:-1], bounds[2:], strict=True)]
    assert [item for shard in shifted for item in read_shard(shard)] == list(
        load_sources([path]))


def test_a_small_warc_is_one_document_shard(tmp_path: Path) -> None:
    path = _write_warc(tmp_path / "small.warc.gz", 2)
    assert list(plan_shards([path])) == [Shard(str(path), "document")]


def test_an_archive_cut_short_reports_the_damage_once(tmp_path: Path) -> None:
    whole = _write_warc(tmp_path / "whole.warc", 3, gzip_records=False).read_bytes()
    whole_gz = _write_warc(tmp_path / "whole.warc.gz", 3).read_bytes()
    cut = tmp_path / "cut.warc"
    cut_gz = tmp_path / "cut.warc.gz"
    damaged = 0
    for at in range(150, len(whole), 173):  # in headers, in payloads, between records
        cut.write_bytes(whole[:at])
        gz_at = at * len(whole_gz) // len(whole)
        cut_gz.write_bytes(whole_gz[:gz_at])
        for path in (cut, cut_gz):
            loaded = _same([path], [1, 300, 2000])
            reports = [i for i in loaded if isinstance(i, Discarded) and i.doc_id == str(path)]
            assert len(reports) <= 1  # none when cut between two records
            damaged += any(r.reason.startswith("truncated WARC at offset ") for r in reports)
    assert damaged > 40


def test_garbage_and_a_wrongly_named_file(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"this is not an archive\r\n" * 200)
    page = tmp_path / "page.warc.gz"
    page.write_bytes(gzip.compress(_story(1)[1].encode() * 20))
    loaded = _same([garbage, page], [1, 100, 1000])
    assert [(_origin(item), str(getattr(item, "reason", "")).split(":")[0])
            for item in loaded] == [
        (str(garbage), "truncated WARC at offset 0"), (str(page), "truncated WARC at offset 0")]


def test_a_warc_gz_in_one_gzip_stream_is_read_by_its_first_range(tmp_path: Path) -> None:
    plain = _write_warc(tmp_path / "plain.warc", 6, gzip_records=False, image_bytes=3000)
    one_stream = tmp_path / "one-stream.warc.gz"
    one_stream.write_bytes(gzip.compress(plain.read_bytes()))
    expected = _same([one_stream], [1, 100, 1000, 4096])
    shards = list(plan_shards([one_stream], warc_shard_bytes=1000))
    assert len(shards) > 10
    assert list(read_shard(shards[0])) == expected
    assert all(list(read_shard(shard)) == [] for shard in shards[1:])


def test_an_archive_without_pages(tmp_path: Path) -> None:
    images = _images_then(tmp_path / "images.warc", 8)
    (report,) = _same([images])
    assert report == Discarded(str(images), "ingest", "no HTML or text pages among the 9 records")


def test_pages_only_at_the_end_and_no_pages_before_a_cut(tmp_path: Path) -> None:
    path = _images_then(tmp_path / "late.warc", 6, page=9)
    (article,) = _same([path])
    assert isinstance(article, Article) and article.title == _story(9)[0]
    cut = tmp_path / "cut.warc"
    data = path.read_bytes()
    cut.write_bytes(data[: data.index(b"report 9")])  # the only page is cut: damage, no "no pages"
    (report,) = _same([cut])
    assert isinstance(report, Discarded) and report.reason.startswith("truncated WARC at offset")


def test_damage_in_the_middle_is_the_one_difference(tmp_path: Path) -> None:
    """Read whole, an archive ends at damage in its middle; later ranges read on after it."""
    path = _write_warc(tmp_path / "mid.warc", 8, gzip_records=False)
    data = bytearray(path.read_bytes())
    broken = data.index(b"WARC/1.", data.index(b"towns.example/news/4") - 300)
    data[broken: broken + 4] = b"XXXX"  # the header line of a record in the middle
    path.write_bytes(bytes(data))
    whole = list(load_sources([path]))
    assert isinstance(whole[-1], Discarded) and whole[-1].doc_id == str(path)
    assert whole[-1].reason.startswith(f"truncated WARC at offset {broken}: ")
    assert _flat([path], len(data)) == whole  # one shard: exact
    split = _flat([path], 500)
    assert split[: len(whole)] == whole
    after = split[len(whole):]
    assert after and all(_offset(item) > broken for item in after)
    assert [i.title for i in after if isinstance(i, Article)] == [
        _story(n)[0] for n in range(4, 8)]


def test_a_warc_that_vanished_after_planning(tmp_path: Path) -> None:
    path = _write_warc(tmp_path / "gone.warc.gz", 6)
    shards = list(plan_shards([path], warc_shard_bytes=500))
    path.unlink()
    assert [item for shard in shards for item in read_shard(shard)] == [
        Discarded(str(path), "ingest", "cannot read the WARC: No such file or directory")]


# ---------------------------------------------------------------------------- other sources

STORY = (
    "Ferry services between Talmouth and the Quillan islands will resume on Monday after "
    "engineers replaced a damaged ramp at the harbour, the operator said on Friday."
)
OTHER = (
    "The Durnholm allotment society said on Sunday that a record 412 people had joined its "
    "waiting list this year, and asked the council to open a second site by the river."
)
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Vessby Courier</title>
<item><title>Bridge inspection</title><link>https://vessby.example/bridge</link>
<description>Engineers will close the old bridge at Vessby for two nights next week to inspect
its cables, the highways office said on Wednesday.</description></item>
<item><title>Empty entry</title><link>https://vessby.example/empty</link></item>
</channel></rss>
"""


def _tree(root: Path, german_text: str) -> Path:
    """A folder of every kind of source, with hidden entries, a symlink loop and archives."""
    files: dict[str, str | bytes] = {
        "a.txt": f"Ferry services to resume\n\n{STORY}",
        "b/nested/c.html": _story(20)[1],
        "b/feed.rss": RSS,
        "b/2024-06-01-lines.jsonl": "\n".join(
            [json.dumps({"text": OTHER}), "{not json", json.dumps({"text": german_text}),
             json.dumps({"title": "no body"})]),
        "c_empty.txt": "",
        "d.bin": bytes(range(256)) * 4,
        "e.html.gz": gzip.compress(_story(21)[1].encode()),
        ".hidden.txt": STORY,
        ".cache/copy.txt": STORY,
    }
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode())
    _write_warc(root / "b" / "crawl.warc.gz", 5, statuses={2: "500 Server Error"})
    _write_warc(root / "f.warc", 4, gzip_records=False)
    (root / "b" / "nested" / "loop").symlink_to(root / "b", target_is_directory=True)
    return root


def test_a_directory_of_every_kind(tmp_path: Path, german_text: str) -> None:
    root = _tree(tmp_path / "inbox", german_text)
    loaded = _same([root, tmp_path / "missing.txt"])
    kinds = [type(item) for item in loaded]
    assert kinds.count(Article) >= 12 and kinds.count(Discarded) >= 6
    shards = list(plan_shards([root], warc_shard_bytes=1000))
    files = [s.source for s in shards if s.kind == "document"]
    assert str(root / "a.txt") in files and not any("/." in name for name in files)
    assert len({s.source for s in shards if s.kind == "warc_range"}) == 2
    assert all(s.data is None for s in shards)


def test_a_published_override_and_file_name_dates(tmp_path: Path, german_text: str) -> None:
    root = _tree(tmp_path / "inbox", german_text)
    loaded = _same([root], [1, 1000], published="2024-02-29T08:00:00Z")
    assert {i.published for i in loaded if isinstance(i, Article)} == {"2024-02-29"}
    with pytest.raises(MalformedInputError):
        load_sources([root], published="2024-02-30")


def test_a_directory_that_cannot_be_listed(
    tmp_path: Path, german_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _tree(tmp_path / "inbox", german_text)
    scandir = os.scandir

    def refuse(folder: str | os.PathLike[str]) -> Iterator[os.DirEntry[str]]:
        if str(folder).endswith("nested"):
            raise PermissionError(13, "Permission denied")
        return scandir(folder)

    monkeypatch.setattr(os, "scandir", refuse)
    loaded = _same([root], [1000])
    assert Discarded(str(root / "b" / "nested"), "ingest",
                     "cannot list the directory: Permission denied") in loaded
    assert Shard(str(root / "b" / "nested"), "missing",
                 reason="cannot list the directory: Permission denied") in plan_shards([root])


def test_globs_and_missing_paths(tmp_path: Path, german_text: str) -> None:
    root = _tree(tmp_path / "inbox", german_text)
    (root / "b" / "nested" / "loop").unlink()  # glob's "**" would follow it round and round
    patterns = [str(root / "**" / "*.warc*"), str(root / "b"), str(tmp_path / "none-*.txt"),
                str(tmp_path / "absent.txt"), str(root / "*.txt")]
    loaded = _same(patterns)
    missing = [(i.doc_id, i.reason) for i in loaded
               if isinstance(i, Discarded) and i.doc_id.startswith(str(tmp_path / "none-"))
               or isinstance(i, Discarded) and i.doc_id.endswith("absent.txt")]
    assert missing == [(str(tmp_path / "none-*.txt"), "no file matches"),
                       (str(tmp_path / "absent.txt"), "no such file or directory")]


def test_a_file_that_vanished_after_planning(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    (shard,) = plan_shards([path])
    path.unlink()
    assert list(read_shard(shard)) == [Discarded(str(path), "ingest", f"no such file: {path}")]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize("kind", ["text", "jsonl", "warc", "broken gzip"])
def test_standard_input_is_read_on_the_driver(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    data = {
        "text": STORY.encode(),
        "jsonl": f"{json.dumps({'text': STORY})}\n{json.dumps({'text': OTHER})}\n".encode(),
        "warc": _write_warc(tmp_path / "in.warc", 3, gzip_records=False).read_bytes(),
        "broken gzip": gzip.compress(STORY.encode())[:-10],
    }[kind]
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    paths: list[str | Path] = ["-", other, "-"]  # the second "-" finds it used up
    _stdin(monkeypatch, data)
    expected = list(load_sources(paths))
    for size in (1, 1000):
        _stdin(monkeypatch, data)
        shards = list(plan_shards(paths, warc_shard_bytes=size))
        assert shards[0].kind == ("missing" if kind == "broken gzip" else "bytes")
        _stdin(monkeypatch, b"read on the driver only")
        assert [item for shard in shards for item in read_shard(shard)] == expected
    assert expected[-1] == Discarded("-", "ingest", "empty input")


def test_shards_can_be_sent_to_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write_warc(tmp_path / "crawl.warc.gz", 4)
    _stdin(monkeypatch, STORY.encode())
    for shard in [*plan_shards([path, "-", tmp_path / "no"], warc_shard_bytes=900),
                  Shard("-", "bytes", data=b"x" * 10_000)]:
        assert pickle.loads(pickle.dumps(shard)) == shard
        assert len(repr(shard)) < 200
    with pytest.raises(ValueError):
        list(plan_shards([path], warc_shard_bytes=0))


# ---------------------------------------------------------------------------- URLs

ROUTES = {
    "/story": (200, "text/html; charset=utf-8", _story(30)[1].encode()),
    "/feed": (200, "application/rss+xml", RSS.encode()),
    "/gone": (404, "text/html", b"<html><body><p>Gone.</p></body></html>"),
}


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        status, content_type, body = ROUTES.get(self.path, (404, "text/plain", b"no"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_urls_are_fetched_by_the_reader(site: str, tmp_path: Path) -> None:
    urls = [f"{site}/story", f"{site}/feed", f"{site}/gone", "ftp://towns.example/x"]
    loaded = _same(urls, [1000], allow_private=True)
    assert [type(item) for item in loaded] == [Article, Article, Discarded, Discarded, Discarded]
    assert [s.kind for s in plan_shards(urls)] == ["url"] * 4
    refused = _same([f"{site}/story"], [1000])  # a private address, not allowed by default
    assert isinstance(refused[0], Discarded) and refused[0].stage == "ingest"
