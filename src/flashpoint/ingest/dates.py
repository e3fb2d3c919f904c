"""Publication dates as the inputs write them, turned into timezone-aware datetimes."""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from flashpoint.errors import InputError

_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_MONTH = r"(?P<month>[a-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_TIME = (
    r"(?:,?\s+(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<zone>z|utc|gmt|[ecmp][sd]t|kst|jst|[+-]\d{2}:?\d{2})?)?"
)

# Month first: April 2, 2024 / Tuesday, Apr. 2 2024 10:00 GMT
_MONTH_FIRST = re.compile(rf"^{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME}$")
# Day first: 2 April 2024 / Tue 2nd April, 2024
_DAY_FIRST = re.compile(rf"^{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_TIME}$")
# Month and year only: April 2024
_MONTH_YEAR = re.compile(rf"^{_MONTH},?\s+{_YEAR}$")
# Numeric: 2024/04/02, 2024.04.02, 20240402, 2024-04
_NUMERIC = re.compile(r"^(?P<year>\d{4})[-/.]?(?P<month>\d{2})(?:[-/.]?(?P<day>\d{2}))?$")
_TIMESTAMP = re.compile(r"^-?\d{9,13}(?:\.\d+)?$")

_EARLIEST = 1800
_LATEST = 2200


def _fail(value: object, source: str) -> InputError:
    return InputError(
        "FP207",
        f"the date {str(value)[:80]!r} cannot be understood",
        source=source or None,
    )


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _from_timestamp(seconds: float, value: object, source: str) -> datetime:
    if abs(seconds) >= 1e11:  # milliseconds, as JavaScript writes them
        seconds /= 1000.0
    try:
        moment = datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise _fail(value, source) from exc
    return _checked(moment, value, source)


def _checked(moment: datetime, value: object, source: str) -> datetime:
    if not _EARLIEST <= moment.year <= _LATEST:
        raise _fail(value, source)
    return _aware(moment)


# Zone names that news sites print; RFC 2822 knows the US ones, Korean and Japanese sites add theirs.
_NAMED_ZONES: dict[str, int] = {
    "est": -5,
    "edt": -4,
    "cst": -6,
    "cdt": -5,
    "mst": -7,
    "mdt": -6,
    "pst": -8,
    "pdt": -7,
    "kst": 9,
    "jst": 9,
}


def _zone(text: str | None) -> timezone:
    if not text or text in ("z", "utc", "gmt"):
        return UTC
    if text in _NAMED_ZONES:
        return timezone(timedelta(hours=_NAMED_ZONES[text]))
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _from_words(match: re.Match[str]) -> datetime | None:
    month = _MONTHS.get(match["month"])
    if month is None:
        return None
    groups = match.groupdict()
    day = int(groups["day"]) if groups.get("day") else 1
    hour = int(groups["hour"]) if groups.get("hour") else 0
    minute = int(groups["minute"]) if groups.get("minute") else 0
    second = int(groups["second"]) if groups.get("second") else 0
    ampm = groups.get("ampm")
    if ampm:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    try:
        return datetime(
            int(match["year"]), month, day, hour, minute, second, tzinfo=_zone(groups.get("zone"))
        )
    except ValueError:
        return None


def _parse_string(text: str) -> datetime | None:
    if _TIMESTAMP.match(text):
        return None  # handled by the caller as a number
    numeric = _NUMERIC.match(text)
    if numeric:
        try:
            return datetime(
                int(numeric["year"]),
                int(numeric["month"]),
                int(numeric["day"] or 1),
                tzinfo=UTC,
            )
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    lowered = " ".join(text.lower().split())
    for pattern in (_MONTH_FIRST, _DAY_FIRST, _MONTH_YEAR):
        match = pattern.match(lowered)
        if match:
            return _from_words(match)
    try:
        return parsedate_to_datetime(text)  # RFC 2822 forms the patterns above miss
    except (TypeError, ValueError, IndexError):
        return None


def parse_published(
    value: str | int | float | datetime | date | None, *, source: str = ""
) -> datetime | None:
    """Read a publication date as inputs write it; `None` for no value.

    Accepts ISO 8601 dates and datetimes, RFC 2822 dates from feeds, "April 2, 2024",
    "2 April 2024", "April 2024", compact "20240402" and unix timestamps (seconds or
    milliseconds). A stated zone is kept; a date without one is taken as UTC.
    Raises InputError FP207 for anything else.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return _aware(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, bool):  # a bool is an int to Python, never a date to a person
        raise _fail(value, source)
    if isinstance(value, int | float):
        if math.isnan(value):
            raise _fail(value, source)
        return _from_timestamp(float(value), value, source)
    text = value.strip()
    if not text:
        return None
    if _TIMESTAMP.match(text):
        return _from_timestamp(float(text), value, source)
    parsed = _parse_string(text)
    if parsed is None:
        raise _fail(value, source)
    return _checked(parsed, value, source)
