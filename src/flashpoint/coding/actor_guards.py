"""Tests on the text around a matched atom: false countries, names after titles.

Plain functions over (text, offsets) used by `actor_compose`: is this "Jordan" a
person, is this "Kim Il Sung" the name of a square, which capitalised words after
"President" are a name, is a mention one of a pair ("the two Koreas"), which words may
join a country to its sector word, and the passes over finished mentions (organisation
names, names in apposition, short names of people introduced earlier).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from flashpoint.coding.actor_patterns import (
    ATOM_PATTERN,
    ATOMS,
    BASED_GAP,
    CAPITALISED_WORD,
    COUNTRY_KINDS,
    GLUED_NAME_PATTERN,
    NAME_AFTER_TITLE,
    POSSESSIVE_NAME_GAP,
    PRO_ANTI_BEFORE,
    QUALIFIER_GAP,
    Atom,
    normalise_surface,
)
from flashpoint.coding.actor_types import (
    ActorContext,
    ActorMention,
    PersonRegistry,
    is_country_code,
)
from flashpoint.ontology.actor_lexicon import (
    NAME_INSTITUTION_WORDS,
    NAME_ORG_WORDS,
    NAME_STOP_WORDS,
)

# Country names that are also people's names or a US state.
_PERSON_LIKE = frozenset({"Jordan", "Chad", "Georgia", "Israel", "Chile", "Niger"})
_US_STATE_BEFORE = re.compile(r"[A-Z][a-z]+,\s*\Z")
_GOVERNOR_AFTER = re.compile(r"(?:['’]s)?\s+(?:[Gg]overnor|[Ss]tate\b|[Ss]enator)")
_CURRENCY_AFTER = re.compile(r"\s?\$|\s+dollars?\b")
_CAPITAL_BEFORE = re.compile(r"([A-Z][a-z]+)\s+\Z")
_CAPITAL_AFTER = re.compile(r"\s+([A-Z][a-z]+)")


@dataclass(slots=True)
class Hit:
    """One matched atom."""

    start: int
    end: int
    atom: Atom


def scan_hits(text: str, start: int, end: int) -> list[Hit]:
    """The atoms in text[start:end]; blocked names consume their span and vanish.

    Leader names glued to the words around them ("ComradeKim Jong Unreceived") are found
    first; the text between them is scanned as if they were set off by spaces, so a title
    glued to a name ("General SecretaryKim Jong Un") still ends where the name begins.
    """
    hits: list[Hit] = []
    cursor = start
    for match in GLUED_NAME_PATTERN.finditer(text, start, end):
        hits.extend(_scan_plain(text, cursor, match.start()))
        hits.append(Hit(match.start(), match.end(), ATOMS[normalise_surface(match.group())]))
        cursor = match.end()
    hits.extend(_scan_plain(text, cursor, end))
    return hits


def _scan_plain(text: str, start: int, end: int) -> list[Hit]:
    hits = []
    for match in ATOM_PATTERN.finditer(text, start, end):
        atom = ATOMS.get(normalise_surface(match.group()))
        if atom is not None and atom.kind != "block":
            hits.append(Hit(match.start(), match.end(), atom))
    return hits


@dataclass(slots=True)
class Name:
    """A person's name after a title; `code` is set when it is a known leader."""

    end: int
    head: int
    next_index: int  # the first hit after the name
    code: str | None = None
    sector: str | None = None
    intro: tuple[str, ...] = ()
    text: str = ""


def singular_country(mentions: list[ActorMention], k: int) -> bool:
    """A country mention that is not one of a pair sharing a span ("the two Koreas")."""
    mention = mentions[k]
    if not is_country_code(mention.code):
        return False
    for other in (k - 1, k + 1):
        if 0 <= other < len(mentions) and mentions[other].start == mention.start:
            return False
    return True


def recent_country(
    out: list[ActorMention], context: ActorContext | None, before: int
) -> str | None:
    """The last single country named before `before` in this range or the article.

    With an article context and no country before, the article's dominant country.
    """
    best: ActorMention | None = None
    for k in range(len(out) - 1, -1, -1):
        mention = out[k]
        if mention.end <= before and singular_country(out, k):
            best = mention
            break
    if context is not None:
        index = bisect_left(context.starts, before)
        for k in range(index - 1, -1, -1):
            mention = context.mentions[k]
            if mention.end <= before and singular_country(context.mentions, k):
                if best is None or mention.start > best.start:
                    best = mention
                break
        if best is None:
            return context.dominant
    return best.code if best is not None else None


