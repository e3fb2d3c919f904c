"""JSON Lines and CSV: one record, one article, read as a stream with bounded lines.

Each record's source is "path:line". A bad record becomes a Rejection and reading goes
on with the next line.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from typing import IO, Any

from flashpoint.errors import InputError
from flashpoint.ingest.checks import checked_article, reject
from flashpoint.ingest.dates import parse_published
from flashpoint.ingest.options import (
    DATE_FIELDS,
    ID_FIELDS,
    OUTLET_FIELDS,
    TITLE_FIELDS,
    URL_FIELDS,
    ReadOptions,
)
from flashpoint.ingest.streams import decode_text, iter_lines
from flashpoint.models import Article, Rejection

_BOM = "\ufeff"


def _first_present(record: Mapping[str, Any], named: str | None, defaults: tuple[str, ...]) -> Any:
    for name in (named,) if named else defaults:
        value = record.get(name)
        if value is not None and value != "":
            return value
    return None


def _as_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false"}.get(
        type(value), "a number" if isinstance(value, int | float) else type(value).__name__
    )


def article_from_record(
    record: Mapping[str, Any], *, source: str, options: ReadOptions
) -> Article | Rejection:
    """Map one record's fields onto an article. Unparsable dates keep the article (no date)."""
    text = record.get(options.text_field)
    if text is None:
        fields = ", ".join(sorted(str(k) for k in record)[:12]) or "none"
        return reject(
            source,
            "FP205",
            f"the record has no {options.text_field!r} field (its fields: {fields}); "
            "name the text field with --text-field",
        )
    if not isinstance(text, str):
        return reject(
            source,
            "FP204",
            f"the {options.text_field!r} field holds {_kind(text)}, not text",
        )
    given_id = None
    if options.id_field is not None:
        given_id = _as_text(record.get(options.id_field))
        if given_id is None:
            return reject(
                source,
                "FP205",
                f"--id-field {options.id_field!r} was given but the record has no usable value for it",
            )
    else:
        given_id = _as_text(_first_present(record, None, ID_FIELDS))
    published = None
    date_value = _first_present(record, options.date_field, DATE_FIELDS)
    if isinstance(date_value, str | int | float):
        try:
            published = parse_published(date_value, source=source)
        except InputError:
            published = None  # documented: the article is kept; event dates fall back explicitly
    return checked_article(
        text,
        source=source,
        options=options,
        id=given_id,
        url=_as_text(_first_present(record, options.url_field, URL_FIELDS)),
        title=_as_text(_first_present(record, options.title_field, TITLE_FIELDS)),
        outlet=_as_text(_first_present(record, None, OUTLET_FIELDS)),
        published=published,
    )


def _decoded_line(raw: bytes, number: int) -> str | None:
    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode_text(raw)


def _oversize(source: str, options: ReadOptions) -> Rejection:
    return reject(
        source,
        "FP206",
        f"the line is longer than {options.max_article_bytes:,} bytes; it was skipped",
    )


def read_jsonl(stream: IO[bytes], name: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    """One article per JSON object line; blank lines are ignored."""
    for number, raw in iter_lines(stream, options.max_article_bytes):
        source = f"{name}:{number}"
        if raw is None:
            yield _oversize(source, options)
            continue
        if not raw.strip():
            continue
        line = _decoded_line(raw, number)
        if line is None:
            yield reject(source, "FP202", "the line is not text in UTF-8 or a known encoding")
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:  # bad JSON, or an integer too long to convert
            yield reject(source, "FP204", f"the line is not valid JSON: {exc}", detail=line[:120])
            continue
        except RecursionError:
            yield reject(source, "FP204", "the line nests JSON too deeply", detail=line[:120])
            continue
        if not isinstance(record, dict):
            yield reject(source, "FP204", f"the line holds {_kind(record)}, expected a JSON object")
            continue
        yield article_from_record(record, source=source, options=options)


class _CsvLines:
    """Decoded lines for the csv module, remembering which lines were unusable."""

    def __init__(self, stream: IO[bytes], limit: int) -> None:
        self._lines = iter_lines(stream, limit)
        self.number = 0
        self.bad: dict[int, str] = {}  # line number -> rejection code

    def __iter__(self) -> Iterator[str]:
        for number, raw in self._lines:
            self.number = number
            if raw is None:
                self.bad[number] = "FP206"
                yield "\n"
                continue
            line = _decoded_line(raw, number)
            if line is None:
                self.bad[number] = "FP202"
                yield "\n"
                continue
            yield line


def _delimiter(header: str, default: str) -> str:
    if default != ",":
        return default
    counts = {sep: header.count(sep) for sep in (",", "\t", ";")}
    return max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","


def read_csv(
    stream: IO[bytes], name: str, options: ReadOptions, delimiter: str = ","
) -> Iterator[Article | Rejection]:
    """One article per row under a header row; the source is "path:line" of the row's start."""
    # The csv module's field limit is process-wide; raise it to the article limit, never lower.
    csv.field_size_limit(max(csv.field_size_limit(), options.max_article_bytes))
    lines = _CsvLines(stream, options.max_article_bytes)
    line_iter = iter(lines)
    header_line = next(line_iter, None)
    if header_line is None:
        yield reject(name, "FP201", f"{name} is empty")
        return
    if 1 in lines.bad:
        yield reject(f"{name}:1", lines.bad[1], "the header line cannot be read")
        return
    header_line = header_line.removeprefix(_BOM)
    sep = _delimiter(header_line, delimiter)
    try:
        header = next(csv.reader([header_line], delimiter=sep), [])
    except csv.Error as exc:
        yield reject(f"{name}:1", "FP204", f"the CSV header line is malformed: {exc}")
        return
    header = [column.strip() for column in header]
    if options.text_field not in header:
        yield reject(
            f"{name}:1",
            "FP205",
            f"the CSV header has no {options.text_field!r} column (columns: {', '.join(header[:12])}); "
            "name the text column with --text-field",
        )
        return
    reader = csv.reader(line_iter, delimiter=sep)
    start = 2
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield reject(f"{name}:{start}", "FP204", f"the CSV record is malformed: {exc}")
            start = lines.number + 1
            continue
        source = f"{name}:{start}"
        spanned = range(start, lines.number + 1)
        start = lines.number + 1
        bad = [lines.bad.pop(n) for n in spanned if n in lines.bad]
        if bad:
            what = "longer than the size limit" if "FP206" in bad else "not readable text"
            yield reject(source, bad[0], f"the CSV record is {what}; it was skipped")
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) != len(header):
            yield reject(
                source,
                "FP204",
                f"the CSV record has {len(row)} fields but the header has {len(header)}",
                detail=sep.join(row)[:120],
            )
            continue
        yield article_from_record(
            dict(zip(header, row, strict=True)), source=source, options=options
        )
