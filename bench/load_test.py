"""A bounded load test: 50 concurrent clients for 60 s against `flashpoint serve` on loopback.

    python bench/load_test.py                                # 100,000 events, 50 clients, 60 s
    python bench/load_test.py --clients 10 --seconds 10      # a quick try
    python bench/load_test.py --doc-only                     # re-render the docs section

The store is bench/api_latency.py's synthetic one (two events per article, written through
the store writer), plus its stories (grouped once with `update_stories`, as `flashpoint
code` does), cached at bench/results/load_test.duckdb. The server is the installed
`flashpoint serve` on 127.0.0.1 and a free port. Each client is an asyncio task with its
own seeded random mix of filtered /api/events (half of them followed by the cursor page),
/api/stories, /api/series and dashboard pages; it stops at the deadline or after
--max-requests in total, whichever comes first, so the run always ends by itself.

Results go to bench/results/load_test.json and the "## Load test" section of
docs/PERFORMANCE.md (only that section; the rest of the file belongs to bench/run.py and
bench/api_latency.py). An error is any answer other than 200, or a failed connection.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_latency import (  # type: ignore[import-not-found, unused-ignore]  # bench/ is no package
    QUERIES,
    _free_port,
    _percentile,
    build_store,
    write_section,
)

from flashpoint.store import EventFilter, Store
from flashpoint.store.browse import count_events

ROOT = Path(__file__).resolve().parent.parent
RESULT_FILE = ROOT / "bench" / "results" / "load_test.json"
SECTION = "## Load test"
DYADS = ("PRK,USA", "PRK,KOR", "RUS,UKR", "CHN,USA", "ISR,PSE", "KOR,JPN")
STORY_QUERIES = ("", "actor=PRK", "dyad=PRK,USA", "category=ASSAULT", "since=2023-01-01")
PAGES = ("/", "/events?actor=PRK", "/stories", "/events?category=THREATEN", "/actors/PRK")
# The mix: (kind, weight).
MIX = (("events", 50), ("stories", 20), ("series", 15), ("page", 15))


@dataclass
class Tally:
    """What one run saw: latency per kind of request, statuses and errors."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    requests: int = 0


def _request_for(rng: random.Random, mix: tuple[tuple[str, int], ...]) -> tuple[str, str]:
    kind = rng.choices([k for k, _ in mix], [w for _, w in mix])[0]
    if kind == "events":
        return kind, f"/api/events?{rng.choice(QUERIES)}&limit=50"
    if kind == "stories":
        query = rng.choice(STORY_QUERIES)
        return kind, f"/api/stories?limit=50{'&' + query if query else ''}"
    if kind == "series":
        actor, recipient = rng.choice(DYADS).split(",")
        freq = rng.choice(("week", "month"))
        return kind, f"/api/series?actor={actor}&recipient={recipient}&freq={freq}"
    return kind, rng.choice(PAGES)


async def _client(
    number: int,
    *,
    http: httpx.AsyncClient,
    base: str,
    deadline: float,
    budget: list[int],
    tally: Tally,
    mix: tuple[tuple[str, int], ...],
) -> None:
    rng = random.Random(number)
    while time.monotonic() < deadline and budget[0] > 0:
        budget[0] -= 1
        kind, path = _request_for(rng, mix)
        follow = kind == "events" and rng.random() < 0.5
        for _ in range(2 if follow else 1):
            started = time.perf_counter()
            try:
                response = await http.get(base + path)
            except httpx.HTTPError as exc:
                tally.errors[type(exc).__name__] += 1
                break
            tally.latencies[kind].append((time.perf_counter() - started) * 1000)
            tally.requests += 1
            tally.statuses[str(response.status_code)] += 1
            if response.status_code != 200:
                tally.errors[f"HTTP {response.status_code}"] += 1
                break
            if not follow:
                break
            cursor = response.json().get("next_cursor")
            if not cursor:
                break
            kind, path = "events (cursor page)", f"{path}&cursor={cursor}"


async def _load(
    base: str, clients: int, seconds: float, max_requests: int, mix: tuple[tuple[str, int], ...]
) -> tuple[Tally, float]:
    tally = Tally()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=60, limits=limits) as http:
        started = time.monotonic()
        budget = [max_requests]
        await asyncio.gather(
            *(
                _client(
                    n,
                    http=http,
                    base=base,
                    deadline=started + seconds,
                    budget=budget,
                    tally=tally,
                    mix=mix,
                )
                for n in range(clients)
            )
        )
        elapsed = time.monotonic() - started
    return tally, elapsed


