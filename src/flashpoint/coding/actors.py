"""Actor mentions: find who is named in a text and resolve them to codes, fast.

`find_actor_mentions` returns non-overlapping, character-exact mentions (longest match
wins) with an ISO3 / IGO:... / NGO code, a sector and the offset of the head word, so
the coder can line them up with the parse. It runs one compiled trie regex over the
text (see `actor_patterns`) and joins the matched atoms into phrases:

- qualifier + sector words + optional name: "Russian Foreign Minister Sergei Lavrov",
  "South Korea's Joint Chiefs of Staff", "Hamas militants", "UN peacekeepers";
- sector words + "of"/"in" + country: "the Ministry of Foreign Affairs of the DPRK";
- a title + a name: "President Yoon Suk Yeol" (a known leader gives the country);
- countries, demonyms, capitals (sector GOV), leaders, organisations alone.

A sector word with no country ("police arrested") takes the article's dominant country
from the `ActorContext`, or the code "---" when there is no context or no country.
With a context, references become mentions too: "the North"/"the South" in Korean news,
"the two Koreas" (two mentions, PRK and KOR, over the same span), "the country",
"the regime", "the communist state", and short names of people the article introduced
("Kim" after "Kim Jong Un"). Bare pronouns are left to `resolve_reference`; "we" and
"our" are resolved only in a report from the place's own outlet ("Pyongyang, May 3
(KCNA) --"), where they are that country. Leader names that KCNA's web text glues to the
next word ("ComradeKim Jong Unreceived") are still found.

Decisions: "Korea"/"Korean" alone are not mentions (in Korean news they are mostly
parts of names: "Korean peninsula", "Korea Herald"); "Congo" alone is the DR Congo;
sea and region names containing a country word ("East China Sea") are not actors.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from flashpoint.coding.actor_compose import Composer, Hit, scan_hits
from flashpoint.coding.actor_patterns import (
    ATOM_PATTERN,
    ATOMS,
    GLUED_NAME_PATTERN,
    KOREAN_HINT,
    OWNER_GAP,
    normalise_surface,
)
from flashpoint.coding.actor_residence import place_peoples
from flashpoint.coding.actor_types import (
    ActorContext,
    ActorMention,
    PersonRegistry,
    is_country_code,
)

__all__ = [
    "ActorContext",
    "ActorMention",
    "build_actor_context",
    "find_actor_mentions",
    "has_actor_mention",
    "resolve_reference",
]


def build_actor_context(text: str, title: str | None = None) -> ActorContext:
    """Scan a whole article once: dominant country, Korean context, introduced people."""
    persons: PersonRegistry = {}
    first = Composer(text, None, persons).compose(scan_hits(text, 0, len(text)), 0, len(text))
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for index, mention in enumerate(first):
        if (
            is_country_code(mention.code)
            and not _owned(text, first, index)
            and not _facility_owner(text, mention)
        ):
            counts[mention.code] += 1
            first_seen.setdefault(mention.code, mention.start)
    if title:
        for mention in Composer(title, None, {}).compose(
            scan_hits(title, 0, len(title)), 0, len(title)
        ):
            if is_country_code(mention.code):
                counts[mention.code] += 2
                first_seen.setdefault(mention.code, -1)
    dominant = None
    if counts:
        dominant = max(counts, key=lambda code: (counts[code], -first_seen[code]))
    korean = bool(counts.keys() & {"PRK", "KOR"}) or bool(
        KOREAN_HINT.search(text, 0, 3000) or (title and KOREAN_HINT.search(title))
    )
    context = ActorContext(
        text=text,
        title=title,
        dominant=dominant,
        korean=korean,
        persons=persons,
        voice=_home_outlet_country(text),
    )
    context.mentions = first
    context.starts = [m.start for m in first]
    context.mentions = find_actor_mentions(text, 0, len(text), context)
    context.starts = [m.start for m in context.mentions]
    return context


def find_actor_mentions(
    text: str, start: int = 0, end: int | None = None, context: ActorContext | None = None
) -> list[ActorMention]:
    """Actor mentions in text[start:end] with whole-text offsets, sorted by start."""
    stop = len(text) if end is None else end
    hits = scan_hits(text, start, stop)
    registry = context.persons if context is not None else {}
    found = Composer(text, context, registry, frozen=True).compose(hits, start, stop)
    return place_peoples(text, found)


# "Pyongyang, December 24 (KCNA) --": place, date, outlet, at the start of an article.
_DATELINE = re.compile(
    r"\s*([A-Z][\w'’. -]{1,40}?),\s+[A-Z][a-z]{2,9}\.?\s+\d{1,2}\s+\(([^()\n]{2,40})\)\s*(?:--|—|–)"
)


def _home_outlet_country(text: str) -> str | None:
    """The country of a dateline whose outlet belongs to the same country, else None."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    place = ATOMS.get(normalise_surface(match.group(1)))
    outlet = ATOMS.get(normalise_surface(match.group(2)))
    if place is None or outlet is None or place.kind not in {"capital", "country"}:
        return None
    return place.code if outlet.sector == "MED" and outlet.code == place.code else None