def names_a_thing(text: str, end: int) -> bool:
    """A leader's name followed by "University", "Square" ... names a thing."""
    after = _CAPITAL_AFTER.match(text, end)
    return bool(after and after.group(1) in NAME_INSTITUTION_WORDS)


def false_country(text: str, hit: Hit) -> bool:
    """ "pro-Russian", "Michael Jordan", "Atlanta, Georgia": not the country as an actor."""
    if PRO_ANTI_BEFORE.search(text, max(0, hit.start - 5), hit.start):
        return True
    if _CURRENCY_AFTER.match(text, hit.end):
        return True  # "US $50 million", "8 billion U.S. dollars": money, not an actor
    surface = text[hit.start : hit.end]
    if surface not in _PERSON_LIKE:
        return False
    if surface == "Georgia" and (
        _US_STATE_BEFORE.search(text, max(0, hit.start - 30), hit.start)
        or _GOVERNOR_AFTER.match(text, hit.end)
    ):
        return True
    before = _CAPITAL_BEFORE.search(text, max(0, hit.start - 30), hit.start)
    if before and before.group(1) not in NAME_STOP_WORDS and before.group(1) not in ATOMS:
        return True  # "Michael Jordan"
    after = _CAPITAL_AFTER.match(text, hit.end)
    return bool(after and after.group(1) not in ATOMS and after.group(1) not in NAME_STOP_WORDS)


def _leader_name(text: str, hits: list[Hit], j: int, name_start: int) -> Name:
    nxt = hits[j]
    atom = nxt.atom
    return Name(
        nxt.end,
        name_start,
        j + 1,
        atom.code,
        atom.sector,
        atom.intro_names,
        text[name_start : nxt.end],
    )


def name_after_title(text: str, hits: list[Hit], j: int, end: int, stop: int) -> Name | None:
    """The name right after a title ending at `end`; hits[j] is the next atom, if any."""
    nxt = hits[j] if j < len(hits) else None
    if (
        nxt is not None
        and nxt.atom.kind == "leader"
        and (text[end : nxt.start].isspace() or end == nxt.start)  # or glued (KCNA)
        and not names_a_thing(text, nxt.end)
    ):
        return _leader_name(text, hits, j, nxt.start)
    match = NAME_AFTER_TITLE.match(text, end, nxt.start if nxt is not None else stop)
    if match is None:
        return None
    words = match.group(1).split()
    while words and words[-1] in NAME_STOP_WORDS:
        words.pop()
    bare_words = {re.sub(r"['’]s?$", "", word) for word in words}
    if not words or words[0] in NAME_STOP_WORDS or NAME_ORG_WORDS & bare_words:
        return None  # "General Staff" ("General Staff's") names a body
    if words[0] == "Comrade":
        words = words[1:]  # "leader Comrade Ri Il Hwan": the name follows the address
        if not words:
            return None
    name_start = text.index(words[0], match.start(1))
    name_end = name_start
    for word in words:  # walk the text to keep exact offsets over any spacing
        name_end = text.index(word, name_end) + len(word)
    if nxt is not None and nxt.atom.kind == "leader" and text[name_end : nxt.start].isspace():
        # "President Muhammad Hosni Mubarak": given names before a known leader's name
        return _leader_name(text, hits, j, name_start)
    return Name(name_end, name_start, j, text=text[name_start:name_end])


