"""`flashpoint code` killed with SIGKILL mid-run, then run again: every article coded once,
the same events as an uninterrupted run, every event in one story, `flashpoint check` clean.

The fast tests run the real command (click, code_pending, the store writer, stories) in
a subprocess with a small deterministic coder that reports each article it codes, so
the kill lands after a random number of articles (per seed), possibly inside a write.
The slow test kills the installed `flashpoint code` with the spaCy coder at random times.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from flashpoint.models import Article
from flashpoint.store import Store

FLASHPOINT = Path(sys.executable).parent / "flashpoint"
ARTICLES = 300
PUBLISHED = datetime(2024, 4, 2, tzinfo=UTC)
POISON_EVERY = 53  # the coder raises on these: FP301, recorded once, never retried

# Runs `flashpoint code` with a coder that finds "accused"/"agreed"/"fired" events by
# string search, sleeps a little per article and appends the article id to a file.
CODER_SCRIPT = r"""
import sys, time
from flashpoint.cli.main import cli
from flashpoint.models import Entity, Event, EventDate, TextSpan, event_id_for

PROGRESS = sys.argv[1]
TRIGGERS = {"accused": ("ACCUSE", 3, "11"), "agreed": ("AGREE", 1, "03"), "fired": ("ASSAULT", 4, "19")}

class SlowCoder:
    def code_article(self, article):
        if "POISON" in article.text:
            raise RuntimeError("poisoned article")
        events = []
        for word, (category, quad, root) in TRIGGERS.items():
            start = article.text.find(word)
            if start < 0:
                continue
            name = "Warsaw"
            at = article.text.index(name)
            events.append(Event(
                event_id=event_id_for(article.id, 0, start, category), article_id=article.id,
                category=category, mode=None, status="asserted", context=(),
                actors=(Entity("POL", "GOV", name, at, at + len(name)),), recipients=(),
                date=EventDate(value="2024-04-01", granularity="day", type="exact"),
                location=None, sentence=TextSpan(0, len(article.text), article.text),
                trigger=TextSpan(start, start + len(word), word), confidence=0.8,
                score=-2.0, quad_class=quad, cameo_root=root))
        time.sleep(0.004)
        with open(PROGRESS, "a") as out:
            out.write(article.id + "\n")
        return events

    def code_articles(self, articles):
        for article in articles:
            yield article, self.code_article(article)

cli.main(args=sys.argv[2:], obj={"coder_factory": lambda settings: SlowCoder()}, prog_name="flashpoint")
"""


def _env(tmp: Path) -> dict[str, str]:
    return {**os.environ, "FLASHPOINT_CONFIG": str(tmp / "no-config.toml")}


def _article_text(i: int) -> str:
    verb = ("accused the neighbours of provocation", "agreed to talks", "fired shells")[i % 3]
    poison = " POISON" if i % POISON_EVERY == POISON_EVERY - 1 else ""
    return f"Officials in Warsaw said on Monday that unit {i} {verb} near crossing {i}.{poison}"


def _make_store(db: Path) -> None:
    articles = [
        Article.build(
            _article_text(i),
            id=f"art-{i:04d}",
            published_at=PUBLISHED,
            source=f"records.jsonl:{i + 1}",
        )
        for i in range(ARTICLES)
    ]
    with Store(db) as store:
        assert len(store.writer.add_articles(articles).stored) == ARTICLES


def _code_command(db: Path, progress: Path) -> list[str]:
    return [
        sys.executable,
        "-c",
        CODER_SCRIPT,
        str(progress),
        "code",
        "--db",
        str(db),
        "--workers",
        "1",
        "--quiet",
    ]


def _code(db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _code_command(db, db.parent / "progress-final.txt"),
        capture_output=True,
        text=True,
        timeout=300,
        env=_env(db.parent),
        check=False,
    )


def _code_killed(db: Path, seed: int) -> int | None:
    """SIGKILL `code` once it has coded a random number of articles (plus a random pause)."""
    rng = random.Random(seed)
    target = rng.randrange(1, ARTICLES - 20)
    progress = db.parent / f"progress-{seed}.txt"
    progress.write_text("")
    process = subprocess.Popen(
        _code_command(db, progress),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_env(db.parent),
    )
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if len(progress.read_text().splitlines()) >= target:
            break
        time.sleep(0.005)
    time.sleep(rng.uniform(0.0, 0.05))
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    return process.returncode


Outcome = tuple[set[tuple[str, str]], set[str], set[str], int, int]


def _outcome(db: Path) -> Outcome:
    """(article, event) pairs, coded ids, failed ids, events in stories, total members."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        pairs = set(conn.execute("SELECT article_id, event_id FROM events").fetchall())
        coded = {
            r[0]
            for r in conn.execute("SELECT id FROM articles WHERE coded_at IS NOT NULL").fetchall()
        }
        failed = {
            r[0]
            for r in conn.execute(
                "SELECT id FROM articles WHERE coding_error IS NOT NULL"
            ).fetchall()
        }
        grouped = conn.execute(
            "SELECT count(DISTINCT m.event_id), count(*) FROM story_members m "
            "JOIN events e ON e.event_id = m.event_id"
        ).fetchone()
        fp301 = conn.execute(
            "SELECT source, count(*) FROM rejections WHERE code = 'FP301' GROUP BY source "
            "HAVING count(*) > 1"
        ).fetchall()
    finally:
        conn.close()
    assert fp301 == [], f"failures recorded twice: {fp301}"
    assert grouped is not None
    return pairs, coded, failed, int(grouped[0]), int(grouped[1])


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Outcome:
    db = tmp_path_factory.mktemp("baseline") / "baseline.duckdb"
    _make_store(db)
    done = _code(db)
    assert done.returncode == 0, done.stderr
    outcome = _outcome(db)
    pairs, coded, failed, grouped, members = outcome
    assert len(coded) == ARTICLES
    assert len(failed) == ARTICLES // POISON_EVERY
    assert len(pairs) == ARTICLES - len(failed)
    assert grouped == members == len(pairs)
    return outcome


