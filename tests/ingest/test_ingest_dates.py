"""parse_published: the date forms news inputs use, always timezone-aware."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from flashpoint.errors import InputError
from flashpoint.ingest import parse_published

KST = timezone(timedelta(hours=9))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-04-02", datetime(2024, 4, 2, tzinfo=UTC)),
        ("2024-04-02T09:00:00+09:00", datetime(2024, 4, 2, 9, tzinfo=KST)),
        ("2025-03-14 20:30:26Z", datetime(2025, 3, 14, 20, 30, 26, tzinfo=UTC)),
        ("Tue, 02 Apr 2024 10:00:00 GMT", datetime(2024, 4, 2, 10, tzinfo=UTC)),
        ("Tue, 02 Apr 2024 10:00:00 +0900", datetime(2024, 4, 2, 10, tzinfo=KST)),
        ("April 2, 2024", datetime(2024, 4, 2, tzinfo=UTC)),
        ("Apr. 2, 2024", datetime(2024, 4, 2, tzinfo=UTC)),
        ("2 April 2024", datetime(2024, 4, 2, tzinfo=UTC)),
        ("Tuesday, 2nd April 2024", datetime(2024, 4, 2, tzinfo=UTC)),
        ("April 2, 2024 3:45 PM KST", datetime(2024, 4, 2, 15, 45, tzinfo=KST)),
        ("April 2024", datetime(2024, 4, 1, tzinfo=UTC)),
        ("20240402", datetime(2024, 4, 2, tzinfo=UTC)),
        ("2024/04/02", datetime(2024, 4, 2, tzinfo=UTC)),
        ("1712016000", datetime(2024, 4, 2, tzinfo=UTC)),
        (1712016000, datetime(2024, 4, 2, tzinfo=UTC)),
        (1712016000000, datetime(2024, 4, 2, tzinfo=UTC)),
        (date(2024, 4, 2), datetime(2024, 4, 2, tzinfo=UTC)),
        (datetime(2024, 4, 2, 12), datetime(2024, 4, 2, 12, tzinfo=UTC)),  # noqa: DTZ001 - a naive input on purpose
    ],
)
def test_published_dates_parse_to_aware_datetimes(
    value: str | int | date | datetime, expected: datetime
) -> None:
    parsed = parse_published(value)
    assert parsed == expected
    assert parsed is not None
    assert parsed.tzinfo is not None


def test_stated_zone_is_kept_not_converted() -> None:
    parsed = parse_published("2024-04-02T09:00:00+09:00")
    assert parsed is not None
    assert parsed.utcoffset() == timedelta(hours=9)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_missing_dates_give_none(value: str | None) -> None:
    assert parse_published(value) is None


@pytest.mark.parametrize(
    "value", ["garbage", "yesterday", "2024-13-45", "Feb 30, 2024", "99999", "a, b", True, 1e20]
)
def test_garbage_dates_raise_fp207_naming_the_value(value: str | float) -> None:
    with pytest.raises(InputError) as caught:
        parse_published(value, source="feed.jsonl:3")
    assert caught.value.code == "FP207"
    assert caught.value.source == "feed.jsonl:3"
