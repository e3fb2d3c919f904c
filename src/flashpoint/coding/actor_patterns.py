"""The compiled actor vocabulary: one trie regex over every surface form, built at import.

Every country name, adjective, capital, leader name, organisation, sector word and
blocked name becomes one alternative of a single regex, written as a character trie so
that the regex engine finds the leftmost-longest form in one pass over the text in C.
Each match is then looked up in `ATOMS` by its normalised surface to learn what it is.
The composition of atoms into mentions lives in `flashpoint.coding.actors`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flashpoint.ontology.actor_lexicon import (
    ATTRIBUTIVE_NOUNS,
    MODIFIER_WORDS,
    REFERENCE_ADJECTIVES,
    REFERENCE_NOUNS,
    leaders,
    named_actors,
    sector_words,
)
from flashpoint.ontology.countries import countries

# Atom kinds. Country-like atoms can qualify a sector word ("Russian" + "troops").
COUNTRY_KINDS = frozenset({"country", "demonym", "capital", "region"})
QUALIFIER_KINDS = COUNTRY_KINDS | {"igo", "group", "institution", "leader", "reference"}


@dataclass(frozen=True, slots=True)
class Atom:
    """What one surface form is."""

    kind: str  # country demonym capital region igo group institution leader sector short block
    code: str  # ISO3, IGO:..., NGO, IMG; "" for sector words
    sector: str | None
    head: int  # offset of the head word inside the surface
    bare: bool = True  # sector words: an actor without a country
    title: bool = False  # sector words: a personal title
    role: bool = False  # sector words: takes the sector of the group before it
    adjective: bool = False  # country adjectives ("Russian")
    intro_names: tuple[str, ...] = ()  # leaders: short names usable after this one
    after_intro: bool = False  # leaders: only a short name, valid after an introduction
    reference: str | None = None  # reference nouns: the noun ("country", "regime")
    group_only: bool = False  # a people's adjective: an actor only before a sector word


def normalise_surface(text: str) -> str:
    """The lookup key of a matched surface: straight apostrophes, single spaces."""
    return " ".join(text.replace("’", "'").split())


def _head_offset(surface: str, *, person: bool = False) -> int:
    """Offset of the head word: a person's first name word, else the last word before "of"."""
    if person:
        return 0
    before_of = surface.split(" of ", maxsplit=1)[0]
    return before_of.rfind(" ") + 1


