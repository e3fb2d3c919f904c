"""JSON Lines and CSV: one record, one article, with field mapping and per-line rejections."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from flashpoint.ingest import ReadOptions, read_inputs
from flashpoint.models import Article, Rejection

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def by_source(results: list[Article | Rejection]) -> dict[str, Article | Rejection]:
    return {str(r.source).rsplit(":", 1)[-1]: r for r in results}


def test_jsonl_maps_default_fields_and_reports_bad_lines_with_path_and_line() -> None:
    path = FIXTURES / "records.jsonl"
    results = by_source(list(read_inputs([path])))
    assert set(results) == {"1", "2", "3", "4", "5", "6"}

    first = results["1"]
    assert isinstance(first, Article)
    assert first.id == "r1"
    assert first.title == "Missile launch"
    assert first.url == "https://example.org/r1"
    assert first.published_at == datetime(2024, 4, 2, tzinfo=UTC)
    assert first.source == f"{path}:1"

    malformed = results["2"]
    assert isinstance(malformed, Rejection)
    assert (malformed.code, malformed.source) == ("FP204", f"{path}:2")
    assert "not valid JSON" in malformed.reason

    after = results["3"]  # the line after the malformed one is still read
    assert isinstance(after, Article)
    assert after.title == "Sanctions"  # from "headline"
    assert after.published_at == datetime(2024, 4, 4, 10, tzinfo=UTC)  # from "published"

    missing = results["4"]
    assert isinstance(missing, Rejection)
    assert missing.code == "FP205"
    assert "'text'" in missing.reason
    assert "--text-field" in missing.reason

    empty = results["5"]
    assert isinstance(empty, Rejection)
    assert empty.code == "FP201"


def test_record_with_unreadable_date_is_kept_with_the_default_date() -> None:
    when = datetime(2024, 1, 1, tzinfo=UTC)
    results = by_source(
        list(read_inputs([FIXTURES / "records.jsonl"], ReadOptions(published=when)))
    )
    kept = results["6"]
    assert isinstance(kept, Article)
    assert kept.id == "r6"
    assert kept.published_at == when


def test_csv_with_field_mapping_flags(tmp_path: Path) -> None:
    path = FIXTURES / "records.csv"
    options = ReadOptions(
        text_field="body", id_field="story_id", title_field="headline", date_field="when"
    )
    results = list(read_inputs([path], options))
    articles = [r for r in results if isinstance(r, Article)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert [a.id for a in articles] == ["c1", "c2", "c4"]
    assert [a.source for a in articles] == [f"{path}:2", f"{path}:3", f"{path}:6"]
    assert articles[0].title == "Border clash"
    assert articles[0].published_at == datetime(2024, 4, 2, tzinfo=UTC)
    assert articles[1].text == (
        "Russia and Ukraine exchanged prisoners on Wednesday.\n"
        "The exchange was mediated by the United Arab Emirates."
    )
    [wrong_width] = rejections
    assert (wrong_width.code, wrong_width.source) == ("FP204", f"{path}:5")
    assert "5 fields but the header has 4" in wrong_width.reason


def test_csv_without_the_text_column_is_one_rejection_naming_the_columns() -> None:
    [result] = list(read_inputs([FIXTURES / "records.csv"]))
    assert isinstance(result, Rejection)
    assert result.code == "FP205"
    assert "story_id, headline, when, body" in result.reason


def test_tab_separated_files_are_read_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "wire.tsv"
    path.write_text(
        "id\ttext\nt1\tThe Philippines protested to China over the water cannon attack.\n",
        encoding="utf-8",
    )
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert article.id == "t1"


def test_named_id_field_missing_from_a_record_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "ids.jsonl"
    rows = [
        {"uid": "u1", "text": "Egypt hosted ceasefire talks in Cairo on Sunday, officials said."},
        {"text": "Qatar said the negotiations would continue next week in Doha."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    first, second = read_inputs([path], ReadOptions(id_field="uid"))
    assert isinstance(first, Article)
    assert first.id == "u1"
    assert isinstance(second, Rejection)
    assert second.code == "FP205"
    assert "uid" in second.reason


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('["a", "list"]', "FP204"),
        ('{"text": 42}', "FP204"),
        ('{"text": null}', "FP205"),
        ('{"text": "Too short"}', "FP211"),
        ("{" * 100_000, "FP204"),
    ],
)
def test_bad_jsonl_records_are_rejected_with_their_code(
    tmp_path: Path, line: str, code: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    [result] = list(read_inputs([path]))
    assert isinstance(result, Rejection)
    assert (result.code, result.source) == (code, f"{path}:1")


def test_numeric_ids_become_strings(tmp_path: Path) -> None:
    path = tmp_path / "numeric.jsonl"
    path.write_text(
        json.dumps({"id": 8011115, "text": "Iraq says a key Islamic State leader is dead."}) + "\n",
        encoding="utf-8",
    )
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert article.id == "8011115"


def test_csv_oversize_and_undecodable_records_are_rejected_and_reading_goes_on(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mixed.csv"
    good = "Chile and Argentina signed a border agreement in Santiago on Monday."
    path.write_bytes(
        b"id,text\n"
        + b"big,"
        + b"x" * 5000
        + b"\n"
        + b"noise,"
        + bytes(0x80 | b for b in range(200)) * 5
        + b"\n"
        + f"ok,{good}\n".encode()
    )
    results = list(read_inputs([path], ReadOptions(max_article_bytes=2000)))
    assert [(type(r).__name__, r.source) for r in results] == [
        ("Rejection", f"{path}:2"),
        ("Rejection", f"{path}:3"),
        ("Article", f"{path}:4"),
    ]
    big, noise, article = results
    assert isinstance(big, Rejection)
    assert big.code == "FP206"
    assert isinstance(noise, Rejection)
    assert noise.code == "FP202"
    assert isinstance(article, Article)
    assert article.text == good
