"""Grouping events into stories on hand-built reports with known answers."""

from __future__ import annotations

import random
from dataclasses import replace

from conftest import make_article, make_event
from flashpoint.models import Article, Event, EventDate
from flashpoint.stories import (
    FOUNDED,
    GroupingOptions,
    StoryGrouper,
    content_words,
    event_period,
    story_id_for,
    wording_similarity,
)

PRK = (("PRK", "GOV", "North Korea"),)
SEA = (("JPN", None, "Japan"),)


def report(article_id: str, text: str, *, outlet: str, published: str = "2024-04-02") -> Article:
    return replace(make_article(text, id=article_id, published=published), outlet=outlet)


def launch(
    article: Article,
    trigger: str,
    *,
    date: str | None = "2024-04-02",
    actors: tuple[tuple[str, str | None, str], ...] = PRK,
    recipients: tuple[tuple[str, str | None, str], ...] = (),
    category: str = "MOBILIZE",
    status: str = "asserted",
) -> Event:
    return make_event(
        article,
        trigger,
        category=category,
        actors=actors,
        recipients=recipients,
        date=date,
        status=status,
        quad_class=4,
        cameo_root="15",
    )


def three_outlets() -> tuple[list[Article], list[Event]]:
    articles = [
        report(
            "yna-1",
            "North Korea fired a ballistic missile into the sea on Tuesday.",
            outlet="Yonhap",
        ),
        report(
            "kyd-1",
            "North Korea launched a ballistic missile that fell into the sea.",
            outlet="Kyodo",
            published="2024-04-03",
        ),
        report(
            "kcna-1",
            "North Korea conducted a test-fire of a new ballistic missile over the sea.",
            outlet="KCNA",
            published="2024-04-03",
        ),
    ]
    events = [
        launch(articles[0], "fired"),
        launch(articles[1], "launched"),
        launch(articles[2], "test-fire"),
    ]
    return articles, events


def group(events: list[Event], articles: list[Article], **options: float) -> StoryGrouper:
    grouper = StoryGrouper(GroupingOptions(**options))  # type: ignore[arg-type]
    grouper.add(events, articles)
    return grouper


def partition(grouper: StoryGrouper) -> set[frozenset[str]]:
    return {
        frozenset(m.event_id for m in grouper.story(sid).members) for sid in grouper.story_ids()
    }


def test_same_launch_from_three_outlets_is_one_story_with_three_articles_and_outlets() -> None:
    articles, events = three_outlets()
    grouper = group(events, articles)
    assert grouper.story_ids() == [story_id_for(events[0].event_id)]
    story = grouper.story(grouper.story_ids()[0])
    assert (story.n_events, story.n_articles, story.n_outlets) == (3, 3, 3)
    assert story.category == "MOBILIZE"
    assert story.actors == ("PRK",)
    assert story.event_date == "2024-04-02"
    assert story.first_report is not None
    assert story.first_report.date().isoformat() == "2024-04-02"
    assert story.latest_report is not None
    assert story.latest_report.date().isoformat() == "2024-04-03"
    assert story.headline == events[0].sentence.text


def test_every_member_records_why_it_was_grouped() -> None:
    articles, events = three_outlets()
    story = group(events, articles).story(story_id_for(events[0].event_id))
    reasons = [m.reason for m in story.members]
    assert reasons[0] == FOUNDED
    for reason in reasons[1:]:
        assert "family force (MOBILIZE)" in reason
        assert "actors PRK" in reason
        assert "dates 0 days apart (2024-04-02 vs 2024-04-02)" in reason
        assert "wording" in reason
        assert "missil" in reason


def test_two_launches_a_week_apart_are_two_stories() -> None:
    first = report("a", "North Korea fired a ballistic missile into the sea.", outlet="X")
    second = report(
        "b",
        "North Korea fired a ballistic missile into the sea again.",
        outlet="Y",
        published="2024-04-09",
    )
    events = [launch(first, "fired"), launch(second, "fired", date="2024-04-09")]
    grouper = group(events, [first, second])
    assert len(grouper.story_ids()) == 2


