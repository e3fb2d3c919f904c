"""Bytes in, safely: opening inputs, gzip, binary sniffing, decoding and bounded reads.

Nothing here reads more than it must. Documents are read up to the size limit plus one
byte, lines with a size limit, so a gzip bomb or a 10 GB line costs time, never memory.
"""

from __future__ import annotations

import codecs
import contextlib
import gzip
import io
from collections.abc import Iterator
from typing import IO

from charset_normalizer import from_bytes

HEAD_BYTES = 8192
_GZIP_MAGIC = b"\x1f\x8b"
_SKIP_CHUNK = 1 << 16

# Leading bytes of common non-text files.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"RIFF", "a media file"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"OggS", "an audio file"),
    (b"ID3", "an audio file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"SQLite format 3", "a database file"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CJK_BREAKS = frozenset("。、，．・「」『』")
_WESTERN_ENCODINGS = frozenset(
    (
        "cp1250",
        "cp1252",
        "cp1257",
        "latin_1",
        "iso8859_2",
        "iso8859_4",
        "iso8859_9",
        "iso8859_13",
        "iso8859_15",
        "iso8859_16",
        "mac_roman",
        "mac_latin2",
        "mac_iceland",
        "mac_turkish",
        "cp1254",
        "cp850",
        "cp437",
    )
)


class _HeadThenRest(io.RawIOBase):
    """A raw stream that replays bytes already read, then continues with the source."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        target = memoryview(buffer).cast("B")
        if self._head:
            count = min(len(target), len(self._head))
            target[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        chunk = self._rest.read(len(target))
        if not chunk:
            return 0
        target[: len(chunk)] = chunk
        return len(chunk)


def with_head(stream: IO[bytes], size: int = HEAD_BYTES) -> tuple[bytes, io.BufferedReader]:
    """Read the first bytes of a stream for sniffing and give back a stream from the start."""
    head = b""
    while len(head) < size:  # pipes may return short reads
        chunk = stream.read(size - len(head))
        if not chunk:
            break
        head += chunk
    return head, io.BufferedReader(_HeadThenRest(head, stream), buffer_size=_SKIP_CHUNK)


def open_decompressed(stream: IO[bytes]) -> tuple[bytes, io.BufferedReader, bool]:
    """Sniff a stream, transparently unwrapping gzip; gives (head, stream, was_gzip)."""
    head, buffered = with_head(stream)
    if not head.startswith(_GZIP_MAGIC):
        return head, buffered, False
    unzipped = gzip.GzipFile(fileobj=buffered, mode="rb")
    head, buffered = with_head(unzipped)  # type: ignore[arg-type]
    return head, buffered, True


def _noise_reason(data: bytes) -> str | None:
    if b"\x00" in data:
        return "it holds NUL bytes"
    controls = sum(1 for byte in data if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if data and controls / len(data) > 0.05:
        return "it holds many control characters"
    return None


def binary_reason(head: bytes, *, by_line: bool = False) -> str | None:
    """Why the leading bytes are not text, or None when they look like text.

    `by_line` (JSON Lines, CSV): a damaged line is that record's problem, not the file's;
    the file is binary only when most lines of the head are noise.
    """
    for magic, name in _BINARY_MAGIC:
        if head.startswith(magic):
            return f"it looks like {name}"
    if head[4:8] == b"ftyp":
        return "it looks like a video file"
    if head.startswith(_UTF16_BOMS):
        return None
    if not by_line:
        return _noise_reason(head)
    lines = [line for line in head.split(b"\n") if line.strip()]
    reasons = [reason for reason in map(_noise_reason, lines) if reason is not None]
    return reasons[0] if len(reasons) * 2 > len(lines) else None


def read_document(stream: IO[bytes], limit: int) -> bytes | None:
    """The whole stream when it holds at most `limit` bytes, else None (without reading more)."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


def iter_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; the line is None when longer than `limit` bytes.

    An over-long line is skipped to its end in small chunks, never held whole.
    """
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(_SKIP_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
        else:
            yield number, line


def _bad_fraction_is_small(data: bytes) -> str | None:
    """UTF-8 with a few damaged bytes: decode with replacement characters."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good_non_ascii = sum(1 for char in text if char > "\x7f") - bad
    if good_non_ascii >= bad and bad <= max(1, len(text) // 200):
        return text
    return None


def decode_text(data: bytes) -> str | None:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else a detected
    legacy encoding; None when the bytes are not text in any encoding we can trust."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    repaired = _bad_fraction_is_small(data)
    if repaired is not None:
        return repaired
    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    if best.encoding in _WESTERN_ENCODINGS:
        # Short Latin samples cannot tell these apart; English legacy files are cp1252.
        with contextlib.suppress(UnicodeDecodeError):
            text = data.decode("cp1252")
    controls = sum(1 for char in text if char < " " and char not in "\t\n\r\f\v")
    # Any run of high bytes decodes in some code page; language has word breaks, noise not.
    breaks = sum(1 for char in text if char.isspace() or char in _CJK_BREAKS)
    return text if controls <= len(text) // 100 and breaks >= len(text) // 50 else None
