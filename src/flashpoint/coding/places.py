"""Places in news text, and the place where an event happened.

`find_places` returns every gazetteer place named in a stretch of text, with exact
article offsets and coordinates. A name that is ambiguous (see place_gazetteer) counts
only with a locative cue. `event_location` keeps only places introduced by a cue
("in", "at", "near", "off the coast of", "in the X area", "X-based") and returns the one
nearest the trigger: a capital used as an actor ("Pyongyang said") has no cue and so
is not the event's location. `Location.name` is the gazetteer's canonical name; the
words as written are text[start:end].
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from flashpoint.coding.place_gazetteer import PlaceEntry, gazetteer
from flashpoint.models import Location
from flashpoint.ontology.places import COUNTRY_ALIASES, DOMAIN_PLACES

# Words, keeping "U.S." and "Punggye-ri" whole but splitting off "-based" and "'s".
_TOKEN = re.compile(r"[A-Za-zÀ-ɏ]+(?:(?!-based\b|['’]s\b)[-'’.][A-Za-zÀ-ɏ]+)*\.?")
_DIRECTIONS = r"north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west"
_COMPASS = r"northeastern|northwestern|southeastern|southwestern"
_PLACE_NOUNS = (
    r"city|town|village|port|capital|province|region|county|island|islands|peninsula|border|"
    rf"southern|northern|eastern|western|{_COMPASS}|central|downtown|coastal|border\s+city|border\s+town|"
    r"capital\s+city|port\s+city|coastal\s+city|naval\s+base|air\s+base|base|waters|seas?"
)
# Strong cues put the named place where something happened.
_STRONG_CUE = re.compile(
    rf"(?i:\b(?:in|at|near|off|from|outside(?:\s+of)?|inside|into|across|over|around|within|throughout|"
    rf"(?:coast|outskirts|{_DIRECTIONS}|city|town|village|port|capital|province|region|area|"
    rf"suburbs?|border|waters|centre|center|heart|parts?|vicinity|skies|shores?)\s+of|"
    rf"\d[\d,.]*\s*(?:km|kilometers?|kilometres?|miles?)\s+(?:(?:{_DIRECTIONS})\s+)?(?:of|from))"
    rf"\s+(?:the\s+(?-i:[a-z][a-z-]+\s+)?)?(?-i:[A-Z][A-Za-z.-]*['’]s\s+)?"
    rf"(?:(?-i:(?:[A-Z][A-Za-z-]+\s+){{0,2}})(?:{_PLACE_NOUNS})(?:\s+of|,)?\s+)*)$"
)
# ("in the Peruvian town of Cusco", "in the South Korean capital, Seoul", "in Yemen's port
# city of X": one or two capitalised adjectives or a possessive may precede the place
# noun, and the place may follow it as an appositive.)
# Weak cues name a destination or a visit: the place of the event, but less surely.
_WEAK_CUE = re.compile(
    rf"(?i:\b(?:to|towards?|via|visit(?:ed|s|ing)?|reach(?:ed|es|ing)?|enter(?:ed|s|ing)?|"
    rf"land(?:ed|s|ing)?\s+in)\s+(?:the\s+)?(?:(?:{_PLACE_NOUNS})\s+(?:of\s+)?)*)$"
)
_BASED_AFTER = re.compile(r"-based\b")
# Cues that fit a town, site, island or sea but not a country: "landed on Yeonpyeong
# Island", "shelled Kharkiv" (against "sanctions on Iran", "attacked Israel").
_ON_CUE = re.compile(r"(?i:\b(?:on|upon)\s+(?:the\s+)?)$")
_STRIKE_CUE = re.compile(
    r"(?i:\b(?:shell(?:ed|s|ing)?|bomb(?:ed|s|ing)?|struck|strikes?|striking|hit|hits|"
    r"raid(?:ed|s|ing)?|attack(?:ed|s|ing)?|captur(?:ed|es|ing)|seiz(?:ed|es|ing)|"
    r"stormed|besieged|liberated|encircled|overran)\s+(?:the\s+)?)$"
)
# A country name right before one of these nouns modifies it ("outside the U.S. embassy
# in Seoul", "South Korean officials"): the country owns the thing, it is not the place.
_OWNED_NOUN = re.compile(
    r"\s+(?:embass(?:y|ies)|consulates?|missions?|bases?|headquarters|compounds?|offices?|"
    r"warships?|destroyers?|carriers?|vessels?|ships?|submarines?|troops|forces|soldiers|"
    r"military|army|navy|marines|officials?|government|delegations?|envoys?|ambassadors?|"
    r"diplomats?|nationals|citizens|compan(?:y|ies)|firms?|president|leaders?|side)\b"
)
# A country whose possessive leads to the place named next ("in Yemen's port city of X").
_COUNTRY_OF_NEXT = re.compile(rf"['’]s\s+(?:[a-z][a-z-]*\s+)*?(?:{_PLACE_NOUNS})(?:\s+of|,)?\s+")
_COORDINATION = frozenset({", ", ",", " and ", ", and ", " or ", " and the ", " or the "})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised words that may stand right before a place name without joining it.
_FUNCTION_WORDS = _words(
    "in at near off from outside inside into across over around to the and or but of on by "
    "for with after before during while as via north south east west northern southern "
    "eastern western central"
)
_NOT_NAME_CONTINUATION = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december on in at and or the"
)


@dataclass(frozen=True, slots=True)
class _PlaceMention:
    entry: PlaceEntry
    start: int
    end: int
    cue: str | None  # strong, weak, based or None

    def location(self) -> Location:
        e = self.entry
        return Location(e.name, e.country, e.lat, e.lon, self.start, self.end, e.feature)


def _cue(text: str, start: int, end: int, feature: str) -> str | None:
    window = text[max(0, start - 60) : start]
    if _STRONG_CUE.search(window):
        return "strong"
    if feature in {"region", "site", "sea"} and _ON_CUE.search(window):
        return "strong"
    if feature != "country" and _STRIKE_CUE.search(window):
        return "strong"
    if _WEAK_CUE.search(window):
        return "weak"
    if _BASED_AFTER.match(text, end):
        return "based"
    return None


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper()


def _scan(text: str, start: int, end: int) -> list[_PlaceMention]:
    gaz = gazetteer()
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    found: list[_PlaceMention] = []
    i = 0
    while i < len(tokens):
        if not _is_capitalised(text[tokens[i][0] : tokens[i][1]]):
            i += 1
            continue
        match = _longest_match(text, tokens, i, gaz.max_words)
        if match is None:
            i += 1
            continue
        entries, last, span_end = match
        mention = _accept(text, tokens, (i, last, span_end), entries, found)
        if mention is not None:
            found.append(mention)
        i = last + 1
    return found


def _longest_match(
    text: str, tokens: list[tuple[int, int]], i: int, max_words: int
) -> tuple[tuple[PlaceEntry, ...], int, int] | None:
    gaz = gazetteer()
    for last in range(min(len(tokens), i + max_words) - 1, i - 1, -1):
        span_end = tokens[last][1]
        words = text[tokens[i][0] : span_end]
        entries = gaz.lookup(words)
        if not entries and words.endswith("."):
            span_end -= 1
            entries = gaz.lookup(words[:-1])
        if entries and _case_fits(words):
            return entries, last, span_end
    return None


def _case_fits(words: str) -> bool:
    """An all-capitals word ("BLA") is an acronym unless the gazetteer spells it so ("DPRK")."""
    letters = [ch for ch in words if ch.isalpha()]
    if len(letters) < 2 or not all(ch.isupper() for ch in letters):
        return True
    return words.rstrip(".") in _acronyms()


@functools.cache
def _acronyms() -> frozenset[str]:
    names = [*COUNTRY_ALIASES]
    for place in DOMAIN_PLACES:
        names += [place.name, *place.aliases]
    return frozenset(n.rstrip(".") for n in names if n.replace(".", "").isupper())


def _accept(
    text: str,
    tokens: list[tuple[int, int]],
    span: tuple[int, int, int],  # first token, last token, end offset
    entries: tuple[PlaceEntry, ...],
    found: list[_PlaceMention],
) -> _PlaceMention | None:
    first, last, span_end = span
    span_start = tokens[first][0]
    if first > 0 and _joins_name_before(text, tokens[first - 1], span_start):
        return None  # "George Washington", "Lake Victoria"
    if last + 1 < len(tokens) and _joins_name_after(text, span_end, tokens[last + 1]):
        return None  # "Washington Post", "Seoul National University"
    entry = entries[0]
    cue = _cue(text, span_start, span_end, entry.feature)
    if entry.feature == "country" and _OWNED_NOUN.match(text, span_end):
        cue = None
    previous = found[-1] if found else None
    joint = text[previous.end : span_start] if previous is not None else None
    if previous is not None and joint in _COORDINATION:
        # An appositive ("in Hamhung, North Korea": the country picks among the cities)
        # or a list ("in Nice and Reading"): the second place shares the first's cue.
        if (
            joint.strip() == ","
            and entry.feature == "country"
            and previous.entry.feature != "country"
        ):
            better = _in_country(gazetteer().lookup(text[previous.start : previous.end]), entry)
            if better is not None:
                found[-1] = _PlaceMention(better, previous.start, previous.end, previous.cue)
        cue = cue or previous.cue
    if entry.needs_cue and cue != "strong":
        return None
    return _PlaceMention(entry, span_start, span_end, cue)


def _in_country(entries: tuple[PlaceEntry, ...], country: PlaceEntry) -> PlaceEntry | None:
    return next((e for e in entries if e.country == country.country), None)


def _joins_name_before(text: str, token: tuple[int, int], span_start: int) -> bool:
    word = text[token[0] : token[1]]
    if text[token[1] : span_start] != " " or not _is_capitalised(word):
        return False
    if word.endswith(("'s", "’s")) or word.lower() in _FUNCTION_WORDS:
        return False
    return not _sentence_initial(text, token[0])


def _joins_name_after(text: str, span_end: int, token: tuple[int, int]) -> bool:
    word = text[token[0] : token[1]].rstrip(".")
    if text[span_end : token[0]] != " " or not _is_capitalised(word):
        return False
    return word.lower() not in _NOT_NAME_CONTINUATION


def _sentence_initial(text: str, position: int) -> bool:
    before = text[:position].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?\n"


def find_places(text: str, start: int = 0, end: int | None = None) -> list[Location]:
    """Every place named in text[start:end], with article offsets and coordinates."""
    stop = len(text) if end is None else end
    return [mention.location() for mention in _scan(text, start, stop)]


_WORD = re.compile(r"\w+")
_CLAUSE_BREAK = re.compile(r"[,;:()—]")
_CLAUSE_PENALTY = 30.0
_CUE_PENALTY = {"strong": 0.0, "weak": 40.0, "based": 80.0}
_FEATURE_PENALTY = {"country": 15.0, "sea": 5.0}


def event_location(
    text: str, sentence_start: int, sentence_end: int, trigger_start: int
) -> Location | None:
    """Where the event whose trigger starts at `trigger_start` happened, if the sentence says.

    Only places with a locative cue count. The nearest to the trigger wins; a weak cue
    (a destination, "to Beijing") or "X-based" loses to a strong one, and a country
    loses to a more specific place at a similar distance.
    """
    best: tuple[float, _PlaceMention] | None = None
    word = _WORD.match(text, trigger_start)
    trigger_end = word.end() if word else trigger_start
    mentions = _scan(text, sentence_start, sentence_end)
    for index, mention in enumerate(mentions):
        if mention.cue is None or _qualifies_next(text, mentions, index):
            continue
        if mention.end <= trigger_start:
            between = text[mention.end : trigger_start]
        else:
            between = text[trigger_end : max(trigger_end, mention.start)]
        score = len(between) + _CLAUSE_PENALTY * len(_CLAUSE_BREAK.findall(between))
        score += _CUE_PENALTY[mention.cue]
        score += _FEATURE_PENALTY.get(mention.entry.feature, 0.0)
        if best is None or score < best[0]:
            best = (score, mention)
    return best[1].location() if best is not None else None


def _qualifies_next(text: str, mentions: list[_PlaceMention], index: int) -> bool:
    """A country that only says whose the next place is ("Yemen's port city of X")."""
    if mentions[index].entry.feature != "country" or index + 1 >= len(mentions):
        return False
    here, following = mentions[index], mentions[index + 1]
    return _COUNTRY_OF_NEXT.fullmatch(text, here.end, following.start) is not None