def test_the_window_sets_how_many_days_apart_reports_may_be() -> None:
    first = report("a", "North Korea fired a ballistic missile into the sea.", outlet="X")
    second = report("b", "North Korea fired a ballistic missile into the sea.", outlet="Y")
    events = [launch(first, "fired"), launch(second, "fired", date="2024-04-05")]
    assert len(group(events, [first, second]).story_ids()) == 1  # 3 days: within the default
    assert len(group(events, [first, second], window_days=2).story_ids()) == 2


def test_different_actors_make_separate_stories() -> None:
    first = report("a", "North Korea fired a ballistic missile into the sea.", outlet="X")
    second = report("b", "Russia fired a ballistic missile into the sea.", outlet="Y")
    events = [
        launch(first, "fired"),
        launch(second, "fired", actors=(("RUS", "GOV", "Russia"),)),
    ]
    assert len(group(events, [first, second]).story_ids()) == 2


def test_disjoint_recipients_make_separate_stories() -> None:
    first = report("a", "North Korea condemned Japan over the drills near the border.", outlet="X")
    second = report(
        "b", "North Korea condemned Russia over the drills near the border.", outlet="Y"
    )
    events = [
        make_event(first, "condemned", recipients=(("JPN", "GOV", "Japan"),)),
        make_event(second, "condemned", recipients=(("RUS", "GOV", "Russia"),)),
    ]
    assert len(group(events, [first, second]).story_ids()) == 2


def test_categories_of_one_family_group_and_of_different_families_do_not() -> None:
    first = report("a", "North Korea fired a ballistic missile into the sea.", outlet="X")
    second = report("b", "North Korea fired ballistic missiles towards the sea.", outlet="Y")
    third = report(
        "c", "North Korea threatened to fire ballistic missiles into the sea.", outlet="Z"
    )
    events = [
        launch(first, "fired"),
        launch(second, "fired", category="ASSAULT"),
        launch(third, "threatened", category="THREATEN"),
    ]
    grouper = group(events, [first, second, third])
    assert partition(grouper) == {
        frozenset({events[0].event_id, events[1].event_id}),
        frozenset({events[2].event_id}),
    }
    joined = grouper.story(story_id_for(events[0].event_id)).members[1]
    assert "ASSAULT~MOBILIZE" in joined.reason


def test_unrelated_wording_on_the_same_day_keeps_events_apart() -> None:
    first = report("a", "North Korea fired a ballistic missile into the sea.", outlet="X")
    second = report("b", "North Korea held artillery drills near the western border.", outlet="Y")
    events = [launch(first, "fired"), launch(second, "held")]
    assert len(group(events, [first, second]).story_ids()) == 2


def test_grouping_does_not_depend_on_input_order() -> None:
    articles, events = three_outlets()
    other = report(
        "later",
        "North Korea fired a cruise missile off the east coast.",
        outlet="X",
        published="2024-04-20",
    )
    events = [*events, launch(other, "fired", date="2024-04-20")]
    expected = partition(group(events, [*articles, other]))
    rng = random.Random(7)
    for _ in range(5):
        shuffled = events[:]
        rng.shuffle(shuffled)
        grouper = group(shuffled, list(reversed([*articles, other])))
        assert partition(grouper) == expected
        assert grouper.story_ids() == sorted(
            story_id_for(e.event_id) for e in (events[0], events[3])
        )


def test_a_negated_event_joins_a_factual_story_but_does_not_found_one_for_facts() -> None:
    first = report("a", "North Korea did not fire a ballistic missile into the sea.", outlet="X")
    second = report("b", "North Korea fired a ballistic missile into the sea.", outlet="Y")
    negated = launch(first, "fire", status="negated")
    asserted = launch(second, "fired")
    # The negated report comes first in processing order (same day, earlier id), yet the
    # asserted one founds its own story: facts never join a non-factual founder. The
    # negated report, left alone, then joins the factual story on its second chance.
    grouper = group([negated, asserted], [first, second])
    assert grouper.story_ids() == [story_id_for(asserted.event_id)]
    members = grouper.story(story_id_for(asserted.event_id)).members
    assert [m.event_id for m in members] == [asserted.event_id, negated.event_id]
    # The other way round, the negated report joins the factual story.
    later = report("c", "North Korea did not fire a ballistic missile into the sea.", outlet="Z")
    grouper = group(
        [asserted, launch(later, "fire", status="negated", date="2024-04-03")], [second, later]
    )
    assert len(grouper.story_ids()) == 1


