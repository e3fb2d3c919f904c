"""Coding one partition of articles on a worker, and writing its Parquet parts.

This is what runs inside a Dask worker (or any worker process). Each worker process
builds its coder once and keeps it for every partition it is given: loading the spaCy
pipeline takes seconds, coding a partition should not pay that again.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from flashpoint.config import Settings
from flashpoint.engines.parquet_records import (
    ARTICLE_SCHEMA,
    EVENT_SCHEMA,
    REJECTION_SCHEMA,
    article_to_row,
    event_to_row,
    rejection_to_row,
    write_table,
)
from flashpoint.models import Article, Event, Rejection

log = logging.getLogger(__name__)

PART_DIRS = ("articles", "events", "rejections")


class ArticleCoder(Protocol):
    """What the engines need from flashpoint.coding.coder.Coder."""

    def code_article(self, article: Article) -> list[Event]: ...

    def code_articles(
        self, articles: Iterable[Article]
    ) -> Iterator[tuple[Article, list[Event]]]: ...


CoderFactory = Callable[[Settings], ArticleCoder]


def build_coder(settings: Settings) -> ArticleCoder:
    """The real coder (flashpoint.coding.coder.Coder); imported here so only workers load spaCy."""
    module = importlib.import_module("flashpoint.coding.coder")
    coder: ArticleCoder = module.Coder(settings)
    return coder


# One coder per worker process and settings; module state on purpose (see the docstring).
_CODERS: dict[tuple[int, Settings], ArticleCoder] = {}


def worker_coder(settings: Settings, factory: CoderFactory = build_coder) -> ArticleCoder:
    key = (id(factory), settings)
    coder = _CODERS.get(key)
    if coder is None:
        coder = factory(settings)
        _CODERS[key] = coder
    return coder


def code_isolated(
    coder: ArticleCoder, articles: list[Article]
) -> tuple[list[tuple[Article, list[Event]]], list[Rejection]]:
    """Code a batch; if the batch fails, code article by article so one bad input costs one.

    Articles whose coding raises become FP301 rejections instead of ending the run.
    """
    try:
        return list(coder.code_articles(articles)), []
    except Exception:  # noqa: BLE001 - a coder bug must not end a batch; it is isolated below
        log.warning("batch coding failed; retrying %d articles one at a time", len(articles))
    coded: list[tuple[Article, list[Event]]] = []
    failed: list[Rejection] = []
    for article in articles:
        try:
            coded.append((article, coder.code_article(article)))
        except Exception as exc:  # noqa: BLE001 - recorded as a rejection with its reason
            failed.append(
                Rejection(
                    article.source or article.id,
                    "FP301",
                    f"coding article {article.id} failed: {type(exc).__name__}: {exc}",
                )
            )
    return coded, failed


@dataclass(frozen=True, slots=True)
class PartitionSummary:
    """What a worker sends back: counts only, never the events themselves."""

    index: int
    articles: int
    events: int
    rejections: int  # unusable inputs and coding failures together
    failures: int  # articles whose coding failed (FP301), included in rejections
    words: int
    worker_pid: int


def part_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


def code_partition(
    index: int,
    articles: list[Article],
    rejections: list[Rejection],
    *,
    output_dir: str,
    settings: Settings,
    factory: CoderFactory = build_coder,
) -> PartitionSummary:
    """Code one partition and write articles/, events/ and rejections/ parts for it."""
    coder = worker_coder(settings, factory)
    coded, failed = code_isolated(coder, articles)
    rejections = [*rejections, *failed]
    root = Path(output_dir)
    name = part_name(index)
    event_rows = [event_to_row(e) for _, events in coded for e in events]
    write_table([article_to_row(a) for a, _ in coded], ARTICLE_SCHEMA, root / "articles" / name)
    write_table(event_rows, EVENT_SCHEMA, root / "events" / name)
    if rejections:
        write_table(
            [rejection_to_row(r) for r in rejections],
            REJECTION_SCHEMA,
            root / "rejections" / name,
        )
    return PartitionSummary(
        index=index,
        articles=len(coded),
        events=len(event_rows),
        rejections=len(rejections),
        failures=len(failed),
        words=sum(len(a.text.split()) for a in articles),
        worker_pid=os.getpid(),
    )
