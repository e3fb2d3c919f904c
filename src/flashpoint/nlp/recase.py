"""Sentence-casing Title Case headlines for the parser: "DPRK Spokesman Slams U.S. Moves".

The small spaCy model tags every capitalised word of a Title Case headline as a proper
noun, so "Slams" is no verb and the coder finds no trigger. `recase_headline` gives the
parser a copy of such a line in sentence case, keeping the capitals a sentence would
keep: the first word and the first word after a colon or dash, acronyms and initials
("DPRK", "U.S.", "S."), words with inner capitals ("McCain"), and every word of a name
the actor lexicon knows (countries, demonyms, capitals, leaders, organisations:
"South Korean", "Kim Jong Un", "Foreign Ministry" when the lexicon only knows it
capitalised). Only letter case changes, so every character offset still holds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flashpoint.coding.actor_patterns import Atom


def _words(text: str) -> list[str]:
    return text.split()


_MAX_WORDS = 24
_TAG_WORDS = 3
# Title Case leaves these small words lower case; they do not count either way.
_MINOR = frozenset(
    _words(
        "a an the of and or nor but for to in on at by with from as over into onto upon "
        "against via vs than off per up out about after before under"
    )
)
_WORD = re.compile(r"[^\W\d_][\w'’]*")
# After these a new clause starts with a capital ("...Denounced: KCNA Commentary").
_CLAUSE_OPENERS = (":", "--", "—", "–", '"', "“", "‘")
# Proper words a sentence keeps capitalised that the actor lexicon leaves out on purpose
# ("Korean" alone is no actor mention, but "Korean peninsula" keeps its capital).
_ALWAYS_CAPITALISED = frozenset(
    _words(
        "Korea Korean Koreans January February April June July August September "
        "October November December Monday Tuesday Wednesday Thursday Friday Saturday "
        "Sunday"
    )
)
# Months that are also common words: kept only before a day ("May 1", not "May Visit").
_DATED_MONTHS = re.compile(r"(?:May|March)(?=\s+\d)")
# Actor atoms that are names, whatever their case in running text.
_NAME_KINDS = frozenset(
    {"country", "demonym", "capital", "region", "igo", "group", "institution", "leader"}
)


def is_title_case(text: str) -> bool:
    """A short line whose content words are nearly all capitalised, with no closing stop.

    "Kim Jong Un Inspects Tractor Factory" is; "Kim Jong Un inspects tractor factory"
    and full sentences ending in a full stop are not.
    """
    stripped = text.rstrip()
    if stripped.endswith(("!", "?")):
        return False
    if stripped.endswith(".") and "." not in (stripped.split() or [""])[-1][:-1]:
        return False  # a sentence's full stop, not the end of "U.S."
    words: list[str] = [w for w in _WORD.findall(text) if w.lower() not in _MINOR]
    if len(words) < 3 or len(words) > _MAX_WORDS:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.8 * len(words)


def recase_headline(text: str) -> str:
    """`text` in sentence case when it is a Title Case line, else `text` unchanged.

    The result has the same length as `text` and differs only in letter case.
    """
    if not is_title_case(text):
        return text
    keep = _name_positions(text)
    tag = _source_tag_start(text)
    chars = list(text)
    for match in _WORD.finditer(text):
        start = match.start()
        if (
            start >= tag
            or start in keep
            or not _lowerable(match.group())
            or _opens_clause(text, start)
        ):
            continue
        if _DATED_MONTHS.match(text, start):
            continue
        chars[start] = chars[start].lower()
    return "".join(chars)


def _source_tag_start(text: str) -> int:
    """Where a short source tag after the last colon starts ("...: KCNA Commentary"), else
    the end. Left as written, the parser reads it as a tag rather than an object."""
    head, colon, tail = text.rpartition(":")
    if not colon:
        return len(text)
    tail_words = len(_WORD.findall(tail))
    if 0 < tail_words <= _TAG_WORDS and tail_words < len(_WORD.findall(head)):
        return len(head) + 1
    return len(text)


def _lowerable(word: str) -> bool:
    """A capitalised word with nothing else upper case ("Slams", not "DPRK", "McCain")."""
    if not word[0].isupper() or word == "I" or word in _ALWAYS_CAPITALISED:
        return False
    return not any(ch.isupper() for ch in word[1:])


def _opens_clause(text: str, start: int) -> bool:
    """The first word of the line, or of a clause after a colon, dash or quote."""
    before = text[:start].rstrip()
    if not before:
        return True
    if before.endswith(("-", "‐", "‑")) and not before.endswith("--"):
        return False  # the second part of "Anti-DPRK", "U.S.-Led"
    if re.fullmatch(r"[\W_]*", before):
        return True
    # An initial stands for a word: "S. Korean" is kept, as is the word after it.
    if re.search(r"(?<![\w.])[A-Z]\.\Z", before):
        return True
    return before.endswith(_CLAUSE_OPENERS)


def _name_positions(text: str) -> frozenset[int]:
    """Starts of words inside an actor name the lexicon knows."""
    atoms, pattern = _lexicon()
    starts: set[int] = set()
    for match in pattern.finditer(text):
        surface = " ".join(match.group().replace("’", "'").split())
        atom = atoms.get(surface)
        if atom is None or not _is_name(atom.kind, surface, atoms):
            continue
        starts.update(m.start() + match.start() for m in _WORD.finditer(match.group()))
    return frozenset(starts)


def _is_name(kind: str, surface: str, atoms: dict[str, Atom]) -> bool:
    """A proper name: a name kind, or a sector phrase the lexicon knows only capitalised."""
    if kind in _NAME_KINDS:
        return True
    if kind != "sector" or surface.lower() == surface:
        return False
    # "Troops" is a title-cased "troops"; "Foreign Ministry" has no lower-case entry.
    return surface.lower() not in atoms and surface[:1].lower() + surface[1:] not in atoms


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, Atom], re.Pattern[str]]:
    # The actor vocabulary is built at import; load it only once a Title Case line is seen.
    from flashpoint.coding.actor_patterns import ATOM_PATTERN, ATOMS  # noqa: PLC0415

    return ATOMS, ATOM_PATTERN
