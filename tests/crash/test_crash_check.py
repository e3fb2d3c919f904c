"""`flashpoint check`: a consistent store passes; each kind of damage is found and named."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner, Result

from conftest import make_article, make_event
from flashpoint.cli.main import cli
from flashpoint.store import CodedArticle, Store
from flashpoint.store.integrity import CheckResult, IntegrityReport

# Astral and combining characters before the evidence: offsets count code points in
# Python and in DuckDB alike, so a correct store must pass.
TEXT = (
    "😀 Café́ report. North Korea accused Washington of provocation on Tuesday. "
    "South Korea agreed to talks with Japan."
)


def _build(path: Path) -> Path:
    first = make_article(TEXT, id="a1")
    second = make_article("Japan accused China of an incursion near the islands.", id="a2")
    with Store(path) as store:
        store.writer.add_articles([first, second])
        store.writer.store_coded(
            [
                CodedArticle("a1", (make_event(first, "accused"),)),
                CodedArticle(
                    "a2",
                    (
                        make_event(
                            second,
                            "accused",
                            actors=(("JPN", "GOV", "Japan"),),
                            recipients=(("CHN", "GOV", "China"),),
                        ),
                    ),
                ),
            ],
            "test coder 1",
        )
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return _build(tmp_path / "check.duckdb")


def _check(db: Path, *extra: str) -> Result:
    return CliRunner().invoke(cli, ["check", "--db", str(db), *extra])


def _damage(db: Path, *statements: str) -> None:
    conn = duckdb.connect(str(db))
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def _report(db: Path) -> IntegrityReport:
    with Store(db, read_only=True) as store:
        return store.check_integrity(hash_sample=None)


def _failed(db: Path) -> dict[str, CheckResult]:
    return {r.name: r for r in _report(db).results if not r.passed}


def test_a_consistent_store_passes_every_check(db: Path) -> None:
    result = _check(db)
    assert result.exit_code == 0, result.output
    assert "the database is consistent: 0 failed checks, 0 warnings" in result.output
    assert "ERROR" not in result.output
    report = _report(db)
    assert (report.articles, report.events, report.schema_version) == (2, 2, 4)


@pytest.mark.parametrize(
    ("damage", "check"),
    [
        ("DELETE FROM articles WHERE id = 'a2'", "events whose article is missing"),
        (
            "DELETE FROM events WHERE article_id = 'a2'",
            "actors/recipients whose event is missing",
        ),
        (
            "UPDATE events SET sentence_end = 100000 WHERE article_id = 'a1'",
            "evidence sentences outside the article text",
        ),
        (
            "UPDATE events SET trigger_start = trigger_start + 1 WHERE article_id = 'a1'",
            "triggers outside the article text",
        ),
        (
            "UPDATE event_entities SET start_offset = start_offset - 1 WHERE code = 'PRK'",
            "actor/recipient offsets outside the article text",
        ),
        (
            "UPDATE events SET date_text = 'Tuesday', date_start = 0, date_end = 7 "
            "WHERE article_id = 'a1'",
            "date expressions outside the article text",
        ),
        (
            "UPDATE articles SET coder_version = NULL WHERE id = 'a1'",
            "articles coded without a coder version",
        ),
        (
            "UPDATE articles SET coded_at = NULL, coder_version = NULL WHERE id = 'a1'",
            "events of articles not marked coded",
        ),
        (
            "UPDATE articles SET coding_error = 'boom' WHERE id = 'a1'",
            "events of articles whose coding failed",
        ),
        (
            "UPDATE articles SET content_hash = (SELECT content_hash FROM articles "
            "WHERE id = 'a1') WHERE id = 'a2'",
            "articles sharing a content hash",
        ),
        (
            "UPDATE articles SET text = replace(text, 'Tuesday', 'Monday') WHERE id = 'a1'",
            "content hashes match the article text",
        ),
        (
            "UPDATE events SET category = 'NOPE' WHERE article_id = 'a1'",
            "events with an unknown category or status",
        ),
        (
            "UPDATE event_entities SET role = 'villain' WHERE code = 'PRK'",
            "actors/recipients with an unknown role",
        ),
        ("DELETE FROM schema_version WHERE version = 2", "schema steps recorded in order"),
    ],
)
def test_each_kind_of_damage_fails_its_check_and_exits_1(db: Path, damage: str, check: str) -> None:
    _damage(db, damage)
    failed = _failed(db)
    assert check in failed, sorted(failed)
    assert failed[check].severity == "error"
    assert failed[check].count >= 1
    assert failed[check].examples
    assert failed[check].hint
    result = _check(db)
    assert result.exit_code == 1
    assert f"ERROR    {check}:" in result.output
    assert "what to do:" in result.output


def test_a_story_member_of_a_recoded_event_is_a_warning_not_a_failure(db: Path) -> None:
    _damage(
        db,
        "INSERT INTO stories VALUES ('s1', 'ACCUSE', ['PRK'], ['USA'], NULL, NULL, NULL, "
        "NULL, NULL, 1, 1, 1, 'headline', now())",
        "INSERT INTO story_members VALUES ('e-gone', 's1', 'a1', 0, 'first report')",
    )
    failed = _failed(db)
    assert failed["story members whose event is missing"].severity == "warning"
    assert all(r.severity == "warning" for r in failed.values())
    assert _check(db).exit_code == 0
    assert _check(db, "--strict").exit_code == 1


def test_a_story_member_whose_story_is_missing_fails(db: Path) -> None:
    _damage(db, "INSERT INTO story_members VALUES ('e-x', 's-none', 'a1', 0, 'first report')")
    assert "story members whose story is missing" in _failed(db)


def test_json_report_lists_every_check_with_its_result(db: Path) -> None:
    _damage(db, "UPDATE articles SET coder_version = NULL WHERE id = 'a1'")
    result = _check(db, "--json", "--all-hashes")
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert payload["ok"] is False
    by_name = {c["name"]: c for c in payload["checks"]}
    assert by_name["articles coded without a coder version"]["examples"] == ["a1"]
    assert by_name["events whose article is missing"]["count"] == 0


def test_check_never_writes_to_the_database(db: Path) -> None:
    before = db.read_bytes()
    assert _check(db, "--all-hashes").exit_code == 0
    assert db.read_bytes() == before


def test_a_missing_database_is_an_error_naming_the_path(tmp_path: Path) -> None:
    result = _check(tmp_path / "nope.duckdb")
    assert result.exit_code == 1
    assert "FP401" in result.output
    assert "nope.duckdb" in result.output


def test_a_duckdb_file_that_is_not_a_flashpoint_database_fails(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    _damage(path, "CREATE TABLE t (x INTEGER)")
    result = _check(path)
    assert result.exit_code == 1
    assert "the file is a flashpoint database" in result.output


def test_a_database_from_a_newer_flashpoint_is_refused_fp402(db: Path) -> None:
    _damage(db, "INSERT INTO schema_version VALUES (99, 'future', now())")
    result = _check(db)
    assert result.exit_code == 1
    assert "FP402" in result.output