# "the Slovak Farmers' Guild", "the Ghana Revenue Authority": a national name
# followed by capitalised words and an organisation noun names one of that country's bodies.
_ORG_SECTORS = {
    "Party": "PTY",
    "Commission": "GOV",
    "Council": "GOV",
    "Committee": "GOV",
    "Agency": "GOV",
    "Authority": "GOV",
    "Bureau": "GOV",
    "Court": "JUD",
    "Tribunal": "JUD",
    "Army": "MIL",
    "Guard": "MIL",
    "Guards": "MIL",
}
_ORG_NOUNS = (
    "Union|Party|Front|Council|Commission|Committee|Association|Federation|Confederation"
    "|Congress|Movement|League|Alliance|Assembly|Agency|Authority|Bureau|Court|Tribunal"
    "|Institute|Society|Organi[sz]ation|Coalition|Forum|Academy|Army|Guards?"
)
_ORG_NAME_AFTER = re.compile(
    r"(?:['’]s?)?((?:[ \t]+[A-Z][\w'’-]*){0,3}?)[ \t]+(" + _ORG_NOUNS + r")(?![\w'’-])"
)
_LABOUR_WORDS = re.compile(r"Workers|Trade|Labou?r")
_NATIONAL_KINDS = frozenset({"country", "demonym"})


def _ends_with_national_name(phrase: str) -> bool:
    """ "the chairwoman of the Estonian": a phrase cut off after a country adjective."""
    words = phrase.split()
    for size in (1, 2):
        atom = ATOMS.get(normalise_surface(" ".join(words[-size:])))
        if len(words) > size and atom is not None and atom.kind in _NATIONAL_KINDS:
            return True
    return False


