"""API latency with 100,000 events: p50/p95 of filtered /api/events requests.

    python bench/api_latency.py                       # build the store (once), measure over loopback
    python bench/api_latency.py --events 20000 --requests 200
    python bench/api_latency.py --in-process          # ASGI in-process instead of uvicorn
    python bench/api_latency.py --in-process --linger 0   # a fresh connection per request
    python bench/api_latency.py --doc-only            # re-render the docs section from the JSON

Results land in bench/results/api_latency.json; the loopback run also rewrites the
"## API latency" section of docs/PERFORMANCE.md (only that section; the rest of the
file belongs to bench/run.py).

The store is synthetic but shaped like coded news: 2 events per article, 60 countries
with a skewed (Zipf-like) choice of actors, every PLOVER category with its usual quad
class, dates over three years, places for a third of the events, stories for a quarter.
It is written through the store writer (`Store.writer`), as `flashpoint code` writes.
The server is `flashpoint serve` on 127.0.0.1 (a separate process; short read-only
connection per request), queried by one client in sequence.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from flashpoint.models import (
    PLOVER_CATEGORIES,
    Article,
    Entity,
    Event,
    EventDate,
    Location,
    TextSpan,
    event_id_for,
)
from flashpoint.store import CodedArticle, EventFilter, Store
from flashpoint.store.browse import count_events

ROOT = Path(__file__).resolve().parent.parent
# fmt: off
COUNTRIES = (
    "PRK", "KOR", "USA", "JPN", "CHN", "RUS", "UKR", "ISR", "PSE", "IRN", "SYR", "IRQ", "TUR", "IND",
    "PAK", "AFG", "GBR", "FRA", "DEU", "ITA", "ESP", "POL", "SAU", "EGY", "SOM", "KEN", "ETH", "NGA",
    "ZAF", "BRA", "MEX", "CAN", "AUS", "NZL", "IDN", "PHL", "VNM", "THA", "MMR", "MYS", "SGP", "TWN",
    "MNG", "KAZ", "UZB", "BLR", "GEO", "ARM", "AZE", "LBN", "JOR", "YEM", "SDN", "LBY", "TUN", "DZA",
    "MAR", "CUB", "VEN", "COL",
)
# fmt: on
SECTORS = ("GOV", "MIL", "GOV", "CVL", None, "LEG")
QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 2, "COOPERATE": 2, "AID": 2,
    "RETREAT": 2, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 3,
    "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip
VERBS = {c: c.lower() + "d" for c in PLOVER_CATEGORIES}
CITIES = (("Pyongyang", "PRK", 39.03, 125.75), ("Seoul", "KOR", 37.57, 126.98),
          ("Washington", "USA", 38.9, -77.04), ("Tokyo", "JPN", 35.68, 139.69),
          ("Beijing", "CHN", 39.9, 116.4), ("Moscow", "RUS", 55.76, 37.62),
          ("Kyiv", "UKR", 50.45, 30.52), ("Gaza", "PSE", 31.5, 34.47))  # fmt: skip
START = date(2022, 1, 1)


def _pick_country(rng: random.Random) -> str:
    # Zipf-like: the first countries (the Korean peninsula and its neighbours) dominate.
    index = min(len(COUNTRIES) - 1, int(rng.paretovariate(1.2)) - 1)
    return COUNTRIES[index]


def _event(rng: random.Random, article_id: str, start: int, day: date) -> tuple[Event, str]:
    category = rng.choice(PLOVER_CATEGORIES)
    actor = _pick_country(rng)
    recipient = _pick_country(rng)
    while recipient == actor:
        recipient = rng.choice(COUNTRIES)
    sentence = (
        f"{actor} officials {VERBS[category]} {recipient} counterparts on {day.isoformat()}. "
    )
    s_start = start
    a_start = s_start
    t_start = s_start + len(actor) + 11
    r_start = t_start + len(VERBS[category]) + 1
    location = None
    if rng.random() < 0.33:
        name, country, lat, lon = rng.choice(CITIES)
        location = Location(name, country, lat, lon, s_start, s_start)
    quad = QUAD[category]
    event = Event(
        event_id=event_id_for(article_id, s_start, t_start, category),
        article_id=article_id,
        category=category,
        mode=None,
        status=rng.choices(("asserted", "alleged", "future", "negated"), (80, 8, 7, 5))[0],
        context=(),
        actors=(Entity(actor, rng.choice(SECTORS), actor, a_start, a_start + len(actor)),),
        recipients=(
            Entity(recipient, rng.choice(SECTORS), recipient, r_start, r_start + len(recipient)),
        ),
        date=EventDate(day.isoformat(), "day", "exact"),
        location=location,
        sentence=TextSpan(s_start, s_start + len(sentence) - 1, sentence[:-1]),
        trigger=TextSpan(t_start, t_start + len(VERBS[category]), VERBS[category]),
        confidence=round(rng.uniform(0.4, 0.99), 2),
        score=round(rng.uniform(-10, 0) if quad >= 3 else rng.uniform(0, 8), 1),
        quad_class=quad,
        cameo_root=f"{rng.randint(1, 20):02d}",
    )
    return event, sentence


def build_store(path: Path, events: int, seed: int = 7) -> float:
    """Write `events` synthetic events (two per article) through the store writer."""
    rng = random.Random(seed)
    started = time.perf_counter()
    articles_total = events // 2
    batch = 2000
    with Store(path) as store:
        for first in range(0, articles_total, batch):
            articles: list[Article] = []
            coded: list[CodedArticle] = []
            for n in range(first, min(first + batch, articles_total)):
                article_id = f"bench{n:07d}"
                day = START + timedelta(days=rng.randrange(3 * 365))
                found: list[Event] = []
                text = ""
                for _ in range(2):
                    event, sentence = _event(rng, article_id, len(text), day)
                    found.append(event)
                    text += sentence
                articles.append(
                    Article(
                        id=article_id,
                        text=text + f"(report {n})",
                        title=f"Report {n}",
                        outlet=rng.choice(("KCNA", "Yonhap", "NHK", "Reuters", "VOA")),
                        published_at=datetime(day.year, day.month, day.day, tzinfo=UTC)
                        + timedelta(days=rng.randint(0, 2)),
                        ingested_at=datetime.now(UTC),
                    )
                )
                coded.append(CodedArticle(article_id, tuple(found)))
            store.writer.add_articles(articles)
            store.writer.store_coded(coded, "bench")
    return time.perf_counter() - started


QUERIES = (
    "actor=PRK",
    "dyad=PRK,USA",
    "recipient=JPN&status=asserted",
    "category=ASSAULT",
    "actor=KOR&since=2023-01-01&until=2023-06-30",
    "since=2024-03-01&until=2024-03-31",
    "actor=CHN&sort=-score",
    "category=THREATEN&sort=-published",
    "actor=IGO",
    "dyad=RUS,UKR&sort=date",
)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def measure(path: Path, requests: int, *, in_process: bool, linger: float | None) -> dict[str, Any]:
    """Time `requests` filtered /api/events calls (first pages and cursor second pages)."""
    import httpx

    server = None
    if in_process:
        from fastapi.testclient import TestClient

        from flashpoint.api.app import create_app
        from flashpoint.config import Settings

        app = (
            create_app(Settings(db_path=path))
            if linger is None
            else create_app(Settings(db_path=path), linger_seconds=linger)
        )
        client: Any = TestClient(app, base_url="http://127.0.0.1")
        base = ""
    else:
        port = _free_port()
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "flashpoint"),
                "serve",
                "--db",
                str(path),
                "--port",
                str(port),
            ],
            stdout=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        client = httpx.Client(timeout=30)
        for _ in range(200):
            try:
                client.get(base + "/api/events?limit=1")
                break
            except httpx.TransportError:
                time.sleep(0.1)
    try:
        for query in QUERIES:  # warm the OS page cache and the imports
            client.get(f"{base}/api/events?{query}")
        first: list[float] = []
        second: list[float] = []
        statuses: dict[int, int] = {}
        for i in range(requests):
            query = QUERIES[i % len(QUERIES)]
            t0 = time.perf_counter()
            response = client.get(f"{base}/api/events?{query}&limit=50")
            first.append((time.perf_counter() - t0) * 1000)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            cursor = response.json().get("next_cursor")
            if cursor and i % 2 == 0:
                t0 = time.perf_counter()
                page = client.get(f"{base}/api/events?{query}&limit=50&cursor={cursor}")
                second.append((time.perf_counter() - t0) * 1000)
                statuses[page.status_code] = statuses.get(page.status_code, 0) + 1
        both = first + second
        return {
            "requests": len(both),
            "statuses": statuses,
            "first_page_ms": {"p50": statistics.median(first), "p95": _percentile(first, 0.95)},
            "next_page_ms": {"p50": statistics.median(second), "p95": _percentile(second, 0.95)}
            if second
            else None,
            "all_ms": {
                "p50": statistics.median(both),
                "p95": _percentile(both, 0.95),
                "max": max(both),
            },
            "mode": "in-process through ASGI"
            if in_process
            else "over loopback against `flashpoint serve`",
            "linger_seconds": linger,
        }
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)


RESULT_FILE = ROOT / "bench" / "results" / "api_latency.json"
DOC = ROOT / "docs" / "PERFORMANCE.md"
SECTION = "## API latency"


def render_section(result: dict[str, Any]) -> str:
    """The docs section for a loopback run."""
    first, following, both = result["first_page_ms"], result["next_page_ms"], result["all_ms"]
    lines = [
        SECTION,
        "",
        f"`/api/events` with a filter over {result['events']:,} events "
        f"({result['size_mb']} MB store), {result['requests']} requests "
        f"({result['mode']}, one client in sequence), measured {result['measured']} "
        f"on {result['machine']}. Target: p95 <= 200 ms.",
        "",
        "| requests | p50 ms | p95 ms | max ms |",
        "|---|---:|---:|---:|",
        f"| first pages (filter, sort, limit 50, with the total count) | {first['p50']:.0f} | {first['p95']:.0f} | |",
    ]
    if following:
        lines.append(f"| next pages (cursor) | {following['p50']:.0f} | {following['p95']:.0f} | |")
    lines += [
        f"| all | {both['p50']:.0f} | {both['p95']:.0f} | {both['max']:.0f} |",
        "",
        f"Filters, rotated: {', '.join('`' + q + '`' for q in QUERIES)}. Statuses: "
        + ", ".join(f"{k}: {v}" for k, v in sorted(result["statuses"].items()))
        + ".",
        "",
        "Command: `.venv/bin/python bench/api_latency.py` (builds the synthetic store through",
        "the store writer on the first run, about 35 s, then serves it with `flashpoint serve`",
        "and measures over loopback). `--in-process --linger 0` measures the cost of a fresh",
        "database connection per request (no anchor; see docs/API.md, Concurrency).",
        "",
    ]
    extra = result.get("in_process")
    if extra:
        lines += ["| in-process variant | p50 ms | p95 ms |", "|---|---:|---:|"]
        for label, numbers in extra.items():
            lines.append(f"| {label} | {numbers['p50']:.0f} | {numbers['p95']:.0f} |")
        lines.append("")
    return "\n".join(lines)


def write_section(text: str, section: str = SECTION) -> None:
    """Replace (or append) only `section` of docs/PERFORMANCE.md; re-read the file just before."""
    current = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n"
    if section in current:
        head, _, tail = current.partition(section)
        rest = tail.split("\n## ", 1)
        after = "\n## " + rest[1] if len(rest) > 1 else ""
        updated = head + text.rstrip("\n") + "\n" + after
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    DOC.write_text(updated, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument(
        "--db", type=Path, default=ROOT / "bench" / "results" / "api_latency.duckdb"
    )
    parser.add_argument("--rebuild", action="store_true", help="Build the store even if present.")
    parser.add_argument("--in-process", action="store_true")
    parser.add_argument("--doc-only", action="store_true", help="Only re-render the docs section.")
    parser.add_argument(
        "--linger", type=float, default=None, help="In-process only: the app's linger_seconds."
    )
    args = parser.parse_args()
    if args.doc_only:
        write_section(render_section(json.loads(RESULT_FILE.read_text(encoding="utf-8"))))
        return
    if args.rebuild and args.db.exists():
        args.db.unlink()
    if not args.db.exists():
        seconds = build_store(args.db, args.events)
        print(f"built {args.events:,} events in {seconds:.1f} s -> {args.db}")
    with Store(args.db, read_only=True) as store:
        stored = count_events(store, EventFilter())
    result = measure(args.db, args.requests, in_process=args.in_process, linger=args.linger)
    result["events"] = stored
    result["size_mb"] = round(args.db.stat().st_size / 1e6, 1)
    result["measured"] = datetime.now(UTC).strftime("%Y-%m-%d")
    result["machine"] = _machine()
    print(json.dumps(result, indent=2))
    if args.in_process:
        if RESULT_FILE.exists():  # keep the loopback numbers; add this variant beside them
            saved = json.loads(RESULT_FILE.read_text(encoding="utf-8"))
            label = (
                "a fresh connection per request (linger 0)"
                if args.linger == 0
                else f"anchor kept between requests (linger {args.linger or 'default, 0.3'} s)"
            )
            saved.setdefault("in_process", {})[label] = result["all_ms"]
            RESULT_FILE.write_text(json.dumps(saved, indent=2) + "\n", encoding="utf-8")
            write_section(render_section(saved))
        return
    RESULT_FILE.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    write_section(render_section(result))


def _machine() -> str:
    import os
    import platform

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, load average {load:.1f} at the start"
    )


if __name__ == "__main__":
    main()
