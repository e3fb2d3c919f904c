"""The Dask engine on a real two-worker local cluster (loopback), with the real coder."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import FIXTURES
from flashpoint.config import Settings
from flashpoint.engines.parquet_import import import_parquet
from flashpoint.engines.parquet_records import row_to_event
from flashpoint.engines.partitions import build_coder
from flashpoint.ingest import read_inputs
from flashpoint.models import Article
from flashpoint.store import Store

ARTICLES = FIXTURES / "engines" / "articles.jsonl"


@pytest.fixture
def real_coder_settings(parser_model: str) -> Settings:
    if importlib.util.find_spec("distributed") is None:
        pytest.skip("dask[distributed] is not installed (pip install 'flashpoint[dask]')")
    if importlib.util.find_spec("flashpoint.coding.coder") is None:
        pytest.skip("the coder (flashpoint.coding.coder) is not in this checkout yet")
    return Settings(model=parser_model)


def test_dask_engine_on_two_local_workers_writes_the_coders_events_and_imports_once(
    tmp_path: Path, real_coder_settings: Settings
) -> None:
    from flashpoint.engines.dask_engine import code_with_dask

    out = tmp_path / "out"
    report = code_with_dask(
        [str(ARTICLES)], out, real_coder_settings, partition_size=2, n_workers=2
    )

    # The same events as the coder gives in-process, written once each.
    articles = [a for a in read_inputs([ARTICLES]) if isinstance(a, Article)]
    coder = build_coder(real_coder_settings)
    expected = {e.event_id: e for _, events in coder.code_articles(articles) for e in events}
    rows = pq.read_table(out / "events").to_pylist()
    written = {row["event_id"]: row_to_event(row) for row in rows}
    assert len(rows) == len(written)
    assert written == expected
    assert expected, "the fixture's missile, meeting, protest and sanctions reports yield events"
    assert {e.article_id for e in written.values()} <= {"eng-1", "eng-2", "eng-3", "eng-7"}

    # Every readable article is in articles/; the French and the empty one are rejections.
    assert sorted(pq.read_table(out / "articles").column("id").to_pylist()) == sorted(
        a.id for a in articles
    )
    rejected = sorted(pq.read_table(out / "rejections").column("code").to_pylist())
    assert rejected == ["FP201", "FP203"]
    assert (report.workers, report.articles, report.events, report.rejections) == (
        2,
        5,
        len(expected),
        2,
    )

    with Store(tmp_path / "db.duckdb") as store:
        import_parquet(out, store)
        import_parquet(out, store)
        stats = store.stats()
        stored = {e.event_id: e for e in store.events()}
    assert (stats.articles, stats.coded, stats.events) == (5, 5, len(expected))
    assert stored == expected
    assert sum(stats.rejections_by_code.values()) == 2


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.mark.slow  # starts a scheduler and a worker process: 5-15 s, more on a busy machine
def test_dask_engine_codes_on_an_existing_scheduler_given_by_address(
    tmp_path: Path, real_coder_settings: Settings
) -> None:
    import subprocess
    import sys

    from flashpoint.engines.dask_engine import code_with_dask

    dask = str(Path(sys.executable).parent / "dask")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = subprocess.Popen(
        [
            dask,
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--dashboard-address",
            ":0",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    worker = subprocess.Popen(
        [dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        report = code_with_dask(
            [str(ARTICLES)], tmp_path / "out", real_coder_settings, scheduler=address
        )
    finally:
        worker.terminate()
        scheduler.terminate()
        worker.wait(timeout=30)
        scheduler.wait(timeout=30)
    assert report.scheduler == address
    assert (report.workers, report.articles, report.rejections) == (1, 5, 2)
    assert pq.read_table(tmp_path / "out" / "events").num_rows == report.events
