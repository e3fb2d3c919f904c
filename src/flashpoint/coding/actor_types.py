"""The records of actor resolution: a mention, and the per-article context."""

from __future__ import annotations

from dataclasses import dataclass, field

# A short name ("Kim", "Lavrov") -> where the article introduced it, with its code and sector.
PersonRegistry = dict[str, list[tuple[int, str, str | None]]]


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One actor named in the text, with exact article offsets."""

    start: int
    end: int
    text: str  # text[start:end]
    code: str  # ISO3 ("PRK"), "IGO:UNO", "NGO", "IMG", or "---" when the country is unknown
    sector: str | None  # GOV MIL COP JUD LEG REB OPP CVL BUS MED EDU REF LAB PTY ... or None
    kind: str  # country demonym capital region short_form leader person institution igo group
    # reference ethnic ("ethnic Hungarians": a people placed by where the event happens)
    # implicit (a bare sector word, "police", coded with the article's main country)
    head: int  # article offset of the head word ("Ministry" in "Russian Foreign Ministry")


@dataclass
class ActorContext:
    """What an article says about its actors: for references and bare sector words."""

    text: str
    title: str | None = None
    mentions: list[ActorMention] = field(default_factory=list)  # the whole article, sorted
    starts: list[int] = field(default_factory=list)  # mention starts, for bisecting
    dominant: str | None = None  # the country the article is most about
    korean: bool = False  # "the North" / "the South" mean the two Koreas
    persons: PersonRegistry = field(default_factory=dict)  # people the article introduced
    # The country whose own state outlet wrote the article ("Pyongyang, May 3 (KCNA) --"):
    # "we" and "our" in its statements are that country.
    voice: str | None = None


def is_country_code(code: str) -> bool:
    """ISO3 codes, not IGO:..., NGO, IMG or ---."""
    return len(code) == 3 and code.isalpha() and code.isupper() and code not in {"NGO", "IMG"}
