"""The real corpora in ../shared parse with the default options (or one field flag)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

import pytest

from flashpoint.ingest import ReadOptions, read_inputs
from flashpoint.models import Article, Rejection

pytestmark = pytest.mark.needs_shared


def codes(results: list[Article | Rejection]) -> Counter[str]:
    return Counter("article" if isinstance(r, Article) else r.code for r in results)


def test_kcna_2024_reads_every_story_with_its_date_and_title(shared_dir: Path) -> None:
    results = list(read_inputs([shared_dir / "data/corpora/kcna_2024.jsonl"]))
    assert codes(results) == Counter(article=1840)
    first = results[0]
    assert isinstance(first, Article)
    assert first.published_at == datetime(2023, 12, 24, tzinfo=UTC)
    assert first.title is not None
    assert "KCNA Commentary" in first.title
    assert first.url is not None


def test_voa_keeps_given_ids_and_publication_times(shared_dir: Path) -> None:
    results = list(read_inputs([shared_dir / "data/corpora/voa_2019_2025.jsonl"]))
    assert codes(results) == Counter(article=89)
    first = results[0]
    assert isinstance(first, Article)
    assert first.id == "8011115"
    assert first.published_at == datetime(2025, 3, 14, 20, 30, 26, tzinfo=UTC)


def test_kcna_2011_gzip_reads_english_and_rejects_the_spanish_service(shared_dir: Path) -> None:
    results = list(islice(read_inputs([shared_dir / "data/corpora/kcna_2011_2012.jsonl.gz"]), 400))
    counts = codes(results)
    assert counts["article"] > 250
    spanish = [r for r in results if isinstance(r, Rejection) and r.code == "FP203"]
    assert spanish
    assert all("Spanish (es)" in r.reason for r in spanish)


def test_kcna_headlines_read_with_the_title_column_as_text(shared_dir: Path) -> None:
    path = shared_dir / "data/corpora/kcna_headlines_1997_2014.csv.gz"
    results = list(islice(read_inputs([path], ReadOptions(text_field="title")), 2000))
    counts = codes(results)
    assert counts["article"] > 1500
    assert counts["FP203"] == 0  # "Kim Jong Il" and "Kim Jong Un" are not French
