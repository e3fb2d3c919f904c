"""Grouping events into stories, incrementally and deterministically.

`StoryGrouper` holds the stories that new events may join. Load the stored stories
whose dates are near the new events (`load`), then `add` the new events: they are
processed in a fixed order (finer dates first, then event date, publication time and
event id), and each joins the best-matching story (highest wording score, fewer days
apart, then the smallest story id) or founds a new one whose id is derived from its
own event id. `story` summarises a story as the `Story` record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from flashpoint.models import Article, Event, Story, StoryMember
from flashpoint.stories.matching import (
    GroupingOptions,
    Match,
    Profile,
    Report,
    match_story,
)
from flashpoint.stories.terms import FLAT, TermWeights

FOUNDED = "first report"


def story_id_for(founder_event_id: str) -> str:
    """A story's id: its founding event's id with an "s" in place of the leading "e"."""
    return "s" + (founder_event_id[1:] if founder_event_id.startswith("e") else founder_event_id)


@dataclass(slots=True)
class _Draft:
    story_id: str
    founder: Profile
    members: list[tuple[Profile, str]] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    recipients: set[str] = field(default_factory=set)
    places: set[tuple[str, str]] = field(default_factory=set)
    numbers: set[tuple[str, str]] = field(default_factory=set)

    def add(self, profile: Profile, reason: str) -> None:
        self.members.append((profile, reason))
        self.actors |= profile.actors
        self.recipients |= profile.recipients
        self.places |= profile.places
        self.numbers |= profile.numbers


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one new event went."""

    event_id: str
    story_id: str
    founded: bool
    reason: str


def _by_id(articles: Mapping[str, Article] | Iterable[Article]) -> dict[str, Article]:
    items = articles.values() if isinstance(articles, Mapping) else articles
    return {a.id: a for a in items}


class StoryGrouper:
    """Stories under construction; see the module docstring."""

    def __init__(self, options: GroupingOptions | None = None, weights: TermWeights = FLAT) -> None:
        self.options = options or GroupingOptions()
        self.weights = weights  # wording weights (stories/terms.py); flat by default
        self._drafts: dict[str, _Draft] = {}
        # (family, day ordinal) -> ids of stories whose founder's period covers that day,
        # so an event is only tested against stories of its family within the window.
        self._by_day: dict[tuple[str, int], list[str]] = {}

    def __contains__(self, story_id: str) -> bool:
        return story_id in self._drafts

    def _register(self, draft: _Draft) -> None:
        self._drafts[draft.story_id] = draft
        period = draft.founder.period
        if period is None:  # an undated story attracts nothing
            return
        for day in range(period.start.toordinal(), period.end.toordinal() + 1):
            self._by_day.setdefault((draft.founder.family, day), []).append(draft.story_id)

    def _candidates(self, profile: Profile) -> list[str]:
        if profile.period is None:
            return []
        window = self.options.window_days
        found: set[str] = set()
        first = profile.period.start.toordinal() - window
        last = profile.period.end.toordinal() + window
        for day in range(first, last + 1):
            found.update(self._by_day.get((profile.family, day), ()))
        return sorted(found)

    def load(
        self, story: Story, events: Mapping[str, Event], articles: Mapping[str, Article]
    ) -> bool:
        """Take a stored story with its member events; False when none of them is left."""
        by_id = _by_id(articles)
        present = [
            (Profile.of(events[m.event_id], by_id.get(m.article_id)), m.reason)
            for m in story.members
            if m.event_id in events
        ]
        if not present:
            return False
        draft = _Draft(story.story_id, present[0][0])
        for profile, reason in present:
            draft.add(profile, reason)
        self._register(draft)
        return True

    def add(
        self, events: Iterable[Event], articles: Mapping[str, Article] | Iterable[Article]
    ) -> list[Placement]:
        """Group new events (not yet in any story); returns where each one went, in order."""
        by_id = _by_id(articles)
        profiles = sorted(
            (Profile.of(e, by_id.get(e.article_id)) for e in events),
            key=Profile.sort_key,
        )
        placements = [self._place(profile) for profile in profiles]
        return self._second_chance(placements, profiles)

    def _second_chance(
        self, placements: list[Placement], profiles: list[Profile]
    ) -> list[Placement]:
        """Let events that founded a story and stayed alone try once more, in order.

        A report may match a story founded later in the processing order: by a report
        that passed it but joined or founded another story (a factual report never
        joins a non-factual founder), or one a sentence of its own article joined.
        Each lone founder of this run leaves its story and is placed again: it joins
        the best story it now passes, or founds its story again under the same id.
        """
        for index, (placement, profile) in enumerate(zip(placements, profiles, strict=True)):
            draft = self._drafts.get(placement.story_id)
            if not placement.founded or draft is None or len(draft.members) != 1:
                continue
            self._unregister(draft)
            placements[index] = self._place(profile)
        return placements

    def _unregister(self, draft: _Draft) -> None:
        del self._drafts[draft.story_id]
        period = draft.founder.period
        if period is None:
            return
        for day in range(period.start.toordinal(), period.end.toordinal() + 1):
            self._by_day[(draft.founder.family, day)].remove(draft.story_id)

    def _place(self, profile: Profile) -> Placement:
        best: tuple[float, str, Match] | None = None
        for story_id in self._candidates(profile):
            draft = self._drafts[story_id]
            match = match_story(
                profile,
                draft.founder,
                members=[m for m, _ in draft.members],
                actors=frozenset(draft.actors),
                recipients=frozenset(draft.recipients),
                options=self.options,
                weights=self.weights,
                places=frozenset(draft.places),
                numbers=frozenset(draft.numbers),
            )
            if not match.passed:
                continue
            if best is None or (-match.score, story_id) < (-best[0], best[1]):
                best = (match.score, story_id, match)
        event_id = profile.event.event_id
        if best is not None:
            self._drafts[best[1]].add(profile, best[2].reason)
            return Placement(event_id, best[1], founded=False, reason=best[2].reason)
        story_id = story_id_for(event_id)
        while story_id in self._drafts:  # a founder re-coded after its story kept others
            story_id += "'"
        draft = _Draft(story_id, profile)
        draft.add(profile, FOUNDED)
        self._register(draft)
        return Placement(event_id, story_id, founded=True, reason=FOUNDED)

    def story_ids(self) -> list[str]:
        return sorted(self._drafts)

    def story(self, story_id: str) -> Story:
        """The story as a record, summarised from its members."""
        return summarise(story_id, self._drafts[story_id].members)


