"""The library behind the CLI: ingest into a store, code what is pending, extract statelessly.

Every command of `flashpoint` is a thin wrapper over one function here, and the same
functions serve notebooks (`flashpoint.extract`, `flashpoint.events_frame`). The coder
is passed in (a factory or an object) so these run with a fake coder in tests.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from flashpoint import __version__
from flashpoint.config import Settings, load_settings
from flashpoint.errors import ConfigError
from flashpoint.models import Article, Event, Rejection

if TYPE_CHECKING:
    from flashpoint.engines.partitions import ArticleCoder, CoderFactory
    from flashpoint.ingest.options import ReadOptions
    from flashpoint.store import Duplicate, Store

# Called with (done, total); total is None when it is not known in advance.
ProgressFn = Callable[[int, int | None], None]

_INGEST_BATCH = 500  # articles per ingest transaction
_LOAD_BATCH = 256  # articles loaded from the store at a time for coding
_WRITE_BATCH = 64  # coded articles per write transaction


@dataclass(slots=True)
class IngestReport:
    read: int = 0  # articles read from the inputs
    stored: int = 0  # new articles stored
    duplicates: list[Duplicate] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0

    def rejections_by_code(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for rejection in self.rejections:
            counts[rejection.code] = counts.get(rejection.code, 0) + 1
        return dict(sorted(counts.items()))


@dataclass(slots=True)
class CodeReport:
    articles: int = 0  # articles coded
    events: int = 0  # events stored
    failures: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 1

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def ingest_inputs(
    store: Store,
    inputs: Sequence[str | Path],
    options: ReadOptions,
    progress: ProgressFn | None = None,
    *,
    stdin: IO[bytes] | None = None,
) -> IngestReport:
    """Read files, directories or "-" (standard input) into the store.

    Articles are stored in batches, each one transaction. Inputs that cannot be used
    are stored as rejections with their reason; articles already held are counted as
    duplicates and not stored again.
    """
    from flashpoint.ingest import read_inputs  # noqa: PLC0415 - keep the CLI start fast

    started = time.perf_counter()
    report = IngestReport()
    results = read_inputs(list(inputs), options, stdin=stdin)
    for chunk in _chunks(results, _INGEST_BATCH):
        articles = [r for r in chunk if isinstance(r, Article)]
        rejections = [r for r in chunk if isinstance(r, Rejection)]
        written = store.writer.add_articles(articles)
        store.writer.add_rejections(rejections)
        report.read += len(articles)
        report.stored += len(written.stored)
        report.duplicates.extend(written.duplicates)
        report.rejections.extend(rejections)
        if progress:
            progress(report.read + len(report.rejections), None)
    report.seconds = time.perf_counter() - started
    return report


def coder_version(settings: Settings) -> str:
    """What coded an article: recorded with it so a model change can be traced."""
    return f"flashpoint {__version__} ({settings.model})"


def resolve_workers(workers: int) -> int:
    """0 means one worker per core."""
    if workers < 0:
        raise ConfigError("FP102", f"workers must be 0 (one per core) or more, not {workers}")
    return workers or (os.cpu_count() or 1)


def _default_factory() -> CoderFactory:
    from flashpoint.engines.partitions import build_coder  # noqa: PLC0415 - loads lazily

    return build_coder


def code_pending(
    store: Store,
    coder_factory: CoderFactory | None,
    settings: Settings,
    workers: int = 1,
    *,
    progress: ProgressFn | None = None,
    limit: int | None = None,
    recode: bool = False,
) -> CodeReport:
    """Code the articles not yet coded (all of them with `recode`), and store their events.

    Resumable: results are written every few dozen articles, so an interrupted run keeps
    what it finished and the next run carries on. Each worker process builds its coder
    once; a failing article becomes an FP301 rejection and the run goes on.
    """
    from flashpoint.engines.local import code_stream  # noqa: PLC0415 - multiprocessing on demand
    from flashpoint.store import CodedArticle  # noqa: PLC0415

    started = time.perf_counter()
    workers = resolve_workers(workers)
    report = CodeReport(workers=workers)
    ids = store.pending_article_ids(limit=limit, recode=recode)
    total = len(ids)
    version = coder_version(settings)
    sent: deque[str] = deque()  # ids handed to the coder, in order, not yet accounted for
    failures: list[Rejection] = []  # filled by code_stream, in input order
    buffer: list[CodedArticle] = []

    def articles() -> Iterator[Article]:
        for start in range(0, total, _LOAD_BATCH):
            for article in store.articles_by_id(ids[start : start + _LOAD_BATCH]):
                sent.append(article.id)
                yield article

    def fail_until(article_id: str | None) -> None:
        # Output keeps input order and leaves failed articles out: every id handed over
        # before this one that did not come back failed, and owns the next failure record.
        while sent and sent[0] != article_id:
            failed_id = sent.popleft()
            failure = failures.pop(0) if failures else None
            failure = failure or Rejection(failed_id, "FP301", f"coding article {failed_id} failed")
            buffer.append(CodedArticle(failed_id, failure=failure))
            report.failures.append(failure)

    def flush() -> None:
        if buffer:
            report.events += store.writer.store_coded(buffer, version)
            buffer.clear()

    factory = coder_factory or _default_factory()
    try:
        stream = code_stream(
            articles(),
            settings,
            workers,
            chunk_size=max(1, min(settings.batch_size, 64)),
            coder_factory=factory,
            failures=failures,
        )
        for article, events in stream:
            fail_until(article.id)
            sent.popleft()
            buffer.append(CodedArticle(article.id, tuple(events)))
            report.articles += 1
            if len(buffer) >= _WRITE_BATCH:
                flush()
            if progress:
                progress(report.articles + len(report.failures), total)
        fail_until(None)
    finally:
        flush()
        if progress:
            progress(report.articles + len(report.failures), total)
        report.seconds = time.perf_counter() - started
    return report


def extract_events(
    inputs: Sequence[str | Path],
    options: ReadOptions,
    coder: ArticleCoder,
    *,
    on_rejection: Callable[[Rejection], None] | None = None,
    stdin: IO[bytes] | None = None,
    chunk_size: int = 64,
) -> Iterator[Event]:
    """Read inputs and yield their events, in input order, without any database.

    Unusable inputs and articles the coder fails on are passed to `on_rejection`.
    """
    from flashpoint.engines.partitions import code_isolated  # noqa: PLC0415
    from flashpoint.ingest import read_inputs  # noqa: PLC0415

    def usable() -> Iterator[Article]:
        for item in read_inputs(list(inputs), options, stdin=stdin):
            if isinstance(item, Rejection):
                if on_rejection:
                    on_rejection(item)
            else:
                yield item

    for chunk in _chunks(usable(), chunk_size):
        coded, failed = code_isolated(coder, chunk)
        for rejection in failed:
            if on_rejection:
                on_rejection(rejection)
        for _, events in coded:
            yield from events


# ---------------------------------------------------------------------------
# The notebook API


def _as_published(value: datetime | date | str | None) -> datetime | None:
    from flashpoint.ingest import parse_published  # noqa: PLC0415

    return parse_published(value, source="published")


def extract(
    texts_or_articles: Iterable[str | Article] | str | Article,
    published: datetime | date | str | None = None,
    model: str | None = None,
) -> list[Event]:
    """Code texts or articles and return their events.

    Strings become articles (id from the text, publication date `published`, which
    relative dates such as "on Tuesday" are resolved against). `model` names the spaCy
    pipeline (default: the configured one).

    >>> events = flashpoint.extract(["North Korea fired a missile on Tuesday."],
    ...                             published="2024-04-03")  # doctest: +SKIP
    """
    from flashpoint.engines.partitions import build_coder  # noqa: PLC0415 - spaCy loads only here

    items = (
        [texts_or_articles] if isinstance(texts_or_articles, str | Article) else texts_or_articles
    )
    published_at = _as_published(published)
    articles = [
        item
        if isinstance(item, Article)
        else Article.build(item, published_at=published_at, source="flashpoint.extract")
        for item in items
    ]
    settings = load_settings(model=model)
    coder = build_coder(settings)
    return [event for _, events in coder.code_articles(articles) for event in events]


def events_frame(events: Iterable[Event], backend: str = "pandas") -> Any:
    """Events as a DataFrame, one row per event (columns: flashpoint.exports.EVENT_COLUMNS).

    `backend` is "pandas" (default) or "polars" (when Polars is installed).
    """
    from flashpoint.exports import EVENT_COLUMNS, event_rows  # noqa: PLC0415

    rows = event_rows(events)
    if backend == "pandas":
        import pandas as pd  # noqa: PLC0415 - heavy

        return pd.DataFrame.from_records(rows, columns=list(EVENT_COLUMNS))
    if backend == "polars":
        try:
            import polars as pl  # type: ignore[import-not-found, unused-ignore]  # noqa: PLC0415 - optional
        except ImportError:
            raise ConfigError(
                "FP105", "events_frame(backend='polars') needs the Polars package"
            ) from None
        return pl.DataFrame({column: [row[column] for row in rows] for column in EVENT_COLUMNS})
    raise ConfigError("FP102", f"backend must be 'pandas' or 'polars', not {backend!r}")
