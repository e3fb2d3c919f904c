"""Resolving a `DateMention` to an `EventDate` against the publication date.

Conventions (news usage; each is a choice, documented here once):
- A weekday without "last"/"next" is the latest such day ON OR BEFORE publication,
  or the earliest ON OR AFTER it when the tense is future: wire copy names the day
  ("on Tuesday") even for the day of publication. "last Tuesday" is strictly before,
  "next Tuesday" strictly after.
- A day and month without a year take the year that puts the date nearest before
  publication (a week's grace: "a June 1 deadline" in a May 28 story), or nearest after it
  when the tense is future. A month alone ("in March") is the latest such month not
  after publication (the publication month itself counts), or the next one for future.
- "last week" is the ISO week before publication's, value like 2024-W13.
- "earlier this month/year", "early/mid/late March", "N weeks/months ago", seasons are
  approximate. A season is recorded as a month interval (northern hemisphere:
  spring 03-05, summer 06-08, autumn 09-11, winter 12-02), granularity month.
- Ranges and quarters are ISO 8601 intervals "2024-03-04/2024-03-14" (granularity of
  the ends), type range. Decades are year intervals "1990/1999".
- Without a publication date only expressions carrying their own year resolve; the
  rest are unresolved with a note saying why.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

from flashpoint.coding.date_patterns import DateMention
from flashpoint.models import DateType, EventDate, Granularity

_GRACE_DAYS = 7
_SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "winter": (12, 2),
}


def as_date(value: datetime | date | None) -> date | None:
    """The calendar day of a publication time (its own time zone), or None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    return value


def _event(
    mention: DateMention,
    value: str | None,
    granularity: Granularity,
    kind: DateType,
    note: str | None = None,
) -> EventDate:
    return EventDate(
        value=value,
        granularity=granularity,
        type=kind,
        text=mention.text,
        start=mention.start,
        end=mention.end,
        note=note,
    )


def _unresolved(mention: DateMention, why: str) -> EventDate:
    return _event(mention, None, "unknown", "unresolved", why)


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _valid_day(year: int, month: int, day: int) -> date | None:
    if day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def _infer_year(month: int, day: int, pub: date, future: bool) -> date | None:
    """The year that puts month/day nearest before (or, for future, after) publication."""
    candidates = [
        found
        for year in (pub.year - 1, pub.year, pub.year + 1)
        if (found := _valid_day(year, month, day)) is not None
    ]
    if future:
        # Only a day's grace backwards: a future event is rarely dated before the story.
        after = [c for c in candidates if c >= pub - timedelta(days=1)]
        return min(after) if after else None
    before = [c for c in candidates if c <= pub + timedelta(days=_GRACE_DAYS)]
    return max(before) if before else None


def _month_year(month: int, pub: date, future: bool) -> int:
    if future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def resolve_date(
    mention: DateMention,
    published: datetime | date | None,
    tense: str | None = None,
    *,
    anchor: date | None = None,
) -> EventDate:
    """Turn a mention into an EventDate; `tense` is past, present, future or None.

    `anchor` is the day an anaphoric mention ("the same day") refers back to, when the
    caller found one earlier in the text; without it the publication day stands in.
    """
    pub = as_date(published)
    future = tense == "future"
    if mention.kind == "anaphoric":
        return _anaphoric(mention, pub, anchor)
    resolver = _RESOLVERS.get(mention.kind)
    if resolver is None:
        return _unresolved(mention, f"no rule resolves a {mention.kind} expression")
    if pub is None and not _self_contained(mention):
        return _unresolved(mention, "no publication date: a relative date cannot be placed in time")
    return resolver(mention, pub, future)


def _anaphoric(mention: DateMention, pub: date | None, anchor: date | None) -> EventDate:
    if anchor is not None:
        return _event(
            mention, anchor.isoformat(), "day", "exact", "the day named earlier in the text"
        )
    if pub is None:
        return _unresolved(mention, "refers to a day named earlier, and none was found")
    return _event(
        mention, pub.isoformat(), "day", "approximate", "publication date: no earlier day named"
    )