def test_a_month_date_joins_a_day_story_only_with_close_wording() -> None:
    day = report("a", "North Korea fired a ballistic missile into the sea.", outlet="X")
    close = report("b", "North Korea fired a ballistic missile into the sea in April.", outlet="Y")
    loose = report("c", "North Korea fired artillery shells in April.", outlet="Z")
    events = [
        launch(day, "fired"),
        launch(close, "fired", date="2024-04"),
        launch(loose, "fired", date="2024-04"),
    ]
    grouper = group(events, [day, close, loose])
    members = grouper.story(story_id_for(events[0].event_id)).members
    assert [m.event_id for m in members] == [events[0].event_id, events[1].event_id]
    assert "coarse" in members[1].reason


def test_events_without_a_date_stay_alone() -> None:
    first = report("a", "North Korea fired a ballistic missile into the sea.", outlet="X")
    second = report("b", "North Korea fired a ballistic missile into the sea.", outlet="Y")
    events = [launch(first, "fired", date=None), launch(second, "fired", date=None)]
    assert len(group(events, [first, second]).story_ids()) == 2


def test_outlets_are_counted_by_name_then_by_web_host() -> None:
    first = replace(report("a", "North Korea fired a ballistic missile.", outlet="KCNA"))
    second = replace(
        report("b", "North Korea fired a ballistic missile.", outlet=""),
        url="https://www.example.org/news/1",
    )
    third = replace(
        report("c", "North Korea fired a ballistic missile.", outlet=""),
        url="https://example.org/news/2",
    )
    events = [launch(a, "fired") for a in (first, second, third)]
    story = group(events, [first, second, third]).story(story_id_for(events[0].event_id))
    assert (story.n_articles, story.n_outlets) == (3, 2)


def test_wording_ignores_actor_names_dates_and_inflection() -> None:
    article = make_article("North Korea fired missiles on Tuesday, 28 March.", id="w1")
    event = make_event(article, "fired", recipients=())
    assert content_words(event) == frozenset({"fir", "missil"})
    assert wording_similarity(frozenset({"a", "b"}), frozenset()) == 0.0
    # Short sets are measured against at least four words.
    assert wording_similarity(frozenset({"fir"}), frozenset({"fir"})) == 0.25


def test_periods_cover_days_weeks_months_years_and_ranges() -> None:
    def period(value: str) -> tuple[str, str] | None:
        found = event_period(EventDate(value, "day", "exact"))
        return (found.start.isoformat(), found.end.isoformat()) if found else None

    assert period("2024-04-02") == ("2024-04-02", "2024-04-02")
    assert period("2024-W14") == ("2024-04-01", "2024-04-07")
    assert period("2024-02") == ("2024-02-01", "2024-02-29")
    assert period("2024") == ("2024-01-01", "2024-12-31")
    assert period("2024-04-01/2024-04-03") == ("2024-04-01", "2024-04-03")
    assert period("not a date") is None


def test_reports_that_state_different_days_are_different_events() -> None:
    first = report("a", "North Korea fired a ballistic missile into the sea.", outlet="X")
    second = report("b", "North Korea fired a ballistic missile into the sea.", outlet="Y")
    on_second = launch(first, "fired")
    on_fourth = launch(second, "fired", date="2024-04-04")
    stated = [
        replace(on_second, date=replace(on_second.date, text="April 2")),
        replace(on_fourth, date=replace(on_fourth.date, text="April 4")),
    ]
    assert len(group([on_second, on_fourth], [first, second]).story_ids()) == 1  # inferred
    assert len(group(stated, [first, second]).story_ids()) == 2  # stated, two days apart