def _start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "flashpoint"),
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(timeout=30) as probe:
        for _ in range(300):
            try:
                answer = probe.get(base + "/api/events?limit=1")
                if answer.status_code == 200:
                    return server, base
                print(f"server answered {answer.status_code}: {answer.text[:200]}", flush=True)
            except httpx.TransportError:
                pass
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("the server did not answer within 30 s")


SINGLE = (
    "/api/events?actor=PRK&limit=50",
    "/api/events?dyad=PRK,USA&limit=50",
    "/api/stories?limit=50",
    "/api/stories?limit=50&actor=PRK",
    "/api/stories?limit=50&category=ASSAULT",
    "/api/series?actor=PRK&recipient=USA&freq=week",
    "/",
    "/events?actor=PRK",
    "/stories",
    "/actors/PRK",
)


def _single_requests(base: str) -> dict[str, float]:
    """Each request alone (median of 3 after a warm-up): what one request costs the server."""
    timings: dict[str, float] = {}
    with httpx.Client(timeout=60) as http:
        for path in SINGLE:
            http.get(base + path)
            runs = []
            for _ in range(3):
                started = time.perf_counter()
                http.get(base + path)
                runs.append((time.perf_counter() - started) * 1000)
            timings[path] = round(statistics.median(runs), 1)
    return timings


def _prepare(db: Path, events: int, rebuild: bool) -> None:
    if rebuild and db.exists():
        db.unlink()
    if db.exists():
        return
    from flashpoint.story_workflow import update_stories

    seconds = build_store(db, events)
    print(f"built {events:,} events in {seconds:.1f} s -> {db}", flush=True)
    started = time.perf_counter()
    with Store(db) as store:
        grouped = update_stories(store)
    print(f"grouped {grouped.events:,} events in {time.perf_counter() - started:.1f} s", flush=True)