def _case_variants(surface: str) -> list[str]:
    if any(ch.isupper() for ch in surface):
        return [surface]
    words = surface.split(" ")
    small = {"of", "the", "and"}
    title = " ".join(
        w if (i > 0 and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )
    # "Lt. Gen." style: capitalise after every full stop too.
    title = re.sub(r"\.(\w)", lambda m: "." + m.group(1).upper(), title)
    first = surface[:1].upper() + surface[1:]
    # "Secretary-General", "Vice-President": titles capitalise every part of a compound.
    hyphened = re.sub(r"-(\w)", lambda m: "-" + m.group(1).upper(), title)
    return list(dict.fromkeys([surface, first, title, hyphened]))


def _name_variants(name: str) -> list[str]:
    """Hyphenated given names appear as "Kim Jong-un", "Kim Jong Un" and "Kim Jong-Un"."""
    variants = [name]
    if "-" in name:
        spaced = re.sub(r"-(\w)", lambda m: " " + m.group(1).upper(), name)
        capped = re.sub(r"-(\w)", lambda m: "-" + m.group(1).upper(), name)
        variants += [spaced, capped]
    return list(dict.fromkeys(variants))


def _build_atoms() -> dict[str, Atom]:
    atoms: dict[str, Atom] = {}

    def add(surface: str, atom: Atom, *, override: bool = False) -> None:
        key = normalise_surface(surface)
        if key and (override or key not in atoms):
            atoms[key] = atom

    # Named actors and blocked names first: they win over everything.
    for named in named_actors():
        kind = "institution" if named.kind == "outlet" else named.kind
        add(named.surface, Atom(kind, named.code, named.sector, _head_offset(named.surface)))
    for country in countries().values():
        for name in country.names:
            add(name, Atom("country", country.iso3, None, _head_offset(name), adjective=True))
        for capital in country.capitals:
            add(capital, Atom("capital", country.iso3, "GOV", _head_offset(capital)))
        for adjective in country.adjectives:
            add(adjective, Atom("demonym", country.iso3, None, 0, adjective=True))
        for people in country.people:
            add(people, Atom("demonym", country.iso3, None, _head_offset(people)))
        for people in country.peoples:
            add(people, Atom("demonym", country.iso3, None, 0, adjective=True, group_only=True))
    for leader in leaders():
        for full in leader.full_names:
            for variant in _name_variants(full):
                atom = Atom("leader", leader.code, leader.sector, 0, intro_names=leader.intro_names)
                add(variant, atom)
        for short in leader.short_names:
            add(short, Atom("leader", leader.code, leader.sector, 0))
    for word in sector_words():
        reference = word.surface if word.surface in REFERENCE_NOUNS else None
        for variant in _case_variants(word.surface):
            atom = Atom(
                "sector",
                "",
                word.sector,
                _head_offset(variant),
                bare=word.bare,
                title=word.title,
                role=word.role,
                reference=reference,
            )
            add(variant, atom)
    for noun in REFERENCE_NOUNS:
        for variant in _case_variants(noun):
            add(variant, Atom("reference", "", REFERENCE_NOUNS[noun], 0, reference=noun))
    add("island nation", Atom("reference", "", None, 7, reference="nation"))
    # Korean short forms; the matcher accepts them only after "the" in Korean context.
    for direction, code in (("North", "PRK"), ("South", "KOR")):
        for variant in (direction, direction.lower()):
            add(variant, Atom("short", code, None, 0))
    add("Koreas", Atom("short", "PRK+KOR", None, 0))
    return atoms


ATOMS: dict[str, Atom] = _build_atoms()


def _trie_regex(words: list[str]) -> str:
    """A regex matching any of `words`, longest first at each position, as a trie."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        terminal = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            if ch == " ":
                piece = r"\s+"
            elif ch == "'":
                piece = "['’]"
            else:
                piece = re.escape(ch)
            branches.append(piece + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if terminal:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


ATOM_PATTERN: re.Pattern[str] = re.compile(r"\b(?:" + _trie_regex(sorted(ATOMS)) + r")(?!\w)")


def _glued_names() -> list[str]:
    """Leader names of two or more words, the forms that can be found glued to a word."""
    return sorted(
        key for key, atom in ATOMS.items() if atom.kind == "leader" and " " in key and key.istitle()
    )


# KCNA's web text loses the space around a leader's name set in bold ("the respected
# ComradeKim Jong Unreceived ..."). A multi-word name glued to a letter on either side is
# still that person; a name glued on neither side is an ordinary match of ATOM_PATTERN.
_GLUED_TRIE = _trie_regex(_glued_names())
GLUED_NAME_PATTERN: re.Pattern[str] = re.compile(
    r"(?<=[A-Za-z])(?:" + _GLUED_TRIE + r")(?![A-Z0-9_])|\b(?:" + _GLUED_TRIE + r")(?=[a-z])"
)

# As a trie too: these run at every sector word, a plain alternation would dominate the cost.
_MODIFIERS = _trie_regex(sorted(set(MODIFIER_WORDS)))

# Between a qualifier and its sector word: an optional possessive, then modifiers.
QUALIFIER_GAP: re.Pattern[str] = re.compile(r"(?:['’]s?)?(?:\s+(?i:" + _MODIFIERS + r"))*\s+\Z")
# "Lyon's Croix-Rousse district council": a possessive place, a proper name, a body.
POSSESSIVE_NAME_GAP: re.Pattern[str] = re.compile(
    r"['’]s(?:[ \t]+[A-Z][\w'’-]*[a-z]){1,2}(?:\s+(?i:" + _MODIFIERS + r"))*\s+\Z"
)
# "Trinidad-based militants": where a group is based is whose it is.
BASED_GAP: re.Pattern[str] = re.compile(r"-based(?:\s+(?i:" + _MODIFIERS + r"))*\s+\Z")
# Between two sector words ("army special forces", "government forces").
SECTOR_GAP: re.Pattern[str] = re.compile(r"(?:\s+(?i:" + _MODIFIERS + r"))*\s+\Z")
# Modifiers right before a sector word without a qualifier ("Foreign Minister").
LEFT_MODIFIERS: re.Pattern[str] = re.compile(r"(?<![\w'’-])(?:(?i:" + _MODIFIERS + r")\s+){1,3}\Z")
# "of"/"in" linking a sector word to its country ("Ministry of Foreign Affairs of the DPRK").
# "A group based in X" is X's whatever its sector.
OF_GAP: re.Pattern[str] = re.compile(r"\s+(of|in|(?:based|operating|active)\s+in)\s+(?:the\s+)?\Z")
# "of"/"for" linking an office to the office or group it belongs to ("a spokesman for
# the Foreign Ministry", "an envoy of the Egyptian president").
OWNER_GAP: re.Pattern[str] = re.compile(
    r"\s+(of|for|affiliated\s+with|loyal\s+to|belonging\s+to)\s+(?:the\s+|its\s+)?\Z"
)
# A name after a title: capitalised words and initials, ending before a possessive.
_NAME_WORD = r"(?:[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z][\w'’-]*[a-z\u00e0-\u024f])"
_NAME_PARTICLE = (
    r"(?:al-|el-|bin |ibn |van den |van der |de la |de |da |dos |van |von |der |den |del |la |le "
    r"|di |arap )"
)
NAME_AFTER_TITLE: re.Pattern[str] = re.compile(
    r"[ \t]+("
    + _NAME_PARTICLE
    + r"?"
    + _NAME_WORD
    + r"(?:[ \t]+"
    + _NAME_PARTICLE
    + r"?"
    + _NAME_WORD
    + r"){0,4})"
)
NAME_WORD: re.Pattern[str] = re.compile(_NAME_WORD)
# "the" plus up to two adjectives, right before a reference noun or short form.
_REF_ADJECTIVES = "|".join(re.escape(word) for word in REFERENCE_ADJECTIVES)
THE_BEFORE: re.Pattern[str] = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(" + _REF_ADJECTIVES + r")\s+){0,2}\Z"
)
THE_TWO_BEFORE: re.Pattern[str] = re.compile(
    r"(?<![\w-])(?:(?:[Tt]he\s+)?(?:two|both)|[Bb]oth|[Tt]he)\s+\Z"
)
# A noun right after a sector word makes it attributive ("joint military drills").
ATTRIBUTIVE_AFTER: re.Pattern[str] = re.compile(
    r"[ \t]+(?:" + _trie_regex(sorted(set(ATTRIBUTIVE_NOUNS))) + r")(?![\w'’])"
)
PRO_ANTI_BEFORE: re.Pattern[str] = re.compile(r"(?i:pro|anti|non)-\Z")
CAPITALISED_WORD: re.Pattern[str] = re.compile(r"(?<![\w'’-])[A-Z][a-z\u00e0-\u024f'’-]*[a-z]\b")
KOREAN_HINT: re.Pattern[str] = re.compile(r"Korea|Pyongyang|Seoul|DPRK|\bROK\b")