def _assert_like_baseline(db: Path, baseline: Outcome) -> None:
    pairs, coded, failed, grouped, members = _outcome(db)
    assert pairs == baseline[0], "events differ from an uninterrupted run"
    assert coded == baseline[1]
    assert failed == baseline[2]
    assert grouped == members == len(pairs), "an event is in no story, or in two"
    check = subprocess.run(
        [str(FLASHPOINT), "check", "--db", str(db), "--strict"],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(db.parent),
        check=False,
    )
    assert check.returncode == 0, check.stdout


def _run_seed(tmp_path: Path, baseline: Outcome, seed: int) -> None:
    db = tmp_path / "killed.duckdb"
    _make_store(db)
    assert _code_killed(db, seed) == -signal.SIGKILL
    done = _code(db)
    assert done.returncode == 0, done.stderr
    _assert_like_baseline(db, baseline)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_code_killed_after_a_random_article_completes_on_rerun_like_an_uninterrupted_run(
    tmp_path: Path, baseline: Outcome, seed: int
) -> None:
    _run_seed(tmp_path, baseline, seed)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(10, 20))
def test_code_killed_at_more_random_points_completes_on_rerun(
    tmp_path: Path, baseline: Outcome, seed: int
) -> None:
    _run_seed(tmp_path, baseline, seed)


# -- the installed command with the spaCy coder ---------------------------------------

REAL_TEXTS = [
    "North Korea fired two ballistic missiles into the sea on Tuesday, officials said.",
    "China accused the United States of provocation near Taiwan on Monday.",
    "Japan and South Korea agreed to resume talks in Seoul next month.",
    "Protesters clashed with police in Nairobi on Friday.",
]


def _real_store(db: Path, count: int) -> None:
    records = db.parent / "real.jsonl"
    records.write_text(
        "".join(
            json.dumps(
                {
                    "id": f"real-{i:03d}",
                    "text": f"{REAL_TEXTS[i % len(REAL_TEXTS)]} Report number {i} from the desk.",
                    "published": "2024-04-03",
                }
            )
            + "\n"
            for i in range(count)
        ),
        encoding="utf-8",
    )
    subprocess.run(
        [str(FLASHPOINT), "ingest", str(records), "--db", str(db)],
        capture_output=True,
        timeout=120,
        env=_env(db.parent),
        check=True,
    )


def _real_code(db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(FLASHPOINT), "code", "--db", str(db), "--quiet"],
        capture_output=True,
        text=True,
        timeout=900,
        env=_env(db.parent),
        check=False,
    )


@pytest.mark.slow
@pytest.mark.needs_model
def test_installed_code_with_spacy_killed_at_random_times_matches_an_uninterrupted_run(
    tmp_path: Path, parser_model: str
) -> None:
    count = 400
    reference = tmp_path / "reference.duckdb"
    _real_store(reference, count)
    started = time.monotonic()
    assert _real_code(reference).returncode == 0
    duration = time.monotonic() - started
    expected = _outcome(reference)
    for seed in (1, 2, 3):
        db = tmp_path / f"real{seed}.duckdb"
        _real_store(db, count)
        process = subprocess.Popen(
            [str(FLASHPOINT), "code", "--db", str(db), "--quiet"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_env(db.parent),
        )
        time.sleep(random.Random(seed).uniform(0.3, 0.9) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        assert _real_code(db).returncode == 0
        _assert_like_baseline(db, expected)
