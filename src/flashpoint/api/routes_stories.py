"""/api/stories: stories (all reports of one real event) and one story with every source."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException

from flashpoint.api import features
from flashpoint.api.deps import ReadStore
from flashpoint.api.params import DEFAULT_PAGE, LimitQuery, event_filter
from flashpoint.store import EventFilter

router = APIRouter(prefix="/api", tags=["stories"])


@router.get("/stories", summary="List stories")
def list_stories(
    store: ReadStore,
    flt: Annotated[EventFilter, Depends(event_filter)],
    limit: LimitQuery = DEFAULT_PAGE,
) -> dict[str, Any]:
    """Stories whose events match the filters, latest report first."""
    stories = features.stories(store, flt, limit)
    return {"items": [s.to_dict() for s in stories], "count": len(stories), "next_cursor": None}


@router.get("/stories/{story_id}", summary="One story with every source")
def get_story(store: ReadStore, story_id: str) -> dict[str, Any]:
    """The story, its member events with the reason each was grouped, and their articles."""
    story = features.story(store, story_id)
    if story is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    return story.to_dict()
