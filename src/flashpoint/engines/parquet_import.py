"""Loading the engines' Parquet output into the store, idempotently.

Each partition is loaded as a unit: its articles first (articles already held are kept
as they are), then its events with the store's `store_coded`, which replaces an
article's events in one transaction. Importing the same output twice therefore leaves
one row per article and per event. Rejections already held (same source, code and
reason) are not added again.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flashpoint.engines.parquet_records import row_to_article, row_to_event, row_to_rejection
from flashpoint.errors import InputError
from flashpoint.models import Event
from flashpoint.store.database import Store
from flashpoint.store.writer import CodedArticle

MANIFEST = "_run.json"
DEFAULT_CODER_VERSION = "unknown"


@dataclass(slots=True)
class ImportReport:
    partitions: int = 0
    articles_added: int = 0
    articles_held: int = 0
    events: int = 0
    rejections_added: int = 0


def _read_rows(path: Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq  # noqa: PLC0415 - only imports need it

    rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
    return rows


def output_parts(root: Path) -> list[str]:
    """The part names of a run's output, from its events/ directory."""
    events_dir = root / "events"
    if not events_dir.is_dir():
        raise InputError(
            "FP354",
            "the path is not flashpoint Parquet output: it has no events/ directory "
            "(expected the directory given to `flashpoint code --engine dask --output`)",
            source=str(root),
        )
    return sorted(p.name for p in events_dir.glob("part-*.parquet"))


def coder_version_of(root: Path) -> str:
    manifest = root / MANIFEST
    if manifest.is_file():
        data = json.loads(manifest.read_text(encoding="utf-8"))
        return str(data.get("coder_version") or DEFAULT_CODER_VERSION)
    return DEFAULT_CODER_VERSION


def import_parquet(path: Path, store: Store) -> ImportReport:
    """Load a Parquet output directory (articles/, events/, rejections/) into `store`."""
    root = Path(path)
    report = ImportReport()
    version = coder_version_of(root)
    writer = store.writer
    held_rejections = {(r.source, r.code, r.reason) for r in store.rejections()}
    for name in output_parts(root):
        report.partitions += 1
        article_file = root / "articles" / name
        articles = (
            [row_to_article(r) for r in _read_rows(article_file)] if article_file.is_file() else []
        )
        written = writer.add_articles(articles)
        report.articles_added += len(written.stored)
        # An article held under the same id is the same article: its events are replaced.
        # One held under another id (same text) keeps that id's events.
        codable = set(written.stored) | {
            d.article_id for d in written.duplicates if d.kept_id == d.article_id
        }
        report.articles_held += len(written.duplicates)
        by_article: dict[str, list[Event]] = defaultdict(list)
        for row in _read_rows(root / "events" / name):
            by_article[str(row["article_id"])].append(row_to_event(row))
        coded = [
            CodedArticle(article_id=a.id, events=tuple(by_article.get(a.id, ())))
            for a in articles
            if a.id in codable
        ]
        report.events += writer.store_coded(coded, version)
        rejection_file = root / "rejections" / name
        if rejection_file.is_file():
            fresh = []
            for row in _read_rows(rejection_file):
                rejection = row_to_rejection(row)
                key = (rejection.source, rejection.code, rejection.reason)
                if key not in held_rejections:
                    held_rejections.add(key)
                    fresh.append(rejection)
            report.rejections_added += writer.add_rejections(fresh)
    return report
