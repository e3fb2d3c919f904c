"""Counts and ordinals a report states: "two ballistic missiles", "the 106th candlelight rally".

Two reports that count the same thing differently ("two missiles" and "three
missiles") or number it differently ("the 101st rally" and "the 106th rally") are
about different events. Counts of people are left out: death tolls and numbers of
rescued or detained people are revised from one report to the next, so they differ
between honest reports of one event.
"""

from __future__ import annotations

import re

from flashpoint.stories.wording import is_stopword, stem

NumberSet = frozenset[tuple[str, str]]  # (noun stem, "n" + count or "#" + ordinal)

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "single": 1,
}
_COUNT = re.compile(
    r"\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|single)"
    r"((?:\s+[A-Za-z][A-Za-z-]*){1,3})",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"\b(\d{1,4})(?:st|nd|rd|th)((?:\s+[A-Za-z][A-Za-z-]*){1,3})")
# Counted things whose numbers are revised between honest reports: people.
_PEOPLE_TEXT = """people persons person civilians civilian soldiers soldier troops personnel passengers
    militants terrorists fighters members children women men workers officials students
    residents victims hostages attackers police officers insurgents rebels protesters
    demonstrators refugees migrants prisoners detainees dead wounded injured casualties
    deaths killed bodies families households lives others"""
_PEOPLE = frozenset(_PEOPLE_TEXT.split())
# Units make a number a size ("600 mm rockets", "60 metres"), not a count.
_UNITS_TEXT = """mm cm m km kg g t kt mt lb lbs tons tonnes ton tonne metres meters metre meter miles
    mile kilometres kilometers kilometre kilometer feet foot inch inches percent per"""
_UNITS = frozenset(_UNITS_TEXT.split())
# Nouns after an ordinal that name a date or a rank rather than an event's number.
_NOT_NUMBERED_TEXT = """anniversary birthday century day days year years time times place round floor
    session january february march april may june july august september october november
    december"""
_NOT_NUMBERED = frozenset(_NOT_NUMBERED_TEXT.split())


def _count_value(text: str) -> int | None:
    lowered = text.lower()
    if lowered.isdigit():
        return int(lowered)
    return _NUMBER_WORDS.get(lowered)


def _phrase(words: str) -> list[str]:
    """The words of a noun phrase after a number, up to the first function word."""
    found: list[str] = []
    for word in words.split():
        lowered = word.lower()
        if is_stopword(lowered) or lowered in {"and", "or"}:
            break
        found.append(lowered)
    return found


def numbers_in(text: str) -> NumberSet:
    """Counts of things (not people) and ordinals of events stated in `text`."""
    found: set[tuple[str, str]] = set()
    for match in _COUNT.finditer(text):
        value = _count_value(match.group(1))
        phrase = _phrase(match.group(2))
        if value is None or value == 0 or not phrase or phrase[0] in _UNITS:
            continue
        noun = phrase[-1]  # the head of the noun phrase: "two ballistic missiles"
        if noun in _PEOPLE or (value > 1 and not noun.endswith("s")):
            continue
        found.add((stem(noun), f"n{value}"))
    for match in _ORDINAL.finditer(text):
        phrase = _phrase(match.group(2))
        if not phrase or phrase[-1] in _NOT_NUMBERED:
            continue
        found.add((stem(phrase[-1]), f"#{match.group(1)}"))
    return frozenset(found)


def conflicting(first: NumberSet, second: NumberSet) -> tuple[str, str, str] | None:
    """A noun both count or number differently: (noun, first value, second value)."""
    ours: dict[str, set[str]] = {}
    for noun, value in first:
        ours.setdefault(noun, set()).add(value)
    for noun, value in sorted(second):
        values = ours.get(noun)
        if values is None:
            continue
        same_kind = {v for v in values if v[0] == value[0]}
        if same_kind and value not in same_kind:
            return noun, sorted(same_kind)[0][1:], value[1:]
    return None
