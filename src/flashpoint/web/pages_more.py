"""Dashboard pages beyond events: stories, actors, the dyad network and the map."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from flashpoint.api import features
from flashpoint.api.deps import ReadStore
from flashpoint.api.params import CODE_PATTERN, event_filter
from flashpoint.store import EventFilter
from flashpoint.store.browse import (
    category_counts,
    count_events,
    dyad_edges,
    entity_names,
    event_page,
    month_counts,
    place_counts,
)
from flashpoint.web import views
from flashpoint.web.charts import diverging_bars, network_layout, recent_months, world_map
from flashpoint.web.geo import land_cells
from flashpoint.web.pages import render

router = APIRouter(include_in_schema=False)


@router.get("/stories", response_class=HTMLResponse)
def story_list(
    request: Request, store: ReadStore, flt: Annotated[EventFilter, Depends(event_filter)]
) -> HTMLResponse:
    stories, note = views.try_feature(lambda: features.stories(store, flt, 50))
    return render(
        request,
        "stories.html",
        {
            "page": "stories",
            "stories": stories or [],
            "note": note,
            "form": dict(request.query_params),
        },
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_detail(request: Request, store: ReadStore, story_id: str) -> HTMLResponse:
    story = features.story(store, story_id)
    if story is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    members = {m.event_id: m for m in story.members}
    events = [e for e in (views_events(store, list(members))) if e is not None]
    articles = {
        a.id: a for a in store.articles_by_id(sorted({m.article_id for m in story.members}))
    }
    return render(
        request,
        "story.html",
        {
            "page": "stories",
            "story": story,
            "members": members,
            "events": events,
            "articles": articles,
        },
    )


def views_events(store: ReadStore, event_ids: list[str]) -> list[object]:
    from flashpoint.store.browse import event_by_id  # noqa: PLC0415

    return [event_by_id(store, i) for i in event_ids]


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(request: Request, store: ReadStore, code: str) -> HTMLResponse:
    import re  # noqa: PLC0415

    if not re.fullmatch(CODE_PATTERN, code):
        raise HTTPException(404, f"{code!r} is not an actor code like PRK or IGO:UNO")
    code = code.upper()
    as_actor = EventFilter(actor=code)
    as_recipient = EventFilter(recipient=code)
    edges = [
        e
        for e in dyad_edges(store, EventFilter(actor=code), limit=200)
        + dyad_edges(store, EventFilter(recipient=code), limit=200)
        if code in {e.actor, e.recipient}
    ]
    seen: set[tuple[str, str]] = set()
    partners = []
    for edge in sorted(edges, key=lambda e: -e.events):
        if (edge.actor, edge.recipient) not in seen:
            seen.add((edge.actor, edge.recipient))
            partners.append(edge)
    return render(
        request,
        "actor.html",
        {
            "page": "actors",
            "code": code,
            "name": views.country_name(code),
            "names": entity_names(store, code),
            "n_actor": count_events(store, as_actor),
            "n_recipient": count_events(store, as_recipient),
            "categories": category_counts(store, as_actor),
            "categories_received": category_counts(store, as_recipient),
            "chart": diverging_bars(recent_months(month_counts(store, as_actor))),
            "partners": partners[:15],
            "latest": event_page(store, as_actor, sort="-published", limit=10).events,
        },
    )


@router.get("/actors", response_class=HTMLResponse)
def actor_index(request: Request, store: ReadStore) -> HTMLResponse:
    edges = dyad_edges(store, EventFilter(), limit=400)
    totals: dict[str, list[int]] = {}
    for edge in edges:
        totals.setdefault(edge.actor, [0, 0])[0] += edge.events
        totals.setdefault(edge.recipient, [0, 0])[1] += edge.events
    actors = sorted(totals.items(), key=lambda kv: -(kv[1][0] + kv[1][1]))[:60]
    return render(
        request,
        "actors.html",
        {"page": "actors", "actors": [(c, views.country_name(c), a, r) for c, (a, r) in actors]},
    )


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request, store: ReadStore, flt: Annotated[EventFilter, Depends(event_filter)]
) -> HTMLResponse:
    edges = dyad_edges(store, flt, limit=36)
    return render(
        request,
        "network.html",
        {
            "page": "network",
            "net": network_layout(edges),
            "edges": edges,
            "form": dict(request.query_params),
        },
    )


@router.get("/map", response_class=HTMLResponse)
def map_page(
    request: Request, store: ReadStore, flt: Annotated[EventFilter, Depends(event_filter)]
) -> HTMLResponse:
    places = place_counts(store, flt, limit=300)
    return render(
        request,
        "map.html",
        {
            "page": "map",
            "world": world_map(places, land_cells()),
            "places": places[:25],
            "located": sum(p.events for p in places),
            "total": count_events(store, flt),
            "form": dict(request.query_params),
        },
    )
