"""Reading bytes (size cap, gzip) and decoding them (empty, binary, encodings)."""

from __future__ import annotations

import codecs
import gzip
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onrecord.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
)
from onrecord.ingest.reader import MAX_BYTES, decode_text, decompress_gzip, read_source_bytes

NEWS = (
    "The council voted on Tuesday to close the old bridge, and the mayor said repairs "
    "would start in the spring."
)


def test_max_bytes_is_twenty_megabytes() -> None:
    assert MAX_BYTES == 20 * 1024 * 1024


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file: .*nowhere.txt"):
        read_source_bytes(tmp_path / "nowhere.txt")


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_source_bytes(tmp_path)


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: no 20 MB in memory or on disk
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(InputTooLargeError, match=r"20\.0 MB, over the 20 MB limit"):
        read_source_bytes(big)


def test_file_at_the_cap_is_read(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_bytes(b"x" * 100)
    assert read_source_bytes(path, max_bytes=100) == b"x" * 100
    with pytest.raises(InputTooLargeError):
        read_source_bytes(path, max_bytes=99)


def test_gzip_is_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(NEWS.encode()))
    assert read_source_bytes(path) == NEWS.encode()


def test_gzip_detected_by_content_not_name(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(gzip.compress(NEWS.encode()))
    assert read_source_bytes(path) == NEWS.encode()


def test_multi_member_gzip() -> None:
    data = gzip.compress(b"first half, ") + gzip.compress(b"second half")
    assert decompress_gzip(data) == b"first half, second half"


def test_truncated_gzip(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress((NEWS * 50).encode())[:-30])
    with pytest.raises(MalformedInputError, match="truncated or corrupt gzip"):
        read_source_bytes(path)


def test_corrupt_gzip() -> None:
    data = bytearray(gzip.compress((NEWS * 20).encode()))
    data[20:40] = b"\xff" * 20
    with pytest.raises(MalformedInputError, match="truncated or corrupt gzip"):
        decompress_gzip(bytes(data))


def test_gzip_bomb_is_refused() -> None:
    bomb = gzip.compress(b"\n" * 10_000)
    with pytest.raises(InputTooLargeError, match="decompressed"):
        decompress_gzip(bomb, max_bytes=1_000)


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", "\u00a0\u3000\n".encode()]
)
def test_empty_or_blank_input(data: bytes) -> None:
    with pytest.raises(EmptyInputError):
        decode_text(data, "x.txt")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x01" * 40, "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"PK\x03\x04\x14\x00\x00\x00", "zip archive"),
        (gzip.compress(b"hello world"), "gzip archive"),
        (b"\x7fELF\x02\x01\x01", "ELF"),
        (b"Some text\x00with NUL bytes inside", "NUL bytes"),
    ],
)
def test_binary_input_says_what_it_looks_like(data: bytes, what: str) -> None:
    with pytest.raises(BinaryInputError, match=what):
        decode_text(data, "x.bin")


def test_control_characters_are_binary() -> None:
    rng = random.Random(7)
    data = bytes(rng.choice(range(1, 32)) for _ in range(400))
    with pytest.raises(BinaryInputError):
        decode_text(data, "x.bin")


def test_utf8_bom_is_stripped_and_newlines_normalised() -> None:
    data = codecs.BOM_UTF8 + "Headline\r\n\r\nFirst line\rsecond line — “quoted”".encode()
    assert decode_text(data, "x.txt") == "Headline\n\nFirst line\nsecond line — “quoted”"


def test_utf16_with_bom() -> None:
    assert decode_text(NEWS.encode("utf-16"), "x.txt") == NEWS


def test_cp1252_news_text() -> None:
    text = (
        "The mayor of Montréal said the café on Rue Saint-Denis would reopen. "
        "“We are relieved,” said its owner, Zoë Brontë — who has run it for 30 years — "
        "after the decision was announced on Tuesday."
    )
    assert decode_text(text.encode("cp1252"), "x.txt") == text


def test_latin1_text() -> None:
    text = "Officials in Bogotá met José Núñez and Søren Ødegård on Monday to discuss the deal."
    assert decode_text(text.encode("latin-1"), "x.txt") == text


def test_declared_html_charset_is_used() -> None:
    html = (
        '<html><head><meta charset="iso-8859-15"></head><body><p>Price: 5 € - '
        "Málaga</p></body></html>"
    )
    assert decode_text(html.encode("iso-8859-15"), "x.html") == html


def test_mostly_utf8_with_one_broken_byte() -> None:
    good = "Zoë said “yes” — and José agreed, café owners in Montréal were told."
    data = good.encode() + b" broken \xff byte"
    assert decode_text(data, "x.txt").startswith(good)


def test_undecodable_garbage() -> None:
    rng = random.Random(1234)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    with pytest.raises((EncodingError, BinaryInputError)):
        decode_text(data, "x.txt")


@given(st.binary(max_size=300))
def test_decode_raises_only_input_errors(data: bytes) -> None:
    try:
        text = decode_text(data, "x")
    except InputError:
        return
    assert "\r" not in text and text.strip()


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1))
def test_utf8_text_round_trips(text: str) -> None:
    if not text.strip():
        return
    assert decode_text(text.encode("utf-8"), "x") == text.lstrip("\ufeff")
