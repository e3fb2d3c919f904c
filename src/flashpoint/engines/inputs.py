"""Batch inputs for the engines: JSON Lines, CSV and text through flashpoint.ingest, Parquet here.

Parquet is read in record batches, so a file of any size costs the memory of one batch.
Columns are mapped to article fields with the same `ReadOptions` as the other readers
(`text_field`, `id_field`, `date_field`, `title_field`, `url_field`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from flashpoint.ingest.options import ReadOptions
from flashpoint.ingest.records import article_from_record
from flashpoint.models import Article, Rejection

PARQUET_SUFFIXES = (".parquet", ".pq")
_BATCH_ROWS = 1024


def is_parquet(path: str | Path) -> bool:
    return Path(path).suffix.lower() in PARQUET_SUFFIXES


def read_batch_inputs(
    inputs: Iterable[str | Path], options: ReadOptions | None = None
) -> Iterator[Article | Rejection]:
    """Articles and rejections from every input, in order, streaming."""
    options = options or ReadOptions()
    others: list[str] = []
    for item in inputs:
        if is_parquet(item):
            if others:
                yield from _ingest(others, options)
                others = []
            yield from read_parquet_articles(Path(item), options)
        else:
            others.append(str(item))
    if others:
        yield from _ingest(others, options)


def _ingest(inputs: list[str], options: ReadOptions) -> Iterator[Article | Rejection]:
    from flashpoint.ingest import read_inputs  # noqa: PLC0415 - ingest pulls in HTML tooling

    yield from read_inputs(inputs, options)


def read_parquet_articles(path: Path, options: ReadOptions) -> Iterator[Article | Rejection]:
    """Articles from a Parquet file, one per row; unusable rows become rejections."""
    import pyarrow.parquet as pq  # noqa: PLC0415 - only Parquet input needs it

    try:
        parquet = pq.ParquetFile(path)
    except (OSError, ValueError) as exc:
        yield Rejection(str(path), "FP208", f"the Parquet file cannot be opened: {exc}")
        return
    columns = list(parquet.schema_arrow.names)
    if options.text_field not in columns:
        yield Rejection(
            str(path),
            "FP205",
            f"the Parquet file has no text column {options.text_field!r} "
            f"(columns: {', '.join(columns)}); name it with --text-field",
        )
        return
    row_number = 0
    for batch in parquet.iter_batches(batch_size=_BATCH_ROWS):
        for record in batch.to_pylist():
            row_number += 1
            # The same field mapping and checks as JSON Lines records.
            yield article_from_record(record, source=f"{path}:row {row_number}", options=options)
