"""Reading a source's bytes and decoding them to text.

``read_source_bytes`` enforces the size cap (before reading) and transparently decompresses gzip;
``decode_text`` turns bytes into ``\\n``-terminated text, or says why it cannot: empty, binary,
or in an encoding that cannot be identified with confidence.
"""

from __future__ import annotations

import codecs
import re
import sys
import zlib
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from onrecord.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
)

MAX_BYTES = 20 * 1024 * 1024

GZIP_MAGIC = b"\x1f\x8b"

# Leading bytes of common non-text formats, and what to call them in an error message.
_MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (GZIP_MAGIC, "a gzip archive"),
    (b"PK\x03\x04", "a zip archive (or a .docx/.xlsx/.epub)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ\x90\x00", "a Windows executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 audio file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
    (b"\x00asm", "a WebAssembly module"),
)

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)

# Control characters other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_DECLARED_CHARSET_RE = re.compile(
    rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([A-Za-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
# Declared names that in practice mean Windows-1252 (as browsers treat them).
_WESTERN_ALIASES = {"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1"}
# What a Windows-1252 decoding of western text contains outside ASCII.
_WESTERN_CHARS = set(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŒœŠšŸŽžƒ"
    "\u00a0‘’‚“”„–—…•€™©®°±²³µ·¹º»«¿¡£¥§¢½¼¾×÷†‡‰‹›ˆ˜¨´¸¯¬¦ª"
)


def read_source_bytes(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a file's bytes, refusing it (before reading) when it is over ``max_bytes``.

    Gzip-compressed content is decompressed, with the cap applied to the decompressed size too.
    """
    file = Path(path)
    try:
        size = file.stat().st_size
    except FileNotFoundError:
        raise InputError(f"no such file: {file}") from None
    except OSError as exc:
        raise InputError(f"cannot read {file}: {exc.strerror or exc}") from exc
    if file.is_dir():
        raise InputError(f"{file} is a directory, not a file")
    if size > max_bytes:
        raise InputTooLargeError(_too_large_message(size, max_bytes))
    try:
        with file.open("rb") as handle:
            data = _read_capped(handle, max_bytes)
    except OSError as exc:
        raise InputError(f"cannot read {file}: {exc.strerror or exc}") from exc
    return decompress_gzip(data, max_bytes) if data.startswith(GZIP_MAGIC) else data


def read_stdin_bytes(max_bytes: int = MAX_BYTES) -> bytes:
    """Read standard input's bytes under the same cap (and gzip handling) as a file."""
    data = _read_capped(sys.stdin.buffer, max_bytes)
    return decompress_gzip(data, max_bytes) if data.startswith(GZIP_MAGIC) else data


def _read_capped(handle: BinaryIO, max_bytes: int) -> bytes:
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # a stream, or a file that grew since it was measured
        raise InputTooLargeError(_too_large_message(None, max_bytes))
    return data


def _too_large_message(size: int | None, max_bytes: int) -> str:
    limit = f"{max_bytes / 1024 / 1024:g} MB"
    if size is None:
        return f"input is over the {limit} limit"
    return f"input is {size / 1024 / 1024:.1f} MB, over the {limit} limit"


def decompress_gzip(data: bytes, max_bytes: int = MAX_BYTES) -> bytes:
    """Decompress gzip ``data`` (all members), refusing output over ``max_bytes``."""
    out = bytearray()
    remaining = data
    try:
        while remaining.startswith(GZIP_MAGIC):
            inflater = zlib.decompressobj(wbits=31)
            out += inflater.decompress(remaining, max_bytes + 1 - len(out))
            if len(out) > max_bytes or inflater.unconsumed_tail:
                raise InputTooLargeError(
                    f"decompressed input is over the {max_bytes / 1024 / 1024:g} MB limit"
                )
            if not inflater.eof:
                raise MalformedInputError("truncated or corrupt gzip")
            remaining = inflater.unused_data.lstrip(b"\x00")
    except zlib.error as exc:
        raise MalformedInputError(f"truncated or corrupt gzip ({exc})") from exc
    if remaining:
        raise MalformedInputError("truncated or corrupt gzip (trailing garbage)")
    return bytes(out)


def normalize_newlines(text: str) -> str:
    """Turn ``\\r\\n`` and lone ``\\r`` into ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, origin: str) -> str:
    """Decode a document's bytes to text with ``\\n`` newlines.

    UTF-8 first (a BOM is stripped), then a charset the document declares, then Windows-1252
    for western text, then charset-normalizer's best guess when it is confident.

    Raises EmptyInputError, BinaryInputError or EncodingError. ``origin`` names the document for
    the reader of the call; messages do not repeat it (whoever reports them prefixes it).
    """
    del origin
    if not data.strip():
        raise EmptyInputError("empty input" if not data else "input is only whitespace")
    text = _decode(data)
    if not text.strip():
        raise EmptyInputError("input is only whitespace")
    _reject_control_characters(text)
    return normalize_newlines(text)


def _decode(data: bytes) -> str:
    for bom in _UTF32_BOMS:  # before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one
        if data.startswith(bom):
            return _decode_strict(data, "utf-32")
    for bom in _UTF16_BOMS:
        if data.startswith(bom):
            return _decode_strict(data, "utf-16")
    _reject_binary(data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for decoder in (_decode_declared, _decode_mostly_utf8, _decode_western, _decode_detected):
        text = decoder(data)
        if text is not None:
            return text
    raise EncodingError("not UTF-8, and no other encoding could be detected with confidence")


def _decode_strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(f"invalid {encoding.upper()} text at byte {exc.start}") from exc


def _reject_binary(data: bytes) -> None:
    head = data[:64]
    for magic, what in _MAGIC_NUMBERS:
        if head.startswith(magic):
            raise BinaryInputError(f"binary data, not text: looks like {what}")
    if head[4:8] == b"ftyp":
        raise BinaryInputError("binary data, not text: looks like an MP4/QuickTime video")
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        raise BinaryInputError(f"binary data, not text: looks like a {head[8:12].decode()} file")
    if b"\x00" in data:
        raise BinaryInputError("binary data, not text: it contains NUL bytes")


def _reject_control_characters(text: str) -> None:
    sample = text[:8192]
    controls = len(_CONTROL_RE.findall(sample))
    if controls > max(2, len(sample) // 50):
        raise BinaryInputError(
            f"binary data, not text: {controls} control characters in the first "
            f"{len(sample)} characters"
        )


def _decode_declared(data: bytes) -> str | None:
    """Decode with the charset an HTML/XML document declares, if it works."""
    match = _DECLARED_CHARSET_RE.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    if name in _WESTERN_ALIASES:
        name = "cp1252"
    try:
        codec = codecs.lookup(name)
        return data.decode(codec.name)
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a mixed-up scrape): keep it, marking the bad bytes."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = len(_NON_ASCII_RE.findall(text)) - broken
    if valid >= 3 and broken * 4 <= valid:
        return text
    return None


def _decode_western(data: bytes) -> str | None:
    """Windows-1252 (a superset of Latin-1) for text that is mostly ASCII with western letters."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = _NON_ASCII_RE.findall(text)
    if not non_ascii or len(non_ascii) * 5 > len(text):
        return None
    if set(non_ascii) <= _WESTERN_CHARS:
        return text
    return None


def _decode_detected(data: bytes) -> str | None:
    """charset-normalizer's best guess, when it is a confident one."""
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.15 or best.coherence <= 0.0:
        return None
    return str(best)
