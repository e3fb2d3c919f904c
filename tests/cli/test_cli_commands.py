"""Every command end to end on a temporary database, with a fake coder."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner, Result

from conftest import make_event
from flashpoint import __version__
from flashpoint.cli.main import cli
from flashpoint.config import Settings
from flashpoint.models import Article, Event

SAMPLE = Path(__file__).resolve().parents[2] / "src/flashpoint/data/sample/korea_sample.jsonl"


class KeywordCoder:
    """Codes "condemned" as ACCUSE by South Korea against North Korea, when both are named."""

    def code_article(self, article: Article) -> list[Event]:
        text = article.text
        if "condemned" not in text or "North" not in text or "South Korea" not in text:
            return []
        return [
            make_event(
                article,
                "condemned",
                actors=(("KOR", "GOV", "South Korea"),),
                recipients=(("PRK", "GOV", "North"),),
                date=article.published_at.date().isoformat() if article.published_at else None,
            )
        ]

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            yield article, self.code_article(article)


def keyword_factory(settings: Settings) -> KeywordCoder:
    return KeywordCoder()


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin, obj={"coder_factory": keyword_factory})


NEWS = [
    {
        "id": "k1",
        "text": "South Korea condemned the North after the launch on Monday.",
        "date": "2024-04-02",
        "url": "https://n.example/1",
    },
    {
        "id": "k2",
        "text": "Officials met in Geneva for talks about trade and fisheries.",
        "date": "2024-04-05",
    },
    {
        "id": "k3",
        "text": "South Korea condemned the North again over the drone flights.",
        "date": "2024-05-10",
    },
]


@pytest.fixture
def news_file(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in NEWS), encoding="utf-8")
    return path


@pytest.fixture
def coded_db(tmp_path: Path, news_file: Path) -> str:
    db = str(tmp_path / "fp.duckdb")
    assert run("ingest", str(news_file), "--db", db).exit_code == 0
    assert run("code", "--db", db).exit_code == 0
    return db


def test_version_prints_the_package_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_extract_writes_one_event_json_per_line_with_input_ids(news_file: Path) -> None:
    result = run("extract", str(news_file))
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["article_id"] for e in events] == ["k1", "k3"]
    assert all(e["category"] == "ACCUSE" for e in events)
    assert events[0]["sentence"]["text"].startswith("South Korea condemned")


def test_extract_reads_standard_input_and_reports_skipped_inputs(tmp_path: Path) -> None:
    lines = json.dumps(NEWS[0]) + "\n" + json.dumps({"id": "e", "text": ""}) + "\n"
    out = tmp_path / "events.jsonl"
    result = run("extract", "-", "-o", str(out), stdin=lines)
    assert result.exit_code == 0, result.output
    assert [json.loads(x)["article_id"] for x in out.read_text().splitlines()] == ["k1"]
    assert "FP201" in result.stderr
    assert "wrote 1 events" in result.stderr


def test_extract_uses_published_for_inputs_without_a_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("South Korea condemned the North after the launch this week.\n")
    result = run("extract", str(path), "--published", "2024-04-03")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["date"]["value"] == "2024-04-03"


def test_ingest_reports_counts_and_duplicates(tmp_path: Path, news_file: Path) -> None:
    db = str(tmp_path / "fp.duckdb")
    first = run("ingest", str(news_file), "--db", db)
    second = run("ingest", str(news_file), "--db", db)
    assert first.exit_code == 0, first.output
    assert "3 new, 0 duplicates" in first.stdout
    assert "0 new, 3 duplicates" in second.stdout


def test_ingest_of_only_unusable_input_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{broken\n")
    result = run("ingest", str(bad), "--db", str(tmp_path / "fp.duckdb"))
    assert result.exit_code == 1
    assert "FP204" in result.stderr


def test_code_is_resumable_and_recode_redoes_everything(tmp_path: Path, news_file: Path) -> None:
    db = str(tmp_path / "fp.duckdb")
    run("ingest", str(news_file), "--db", db)
    assert "coded 2 articles into 1 events" in run("code", "--db", db, "--limit", "2").stdout
    assert "coded 1 articles into 1 events" in run("code", "--db", db).stdout
    assert "coded 0 articles" in run("code", "--db", db).stdout
    assert "coded 3 articles into 2 events" in run("code", "--db", db, "--recode").stdout


def test_code_with_files_on_the_local_engine_is_a_usage_error(news_file: Path) -> None:
    result = run("code", str(news_file))
    assert result.exit_code == 2
    assert "flashpoint ingest" in result.output


def test_events_filters_and_formats(coded_db: str, tmp_path: Path) -> None:
    jsonl = run("events", "--db", coded_db, "--format", "jsonl", "--since", "2024-05-01")
    assert [json.loads(x)["article_id"] for x in jsonl.stdout.splitlines()] == ["k3"]
    csv_out = run("events", "--db", coded_db, "--format", "csv", "--dyad", "KOR,PRK")
    lines = csv_out.stdout.splitlines()
    assert lines[0].startswith("event_id,article_id,category")
    assert len(lines) == 3
    assert "https://n.example/1" in lines[1]
    assert run("events", "--db", coded_db, "--actor", "USA", "--format", "jsonl").stdout == ""
    cameo = run("events", "--db", coded_db, "--format", "cameo")
    assert cameo.stdout.splitlines()[0].startswith("date,actor_code,actor_sector,recipient_code")
    table = run("events", "--db", coded_db, "--category", "accuse")
    assert table.exit_code == 0
    assert "ACCUSE" in table.stdout
    assert "2 events" in table.stderr


def test_events_parquet_needs_an_output_file(coded_db: str, tmp_path: Path) -> None:
    refused = run("events", "--db", coded_db, "--format", "parquet")
    assert refused.exit_code == 1
    assert "-o" in refused.stderr
    path = tmp_path / "e.parquet"
    written = run("events", "--db", coded_db, "--format", "parquet", "-o", str(path))
    assert written.exit_code == 0
    count = duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()
    assert count == (2,)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--dyad", "PRK"), "two codes"),
        (("--since", "last week"), "not a date"),
    ],
)
def test_bad_filter_values_fail_with_a_plain_message(
    coded_db: str, args: tuple[str, ...], message: str
) -> None:
    result = run("events", "--db", coded_db, *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_debug_shows_the_underlying_error(coded_db: str) -> None:
    result = run("--debug", "events", "--db", coded_db, "--dyad", "PRK")
    assert result.exit_code == 1
    assert result.exception is not None
    assert "two codes" in str(result.exception)


def test_articles_list_and_show(coded_db: str) -> None:
    listed = run("articles", "list", "--db", coded_db, "--format", "jsonl", "--coded")
    assert [json.loads(x)["id"] for x in listed.stdout.splitlines()] == ["k1", "k2", "k3"]
    pending = run("articles", "list", "--db", coded_db, "--pending", "--format", "jsonl")
    assert pending.stdout == ""
    shown = run("articles", "show", "k1", "--db", coded_db, "--json")
    payload = json.loads(shown.stdout)
    assert payload["id"] == "k1"
    assert [e["category"] for e in payload["events"]] == ["ACCUSE"]
    text = run("articles", "show", "k3", "--db", coded_db)
    assert "drone flights" in text.stdout
    assert "1 events" in text.stdout


def test_articles_show_of_an_unknown_id_fails_plainly(coded_db: str) -> None:
    result = run("articles", "show", "nope", "--db", coded_db)
    assert result.exit_code == 1
    assert "no article with id 'nope'" in result.stderr


def test_stats_counts_what_the_database_holds(coded_db: str) -> None:
    result = run("stats", "--db", coded_db)
    assert result.exit_code == 0
    assert "articles   3 (3 coded, 0 not yet coded)" in result.stdout
    assert "ACCUSE" in result.stdout
    assert coded_db in result.stdout


def test_a_database_from_a_newer_flashpoint_is_refused(coded_db: str) -> None:
    conn = duckdb.connect(coded_db)
    conn.execute("INSERT INTO schema_version VALUES (99, 'future', now())")
    conn.close()
    result = run("stats", "--db", coded_db)
    assert result.exit_code == 1
    assert "FP402" in result.stderr


def test_db_comes_from_the_environment_when_no_flag(
    news_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "env.duckdb"
    monkeypatch.setenv("FLASHPOINT_DB", str(db))
    assert run("ingest", str(news_file)).exit_code == 0
    assert db.is_file()


def test_demo_ingests_codes_and_shows_the_sample(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    result = run("demo", "--db", str(db))
    assert result.exit_code == 0, result.output
    sample_count = len(SAMPLE.read_text().splitlines())
    assert f"{sample_count} read from the bundled sample" in result.stdout
    assert "Events by category" in result.stdout
    assert "KOR" in result.stdout
    assert "Five events with their evidence" in result.stdout
    assert db.is_file()


def test_demo_without_db_leaves_no_database_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLASHPOINT_DB", str(tmp_path / "user.duckdb"))
    result = run("demo", "--quiet")
    assert result.exit_code == 0, result.output
    assert "temporary database removed" in result.stdout
    assert not (tmp_path / "user.duckdb").exists()
