"""Opening, migrating and refusing databases."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flashpoint.errors import StoreError
from flashpoint.store import LATEST_VERSION, Migration, Store
from flashpoint.store.schema import MIGRATIONS, current_version, migrate


def test_opening_creates_parent_directories_and_latest_schema(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "fp.duckdb"
    with Store(path) as store:
        assert store.schema_version == LATEST_VERSION
    assert path.is_file()


def test_reopening_applies_no_step_twice(tmp_path: Path) -> None:
    path = tmp_path / "fp.duckdb"
    Store(path).close()
    Store(path).close()
    conn = duckdb.connect(str(path))
    versions = [row[0] for row in conn.execute("SELECT version FROM schema_version").fetchall()]
    conn.close()
    assert versions == [m.version for m in MIGRATIONS]


def test_newer_schema_is_refused_with_fp402(tmp_path: Path) -> None:
    path = tmp_path / "fp.duckdb"
    Store(path).close()
    conn = duckdb.connect(str(path))
    conn.execute("INSERT INTO schema_version VALUES (?, 'from the future', now())", [999])
    conn.close()
    with pytest.raises(StoreError) as info:
        Store(path)
    assert info.value.code == "FP402"
    assert "999" in str(info.value)


def test_a_new_step_is_applied_to_an_existing_database() -> None:
    conn = duckdb.connect(":memory:")
    migrate(conn, "memory")
    extra = (
        *MIGRATIONS,
        Migration(
            LATEST_VERSION + 1, "a note column", ("ALTER TABLE articles ADD COLUMN note VARCHAR",)
        ),
    )
    assert migrate(conn, "memory", extra) == LATEST_VERSION + 1
    columns = {row[0] for row in conn.execute("DESCRIBE articles").fetchall()}
    assert "note" in columns


def test_a_failing_step_leaves_the_database_at_the_previous_version() -> None:
    conn = duckdb.connect(":memory:")
    migrate(conn, "memory")
    broken = (
        *MIGRATIONS,
        Migration(
            LATEST_VERSION + 1,
            "half a step",
            ("CREATE TABLE half (x INTEGER)", "THIS IS NOT SQL"),
        ),
    )
    with pytest.raises(duckdb.Error):
        migrate(conn, "memory", broken)
    assert current_version(conn) == LATEST_VERSION
    tables = {row[0] for row in conn.execute("SHOW TABLES").fetchall()}
    assert "half" not in tables


def test_a_path_that_cannot_be_a_database_gives_fp401(tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.duckdb"
    not_a_db.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError) as info:
        Store(not_a_db)
    assert info.value.code == "FP401"
