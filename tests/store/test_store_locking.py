"""A writing command waits for a reader in another process instead of failing at once."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from flashpoint.errors import StoreError
from flashpoint.store import Store

HOLD = """
import sys, time, duckdb
conn = duckdb.connect(sys.argv[1], read_only=True)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
conn.close()
"""


def _hold_read_only(path: Path, seconds: float) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_writer_waits_for_a_reader_in_another_process_to_let_go(tmp_path: Path) -> None:
    path = tmp_path / "news.duckdb"
    Store(path).close()
    holder = _hold_read_only(path, 1.0)
    started = time.monotonic()
    with Store(path, lock_wait=10.0) as store:
        waited = time.monotonic() - started
        assert store.schema_version >= 1
    holder.wait(timeout=10)
    assert waited > 0.3  # it really waited for the holder rather than opening at once


def test_writer_without_a_wait_fails_at_once_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "news.duckdb"
    Store(path).close()
    holder = _hold_read_only(path, 3.0)
    try:
        with pytest.raises(StoreError) as caught:
            Store(path)
        assert caught.value.code == "FP401"
        assert "lock" in str(caught.value).lower()
    finally:
        holder.kill()
        holder.wait(timeout=10)