def _outlet_key(report: Report | None) -> str:
    if report is None:
        return "?"
    if report.outlet and report.outlet.strip():
        return report.outlet.strip().lower()
    if report.url:
        host = (urlsplit(report.url).hostname or "").lower()
        return host.removeprefix("www.") or "?"
    return "?"


def _ranked(counter: Counter[str]) -> tuple[str, ...]:
    return tuple(code for code, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def summarise(story_id: str, members: list[tuple[Profile, str]]) -> Story:
    """A `Story` from its members (founder first): counts, dates, representative fields."""
    profiles = [p for p, _ in members]
    founder = profiles[0]
    categories = Counter(p.event.category for p in profiles)
    top = max(categories.values())
    tied = sorted(c for c, n in categories.items() if n == top)
    category = founder.event.category if founder.event.category in tied else tied[0]
    actors: Counter[str] = Counter(code for p in profiles for code in sorted(p.actors))
    recipients: Counter[str] = Counter(code for p in profiles for code in sorted(p.recipients))
    dated = [p for p in profiles if p.period is not None]
    earliest = min(
        dated,
        key=lambda p: (p.period.start if p.period else None, p.period.coarse if p.period else True),
        default=None,
    )
    published: list[datetime] = [
        p.report.published_at
        for p in profiles
        if p.report is not None and p.report.published_at is not None
    ]

    def first_key(item: tuple[int, Profile]) -> tuple[bool, float, int]:
        position, p = item
        when = p.report.published_at if p.report is not None else None
        return when is None, when.timestamp() if when is not None else 0.0, position

    _, first = min(enumerate(profiles), key=first_key)
    return Story(
        story_id=story_id,
        category=category,
        actors=_ranked(actors),
        recipients=_ranked(recipients),
        event_date=earliest.event.date.value if earliest is not None else None,
        first_report=min(published, default=None),
        latest_report=max(published, default=None),
        n_events=len(profiles),
        n_articles=len({p.event.article_id for p in profiles}),
        n_outlets=len({_outlet_key(p.report) for p in profiles}),
        headline=first.event.sentence.text,
        members=tuple(
            StoryMember(event_id=p.event.event_id, article_id=p.event.article_id, reason=reason)
            for p, reason in members
        ),
    )
