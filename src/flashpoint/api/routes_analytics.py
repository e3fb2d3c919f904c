"""/api/series, /api/alerts and /api/briefs: the analytics stage over HTTP."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from flashpoint.api import features
from flashpoint.api.deps import ReadStore
from flashpoint.api.params import CODE_PATTERN, DAY_PATTERN, DEFAULT_PAGE, LimitQuery, parse_day

router = APIRouter(prefix="/api", tags=["analytics"])

BRIEF_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)

Code = Annotated[str, Query(pattern=CODE_PATTERN, description="Actor code, e.g. PRK.")]
OptionalCode = Annotated[
    str | None, Query(pattern=CODE_PATTERN, description="Recipient code; omit for the actor alone.")
]


@router.get("/series", summary="An actor's or a dyad's series with its escalation index")
def get_series(
    store: ReadStore,
    actor: Code,
    recipient: OptionalCode = None,
    freq: Literal["day", "week", "month"] = "week",
    normalise: Annotated[
        Literal["none", "volume"],
        Query(
            description="volume: the index per article the outlets published in each "
            "period (docs/ANALYTICS.md); points then carry articles and coverage."
        ),
    ] = "none",
) -> dict[str, Any]:
    """Stories per period (conflict, cooperation, scores) and the escalation index."""
    return {
        "actor": actor.upper(),
        "recipient": recipient.upper() if recipient else None,
        "freq": freq,
        "normalise": normalise,
        "points": features.series_rows(store, actor, recipient, freq, normalise),
    }


@router.get("/alerts", summary="Latest alerts")
def list_alerts(
    store: ReadStore,
    actor: OptionalCode = None,
    recipient: OptionalCode = None,
    limit: LimitQuery = DEFAULT_PAGE,
) -> dict[str, Any]:
    """Changes in a dyad's escalation worth a look, newest first, with their stories."""
    found = features.alerts(store, limit, actor=actor, recipient=recipient)
    return {"items": [a.to_dict() for a in found], "count": len(found), "next_cursor": None}


@router.get("/briefs", summary="A brief: what changed, with sources", response_model=None)
def get_brief(
    *,
    store: ReadStore,
    actor: Code,
    format: Literal["md", "html"] = "md",
    recipient: OptionalCode = None,
    days: Annotated[int, Query(ge=1, le=366)] = 7,
    until: Annotated[
        str | None, Query(pattern=DAY_PATTERN, description="Last day (default: today).")
    ] = None,
) -> Response:
    """The brief as Markdown or as an HTML fragment (escaped; safe to show)."""
    text = features.brief(
        store, format, actor=actor, recipient=recipient, days=days, until=parse_day(until, "until")
    )
    if format == "html":
        # The brief is a self-contained page (inline styles, a data: chart), never script.
        return HTMLResponse(text, headers={"Content-Security-Policy": BRIEF_CSP})
    return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")
