"""Who takes part in an event when the sentence leaves it implicit, and what is no event.

The coder's roles come from the parse (flashpoint.coding.roles). This module applies
the general conventions of event data on top:
- `is_political`: commentary, interviews and verbal acts with nobody named are not
  political events;
- `placed_actors`: peoples named by ethnicity act as part of the country where the
  event happens; unnamed perpetrators of material events take the place's country;
- `default_recipients`: protest, repression and their relaxation target the place's
  (or the actor's own) country; attacks with a place target that place.
Every entity keeps exact offsets: of the mention, or of the place or actor it came from.
"""

from __future__ import annotations

from typing import Any

from flashpoint.coding.actor_types import is_country_code
from flashpoint.coding.roles import Roles
from flashpoint.coding.wordclasses import classes_of
from flashpoint.models import Entity, Location

_CONTACT = frozenset({"CONSULT"})
_DOMESTIC_TARGETS = frozenset({"PROTEST", "COERCE", "CONCEDE"})
_PLACED = frozenset({"PROTEST", "COERCE", "ASSAULT", "MOBILIZE"})
_DOMESTIC_THREATS = frozenset({"restrict", "arrest", "curfew", "martial-law"})
_TEXTS = frozenset({"article", "editorial", "commentary", "column", "piece", "op-ed"})
_DESTINATIONS = frozenset({"to", "into", "toward", "towards", "for"})
_ORIGINS = frozenset({"from", "of"})  # "troops were withdrawn from Iraq": not who acts
_LEAVING_OFFICE = frozenset({"resign", "step", "quit", "abdicate"})
_SHELTER = frozenset({"refuge", "asylum", "shelter", "sanctuary"})
_VERBAL = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "COOPERATE",
        "AID",
        "RETREAT",
    }
)


def entity_of(mention: Any) -> Entity:
    return Entity(
        code=mention.code,
        sector=mention.sector,
        name=mention.text,
        start=mention.start,
        end=mention.end,
    )


def place_entity(place: Location, text: str, code: str, sector: str | None) -> Entity:
    """An entity standing for the place's country, named by the words as written there
    (the gazetteer's standard name may differ: "Gaza" is the "Gaza Strip")."""
    return Entity(code, sector, text[place.start : place.end], place.start, place.end)


def placed_people(mentions: list[Any], where: str | None) -> tuple[Entity, ...]:
    """Entities for mentions; a people named by ethnicity takes the event's country."""
    out = []
    for m in mentions:
        entity = entity_of(m)
        if m.kind == "ethnic" and where is not None and where != m.code:
            entity = Entity(where, m.sector, m.text, m.start, m.end)
        out.append(entity)
    return tuple(out)


def placed_recipients(
    mentions: list[Any], actors: tuple[Entity, ...], where: str | None
) -> tuple[Entity, ...]:
    """Recipient entities; a bare "civilians" or "protesters" coded only with the article's
    main country is placed where the event happens, kept when it is the actor's own
    country (domestic repression), and dropped when a foreign actor acts on it with no
    place stated (the article's country is then a guess)."""
    own = {a.code for a in actors if is_country_code(a.code)}
    out = []
    for placed, m in zip(placed_people(mentions, where), mentions, strict=True):
        if m.kind != "implicit":
            out.append(placed)
        elif where is not None:
            out.append(Entity(where, m.sector, m.text, m.start, m.end))
        elif not own or m.code in own:
            out.append(placed)
    return tuple(out)


def placed_actors(
    category: str, roles: Roles, place: Location | None, text: str
) -> tuple[Entity, ...]:
    """The actors, with the country of the event's place where the text leaves it open.

    - A people named by ethnicity ("ethnic Hungarians rallied in Slovakia") acts as
      part of the country where the event happens.
    - A material event whose perpetrator is unnamed or unknown to the lexicon ("a
      journalist was killed in Beirut", "prisoners rioted in Dili") is coded to the
      place's country, as event data codes unidentified gunmen or crowds by location.
      The entity's offsets are the place's.
    - A state's act in the passive with no doer named (an investigation, a
      demobilisation) is done by the authorities of the place where it happens.
    """
    where = place.country if place is not None else None
    words = text[max(0, place.start - 12) : place.start].split() if place is not None else []
    if words and words[-1].lower() in _DESTINATIONS:
        where = None  # "deported detainees to Honduras": not where the actor is
    actors = list(placed_people(roles.actors, where))
    if not actors and place is not None and where is not None and category in _PLACED:
        sector = "CVL" if category == "PROTEST" else None
        actors.append(place_entity(place, text, where, sector))
    elif (
        not actors
        and roles.unnamed_authority
        and place is not None
        and where is not None
        and not (words and words[-1].lower() in _ORIGINS)
    ):  # "was placed under inquiry in Portugal": the Portuguese authorities inquire
        actors.append(place_entity(place, text, where, "GOV"))
    return tuple(actors)


