"""Coding on one machine: in-process, or streamed through a pool of worker processes.

`code_stream` yields (article, events) pairs in input order while reading its input
lazily. With several workers, at most `2 x workers` chunks are in flight at any time:
`multiprocessing.Pool.imap` would read the whole input ahead of the workers and hold it
in memory, which is exactly what a corpus larger than memory cannot afford.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from flashpoint.config import Settings
from flashpoint.engines.partitions import (
    CoderFactory,
    build_coder,
    code_isolated,
    worker_coder,
)
from flashpoint.models import Article, Event, Rejection

Coded = tuple[Article, list[Event]]

# Set in each worker process by the pool initializer.
_WORKER: dict[str, Any] = {}


def _init_worker(settings: Settings, factory: CoderFactory) -> None:
    _WORKER["coder"] = worker_coder(settings, factory)


def _code_chunk(articles: list[Article]) -> tuple[list[Coded], list[Rejection]]:
    return code_isolated(_WORKER["coder"], articles)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


def code_stream(
    articles: Iterable[Article],
    settings: Settings,
    workers: int = 1,
    *,
    chunk_size: int = 64,
    coder_factory: CoderFactory = build_coder,
    failures: list[Rejection] | None = None,
) -> Iterator[Coded]:
    """Code articles with `workers` processes (1: in this process), streaming, in order.

    Articles whose coding fails are left out of the output and appended to `failures`
    as FP301 rejections when a list is given.
    """
    sink = failures if failures is not None else []
    if workers <= 1:
        coder = worker_coder(settings, coder_factory)
        for chunk in _chunks(articles, chunk_size):
            coded, failed = code_isolated(coder, chunk)
            sink.extend(failed)
            yield from coded
        return
    # spawn: a clean interpreter per worker; forking a process that already holds
    # spaCy, DuckDB or threads is not safe.
    context = multiprocessing.get_context("spawn")
    with context.Pool(
        workers, initializer=_init_worker, initargs=(settings, coder_factory)
    ) as pool:
        in_flight: deque[Any] = deque()
        for chunk in _chunks(articles, chunk_size):
            in_flight.append(pool.apply_async(_code_chunk, (chunk,)))
            if len(in_flight) >= 2 * workers:
                coded, failed = in_flight.popleft().get()
                sink.extend(failed)
                yield from coded
        while in_flight:
            coded, failed = in_flight.popleft().get()
            sink.extend(failed)
            yield from coded
