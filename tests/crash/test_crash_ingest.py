"""`flashpoint ingest` killed with SIGKILL mid-run, then run again: nothing lost, nothing twice.

The records reach the process through a pipe, so the kill point is chosen by how many
records were written before it (a random number per seed) plus a short random pause:
the process is always mid-run, with a batch possibly half written. (tests/watch has
the same for `flashpoint watch`: test_kill_9_in_the_middle_of_a_poll_loses_and_duplicates_nothing.)
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

FLASHPOINT = Path(sys.executable).parent / "flashpoint"
RECORDS = 6000
BAD_EVERY = 97  # every 97th line is not JSON: rejected, never stored


def _lines() -> list[bytes]:
    lines = []
    for i in range(RECORDS):
        if i % BAD_EVERY == BAD_EVERY - 1:
            lines.append(b'{"id": "broken-' + str(i).encode() + b'", "text": ')
            continue
        record = {
            "id": f"art-{i:05d}",
            "text": f"Officials in Warsaw said on Monday that report {i} accused the "
            f"neighbours of provocation at border crossing number {i}.",
            "published": f"2024-04-0{1 + i % 9}",
        }
        lines.append(json.dumps(record).encode())
    return lines


LINES = _lines()
GOOD_IDS = {f"art-{i:05d}" for i in range(RECORDS) if i % BAD_EVERY != BAD_EVERY - 1}


def _env(tmp: Path) -> dict[str, str]:
    return {**os.environ, "FLASHPOINT_CONFIG": str(tmp / "no-config.toml")}


def _ingest_killed(db: Path, seed: int) -> int | None:
    """Feed a random share of the records on stdin, pause, SIGKILL; the return code."""
    rng = random.Random(seed)
    cut = rng.randrange(1, RECORDS)
    process = subprocess.Popen(
        [str(FLASHPOINT), "ingest", "-", "--db", str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_env(db.parent),
    )
    assert process.stdin is not None
    try:
        process.stdin.write(b"\n".join(LINES[:cut]) + b"\n")
        process.stdin.flush()
    except BrokenPipeError:  # pragma: no cover - the process died early
        pass
    time.sleep(rng.uniform(0.0, 1.0))
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    return process.returncode


def _ingest_file(db: Path, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(FLASHPOINT), "ingest", str(path), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
        env=_env(db.parent),
        check=False,
    )


def _stored(db: Path) -> tuple[list[str], int, set[tuple[str, str]]]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles").fetchall()]
        hashes = conn.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()
        rejected = set(conn.execute("SELECT DISTINCT source, code FROM rejections").fetchall())
    finally:
        conn.close()
    return ids, int(hashes[0]) if hashes else 0, rejected


@pytest.fixture(scope="module")
def records_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("records") / "records.jsonl"
    path.write_bytes(b"\n".join(LINES) + b"\n")
    return path


def _assert_complete(db: Path, records_file: Path) -> None:
    ids, distinct_hashes, rejected = _stored(db)
    assert len(ids) == len(set(ids)), "an article was stored twice"
    assert set(ids) == GOOD_IDS, f"lost {len(GOOD_IDS - set(ids))} articles"
    assert distinct_hashes == len(ids)
    bad_lines = {
        (f"{records_file}:{i + 1}", "FP204")
        for i in range(RECORDS)
        if i % BAD_EVERY == BAD_EVERY - 1
    }
    assert bad_lines <= rejected
    check = subprocess.run(
        [str(FLASHPOINT), "check", "--db", str(db), "--all-hashes", "--strict"],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(db.parent),
        check=False,
    )
    assert check.returncode == 0, check.stdout


def _run_seed(tmp_path: Path, records_file: Path, seed: int) -> None:
    db = tmp_path / f"seed{seed}.duckdb"
    code = _ingest_killed(db, seed)
    assert code == -signal.SIGKILL, "the process ended before the kill"
    finished = _ingest_file(db, records_file)
    assert finished.returncode == 0, finished.stderr
    _assert_complete(db, records_file)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ingest_killed_at_a_random_point_completes_on_rerun_without_duplicates(
    tmp_path: Path, records_file: Path, seed: int
) -> None:
    _run_seed(tmp_path, records_file, seed)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(10, 22))
def test_ingest_killed_at_more_random_points_completes_on_rerun(
    tmp_path: Path, records_file: Path, seed: int
) -> None:
    _run_seed(tmp_path, records_file, seed)


def test_ingest_killed_twice_in_a_row_still_completes(tmp_path: Path, records_file: Path) -> None:
    db = tmp_path / "twice.duckdb"
    assert _ingest_killed(db, 101) == -signal.SIGKILL
    assert _ingest_killed(db, 102) == -signal.SIGKILL
    assert _ingest_file(db, records_file).returncode == 0
    _assert_complete(db, records_file)
