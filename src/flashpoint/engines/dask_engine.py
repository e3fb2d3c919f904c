"""The distributed engine: code JSON Lines or Parquet input on a Dask cluster into Parquet.

The client streams the input and cuts it into partitions of `partition_size` articles;
each partition is coded on a worker, which writes one Parquet part per partition under
`output_dir/articles/`, `output_dir/events/` and `output_dir/rejections/` and sends back
counts only. At most `2 x workers` partitions are in flight, so the client holds a few
partitions at a time whatever the corpus size, and no events ever travel back to it.

Without a scheduler address a LocalCluster is started on loopback (one single-threaded
worker process per core) and closed at the end. See docs/DISTRIBUTED.md.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import flashpoint
from flashpoint.config import Settings
from flashpoint.engines.inputs import read_batch_inputs
from flashpoint.engines.partitions import (
    PART_DIRS,
    CoderFactory,
    PartitionSummary,
    build_coder,
    code_partition,
)
from flashpoint.errors import ConfigError
from flashpoint.ingest.options import ReadOptions
from flashpoint.models import Article, Rejection
from flashpoint.workflows import coder_version

log = logging.getLogger(__name__)

DEFAULT_PARTITION_SIZE = 500
WORKER_WAIT_SECONDS = 60


@dataclass(slots=True)
class DaskRunReport:
    """What a run did. Counts come from the workers' partition summaries."""

    output_dir: Path
    scheduler: str
    workers: int
    partitions: int = 0
    articles: int = 0
    events: int = 0
    rejections: int = 0  # unusable inputs and coding failures
    failures: int = 0  # articles whose coding failed (FP301)
    words: int = 0
    seconds: float = 0.0
    worker_pids: set[int] = field(default_factory=set)

    def add(self, summary: PartitionSummary) -> None:
        self.partitions += 1
        self.articles += summary.articles
        self.events += summary.events
        self.rejections += summary.rejections
        self.failures += summary.failures
        self.words += summary.words
        self.worker_pids.add(summary.worker_pid)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def iter_partitions(
    stream: Iterable[Article | Rejection], partition_size: int
) -> Iterator[tuple[int, list[Article], list[Rejection]]]:
    """Group a stream of articles and rejections into numbered partitions."""
    articles: list[Article] = []
    rejections: list[Rejection] = []
    index = 0
    for item in stream:
        if isinstance(item, Article):
            articles.append(item)
        else:
            rejections.append(item)
        if len(articles) >= partition_size or len(rejections) >= partition_size:
            yield index, articles, rejections
            index += 1
            articles, rejections = [], []
    if articles or rejections:
        yield index, articles, rejections


def check_output_dir(output_dir: Path, *, overwrite: bool) -> None:
    """Refuse to mix two runs' parts in one directory unless told to replace them."""
    existing = [p for d in PART_DIRS for p in (output_dir / d).glob("part-*.parquet")]
    if existing and not overwrite:
        raise ConfigError(
            "FP351",
            f"the output directory already holds {len(existing)} Parquet parts from an earlier run",
            source=str(output_dir),
        )
    for part in existing:
        part.unlink()
    for name in PART_DIRS:
        (output_dir / name).mkdir(parents=True, exist_ok=True)


def _import_distributed() -> Any:
    try:
        import distributed  # noqa: PLC0415 - optional dependency, only this engine needs it
    except ImportError as exc:
        raise ConfigError("FP352", f"the Dask engine needs dask[distributed]: {exc}") from exc
    return distributed


def code_with_dask(
    inputs: Sequence[str],
    output_dir: Path,
    settings: Settings,
    *,
    scheduler: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    read_options: ReadOptions | None = None,
    n_workers: int | None = None,
    overwrite: bool = False,
    coder_factory: CoderFactory = build_coder,
) -> DaskRunReport:
    """Code `inputs` on a Dask cluster and write partitioned Parquet under `output_dir`.

    `scheduler` is an address such as tcp://10.0.0.5:8786; None starts a local cluster
    with `n_workers` (default: one per core). `output_dir` must be reachable by every
    worker under the same path (a shared file system) when the cluster spans machines.
    """
    if partition_size < 1:
        raise ConfigError("FP104", f"partition size must be at least 1, got {partition_size}")
    distributed = _import_distributed()
    output_dir = Path(output_dir).resolve()
    check_output_dir(output_dir, overwrite=overwrite)
    options = read_options or ReadOptions(
        max_article_bytes=settings.max_article_bytes,
        min_article_chars=settings.min_article_chars,
    )
    started = time.perf_counter()
    with ExitStack() as stack:
        if scheduler is None:
            cluster = stack.enter_context(
                distributed.LocalCluster(
                    n_workers=n_workers or available_cores(),
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            )
            client = stack.enter_context(distributed.Client(cluster))
        else:
            try:
                client = stack.enter_context(distributed.Client(scheduler, timeout="30s"))
            except OSError as exc:
                raise ConfigError(
                    "FP353", f"cannot reach the Dask scheduler: {exc}", source=scheduler
                ) from exc
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
        except TimeoutError as exc:
            raise ConfigError(
                "FP353",
                f"no Dask worker joined the scheduler within {WORKER_WAIT_SECONDS} s",
                source=str(client.scheduler.address),
            ) from exc
        workers = max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
        report = DaskRunReport(
            output_dir=output_dir, scheduler=str(client.scheduler.address), workers=workers
        )
        _run_partitions(
            distributed,
            client,
            iter_partitions(read_batch_inputs(inputs, options), partition_size),
            report,
            settings=settings,
            coder_factory=coder_factory,
            max_in_flight=2 * workers,
        )
    report.seconds = time.perf_counter() - started
    write_manifest(report, settings)
    return report


def write_manifest(report: DaskRunReport, settings: Settings) -> None:
    """A small _run.json beside the parts: what made them, and the counts."""
    manifest = {
        "coder_version": coder_version(settings),
        "flashpoint_version": flashpoint.__version__,
        "model": settings.model,
        "prefilter": settings.prefilter,
        "scheduler": report.scheduler,
        "workers": report.workers,
        "partitions": report.partitions,
        "articles": report.articles,
        "events": report.events,
        "rejections": report.rejections,
        "failures": report.failures,
        "seconds": round(report.seconds, 3),
    }
    path = report.output_dir / "_run.json"
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def _run_partitions(
    distributed: Any,
    client: Any,
    partitions: Iterator[tuple[int, list[Article], list[Rejection]]],
    report: DaskRunReport,
    *,
    settings: Settings,
    coder_factory: CoderFactory,
    max_in_flight: int,
) -> None:
    """Submit partitions with back-pressure and fold in the summaries as they finish."""
    pending = distributed.as_completed()
    run = uuid.uuid4().hex[:8]  # keys stay unique when runs share a long-lived cluster
    for index, articles, rejections in partitions:
        while pending.count() >= max_in_flight:
            report.add(next(pending).result())
        pending.add(
            client.submit(
                code_partition,
                index,
                articles,
                rejections,
                output_dir=str(report.output_dir),
                settings=settings,
                factory=coder_factory,
                key=f"flashpoint-code-{run}-{index}",
                pure=False,
                retries=1,
            )
        )
    for future in pending:
        report.add(future.result())