def _self_contained(mention: DateMention) -> bool:
    if mention.kind in {"absolute", "range", "month", "season", "quarter"}:
        return mention.year is not None
    return mention.kind in {"year", "year_range", "decade"}


def _absolute(mention: DateMention, pub: date | None, future: bool) -> EventDate:
    assert mention.month is not None
    assert mention.day is not None
    if mention.year is not None:
        found = _valid_day(mention.year, mention.month, mention.day)
        if found is None:
            return _unresolved(mention, "no such day in the calendar")
        return _event(mention, found.isoformat(), "day", "exact")
    assert pub is not None
    found = _infer_year(mention.month, mention.day, pub, future)
    if found is None:
        return _unresolved(mention, "no such day near the publication date")
    return _event(mention, found.isoformat(), "day", "exact")


def _range(mention: DateMention, pub: date | None, future: bool) -> EventDate:
    assert mention.month
    assert mention.day
    assert mention.end_month
    assert mention.end_day
    if mention.year is not None:
        first = _valid_day(mention.year, mention.month, mention.day)
    else:
        assert pub is not None
        first = _infer_year(mention.month, mention.day, pub, future)
    if first is None:
        return _unresolved(mention, "no such day near the publication date")
    end_year = first.year + (1 if mention.end_month < mention.month else 0)
    last = _valid_day(end_year, mention.end_month, mention.end_day)
    if last is None:
        return _unresolved(mention, "the range ends on a day not in the calendar")
    return _event(mention, f"{first.isoformat()}/{last.isoformat()}", "day", "range")


def _month(mention: DateMention, pub: date | None, future: bool) -> EventDate:
    assert mention.month is not None
    if mention.year is not None:
        year = mention.year
    elif mention.year_offset is not None:
        assert pub is not None
        year = pub.year + mention.year_offset
    else:
        assert pub is not None
        year = _month_year(mention.month, pub, future)
        if mention.offset == -1:  # "last September": the previous one, never this month
            year = pub.year if mention.month < pub.month else pub.year - 1
        elif mention.offset == 1:
            year = pub.year if mention.month > pub.month else pub.year + 1
    kind: DateType = "approximate" if mention.modifier else "exact"
    return _event(mention, f"{year}-{mention.month:02d}", "month", kind)


def _year(mention: DateMention, _pub: date | None, _future: bool) -> EventDate:
    assert mention.year is not None
    kind: DateType = "approximate" if mention.modifier else "exact"
    return _event(mention, f"{mention.year}", "year", kind)


def _year_range(mention: DateMention, _pub: date | None, _future: bool) -> EventDate:
    return _event(mention, f"{mention.year}/{mention.end_year}", "year", "range")


def _decade(mention: DateMention, _pub: date | None, _future: bool) -> EventDate:
    assert mention.year is not None
    return _event(mention, f"{mention.year}/{mention.year + 9}", "year", "range")


def _weekday(mention: DateMention, pub: date | None, future: bool) -> EventDate:
    assert pub is not None
    assert mention.weekday is not None
    back = (pub.weekday() - mention.weekday) % 7
    ahead = (mention.weekday - pub.weekday()) % 7
    if mention.offset == -1:
        found = pub - timedelta(days=back or 7)
    elif mention.offset == 1:
        found = pub + timedelta(days=ahead or 7)
    elif future:
        found = pub + timedelta(days=ahead)
    else:
        found = pub - timedelta(days=back)
    return _event(mention, found.isoformat(), "day", "exact")


def _deictic(mention: DateMention, pub: date | None, _future: bool) -> EventDate:
    assert pub is not None
    assert mention.offset is not None
    found = pub + timedelta(days=mention.offset)
    return _event(mention, found.isoformat(), "day", "exact")


def _relative(mention: DateMention, pub: date | None, _future: bool) -> EventDate:
    assert pub is not None
    assert mention.offset is not None
    kind: DateType = "approximate" if mention.modifier else "exact"
    if mention.unit in {"week", "weekend"}:
        value = _iso_week(pub + timedelta(weeks=mention.offset))
        if mention.unit == "weekend":
            return _event(mention, value, "week", "approximate", "a weekend, recorded as its week")
        return _event(mention, value, "week", kind)
    if mention.unit == "month":
        year, month = _shift_months(pub.year, pub.month, mention.offset)
        return _event(mention, f"{year}-{month:02d}", "month", kind)
    return _event(mention, f"{pub.year + mention.offset}", "year", kind)


