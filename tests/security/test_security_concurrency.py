"""The server reads while `flashpoint code` writes (docs/API.md "Concurrency", docs/SECURITY.md).

DuckDB gives one process the file for writing and locks every other process out, even
read-only. So while `code` runs, every API and page request must answer 200 (before the
writer took the file) or a clean 503 with Retry-After, never a 500 or a hang; once the
writer is done, reads see its events. tests/api/test_api_security.py holds the single
request version (a process holding the file; a request gets 503).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import warnings
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from crash.test_crash_code import CODER_SCRIPT
from flashpoint.api.app import create_app
from flashpoint.config import Settings
from flashpoint.models import Article
from flashpoint.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2" (not installed)
    from fastapi.testclient import TestClient

ARTICLES = 600
URLS = (
    "/api/events?limit=20",
    "/api/events?actor=POL&category=ACCUSE",
    "/api/stories",
    "/api/articles?limit=5",
    "/api/series?actor=POL",
    "/",
    "/events",
)
PUBLISHED = datetime(2024, 4, 2, tzinfo=UTC)


def _store(db: Path) -> None:
    verbs = ("accused the neighbours of provocation", "agreed to talks", "fired shells")
    articles = [
        Article.build(
            f"Officials in Warsaw said on Monday that unit {i} {verbs[i % 3]} near crossing {i}.",
            id=f"art-{i:04d}",
            published_at=PUBLISHED,
            source=f"records.jsonl:{i + 1}",
        )
        for i in range(ARTICLES)
    ]
    with Store(db) as store:
        store.writer.add_articles(articles)


def _events_in(db: Path) -> int:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        row = conn.execute("SELECT count(*) FROM events").fetchone()
    finally:
        conn.close()
    return int(row[0]) if row else 0


def test_reads_during_a_code_run_are_200_or_503_with_retry_after_then_see_the_new_events(
    tmp_path: Path,
) -> None:
    db = tmp_path / "busy.duckdb"
    _store(db)
    client = TestClient(create_app(Settings(db_path=db)), base_url="http://127.0.0.1")
    assert client.get("/api/events").json()["items"] == []
    progress = tmp_path / "progress.txt"
    progress.write_text("")
    writer = subprocess.Popen(
        [sys.executable, "-c", CODER_SCRIPT, str(progress), "code", "--db", str(db), "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "FLASHPOINT_CONFIG": str(tmp_path / "none.toml")},
    )
    # Wait until the writer has the file (it reports coded articles), then read hard.
    deadline = time.monotonic() + 120
    while not progress.read_text() and writer.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    statuses: Counter[int] = Counter()
    problems: list[str] = []
    lock = threading.Lock()

    def reader(offset: int) -> None:
        index = offset
        while writer.poll() is None:
            url = URLS[index % len(URLS)]
            index += 1
            response = client.get(url, headers={"accept": "text/html"})
            with lock:
                statuses[response.status_code] += 1
                if response.status_code == 503 and response.headers.get("retry-after") != "5":
                    problems.append(f"{url}: 503 without Retry-After")
                if response.status_code not in (200, 503):
                    problems.append(f"{url}: {response.status_code} {response.text[:200]}")
                if "content-security-policy" not in response.headers:
                    problems.append(f"{url}: no CSP on {response.status_code}")

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    out, err = writer.communicate(timeout=600)
    for thread in threads:
        thread.join(timeout=60)
    assert writer.returncode == 0, err
    assert problems == []
    assert statuses[503] >= 1, f"no request met the writer: {statuses}"
    assert set(statuses) <= {200, 503}
    # The writer is gone: reads work again and see every event it wrote.
    stored = _events_in(db)
    assert stored == ARTICLES
    response = client.get("/api/events?limit=500")
    assert response.status_code == 200
    assert len(response.json()["items"]) == 500
    accusations = client.get("/api/events?category=ACCUSE&limit=500").json()["items"]
    assert len(accusations) == ARTICLES // 3
    assert "coded 600 articles" in out


def test_a_busy_answer_is_a_clean_503_on_every_kind_of_route(tmp_path: Path) -> None:
    db = tmp_path / "held.duckdb"
    _store(db)
    client = TestClient(create_app(Settings(db_path=db)), base_url="http://127.0.0.1")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, duckdb; c = duckdb.connect(sys.argv[1]); print('held', flush=True); "
            "sys.stdin.readline()",
            str(db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        for url in ("/api/stories", "/api/series?actor=POL", "/"):  # each waits ~1.5 s
            response = client.get(url, headers={"accept": "text/html"})
            assert response.status_code == 503, url
            assert response.headers["retry-after"] == "5"
            assert "content-security-policy" in response.headers
            assert "traceback" not in response.text.lower()
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    assert client.get("/api/events").status_code == 200