# "the U.S. embassy in Seoul", "a Japanese consulate": a country before a facility noun
# owns the building; it says nothing of whose story the article tells, so it does not
# give its nationality to the bare "protesters" or "police" of the text.
_FACILITY = r"(?:embass(?:y|ies)|consulates?|bases?|offices?)"
_FACILITY_END = re.compile(rf"\b{_FACILITY}$", re.IGNORECASE)
_FACILITY_AFTER = re.compile(rf"\s+(?:[a-z]+\s+)?{_FACILITY}\b")


def _facility_owner(text: str, mention: ActorMention) -> bool:
    """ "the U.S. embassy", "a U.S. air base": a country naming a facility's owner."""
    return bool(_FACILITY_END.search(mention.text)) or (
        mention.kind in {"country", "demonym"} and bool(_FACILITY_AFTER.match(text, mention.end))
    )


def _owned(text: str, mentions: list[ActorMention], index: int) -> bool:
    """ "a spokesman for the U.S. embassy": the office and its owner count once."""
    if index + 1 >= len(mentions):
        return False
    mention, owner = mentions[index], mentions[index + 1]
    return owner.code == mention.code and bool(OWNER_GAP.fullmatch(text, mention.end, owner.start))


_CHEAP_KINDS = frozenset(
    {"country", "demonym", "capital", "region", "igo", "group", "institution", "leader", "implicit"}
)


def has_actor_mention(
    text: str, start: int = 0, end: int | None = None, context: ActorContext | None = None
) -> bool:
    """True when text[start:end] names an actor (a cheap test for the prefilter)."""
    stop = len(text) if end is None else end
    for match in ATOM_PATTERN.finditer(text, start, stop):
        atom = ATOMS.get(normalise_surface(match.group()))
        if atom is None:
            continue
        if atom.kind in _CHEAP_KINDS or (atom.kind == "sector" and atom.bare):
            return True
        if context is not None and atom.kind in {"short", "reference"}:
            return True
    if GLUED_NAME_PATTERN.search(text, start, stop):
        return True
    if context is not None and context.voice and _WE_WORD.search(text, start, stop):
        return True  # "We will never tolerate it" in a Pyongyang (KCNA) report
    if context is not None and context.persons:
        return bool(find_actor_mentions(text, start, stop, context))
    return False


_IT = frozenset({"it", "its", "itself"})
_THEY = frozenset({"they", "them", "their", "theirs", "themselves"})
_HE = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_WE = frozenset({"we", "us", "our", "ours", "ourselves"})
_WE_WORD = re.compile(r"\b(?:[Ww]e|[Uu]s|[Oo]ur|[Oo]urselves)\b")
_IT_KINDS = frozenset(
    {"country", "capital", "short_form", "institution", "igo", "group", "reference", "region"}
    | {"implicit"}
)


def _earlier(context: ActorContext, before: int) -> list[ActorMention]:
    """Mentions ending before `before`, most recent first."""
    index = bisect_left(context.starts, before)
    return [m for m in reversed(context.mentions[:index]) if m.end <= before]


def _paired(mention: ActorMention, context: ActorContext) -> bool:
    """One of two mentions over one span ("the two Koreas"): plural, not an "it"."""
    index = bisect_left(context.starts, mention.start)
    same = context.starts[index : index + 2]
    return len(same) == 2 and same[0] == same[1]


def resolve_reference(
    word_start: int, word_text: str, context: ActorContext
) -> ActorMention | None:
    """Resolve "it", "they", "he", "the country", "the regime", "the North" ... to an actor.

    Pronouns take the most recent compatible mention before them; noun phrases are
    matched like `find_actor_mentions` would ("Pyongyang's regime") and, when they are
    bare references, take the most recent country (else the article's dominant one).
    """
    word = " ".join(word_text.lower().split())
    end = word_start + len(word_text)

    def as_reference(source: ActorMention, sector: str | None) -> ActorMention:
        return ActorMention(
            word_start, end, word_text, source.code, sector, "reference", word_start
        )

    if word in _WE:
        if context.voice is None:
            return None
        return ActorMention(
            word_start, end, word_text, context.voice, None, "reference", word_start
        )
    earlier = _earlier(context, word_start)
    if word in _IT:
        for mention in earlier:
            if (
                mention.kind in _IT_KINDS
                and mention.code != "---"
                and not _paired(mention, context)
            ):
                return as_reference(mention, mention.sector)
        return None
    if word in _THEY:
        plural = [m for m in earlier if m.code != "---" and m.kind not in {"person", "leader"}]
        for mention in plural:
            if mention.text.rstrip("'’").endswith("s") or mention.kind == "group":
                return as_reference(mention, mention.sector)
        return as_reference(plural[0], plural[0].sector) if plural else None
    if word in _HE:
        for mention in earlier:
            if mention.kind in {"person", "leader"}:
                return as_reference(mention, mention.sector)
        return None
    # A noun phrase: match it in place, as if it stood in the article at word_start.
    padded = context.text[:word_start] + word_text
    found = find_actor_mentions(padded, word_start, len(padded), context)
    if found:
        best = max(found, key=lambda m: m.end - m.start)
        return ActorMention(
            word_start, end, word_text, best.code, best.sector, "reference", best.head
        )
    return None


def hits_for(text: str) -> list[Hit]:
    """The raw atoms of a text (for debugging the lexicon)."""
    return scan_hits(text, 0, len(text))
