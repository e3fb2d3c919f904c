"""Population groups named by where they live: "Bosnian Serbs", "ethnic Hungarians in Slovakia".

Event data codes a people by the country it lives in, not by the state its name
recalls: Bosnian Serbs are actors of Bosnia, ethnic Hungarians in south Slovakia actors of
Slovakia. Two rules over the mentions of a text range:

- a country adjective before a people's name ("Bosnian Serbs", "Iraqi Kurds") is one
  group mention with the adjective's country;
- "ethnic" + a people's name, followed by "in"/"of" + a country ("ethnic Hungarians in
  south Slovakia", "the Hungarians of southern Slovakia"), is one group mention with that
  country; without one it stays a mention of kind "ethnic", which the coder places in
  the country where the event happens, when the sentence says. A country adjective
  before "population", "minority" or "community" ("the Armenian community of that
  region") is such an ethnic mention too;
- a country adjective before "border" or "frontier" ("on the Bolivian frontier") names a
  stretch of land, not an actor: it is dropped;
- "the Greek side of Cyprus" is one mention of the side's country (the place is where
  the side is), and "EU-member Latvia" is Latvia alone (membership describes it).
"""

from __future__ import annotations

import re

from flashpoint.coding.actor_types import ActorMention, is_country_code

_LIVING_IN = re.compile(
    r"\s+(?:living\s+|based\s+|residing\s+)?(?:in|of)\s+(?:the\s+)?(?:[a-z]+\s+)?$"
)
_PLACE_KINDS = frozenset({"country", "region", "capital"})
_GROUP_WORDS = r"(?:population|minority|minorities|community|communities)"
_GROUP_AFTER = re.compile(rf"\s+{_GROUP_WORDS}\b")
_GROUP_PHRASE = re.compile(rf"[A-Z][\w-]+\s+{_GROUP_WORDS}")
_BORDER_AFTER = re.compile(r"\s+(?:border|frontier)s?\b")
# "the Greek side of the divided island of Cyprus": the side is Greece's, the island a place.
_SIDE_OF = re.compile(r"\s+sides?\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?(?:of\s+)?$")
# "EU-member Latvia", "fellow EU member Poland": membership describes the country.
_MEMBER_BEFORE = re.compile(r"(?:-|\s+)members?(?:\s+(?:state|country|nation))?\s+$")


def _is_people(mention: ActorMention) -> bool:
    return mention.kind == "demonym" and mention.text.rstrip("'’").endswith("s")


def _ethnic(text: str, mention: ActorMention) -> bool:
    return text[max(0, mention.start - 7) : mention.start].lower() == "ethnic "


def _merge(text: str, first: ActorMention, last: ActorMention, code: str) -> ActorMention:
    return ActorMention(
        first.start, last.end, text[first.start : last.end], code, first.sector, "group", first.head
    )


def place_peoples(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions with population groups recoded by residence (see the module docstring)."""
    out: list[ActorMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and nxt.kind in _PLACE_KINDS:
            between = text[m.end : nxt.start]
            if m.code.startswith("IGO:") and _MEMBER_BEFORE.fullmatch(between):
                i += 1  # "EU-member Latvia" is Latvia
                continue
            if m.kind == "demonym" and _SIDE_OF.fullmatch(between):
                out.append(_merge(text, m, nxt, m.code))  # "the Greek side of Cyprus" is GRC
                i += 2
                continue
        if m.kind == "institution" and _GROUP_PHRASE.fullmatch(m.text):
            out.append(ActorMention(m.start, m.end, m.text, m.code, m.sector, "ethnic", m.head))
            i += 1  # "the Armenian community" composed as one phrase
            continue
        if m.kind == "demonym" and not _is_people(m):
            if _BORDER_AFTER.match(text, m.end):
                i += 1  # "on the Bolivian frontier"
                continue
            if _GROUP_AFTER.match(text, m.end):
                out.append(ActorMention(m.start, m.end, m.text, m.code, m.sector, "ethnic", m.head))
                i += 1
                continue
        if (
            nxt is not None
            and m.kind == "demonym"
            and not _is_people(m)
            and _is_people(nxt)
            and text[m.end : nxt.start] == " "
        ):
            out.append(_merge(text, m, nxt, m.code))  # "Bosnian Serbs"
            i += 2
            continue
        if _is_people(m) and (
            _ethnic(text, m) or text[max(0, m.start - 4) : m.start].lower() == "the "
        ):
            if (
                nxt is not None
                and nxt.kind in _PLACE_KINDS
                and is_country_code(nxt.code)
                and _LIVING_IN.fullmatch(text[m.end : nxt.start]) is not None
            ):
                out.append(_merge(text, m, nxt, nxt.code))  # "ethnic Hungarians in Slovakia"
                i += 2
                continue
            if _ethnic(text, m):
                out.append(ActorMention(m.start, m.end, m.text, m.code, m.sector, "ethnic", m.head))
                i += 1
                continue
        out.append(m)
        i += 1
    return out
