"""The grouping test: may an event join a story? Each test passes or fails with its values.

An event joins a story when, compared with the story's founding event and members:

1. family: its category is in the story's category family (families.py);
2. status: a factual event only joins a story founded by a factual event;
3. dates: its date period is within `window_days` of the founder's period (periods of a
   week, month or year compare by their nearest days, so coarser dates are compatible
   with the days they contain); when both sentences state the day ("on August 24"),
   within `stated_days` (1: a time zone's difference), since reports that name the
   day of one real event agree on it;
4. actors: its actor codes overlap the story's; when either side has no actor the test
   passes as "unknown" and the stricter wording threshold applies;
5. recipients: not disjoint (both stated and no code in common fails), unless one
   side's recipients are the other side's actors (a message reported as sent and as
   received);
6. places: no level at which both the event and the story's members name places and
   share none (places.py: "Undok Farm" vs "Tami Farm"; the article's lead stands in
   when the sentence names no place);
7. numbers: no thing counted or numbered differently ("two missiles" vs "three
   missiles", "the 101st rally" vs "the 106th rally"; numbers.py);
8. wording: the best weighted similarity (terms.py: rare words weigh more than
   boilerplate) with the founder's evidence sentence, or with a member's from the
   event's own article, reaches `min_wording`, or `min_wording_loose` when a date is
   coarser than a day or an actor is unknown, each raised by `broad_margin` in the
   families of acts done by saying or ceremony (families.BROAD_FAMILIES: messages,
   visits, statements are written from templates). Other members do not count: a
   report worded like a later member only would chain unrelated reports (`_anchors`).

Failing any test keeps the event out. The reason string of a member lists the values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flashpoint.models import Article, Event, EventDate
from flashpoint.stories.families import BROAD_FAMILIES, family_of, is_factual
from flashpoint.stories.numbers import NumberSet, conflicting, numbers_in
from flashpoint.stories.places import PlaceSet, describe, disagreeing_level, event_places
from flashpoint.stories.terms import FLAT, TermWeights, event_terms, weighted_similarity

_GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}


@dataclass(frozen=True, slots=True)
class GroupingOptions:
    """How strict grouping is. The defaults are discussed in docs/STORIES.md."""

    window_days: int = 3
    min_wording: float = 0.25
    min_wording_loose: float = 0.5
    stated_days: int = 1  # when both sentences state the day: a time-zone's difference
    broad_margin: float = 0.1  # added to both wording thresholds in BROAD_FAMILIES


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    granularity: str

    @property
    def coarse(self) -> bool:
        return self.granularity != "day" or self.start != self.end


def event_period(value: EventDate) -> Period | None:
    """The days an event date covers: 2024-04-02, 2024-W14, 2024-04, 2024 or A/B ranges."""
    text = value.value
    if not text:
        return None
    if "/" in text:
        first_text, _, last_text = text.partition("/")
        first = event_period(EventDate(first_text, value.granularity, value.type))
        last = event_period(EventDate(last_text, value.granularity, value.type))
        if first is None or last is None:
            return None
        return Period(first.start, last.end, value.granularity)
    try:
        if "-W" in text:
            year, week = text.split("-W")
            start = date.fromisocalendar(int(year), int(week[:2]), 1)
            return Period(start, start + timedelta(days=6), "week")
        parts = text.split("-")
        if len(parts) == 3:
            day = date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
            return Period(day, day, "day")
        if len(parts) == 2:
            start = date(int(parts[0]), int(parts[1]), 1)
            following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return Period(start, following - timedelta(days=1), "month")
        if len(parts) == 1 and len(text) == 4:
            return Period(date(int(text), 1, 1), date(int(text), 12, 31), "year")
    except ValueError:
        return None
    return None


def _stated_day(value: EventDate) -> bool:
    """A day the sentence states (not the publication date the coder fell back on)."""
    return value.granularity == "day" and value.type == "exact" and value.text is not None


def days_apart(first: Period, second: Period) -> int:
    """Days between the nearest days of two periods; 0 when they overlap."""
    return max(0, (second.start - first.end).days, (first.start - second.end).days)


@dataclass(frozen=True, slots=True)
class Report:
    """Where an event was reported: the parts of its article that stories summarise."""

    article_id: str
    outlet: str | None
    published_at: datetime | None
    url: str | None

    @classmethod
    def of(cls, article: Article) -> Report:
        return cls(article.id, article.outlet, article.published_at, article.url)


@dataclass(frozen=True, slots=True)
class Profile:
    """An event with what the tests compare, computed once."""

    event: Event
    report: Report | None
    family: str
    factual: bool
    period: Period | None
    actors: frozenset[str]
    recipients: frozenset[str]
    words: frozenset[str]  # terms (stories/terms.py)
    places: PlaceSet
    numbers: NumberSet

    @classmethod
    def of(cls, event: Event, article: Article | None = None) -> Profile:
        return cls(
            event=event,
            report=Report.of(article) if article is not None else None,
            family=family_of(event.category),
            factual=is_factual(event.status),
            period=event_period(event.date),
            actors=frozenset(a.code for a in event.actors),
            recipients=frozenset(r.code for r in event.recipients),
            words=event_terms(event),
            places=event_places(event, article),
            numbers=numbers_in(event.sentence.text),
        )

    def sort_key(self) -> tuple[int, int, float, str]:
        """Processing order: finer dates first, then by date, publication and event id."""
        rank = _GRANULARITY_RANK.get(self.period.granularity if self.period else "unknown", 4)
        day = self.period.start.toordinal() if self.period else date.max.toordinal()
        published = (
            self.report.published_at.timestamp()
            if self.report is not None and self.report.published_at is not None
            else float("inf")
        )
        return rank, day, published, self.event.event_id


@dataclass(frozen=True, slots=True)
class Match:
    """The outcome of testing an event against a story."""

    passed: bool
    score: float
    reason: str


def _fail(reason: str, score: float = 0.0) -> Match:
    return Match(passed=False, score=score, reason=reason)


def _codes(codes: frozenset[str]) -> str:
    return ",".join(sorted(codes)) or "none"


def _recipients_conflict(
    candidate: Profile, actors: frozenset[str], recipients: frozenset[str]
) -> bool:
    """Both state recipients, none shared, and neither side's are the other's actors.

    "X received a message from Y" and "Y sent a message to X" swap the roles; so does a
    coder that reads the receiving side as the recipient of one report only.
    """
    if not candidate.recipients or not recipients or candidate.recipients & recipients:
        return False
    return not (candidate.recipients <= actors or recipients <= candidate.actors)


def _union_places(members: Sequence[Profile]) -> PlaceSet:
    return frozenset(place for m in members for place in m.places)


def _union_numbers(members: Sequence[Profile]) -> NumberSet:
    return frozenset(number for m in members for number in m.numbers)


def _anchors(candidate: Profile, founder: Profile, members: Sequence[Profile]) -> list[Profile]:
    """The members whose wording the candidate is compared with: the founder, and the
    members from the candidate's own article (sentences continuing one report).

    Not every member: with any member as the link, A joins B, C joins A, and B and C
    share a story though nothing ties them (a gift from one sender, then a gift from
    another; an attack, then the operation against the attackers).
    """
    article = candidate.event.article_id
    return [founder, *(m for m in members if m is not founder and m.event.article_id == article)]


def match_story(
    candidate: Profile,
    founder: Profile,
    *,
    members: Sequence[Profile],
    actors: frozenset[str],
    recipients: frozenset[str],
    options: GroupingOptions,
    weights: TermWeights = FLAT,
    places: PlaceSet | None = None,
    numbers: NumberSet | None = None,
) -> Match:
    """Test `candidate` against a story (founder, members, and the union of their codes).

    `places` and `numbers` are the union of the members' (computed when not given).
    """
    event = candidate.event
    if candidate.family != founder.family:
        return _fail(f"family {candidate.family} is not {founder.family}")
    if candidate.factual and not founder.factual:
        return _fail(f"a {event.status} event does not join a {founder.event.status} story")
    if candidate.period is None or founder.period is None:
        return _fail("date unresolved")
    gap = days_apart(candidate.period, founder.period)
    if gap > options.window_days:
        return _fail(f"dates {gap} days apart (window {options.window_days})")
    both_stated = _stated_day(event.date) and _stated_day(founder.event.date)
    if both_stated and gap > options.stated_days:
        return _fail(f"stated dates {gap} days apart (at most {options.stated_days})")
    loose = candidate.period.coarse or founder.period.coarse
    shared_actors = candidate.actors & actors
    if candidate.actors and actors and not shared_actors:
        return _fail(f"actors {_codes(candidate.actors)} vs {_codes(actors)}")
    if not shared_actors:
        loose = True
    if _recipients_conflict(candidate, actors, recipients):
        return _fail(f"recipients {_codes(candidate.recipients)} vs {_codes(recipients)}")
    places = _union_places(members) if places is None else places
    level = disagreeing_level(candidate.places, places)
    if level is not None:
        return _fail(
            f"places ({level}) {describe(candidate.places, level)} vs {describe(places, level)}"
        )
    numbers = _union_numbers(members) if numbers is None else numbers
    clash = conflicting(candidate.numbers, numbers)
    if clash is not None:
        return _fail(f"numbers of {clash[0]}: {clash[2]} vs {clash[1]}")
    best, best_member = 0.0, founder
    for member in _anchors(candidate, founder, members):
        value = weighted_similarity(candidate.words, member.words, weights)
        if value > best:
            best, best_member = value, member
    threshold = options.min_wording_loose if loose else options.min_wording
    if candidate.family in BROAD_FAMILIES:
        threshold += options.broad_margin
    if best < threshold:
        return _fail(f"wording {best:.2f} below {threshold:.2f}", best)
    categories = (
        event.category
        if event.category == founder.event.category
        else f"{event.category}~{founder.event.category}"
    )
    shared_recipients = candidate.recipients & recipients
    recipient_text = (
        "unstated on one side"
        if not candidate.recipients or not recipients
        else _codes(shared_recipients)
        if shared_recipients
        else "the other side's actors"
    )
    shared_places = sorted(name for _, name in candidate.places & places)
    shared_words = sorted(
        candidate.words & best_member.words, key=lambda w: (-weights.weight(w), w)
    )[:6]
    reason = (
        f"family {candidate.family} ({categories}); "
        f"actors {_codes(shared_actors) if shared_actors else 'unknown on one side'}; "
        f"recipients {recipient_text}; "
        f"{'stated dates' if both_stated else 'dates'} {gap} days apart "
        f"({event.date.value} vs {founder.event.date.value}"
        f"{', coarse' if candidate.period.coarse or founder.period.coarse else ''}); "
        + (f"places {', '.join(shared_places)}; " if shared_places else "")
        + f"wording {best:.2f} with {best_member.event.event_id} ({', '.join(shared_words)})"
    )
    return Match(passed=True, score=best - 0.05 * gap, reason=reason)
