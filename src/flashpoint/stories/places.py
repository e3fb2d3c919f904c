"""Places an event's report states, by level, so that two reports naming different places
can be told apart ("new houses" at one farm and at another, two sites visited one day).

A place is found three ways, all general English:

- the gazetteer of the coder (`coding.places.find_places`): cities, regions and seas
  with canonical names, so "Sea of Japan" and "East Sea" are one sea; only after a
  locative word ("in Seoul", "toward the East Sea"), not as a source ("Seoul's Joint
  Chiefs of Staff");
- a capitalised name before an administrative noun ("Onchon County", "Taean District",
  "North Phyongan Province") or after "the city of", "the county of" ...;
- a capitalised name before a facility noun ("Undok Farm", "Friendship Tower",
  "Korean Revolution Museum").

Countries are left out: the actor and recipient tests compare countries, and a report
naming the country an event concerns is no different place from one that does not.
Levels run from `site` (the finest) through `local` and `region` to `sea`. Two sets of
places *disagree* when they share a level and have no place in common at it; places
at different levels never disagree ("Sinuiju" and "North Phyongan Province").

When the evidence sentence names no place, the place of the report is taken from the
article's title and first sentence (without a dateline such as "Pyongyang, August 2
(KCNA) --"): routine reports ("officials visited the new houses") state the place only
there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from flashpoint.coding.places import find_places
from flashpoint.models import Article, Event

PlaceSet = frozenset[tuple[str, str]]  # (level, normalised name)

_LEVEL_OF_FEATURE = {"city": "local", "region": "region", "sea": "sea", "site": "site"}
_ADMIN_NOUNS = {
    "county": "local",
    "district": "local",
    "city": "local",
    "town": "local",
    "village": "local",
    "township": "local",
    "province": "region",
    "municipality": "region",
    "prefecture": "region",
    "region": "region",
    "oblast": "region",
    "governorate": "region",
}
_SITE_NOUNS = (
    "farm|tower|cemetery|hill|museum|hall|palace|square|park|theatre|theater|factory|mill|"
    "mine|complex|station|airport|airbase|base|academy|university|college|school|hospital|"
    "hotel|stadium|church|mosque|temple|bridge|dam|reservoir|camp|plant|works|smeltery|"
    "shipyard|harbour|harbor|monument|memorial|mausoleum|embassy|consulate"
)
_NAME = r"(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*"
_ADMIN_AFTER = re.compile(rf"\b({_NAME})\s+({'|'.join(n.title() for n in _ADMIN_NOUNS)})\b")
_ADMIN_BEFORE = re.compile(
    rf"\bthe\s+({'|'.join(_ADMIN_NOUNS)})\s+of\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)"
)
_SITE = re.compile(rf"\b({_NAME})\s+({_SITE_NOUNS.title()})\b")
_LEADING = re.compile(r"^(?:(?:The|A|An|In|At|On|Of|And|To|From|Near|New|Its|Their)\s+)+")
_DATELINE = re.compile(r"^\s*[A-Z][\w .'’-]{0,40},\s+\w+\.?\s+\d{1,2}\s*\([^)]{1,30}\)\s*[-–—]+\s*")
# A gazetteer name counts as a place of the event only after a locative word ("in
# Seoul", "off the coast of Wonsan", "toward the East Sea"), not as a source ("Seoul's
# Joint Chiefs of Staff") or a modifier.
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|off|from|on|outside|inside|into|toward|towards|over|around|across|"
    r"within|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n")


def _name(words: str) -> str | None:
    """The capitalised name with leading function words dropped; None when nothing is left."""
    if not words[:1].isupper():
        return None
    cleaned = _LEADING.sub("", words).strip(" .,'’")
    if not cleaned or not all(w[:1].isupper() for w in cleaned.split()):
        return None
    return " ".join(cleaned.lower().split())


def _possessive(text: str, end: int) -> bool:
    return text[end : end + 2] in {"'s", "’s"}


@functools.lru_cache(maxsize=4096)  # an article's lead is asked for once per event
def places_in(text: str) -> PlaceSet:
    """The places named in `text` (see the module docstring), as (level, name) pairs."""
    found: set[tuple[str, str]] = set()
    for location in find_places(text):
        level = _LEVEL_OF_FEATURE.get(location.feature)
        cued = _LOCATIVE.search(text[max(0, location.start - 60) : location.start])
        if level is not None and cued and not _possessive(text, location.end):
            found.add((level, location.name.lower()))
    for match in _ADMIN_AFTER.finditer(text):
        noun = match.group(2)
        name = _name(match.group(1))
        if name is not None and not _possessive(text, match.end()):
            found.add((_ADMIN_NOUNS[noun.lower()], f"{name} {noun.lower()}"))
    for match in _ADMIN_BEFORE.finditer(text):
        name = _name(match.group(2))
        if name is not None:
            found.add((_ADMIN_NOUNS[match.group(1).lower()], name))
    for match in _SITE.finditer(text):
        noun = match.group(2)
        name = _name(match.group(1))
        if name is not None and not _possessive(text, match.end()):
            found.add(("site", f"{name} {noun.lower()}"))
    return frozenset(found)


def article_lead(article: Article) -> str:
    """The article's title and first sentence, without a dateline."""
    body = _DATELINE.sub("", article.text[:1500], count=1)
    first = _SENTENCE_END.split(body, maxsplit=1)[0]
    return f"{article.title or ''}\n{first}"


def event_places(event: Event, article: Article | None) -> PlaceSet:
    """What the report states about where: the sentence's places, else the article lead's."""
    stated = places_in(event.sentence.text)
    if event.location is not None:
        level = _LEVEL_OF_FEATURE.get(event.location.feature)
        if level is not None:
            stated |= {(level, event.location.name.lower())}
    if stated or article is None:
        return stated
    return places_in(article_lead(article))


def disagreeing_level(first: PlaceSet, second: PlaceSet) -> str | None:
    """A level at which both name places and share none, or None when they agree."""
    levels: dict[str, tuple[set[str], set[str]]] = {}
    for level, name in first:
        levels.setdefault(level, (set(), set()))[0].add(name)
    for level, name in second:
        levels.setdefault(level, (set(), set()))[1].add(name)
    for level in ("site", "local", "region", "sea"):
        ours, theirs = levels.get(level, (set(), set()))
        if ours and theirs and not any(_same_place(a, b) for a in ours for b in theirs):
            return level
    return None


def _same_place(first: str, second: str) -> bool:
    """One name, or one ends the other ("mansu hill" and "ilon mansu hill")."""
    return first == second or first.endswith(" " + second) or second.endswith(" " + first)


def union(sets: Iterable[PlaceSet]) -> PlaceSet:
    merged: set[tuple[str, str]] = set()
    for places in sets:
        merged |= places
    return frozenset(merged)


def describe(places: PlaceSet, level: str) -> str:
    return "/".join(sorted(name for lvl, name in places if lvl == level))