def extend_to_org_names(text: str, mentions: list[ActorMention], stop: int) -> list[ActorMention]:
    """Mentions with national names stretched over the organisation they name.

    Applies to a bare country or adjective ("Ghana" + "Revenue Authority"), to a
    phrase ending in one ("head of the Estonian" + "Writers' Union") and to a group ending
    in a plural possessive ("Slovak Farmers" + "' Guild"); the words in
    between must be capitalised and must not themselves be actors or sentence words.
    """
    out: list[ActorMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        i += 1
        if not is_country_code(m.code) or not (
            m.kind in _NATIONAL_KINDS
            or text.startswith(("'", "’"), m.end)
            or _ends_with_national_name(m.text)
        ):
            out.append(m)
            continue
        found = _ORG_NAME_AFTER.match(text, m.end, stop)
        words = found.group(1).split() if found else []
        if found is None or any(
            w in NAME_STOP_WORDS or normalise_surface(w) in ATOMS for w in words
        ):
            out.append(m)
            continue
        noun = found.group(2)
        sector = _ORG_SECTORS.get(noun, m.sector)
        if noun in {"Union", "Federation", "Confederation"} and _LABOUR_WORDS.search(
            text, m.start, found.end()
        ):
            sector = "LAB"
        while i < len(mentions) and mentions[i].start < found.end():
            i += 1  # parts of the name ("Union" as a sector word) are inside it
        end = found.end()
        kind = "institution"
        if m.kind in {"person", "leader"}:  # "President X of the Slovak National Council"
            kind, sector = m.kind, m.sector
        out.append(ActorMention(m.start, end, text[m.start : end], m.code, sector, kind, m.head))
    return out


# "G. Zyuganov, chairman of the Central Committee of the CPRF": a name set off by a comma
# before a title phrase is that office holder.
_NAME_BEFORE_COMMA = re.compile(
    r"(?<![\w'’.-])((?:(?:[A-Z]\.|[A-Z][\w'’-]*[a-z])[ \t]+){1,3}[A-Z][\w'’-]*[a-z]),[ \t]+\Z"
)
_APPOSITIVE_KINDS = frozenset({"institution", "leader", "igo", "group"})


def appositive_names(
    text: str, mentions: list[ActorMention], start: int
) -> list[tuple[int, int, ActorMention]]:
    """(name start, name end, title mention) for names right before ", <title phrase>".

    The title phrase must start with a personal title ("chairman", "president") and name
    a country or organisation; the name must be two to four capitalised words that are
    not themselves actors or sentence words ("On Monday, the president ...").
    """
    found = []
    previous_end = start
    for m in mentions:
        low = previous_end
        previous_end = max(previous_end, m.end)
        if m.kind not in _APPOSITIVE_KINDS or m.code == "---":
            continue
        first = text[m.start : m.end].split(maxsplit=1)[0]
        atom = ATOMS.get(normalise_surface(first).lower()) or ATOMS.get(normalise_surface(first))
        if atom is None or not atom.title:
            continue
        name = _NAME_BEFORE_COMMA.search(text, max(low, m.start - 60), m.start)
        if name is None:
            continue
        words = name.group(1).split()
        if any(w in NAME_STOP_WORDS or normalise_surface(w) in ATOMS for w in words):
            continue
        found.append((name.start(1), name.end(1), m))
    return found


def short_person_names(
    text: str,
    out: list[ActorMention],
    persons: PersonRegistry,
    dominant: str | None,
    span: tuple[int, int],
) -> list[ActorMention]:
    """`out` with "Kim" or "Lavrov" alone added, after the article introduced them in full."""
    taken = sorted((m.start, m.end) for m in out)
    starts = [s for s, _ in taken]
    added: list[ActorMention] = []
    for word in CAPITALISED_WORD.finditer(text, *span):
        entries = persons.get(word.group())
        if not entries:
            continue
        index = bisect_left(starts, word.end())
        if index > 0 and taken[index - 1][1] > word.start():
            continue
        before = [entry for entry in entries if entry[0] < word.start()]
        if not before:
            continue
        _, code, sector = max(before)
        if code == "---":
            code = dominant or "---"
        added.append(
            ActorMention(
                word.start(), word.end(), word.group(), code, sector, "person", word.start()
            )
        )
    return sorted([*out, *added], key=lambda m: m.start) if added else out


def describes_next(sectors: list[Atom], nxt: Hit) -> bool:
    """A one-word sector adjective right before a named group or a country adjective."""
    if len(sectors) != 1 or sectors[0].title:
        return False
    if nxt.atom.kind == "group":
        return True  # "the armed group Boko Haram", "the rebel Karen National Union"
    return nxt.atom.kind == "demonym" and nxt.atom.adjective and sectors[0].sector == "GOV"


def qualifier_gap(text: str, kind: str, hits: list[Hit], j: int, end: int) -> re.Pattern[str]:
    """What may stand between a qualifier ending at `end` and its first sector word."""
    if kind not in COUNTRY_KINDS:
        return QUALIFIER_GAP
    if text.startswith("-based", end):
        return BASED_GAP  # "Trinidad-based militants"
    if (
        j < len(hits)
        and hits[j].atom.kind == "sector"
        and not QUALIFIER_GAP.fullmatch(text, end, hits[j].start)
        and POSSESSIVE_NAME_GAP.fullmatch(text, end, hits[j].start)
        and not NAME_STOP_WORDS & set(text[end : hits[j].start].split())
    ):
        return POSSESSIVE_NAME_GAP  # "Lyon's Croix-Rousse district council"
    return QUALIFIER_GAP


def second_adjective(text: str, hits: list[Hit], i: int) -> Hit | None:
    """The country adjective right after hits[i], when both qualify one noun.

    "Bosnian Serb", "Iraqi Kurdish"; hyphenated only before "American" ("Iranian-American"),
    since "Russian-Ukrainian talks" are between two countries.
    """
    j = i + 1
    if j >= len(hits) or not hits[i].atom.adjective:
        return None
    nxt = hits[j]
    if nxt.atom.kind != "demonym" or not nxt.atom.adjective:
        return None
    gap = text[hits[i].end : nxt.start]
    american = text[nxt.start : nxt.end] == "American"
    return nxt if gap.isspace() or (american and gap == "-") else None


_WORD_AT = re.compile(r"[\w-]+")
_ANTECEDENT_KINDS = frozenset({"institution", "leader", "person", "igo"})


def antecedent(
    context: ActorContext, before: int, text: str, head: int, *, window: int = 40
) -> ActorMention | None:
    """The latest earlier mention headed by the same word: "the spokesperson" refers back
    to "a State Department spokesperson", "the secretary-general" to "U.N.
    Secretary-General Antonio Guterres". Only mentions with their own country count."""
    word = _WORD_AT.match(text, head)
    if word is None:
        return None
    key = word.group().lower().rstrip("s")
    index = bisect_left(context.starts, before)
    for k in range(index - 1, max(-1, index - 1 - window), -1):
        mention = context.mentions[k]
        if mention.kind not in _ANTECEDENT_KINDS or mention.end > before:
            continue
        words = {w.lower().rstrip("s") for w in _WORD_AT.findall(mention.text)}
        if key in words:
            return mention
    return None
