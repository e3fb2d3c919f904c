"""The stories workflow: group the store's ungrouped events into stories (docs/STORIES.md).

`flashpoint code` calls `update_stories` when it has coded; `flashpoint stories --update`
and `--rebuild` call it directly. Re-running it changes nothing: only events in no story
are grouped, and a run with none writes nothing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from flashpoint.models import Article, Event, Story
from flashpoint.stories import GroupingOptions, StoryGrouper, TermWeights, event_period

if TYPE_CHECKING:
    from flashpoint.store import Store

_ARTICLE_BATCH = 2000  # articles loaded from the store at a time


@dataclass(slots=True)
class StoryUpdate:
    """What one grouping run did."""

    events: int = 0  # events grouped in this run
    founded: int = 0  # of which founded a new story
    joined: int = 0  # of which joined a story (stored before, or founded earlier in this run)
    written: int = 0  # stories written (new or changed)
    removed: int = 0  # stories deleted because none of their events is left
    cleared: int = 0  # stories deleted first by a rebuild
    seconds: float = 0.0


def _window(events: list[Event], days: int) -> tuple[date, date] | None:
    periods = [p for p in (event_period(e.date) for e in events) if p is not None]
    if not periods:
        return None
    margin = timedelta(days=days)
    return min(p.start for p in periods) - margin, max(p.end for p in periods) + margin


def _articles(store: Store, ids: set[str]) -> dict[str, Article]:
    ordered = sorted(ids)
    found: dict[str, Article] = {}
    for start in range(0, len(ordered), _ARTICLE_BATCH):
        for article in store.articles_by_id(ordered[start : start + _ARTICLE_BATCH]):
            found[article.id] = article
    return found


def update_stories(
    store: Store, options: GroupingOptions | None = None, *, rebuild: bool = False
) -> StoryUpdate:
    """Group the events that are in no story yet; with `rebuild`, regroup every event.

    New events are compared with the stored stories whose dates lie within the window
    of theirs (so they can join stories from earlier runs), and with each other.
    Members whose event was deleted by re-coding are dropped first and their stories
    summarised again (or deleted when empty).
    """
    options = options or GroupingOptions()
    started = time.perf_counter()
    report = StoryUpdate()
    if rebuild:
        report.cleared = store.writer.clear_stories()
    pruned = store.writer.prune_story_members()
    new_events = store.ungrouped_events()
    if not new_events and not pruned:
        report.seconds = time.perf_counter() - started
        return report

    stored: dict[str, Story] = {}
    window = _window(new_events, options.window_days)
    if window is not None:
        stored.update((s.story_id, s) for s in store.stories_near(*window))
    for story_id in pruned:
        story = store.story(story_id)
        if story is not None:
            stored[story_id] = story
    member_ids = sorted({m.event_id for s in stored.values() for m in s.members})
    member_events = {e.event_id: e for e in store.events_by_id(member_ids)}
    article_ids = {e.article_id for e in new_events} | {
        e.article_id for e in member_events.values()
    }
    articles = _articles(store, article_ids)

    # Wording weights from every evidence sentence in the store (stories/terms.py).
    grouper = StoryGrouper(options, TermWeights.from_sentences(store.evidence_sentences()))
    # Loading a story whose events are all gone fails: that story is deleted.
    removed = [
        story_id
        for story_id in sorted(stored)
        if not grouper.load(stored[story_id], member_events, articles)
    ]
    placements = grouper.add(new_events, articles)
    changed = {p.story_id for p in placements} | {s for s in pruned if s in grouper}
    report.events = len(placements)
    report.founded = sum(p.founded for p in placements)
    report.joined = report.events - report.founded
    report.written = store.writer.save_stories(
        [grouper.story(story_id) for story_id in sorted(changed)], removed
    )
    report.removed = len(removed)
    report.seconds = time.perf_counter() - started
    return report