def _summary(values: list[float]) -> dict[str, float]:
    return {
        "count": len(values),
        "p50": round(statistics.median(values), 1),
        "p99": round(_percentile(values, 0.99), 1),
        "max": round(max(values), 1),
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    _prepare(args.db, args.events, args.rebuild)
    with Store(args.db, read_only=True) as store:
        stored = count_events(store, EventFilter())
        stories = len(store.stories())
    load_before = os.getloadavg()
    server, base = _start_server(args.db)
    try:
        single = _single_requests(base)
        mix = tuple((k, w) for k, w in MIX if args.only is None or k == args.only)
        tally, elapsed = asyncio.run(
            _load(base, args.clients, args.seconds, args.max_requests, mix)
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    load_after = os.getloadavg()
    every = [value for values in tally.latencies.values() for value in values]
    return {
        "events": stored,
        "stories": stories,
        "size_mb": round(args.db.stat().st_size / 1e6, 1),
        "clients": args.clients,
        "deadline_seconds": args.seconds,
        "seconds": round(elapsed, 1),
        "requests": tally.requests,
        "throughput_rps": round(tally.requests / elapsed, 1),
        "all_ms": _summary(every),
        "by_kind_ms": {kind: _summary(values) for kind, values in sorted(tally.latencies.items())},
        "statuses": dict(tally.statuses),
        "errors": dict(tally.errors),
        "single_request_ms": single,
        "error_count": sum(tally.errors.values()),
        "load_average": {
            "before": [round(v, 2) for v in load_before],
            "after": [round(v, 2) for v in load_after],
        },
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}",
        "measured": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def render_section(result: dict[str, Any]) -> str:
    every = result["all_ms"]
    before, after = result["load_average"]["before"], result["load_average"]["after"]
    lines = [
        SECTION,
        "",
        f"{result['clients']} concurrent clients for {result.get('deadline_seconds', 60):.0f} s "
        "(the last requests in flight end "
        f"by {result['seconds']:.0f} s) against "
        f"`flashpoint serve` over loopback, {result['events']:,} events and "
        f"{result['stories']:,} stories in the store ({result['size_mb']} MB), measured "
        f"{result['measured']} on {result['machine']}. The load generator (one Python process, "
        "asyncio and httpx) shares the 2 cores with the server and with other work: load "
        f"average {before[0]:.1f} (1 min) when it started and {after[0]:.1f} when it ended.",
        "",
        f"**{result['throughput_rps']:.1f} requests/s**, {result['requests']:,} requests, "
        f"p50 {every['p50']:.0f} ms, p99 {every['p99']:.0f} ms, max {every['max']:.0f} ms, "
        f"**{result['error_count']} errors** (statuses: "
        + ", ".join(f"{k}: {v:,}" for k, v in sorted(result["statuses"].items()))
        + ").",
        "",
        "| requests | count | p50 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, numbers in result["by_kind_ms"].items():
        lines.append(
            f"| {kind} | {numbers['count']:,} | {numbers['p50']:.0f} | {numbers['p99']:.0f} "
            f"| {numbers['max']:.0f} |"
        )
    single = result.get("single_request_ms", {})
    if single:
        lines += [
            "",
            "Where the time goes: each request alone, before the load (median of 3):",
            "",
            "| request | ms |",
            "|---|---:|",
            *(f"| `{path}` | {ms:.0f} |" for path, ms in single.items()),
            "",
            "One `flashpoint serve` process answers on 2 cores shared with the load generator,",
            "so throughput is about the cores' time divided by the mix's mean cost per request;",
            "with 50 clients the rest is queueing (p50 is roughly clients / throughput). The",
            "costliest requests alone are the overview page (escalation series for every",
            "watched dyad) and actor pages; story lists are ordered and limited in SQL. The",
            "events-only run (`--only events`) shows the API's filtered reads alone.",
        ]
    variants = result.get("variants", {})
    if variants:
        lines += [
            "",
            "| one kind only (`--only`) | requests/s | p50 ms | p99 ms | errors | load average |",
            "|---|---:|---:|---:|---:|---|",
        ]
        for label, numbers in variants.items():
            load = numbers["load_average"]
            lines.append(
                f"| {label}, {numbers['clients']} clients, {numbers['seconds']:.0f} s "
                f"| {numbers['throughput_rps']:.1f} | {numbers['all_ms']['p50']:.0f} "
                f"| {numbers['all_ms']['p99']:.0f} | {numbers['error_count']} "
                f"| {load['before'][0]:.1f} -> {load['after'][0]:.1f} |"
            )
    lines += [
        "",
        "The mix: half filtered `/api/events` (the filters of the API latency section; half of",
        "them also fetch the cursor page), a fifth `/api/stories` with filters, `/api/series`",
        "for six dyads by week or month, and dashboard pages (overview, explorer, stories,",
        "an actor). Every client keeps its connection open; the server answers each request",
        "from a short read-only connection (docs/API.md, Concurrency).",
        "",
        "Command: `.venv/bin/python bench/load_test.py` (builds and groups the store on the",
        "first run, then serves it and loads it; `--clients`, `--seconds` and",
        "`--max-requests` bound the run). Not a pytest: it takes over a minute and measures.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--max-requests", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "results" / "load_test.duckdb")
    parser.add_argument("--rebuild", action="store_true", help="Build the store even if present.")
    parser.add_argument("--doc-only", action="store_true", help="Only re-render the docs section.")
    parser.add_argument("--no-doc", action="store_true", help="Print the result, write nothing.")
    parser.add_argument(
        "--only", choices=[k for k, _ in MIX], default=None, help="One kind of request only."
    )
    args = parser.parse_args()
    if args.doc_only:
        write_section(render_section(json.loads(RESULT_FILE.read_text(encoding="utf-8"))), SECTION)
        return
    result = run(args)
    print(json.dumps(result, indent=2))
    if args.no_doc:
        return
    if args.only is not None and RESULT_FILE.exists():
        # A one-kind run is kept beside the full mix, not instead of it.
        saved = json.loads(RESULT_FILE.read_text(encoding="utf-8"))
        saved.setdefault("variants", {})[f"{args.only} only"] = {
            key: result[key]
            for key in ("clients", "seconds", "requests", "throughput_rps", "all_ms")
        } | {"error_count": result["error_count"], "load_average": result["load_average"]}
        result = saved
    RESULT_FILE.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    write_section(render_section(result), SECTION)


if __name__ == "__main__":
    main()
