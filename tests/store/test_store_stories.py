"""Stories in the store: incremental grouping, re-runs, rebuilds, re-coding, reads."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from conftest import make_article, make_event
from flashpoint.models import Article, Event
from flashpoint.store import CodedArticle, Store, StoryFilter
from flashpoint.stories import story_id_for
from flashpoint.story_workflow import update_stories

PRK = (("PRK", "GOV", "North Korea"),)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "fp.duckdb") as opened:
        yield opened


def report(article_id: str, text: str, outlet: str, published: str) -> Article:
    return replace(
        make_article(
            text, id=article_id, published=published, url=f"https://{outlet}.example/{article_id}"
        ),
        outlet=outlet,
    )


def launch(article: Article, trigger: str, day: str) -> Event:
    return make_event(
        article, trigger, category="MOBILIZE", actors=PRK, recipients=(), date=day, quad_class=4
    )


def add_coded(store: Store, *pairs: tuple[Article, list[Event]]) -> None:
    store.writer.add_articles([a for a, _ in pairs])
    store.writer.store_coded([CodedArticle(a.id, tuple(events)) for a, events in pairs], "test")


FIRST = report("yna", "North Korea fired a ballistic missile into the sea.", "yonhap", "2024-04-02")
SECOND = report(
    "kyd", "North Korea launched a ballistic missile into the sea.", "kyodo", "2024-04-03"
)
THIRD = report("kcna", "North Korea test-fired a new ballistic missile.", "kcna", "2024-04-03")
OTHER = report("ap", "North Korea fired a cruise missile off its coast.", "ap", "2024-05-20")


def test_grouping_stores_stories_with_members_and_story_ids_per_event(store: Store) -> None:
    events = [launch(FIRST, "fired", "2024-04-02"), launch(SECOND, "launched", "2024-04-02")]
    add_coded(store, (FIRST, events[:1]), (SECOND, events[1:]))
    result = update_stories(store)
    assert (result.events, result.founded, result.joined, result.written) == (2, 1, 1, 1)
    story_id = story_id_for(events[0].event_id)
    assert store.story_ids_for([e.event_id for e in events]) == dict.fromkeys(
        [e.event_id for e in events], story_id
    )
    story = store.story(story_id)
    assert story is not None
    assert (story.n_events, story.n_articles, story.n_outlets) == (2, 2, 2)
    assert [m.article_id for m in story.members] == ["yna", "kyd"]
    assert "wording" in story.members[1].reason
    assert store.story(story_id[:8]) == story  # an unambiguous prefix finds it


def test_new_reports_join_stored_stories_incrementally(store: Store) -> None:
    first = launch(FIRST, "fired", "2024-04-02")
    add_coded(store, (FIRST, [first]))
    update_stories(store)
    later = [launch(SECOND, "launched", "2024-04-02"), launch(THIRD, "test-fired", "2024-04-03")]
    add_coded(store, (SECOND, later[:1]), (THIRD, later[1:]))
    result = update_stories(store)
    assert (result.events, result.founded, result.joined) == (2, 0, 2)
    [story] = store.stories(members=True)
    assert story.story_id == story_id_for(first.event_id)
    assert (story.n_articles, story.n_outlets) == (3, 3)
    assert story.first_report is not None
    assert story.first_report.date() == date(2024, 4, 2)


def test_running_again_changes_nothing(store: Store) -> None:
    add_coded(
        store,
        (FIRST, [launch(FIRST, "fired", "2024-04-02")]),
        (OTHER, [launch(OTHER, "fired", "2024-05-20")]),
    )
    update_stories(store)
    before = store.stories(members=True)
    again = update_stories(store)
    assert (again.events, again.written, again.removed) == (0, 0, 0)
    assert store.stories(members=True) == before


def test_rebuild_regroups_from_scratch_to_the_same_stories(store: Store) -> None:
    add_coded(
        store,
        (FIRST, [launch(FIRST, "fired", "2024-04-02")]),
        (SECOND, [launch(SECOND, "launched", "2024-04-02")]),
        (OTHER, [launch(OTHER, "fired", "2024-05-20")]),
    )
    update_stories(store)
    before = [(s.story_id, s.members) for s in store.stories(members=True)]
    rebuilt = update_stories(store, rebuild=True)
    assert (rebuilt.cleared, rebuilt.events, rebuilt.written) == (2, 3, 2)
    assert [(s.story_id, s.members) for s in store.stories(members=True)] == before


def test_recoding_that_drops_an_event_updates_or_deletes_its_story(store: Store) -> None:
    first, second = launch(FIRST, "fired", "2024-04-02"), launch(SECOND, "launched", "2024-04-02")
    other = launch(OTHER, "fired", "2024-05-20")
    add_coded(store, (FIRST, [first]), (SECOND, [second]), (OTHER, [other]))
    update_stories(store)
    # Re-coding finds no event in SECOND and OTHER any more.
    store.writer.store_coded([CodedArticle("kyd"), CodedArticle("ap")], "test")
    result = update_stories(store)
    assert result.removed == 1
    [story] = store.stories(members=True)
    assert (story.story_id, story.n_events) == (story_id_for(first.event_id), 1)
    assert store.story(story_id_for(other.event_id)) is None


def test_story_filters_select_by_actor_category_dates_and_size(store: Store) -> None:
    add_coded(
        store,
        (FIRST, [launch(FIRST, "fired", "2024-04-02")]),
        (SECOND, [launch(SECOND, "launched", "2024-04-02")]),
        (OTHER, [launch(OTHER, "fired", "2024-05-20")]),
    )
    update_stories(store)

    def dates(flt: StoryFilter) -> list[str | None]:
        return [s.event_date for s in store.stories(flt)]

    assert dates(StoryFilter()) == ["2024-04-02", "2024-05-20"]
    assert dates(StoryFilter(actor="prk", category="mobilize")) == ["2024-04-02", "2024-05-20"]
    assert dates(StoryFilter(actor="USA")) == []
    assert dates(StoryFilter(min_articles=2)) == ["2024-04-02"]
    assert dates(StoryFilter(since=date(2024, 5, 1))) == ["2024-05-20"]
    assert dates(StoryFilter(until=date(2024, 4, 30))) == ["2024-04-02"]
    assert store.stories(StoryFilter(limit=1))[0].members == ()