def default_recipients(
    category: str,
    mode: str | None,
    actors: tuple[Entity, ...],
    roles: Roles,
    place: Location | None,
    *,
    text: str,
) -> tuple[Entity, ...]:
    """The target of an event whose recipient the sentence leaves implicit.

    Protest, repression and their relaxation are domestic by nature: "students rallied
    in Kirkuk" is aimed at the authorities of the place (sector GOV), "police imposed a
    curfew" and "the government lifted the state of emergency" at the population (CVL)
    of the place, or of the actor's own country when no place is stated (a concession
    to another state names it: "eased sanctions on Iran"). Threats of domestic measures (curfews, restrictions, arrests) follow the
    same rule. An attack (or a threat of one) with a stated place targets that
    place's country, one on a
    crowd with no place the actor's own population; a deployment targets only a
    foreign place (troops moved at home target nobody). An official's refusal to resign
    is aimed at his own country (those who want him out), when nobody is named. An
    inspection or investigation targets the country where it takes place, and a request
    for refuge or asylum the country where it is sought.
    The entity's offsets are those of the place, or of the actor the country comes from.
    """
    actor = next((m for m in actors if is_country_code(m.code)), None)
    where = place.country if place is not None else None
    if category in _DOMESTIC_TARGETS or (category == "THREATEN" and mode in _DOMESTIC_THREATS):
        sector = "GOV" if category == "PROTEST" else "CVL"
        if place is not None and where is not None:
            return (place_entity(place, text, where, sector),)
        if actor is not None:
            return (Entity(actor.code, sector, actor.name, actor.start, actor.end),)
        return ()
    if (
        category == "ASSAULT"
        and where is None
        and actor is not None
        and actor.sector in {"COP", "MIL", "GOV"}
        and any(classes_of(w) & {"protester"} for w in roles.object_words)
    ):  # "police opened fire on demonstrators": the actor's own population
        return (Entity(actor.code, "CVL", actor.name, actor.start, actor.end),)
    if category == "REJECT" and roles.task_word in _LEAVING_OFFICE and actor is not None:
        # "the minister refused to resign": those who want him out are his own country's
        return (Entity(actor.code, None, actor.name, actor.start, actor.end),)
    if place is None or where is None:
        return ()
    if category == "ASSAULT" or (category == "THREATEN" and mode == "violence"):
        return (place_entity(place, text, where, "CVL"),)
    if (category == "ACCUSE" and mode == "investigate") or (
        category == "REQUEST" and _SHELTER & set(roles.object_words)
    ):  # "sent inspectors to a plant in Iran", "found shelter in Austria"
        return (place_entity(place, text, where, "GOV"),)
    if category == "MOBILIZE" and actor is not None and where != actor.code:
        return (place_entity(place, text, where, None),)
    return ()


def is_political(category: str, roles: Roles) -> bool:
    """False for frames that are not political events between actors.

    - commentary: the subject is an analyst, expert, observer ... ("analysts praised X",
      "experts warn"), or a generic "you";
    - reporting: a meeting or talk with a news outlet or journalist ("spoke with VOA"):
      interviews are how news is gathered, not diplomacy (requests for comment are
      handled in the lexicon);
    - exhortations by a text to nobody in particular ("an editorial calls for increased
      production"): a newspaper piece addressing its readers is not a demand on a party;
    - verbal acts with nobody named on either side ("it was a mistake to support ...",
      "if a deal is made"): a statement, request or agreement needs a party. A subject
      that is a proper name the lexicon does not know still counts as a party
      (misspelt or unlisted names). Material acts (attacks, arrests, launches,
      protests) stay: news often leaves their perpetrator unnamed ("five soldiers
      were killed").
    """
    subject = set(roles.subject_words)
    if subject & {"you"} or any(classes_of(w) & {"commentator"} for w in subject):
        return False
    if category in _CONTACT and any(m.sector == "MED" for m in (*roles.actors, *roles.recipients)):
        return False
    if category == "REQUEST" and not roles.recipients and subject & _TEXTS:
        return False
    named = roles.actors or roles.recipients or roles.subject_named
    return bool(named) or category not in _VERBAL