def _ago(mention: DateMention, pub: date | None, _future: bool) -> EventDate:
    assert pub is not None
    assert mention.offset is not None
    kind: DateType = "approximate" if mention.modifier else "exact"
    if mention.unit == "day":
        return _event(mention, (pub + timedelta(days=mention.offset)).isoformat(), "day", kind)
    if mention.unit == "week":
        found = pub + timedelta(weeks=mention.offset)
        return _event(
            mention, found.isoformat(), "day", "approximate", "N weeks before publication"
        )
    if mention.unit == "month":
        year, month = _shift_months(pub.year, pub.month, mention.offset)
        return _event(mention, f"{year}-{month:02d}", "month", "approximate")
    return _event(mention, f"{pub.year + mention.offset}", "year", "approximate")


def _season(mention: DateMention, pub: date | None, future: bool) -> EventDate:
    assert mention.season is not None
    first, last = _SEASON_MONTHS[mention.season]
    if mention.year is not None:
        year = mention.year
    else:
        assert pub is not None
        year = _season_year(first, pub.year * 12 + pub.month - 1, mention.offset, future)
    end_year = year + 1 if last < first else year
    value = f"{year}-{first:02d}/{end_year}-{last:02d}"
    return _event(mention, value, "month", "approximate", f"{mention.season} (northern hemisphere)")


def _season_year(first: int, now: int, offset: int | None, future: bool) -> int:
    """The year a season starts in: the current one, else the last (next) one."""
    # Month indexes (year * 12 + month - 1) of each occurrence's first and last month.
    spans = [(year, year * 12 + first - 1) for year in range(now // 12 - 2, now // 12 + 2)]
    current = [year for year, begin in spans if begin <= now <= begin + 2]
    before = [year for year, begin in spans if begin + 2 < now]
    after = [year for year, begin in spans if begin > now]
    if offset == -1:
        return max(before)
    if offset == 1:
        return min(after)
    if current:
        return current[0]
    return min(after) if future else max(before)


def _quarter(mention: DateMention, pub: date | None, future: bool) -> EventDate:
    quarter = mention.quarter
    if quarter is None:  # "the last quarter"
        assert pub is not None
        index = (pub.year * 4 + (pub.month - 1) // 3) - 1
        year, quarter = index // 4, index % 4 + 1
    elif mention.year is not None:
        year = mention.year
    elif mention.offset is not None:
        assert pub is not None
        year = pub.year + mention.offset
    else:
        assert pub is not None
        current = (pub.month - 1) // 3 + 1
        if future:
            year = pub.year if quarter >= current else pub.year + 1
        else:
            year = pub.year if quarter <= current else pub.year - 1
    first = (quarter - 1) * 3 + 1
    return _event(
        mention, f"{year}-{first:02d}/{year}-{first + 2:02d}", "month", "range", f"Q{quarter}"
    )


def _ordinal_day(mention: DateMention, pub: date | None, future: bool) -> EventDate:
    assert pub is not None
    assert mention.day is not None
    year, month = pub.year, pub.month
    if future and mention.day < pub.day:
        year, month = _shift_months(year, month, 1)
    elif not future and mention.day > pub.day + _GRACE_DAYS:
        year, month = _shift_months(year, month, -1)
    found = _valid_day(year, month, mention.day)
    if found is None:
        return _unresolved(mention, "no such day in the month meant")
    return _event(mention, found.isoformat(), "day", "exact", "month taken from publication")


_RESOLVERS = {
    "absolute": _absolute,
    "range": _range,
    "month": _month,
    "year": _year,
    "year_range": _year_range,
    "decade": _decade,
    "weekday": _weekday,
    "deictic": _deictic,
    "relative": _relative,
    "ago": _ago,
    "season": _season,
    "quarter": _quarter,
    "ordinal_day": _ordinal_day,
}
