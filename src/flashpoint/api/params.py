"""Query parameters shared by the list routes: filters, sorting, cursors and page sizes.

Filters mirror `flashpoint events`. Every value is checked here (codes, categories,
statuses, dates) and answered with 422 when malformed; valid values reach the store as
bound parameters only.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import HTTPException, Query

from flashpoint.models import PLOVER_CATEGORIES, STATUSES
from flashpoint.store import ArticleFilter, EventFilter
from flashpoint.store.browse import PagePosition

MAX_PAGE = 500
DEFAULT_PAGE = 50
MAX_DOWNLOAD_ROWS = 100_000

# Empty values are allowed and mean "no filter" (an HTML form sends empty fields).
CODE_PATTERN = r"^([A-Za-z0-9]{2,8}(:[A-Za-z0-9]{1,12})?)?$"
DYAD_PATTERN = r"^([A-Za-z0-9:]{2,21},[A-Za-z0-9:]{2,21})?$"
DAY_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"

EventSort = Literal[
    "date", "-date", "published", "-published", "score", "-score", "confidence", "-confidence"
]
ArticleSort = Literal["published", "-published", "ingested", "-ingested"]
Format = Literal["json", "csv", "parquet"]


def parse_day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    for pattern in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return datetime.strptime(value, pattern).date()  # noqa: DTZ007 - a calendar day
        except ValueError:
            continue
    raise HTTPException(422, f"{name} {value!r} is not a date like 2024-04-02, 2024-04 or 2024")


def _category(value: str | None) -> str | None:
    if not value:
        return None
    upper = value.upper()
    if upper not in PLOVER_CATEGORIES:
        raise HTTPException(
            422, f"category must be one of {', '.join(PLOVER_CATEGORIES)}, not {value!r}"
        )
    return upper


def _status(value: str | None) -> str | None:
    if not value:
        return None
    lower = value.lower()
    if lower not in STATUSES:
        raise HTTPException(422, f"status must be one of {', '.join(STATUSES)}, not {value!r}")
    return lower


CodeQuery = Annotated[
    str | None,
    Query(
        pattern=CODE_PATTERN,
        description="Actor code: ISO3 (PRK), or IGO for every IGO:*, or IGO:UNO.",
    ),
]


def event_filter(
    *,
    actor: CodeQuery = None,
    recipient: CodeQuery = None,
    dyad: Annotated[
        str | None,
        Query(pattern=DYAD_PATTERN, description="Actor A towards recipient B, e.g. PRK,USA."),
    ] = None,
    category: Annotated[
        str | None, Query(max_length=20, description="A PLOVER category, e.g. ASSAULT.")
    ] = None,
    status: Annotated[
        str | None, Query(max_length=20, description="asserted, alleged, future, ...")
    ] = None,
    since: Annotated[
        str | None,
        Query(pattern=DAY_PATTERN, description="Events whose date overlaps this day or later."),
    ] = None,
    until: Annotated[
        str | None, Query(pattern=DAY_PATTERN, description="Events on or before this day.")
    ] = None,
    article: Annotated[
        str | None, Query(max_length=200, description="Only the events of this article id.")
    ] = None,
) -> EventFilter:
    """The event filter from query parameters (the same filters as `flashpoint events`)."""
    pair = None
    if dyad:
        first, _, second = dyad.partition(",")
        pair = (first, second)
    return EventFilter(
        actor=actor or None,
        recipient=recipient or None,
        dyad=pair,
        category=_category(category),
        status=_status(status),
        since=parse_day(since, "since"),
        until=parse_day(until, "until"),
        article_id=article or None,
    )


def article_filter(
    *,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[
        str | None, Query(pattern=DAY_PATTERN, description="Published on or after this day.")
    ] = None,
    until: Annotated[
        str | None, Query(pattern=DAY_PATTERN, description="Published on or before this day.")
    ] = None,
    coded: Annotated[bool | None, Query(description="true: coded only; false: pending")] = None,
) -> ArticleFilter:
    return ArticleFilter(
        outlet=outlet or None,
        since=parse_day(since, "since"),
        until=parse_day(until, "until"),
        coded=coded,
    )


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the next page starts. Opaque to clients: base64 of JSON, bound to sort and filter."""

    position: PagePosition
    sort: str
    scope: str  # a hash of the filter the cursor was made for


def filter_scope(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]


def encode_cursor(cursor: Cursor) -> str:
    payload = json.dumps(
        {"k": cursor.position[0], "i": cursor.position[1], "s": cursor.sort, "f": cursor.scope},
        separators=(",", ":"),
    )
    return base64.urlsafe_b64encode(payload.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(token: str | None, sort: str, scope: str) -> PagePosition | None:
    """The position a cursor points at; 400 when it is malformed or made for other filters."""
    if not token:
        return None
    try:
        padded = token + "=" * (-len(token) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        position = (str(data["k"]), str(data["i"]))
        made_for = (str(data["s"]), str(data["f"]))
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeError):
        raise HTTPException(
            400, "the cursor is not valid: use the next_cursor of a previous page as it is"
        ) from None
    if made_for != (sort, scope):
        raise HTTPException(
            400,
            "the cursor was made for another sort or other filters: start again without a cursor",
        )
    return position


CursorQuery = Annotated[
    str | None,
    Query(max_length=1024, description="next_cursor from the previous page; omit for the first."),
]
LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size, at most {MAX_PAGE}.")]
FormatQuery = Annotated[
    Format,
    Query(
        description="json (paged), or csv / parquet: a download of every match "
        f"(at most {MAX_DOWNLOAD_ROWS} rows, cursor ignored)."
    ),
]
