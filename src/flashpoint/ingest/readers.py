"""`read_inputs`: files, directories and standard input in, articles and rejections out.

The format comes from --format, else the extension (after .gz), else sniffing the
first bytes. Bad content never raises: it becomes a Rejection and the batch goes on.
"""

from __future__ import annotations

import os
import re
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePath
from typing import IO

from flashpoint.errors import InputError
from flashpoint.ingest.checks import checked_article, reject
from flashpoint.ingest.dates import parse_published
from flashpoint.ingest.html import extract_html
from flashpoint.ingest.options import ReadOptions
from flashpoint.ingest.plaintext import parse_text_document
from flashpoint.ingest.records import read_csv, read_jsonl
from flashpoint.ingest.streams import binary_reason, decode_text, open_decompressed, read_document
from flashpoint.models import Article, Rejection

STDIN_NAME = "<stdin>"
_EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
}
_SNIFFED = frozenset(("", ".json"))  # formats decided by the content
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_RAW_FACTOR = 5  # markup outweighs text; a page may be this many times the text limit


def _suffixes(name: str) -> tuple[str, bool]:
    """(format extension, gzipped) from a file name like 'news.jsonl.gz'."""
    lower = name.lower()
    gzipped = lower.endswith(".gz")
    if gzipped:
        lower = lower[:-3]
    return PurePath(lower).suffix, gzipped


def sniff_format(head: bytes) -> str | None:
    """jsonl, html or txt from the first bytes; None for a JSON array (not supported)."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"["):
        return None
    if _HTML_START.match(stripped):
        return "html"
    return "txt"


def _read_document(
    stream: IO[bytes], name: str, fmt: str, options: ReadOptions
) -> Article | Rejection:
    limit = options.max_article_bytes * (_HTML_RAW_FACTOR if fmt == "html" else 1)
    data = read_document(stream, limit)
    if data is None:
        return reject(name, "FP206", f"the file is larger than {limit:,} bytes; it was skipped")
    text = decode_text(data)
    if text is None:
        return reject(name, "FP202", "the file is not text in UTF-8 or a known encoding")
    if fmt == "html":
        page = extract_html(text)
        if not page.text:
            return reject(name, "FP209", "no main text was found in the page")
        return checked_article(
            page.text,
            source=name,
            options=options,
            title=page.title,
            published=page.published,
            language_hint=page.language,
        )
    document = parse_text_document(text.replace("\r\n", "\n"), markdown=fmt == "md")
    fields = document.fields
    published = None
    date_text = fields.get("published") or fields.get("date") or fields.get("published_at")
    if date_text:
        try:
            published = parse_published(date_text, source=name)
        except InputError:
            published = None  # documented: the article is kept without this date
    return checked_article(
        document.text,
        source=name,
        options=options,
        id=fields.get("id"),
        url=fields.get("url") or fields.get("link"),
        title=fields.get("title") or document.title,
        outlet=fields.get("outlet") or fields.get("source"),
        published=published,
    )


def _read_stream(
    raw: IO[bytes], name: str, extension: str | None, options: ReadOptions
) -> Iterator[Article | Rejection]:
    """Read one opened input; `extension` None means sniff (standard input)."""
    head, stream, _ = open_decompressed(raw)
    if not head.strip():
        yield reject(name, "FP201", f"{name} is empty")
        return
    line_format = (options.format or _EXTENSIONS.get(extension or "") or sniff_format(head)) in (
        "jsonl",
        "csv",
    )
    why = binary_reason(head, by_line=line_format)
    if why is not None:
        yield reject(name, "FP202", f"{name} is not text: {why}")
        return
    fmt = options.format
    if fmt is None and extension is not None and extension not in _SNIFFED:
        fmt = _EXTENSIONS.get(extension)
        if fmt is None:
            yield reject(name, "FP210", f"files ending in {extension!r} are not a known format")
            return
    if fmt is None:
        fmt = sniff_format(head)
        if fmt is None:
            yield reject(
                name,
                "FP210",
                "the input is a JSON array; write one JSON object per line (JSON Lines), "
                "e.g. with `jq -c '.[]'`",
            )
            return
    if fmt in ("jsonl", "csv") and head.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield reject(name, "FP202", "UTF-16 JSON Lines/CSV cannot be streamed; convert to UTF-8")
        return
    if fmt == "jsonl":
        yield from read_jsonl(stream, name, options)
    elif fmt == "csv":
        yield from read_csv(stream, name, options, "\t" if extension == ".tsv" else ",")
    else:
        yield _read_document(stream, name, fmt, options)


def _read_guarded(
    raw: IO[bytes], name: str, extension: str | None, options: ReadOptions
) -> Iterator[Article | Rejection]:
    """A damaged compressed stream or a failing disk ends this input with a rejection."""
    try:
        yield from _read_stream(raw, name, extension, options)
    except (OSError, EOFError, zlib.error) as exc:
        yield reject(name, "FP208", f"reading {name} stopped: {exc}")


def _read_path(path: Path, options: ReadOptions) -> Iterator[Article | Rejection]:
    name = str(path)
    extension, _ = _suffixes(path.name)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield reject(name, "FP208", f"{name} cannot be opened: {exc.strerror or exc}")
        return
    with handle:
        yield from _read_guarded(handle, name, extension, options)


def iter_files(directory: Path) -> Iterator[Path]:
    """Files under a directory, depth first in name order; hidden entries are skipped.

    Symbolic links to directories are not followed (no cycles).
    """
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from iter_files(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def _read_one_input(
    item: str | Path, options: ReadOptions, stdin: IO[bytes] | None
) -> Iterator[Article | Rejection]:
    if str(item) == "-":
        source = stdin if stdin is not None else sys.stdin.buffer
        yield from _read_guarded(source, STDIN_NAME, None, options)
        return
    path = Path(item)
    if path.is_dir():
        found = False
        for child in iter_files(path):
            found = True
            yield from _read_path(child, options)
        if not found:
            yield reject(str(path), "FP201", f"the directory {path} holds no files")
        return
    if not path.exists():
        yield reject(str(path), "FP208", f"{path} does not exist")
        return
    yield from _read_path(path, options)


def read_inputs(
    inputs: Sequence[str | Path],
    options: ReadOptions = ReadOptions(),  # noqa: B008 - frozen, so a shared default is safe
    stdin: IO[bytes] | None = None,
) -> Iterator[Article | Rejection]:
    """Articles and rejections from files, directories and "-" (standard input), in order.

    Streams: records are read one at a time, so a large file costs no memory. An id seen
    before in this call gives an FP212 rejection; the first article with it is kept.
    """
    seen: dict[str, str] = {}
    for item in inputs:
        for result in _read_one_input(item, options, stdin):
            if isinstance(result, Article):
                first = seen.get(result.id)
                if first is not None:
                    yield reject(
                        result.source or "",
                        "FP212",
                        f"the id {result.id!r} was already read from {first}; this record was skipped",
                    )
                    continue
                seen[result.id] = result.source or ""
            yield result
