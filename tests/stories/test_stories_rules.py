"""The grouping rules beyond family, actors, dates and wording, on hand-built reports:
places, counts and ordinals, weighted wording, recipients told from the other side,
the second chance of lone founders, no chaining, and events of one article."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import make_article, make_event
from flashpoint.models import Article, Event
from flashpoint.stories import GroupingOptions, StoryGrouper, TermWeights, story_id_for
from flashpoint.stories.numbers import conflicting, numbers_in
from flashpoint.stories.places import disagreeing_level, places_in
from flashpoint.stories.terms import terms_of_text, weighted_similarity

PRK = (("PRK", "GOV", "North Korea"),)


def report(
    article_id: str, text: str, *, title: str | None = None, day: str = "2024-04-02"
) -> Article:
    return replace(make_article(text, id=article_id, published=day), outlet="X", title=title)


def event(
    article: Article,
    trigger: str,
    *,
    category: str = "MOBILIZE",
    actors: tuple[tuple[str, str | None, str], ...] = PRK,
    recipients: tuple[tuple[str, str | None, str], ...] = (),
    day: str = "2024-04-02",
) -> Event:
    return make_event(
        article, trigger, category=category, actors=actors, recipients=recipients, date=day
    )


def stories(events: list[Event], articles: list[Article], **options: float) -> set[frozenset[str]]:
    grouper = StoryGrouper(GroupingOptions(**options))  # type: ignore[arg-type]
    grouper.add(events, articles)
    return {
        frozenset(m.event_id for m in grouper.story(sid).members) for sid in grouper.story_ids()
    }


def together(*events: Event) -> set[frozenset[str]]:
    return {frozenset(e.event_id for e in events)}


def apart(*events: Event) -> set[frozenset[str]]:
    return {frozenset({e.event_id}) for e in events}


# -- places --------------------------------------------------------------------

HOUSES = "Officials of North Korea visited the new houses to congratulate their owners."


def houses(article_id: str, farm: str, county: str, day: str) -> tuple[Article, Event]:
    article = report(
        article_id,
        f"New houses have been built at the {farm} Farm in {county} County. {HOUSES}",
        day=day,
    )
    return article, event(article, "visited", category="CONSULT", day=day)


def test_routine_reports_whose_articles_name_different_farms_are_different_events() -> None:
    first, at_undok = houses("a", "Undok", "Onchon", "2024-09-11")
    second, at_tami = houses("b", "Tami", "Taean", "2024-09-12")
    third, at_undok_again = houses("c", "Undok", "Onchon", "2024-09-12")
    assert stories([at_undok, at_tami], [first, second]) == apart(at_undok, at_tami)
    # The same farm named in both leads: one event reported twice.
    assert stories([at_undok, at_undok_again], [first, third]) == together(at_undok, at_undok_again)


def test_two_sites_visited_on_one_day_are_two_events() -> None:
    tower = report("a", "Kim Jong Un of North Korea visited the Friendship Tower on July 26.")
    cemetery = report(
        "b", "Kim Jong Un of North Korea visited the Revolutionary Martyrs Cemetery on July 26."
    )
    events = [
        event(tower, "visited", category="CONSULT"),
        event(cemetery, "visited", category="CONSULT"),
    ]
    assert stories(events, [tower, cemetery]) == apart(*events)


def test_places_at_different_levels_do_not_disagree() -> None:
    city = report("a", "North Korea fired artillery shells near Sinuiju on Tuesday.")
    province = report(
        "b", "North Korea fired artillery shells in North Phyongan Province on Tuesday."
    )
    events = [event(city, "fired"), event(province, "fired")]
    assert stories(events, [city, province]) == together(*events)
    assert disagreeing_level(places_in(city.text), places_in(province.text)) is None


def test_a_city_named_as_a_source_is_no_place_of_the_event() -> None:
    assert places_in("according to Seoul's Joint Chiefs of Staff") == frozenset()
    assert places_in("launched from the Pyongyang area") == {("local", "pyongyang")}
    assert places_in("Pyongyang, August 2 (KCNA) -- no cue here") == frozenset()


def test_a_longer_name_of_one_place_agrees_with_the_shorter() -> None:
    longer = frozenset({("site", "ilon mansu hill")})
    shorter = frozenset({("site", "mansu hill")})
    assert disagreeing_level(longer, shorter) is None
    assert disagreeing_level(shorter, frozenset({("site", "friendship tower")})) == "site"


# -- counts and ordinals ---------------------------------------------------------


def test_different_counts_of_missiles_are_different_launches() -> None:
    two = report("a", "North Korea fired two ballistic missiles into the sea.")
    three = report("b", "North Korea fired three ballistic missiles into the sea.")
    uncounted = report("c", "North Korea fired ballistic missiles into the sea.")
    events = [event(two, "fired"), event(three, "fired"), event(uncounted, "fired")]
    assert stories(events[:2], [two, three]) == apart(*events[:2])
    assert stories([events[0], events[2]], [two, uncounted]) == together(events[0], events[2])
    assert conflicting(numbers_in(two.text), numbers_in(three.text)) == ("missil", "2", "3")


def test_revised_death_tolls_do_not_split_one_attack() -> None:
    first = report("a", "Four soldiers were killed in the attack on the convoy near Kalat.")
    second = report("b", "Five soldiers were killed in the attack on the convoy near Kalat.")
    events = [
        event(first, "killed", category="ASSAULT", actors=()),
        event(second, "killed", category="ASSAULT", actors=()),
    ]
    assert numbers_in(first.text) == frozenset()
    assert stories(events, [first, second]) == together(*events)


def test_numbered_rallies_are_different_events() -> None:
    first = report("a", "The 101st candlelight rally against the government was held in Seoul.")
    second = report("b", "The 106th candlelight rally against the government was held in Seoul.")
    events = [
        event(first, "rally", category="PROTEST", actors=(("KOR", "CVL", "Seoul"),)),
        event(second, "rally", category="PROTEST", actors=(("KOR", "CVL", "Seoul"),)),
    ]
    assert stories(events, [first, second]) == apart(*events)
    assert numbers_in("the 79th founding anniversary of the party") == frozenset()


def test_sizes_are_not_counts() -> None:
    assert numbers_in("fired 18 rounds of 600 mm rockets") == {("round", "n18")}


# -- weighted wording --------------------------------------------------------------


def test_boilerplate_weighs_less_than_the_words_that_name_an_event() -> None:
    sentences = [f"Officials visited the factory number {i} and spoke." for i in range(300)]
    sentences += ["The Hwasongpho rocket flew over the sea."]
    weights = TermWeights.from_sentences(sentences)
    assert not weights.flat
    assert weights.weight("visit") < 0.1
    assert weights.weight("hwasong") == pytest.approx(1.0)
    boilerplate = weighted_similarity(
        terms_of_text("Officials visited the new houses."),
        terms_of_text("Officials visited the cooperative farm."),
        weights,
    )
    content = weighted_similarity(
        terms_of_text("The Hwasongpho rocket was fired."),
        terms_of_text("A Hwasongpho rocket flew."),
        weights,
    )
    assert boilerplate < 0.1
    assert content > 0.5


def test_a_small_store_weighs_every_word_alike() -> None:
    weights = TermWeights.from_sentences(["Officials visited the houses."] * 10)
    assert weights.flat
    assert weights.weight("visit") == 1.0
    first, second = terms_of_text("fired missiles"), terms_of_text("fired rockets")
    assert weighted_similarity(first, second, weights) == 0.25  # one of at least four words


def test_word_forms_of_one_stem_are_one_term() -> None:
    assert terms_of_text("congratulations") == terms_of_text("congratulatory")


# -- recipients, second chance, one article ---------------------------------------


def test_recipients_told_from_the_other_side_agree() -> None:
    left = report("a", "The foreign minister of North Korea left for Russia on an official visit.")
    review = report(
        "b", "The foreign minister of North Korea left for Russia on an official visit."
    )
    elsewhere = report(
        "c", "The foreign minister of North Korea left for Japan on an official visit."
    )
    to_russia = event(left, "visit", category="CONSULT", recipients=(("RUS", "GOV", "Russia"),))
    # The coder read the minister's own country as the recipient of the second report.
    misread = event(
        review, "visit", category="CONSULT", actors=(), recipients=(("PRK", "GOV", "North Korea"),)
    )
    to_japan = event(
        elsewhere, "visit", category="CONSULT", actors=(), recipients=(("JPN", "GOV", "Japan"),)
    )
    assert stories([to_russia, misread], [left, review]) == together(to_russia, misread)
    assert stories([to_russia, to_japan], [left, elsewhere]) == apart(to_russia, to_japan)


KIM = (("PRK", "GOV", "Kim Jong Un"),)


def test_a_report_worded_like_a_later_member_only_does_not_join_through_it() -> None:
    embassy = report(
        "a", "Kim Jong Un received a floral basket from the Mongolian embassy.", day="2024-04-01"
    )
    delegation = report("b", "Kim Jong Un received a floral basket and a gift from a delegation.")
    businessman = report("c", "Kim Jong Un was presented with a gift and a bouquet by a trader.")
    first = event(embassy, "received", category="SUPPORT", actors=KIM, day="2024-04-01")
    second = event(delegation, "received", category="SUPPORT", actors=KIM)
    third = event(businessman, "presented", category="SUPPORT", actors=KIM)
    # The delegation's basket is worded like the embassy's; the businessman's gift only
    # like the delegation's. A story is tested against its first report, so the chain
    # embassy - delegation - businessman does not merge three senders' gifts.
    assert stories([first, second, third], [embassy, delegation, businessman]) == {
        frozenset({first.event_id, second.event_id}),
        frozenset({third.event_id}),
    }


def test_a_sentence_continuing_a_members_report_joins_through_it() -> None:
    seen = report("a", "North Korea fired several ballistic missiles towards the sea.")
    told = report(
        "b",
        "North Korea test-fired a new tactical ballistic missile and a strategic cruise "
        "missile. Its missile administration also launched a strategic cruise missile with "
        "upgraded performance.",
    )
    events = [event(seen, "fired"), event(told, "test-fired"), event(told, "launched")]
    # The second sentence of the report shares little with the first outlet's report,
    # but continues its own article's sentence, which joined the story.
    grouper = StoryGrouper()
    grouper.add(events, [seen, told])
    assert grouper.story_ids() == [story_id_for(events[0].event_id)]
    assert {m.event_id for m in grouper.story(grouper.story_ids()[0]).members} == {
        e.event_id for e in events
    }


def test_messages_need_closer_wording_than_launches() -> None:
    laos = report(
        "a", "Kim Jong Un received a warm congratulatory message from the president of Laos."
    )
    peru = report(
        "b",
        "Kim Jong Un received a warm letter from a youth union of Peru on its founding anniversary.",
    )
    airfield = report(
        "c", "North Korea fired a ballistic missile from an airfield near the capital."
    )
    flight = report(
        "d", "North Korea fired a ballistic rocket that flew over water, officials said."
    )
    messages = [
        event(laos, "received", category="SUPPORT", actors=KIM),
        event(peru, "received", category="SUPPORT", actors=KIM),
    ]
    launches = [event(airfield, "fired"), event(flight, "fired")]
    # Both pairs share a third of their terms ("received warm", "fired ballistic"). A
    # message is written from a template that fits any sender; a launch is a deed.
    assert stories(messages, [laos, peru]) == apart(*messages)
    assert stories(launches, [airfield, flight]) == together(*launches)
    assert stories(messages, [laos, peru], broad_margin=0.0) == together(*messages)


def test_events_of_one_article_meet_the_same_tests_as_other_reports() -> None:
    article = report(
        "a",
        "North Korea fired a ballistic missile into the sea. "
        "North Korea also held artillery drills near the border.",
    )
    events = [event(article, "fired"), event(article, "held")]
    assert stories(events, [article]) == apart(*events)
