"""Joining matched atoms into actor mentions (the phrase rules of `actors`).

Atoms come from one pass of the trie regex; this module decides which adjacent atoms
form one mention ("Russian" + "Foreign Ministry"), what code and sector the phrase gets,
and which matches are false (a "Jordan" that is a person, "pro-Russian").
"""

from __future__ import annotations

import re

from flashpoint.coding.actor_guards import (
    Hit,
    antecedent,
    appositive_names,
    describes_next,
    extend_to_org_names,
    false_country,
    name_after_title,
    names_a_thing,
    qualifier_gap,
    recent_country,
    scan_hits,
    second_adjective,
    short_person_names,
)
from flashpoint.coding.actor_patterns import (
    ATTRIBUTIVE_AFTER,
    BASED_GAP,
    COUNTRY_KINDS,
    LEFT_MODIFIERS,
    OF_GAP,
    OWNER_GAP,
    QUALIFIER_GAP,
    QUALIFIER_KINDS,
    SECTOR_GAP,
    THE_BEFORE,
    THE_TWO_BEFORE,
    Atom,
)
from flashpoint.coding.actor_types import (
    ActorContext,
    ActorMention,
    PersonRegistry,
)
from flashpoint.ontology.actor_lexicon import REFERENCE_NOUNS, SURNAME_FIRST

__all__ = ["Composer", "Hit", "scan_hits"]

_KIND_NAMES = {"short": "short_form"}
# Sectors that "in <country>" can qualify: "rebels in Darfur", not "troops in Afghanistan".
_IN_SECTORS = frozenset({"CVL", "REB", "OPP", "REF", "COP", "LAB", "EDU", "MED", "BUS", "NGO"})
_ETHNIC_BEFORE = re.compile(r"(?<![\w-])[Ee]thnic\s+\Z")
# Owner phrases that give an office its country: a named office, not an unknown person
# (whose country is only the article's guess) and not a bare country ("envoy for Iran").
_OWNER_KINDS = frozenset({"institution", "leader", "igo", "group"})
_THE_RIGHT_BEFORE = re.compile(r"(?<![\w-])[Tt]he\s+\Z")
# "the North-South talks", "the North Atlantic", "the south of the country" are not actors.
_SHORT_FORM_BLOCKED_AFTER = re.compile(r"\s*-|\s+(?:of\s+(?:the\b|[A-Z])|[A-Z])")
_OF_AFTER = re.compile(r"\s+(?:of|in)\b")


def _combine_sector(initial: str | None, sectors: list[Atom]) -> str | None:
    """The sector of a phrase: the last sector word, but role words keep the group's."""
    current = initial
    for atom in sectors:
        if atom.role and current is not None:
            continue
        current = atom.sector
    return current


class Composer:
    """Turns the hits of one text range into mentions, left to right."""

    def __init__(
        self,
        text: str,
        context: ActorContext | None,
        persons: PersonRegistry,
        *,
        frozen: bool = False,
    ) -> None:
        self.text = text
        self.context = context
        self.persons = persons
        self.register = not frozen  # record introduced people (only while building context)
        self.out: list[ActorMention] = []
        self.last_end = 0
        self.stop = len(text)

    # ---- driver

    def compose(self, hits: list[Hit], start: int, end: int) -> list[ActorMention]:
        self.last_end = start
        self.stop = end
        index = 0
        while index < len(hits):
            index = self._phrase(hits, index)
        self.out = extend_to_org_names(self.text, self.out, end)
        self._appositive_people(start)
        if self.context is not None and self.context.persons:
            self._short_person_names(start, end)
        return self.out

    def _emit(
        self, start: int, end: int, code: str, sector: str | None, *, kind: str, head: int
    ) -> None:
        kind = _KIND_NAMES.get(kind, kind)
        self.out.append(ActorMention(start, end, self.text[start:end], code, sector, kind, head))
        self.last_end = end

    def _phrase(self, hits: list[Hit], i: int) -> int:
        hit = hits[i]
        atom = hit.atom
        if atom.kind == "short":
            return self._short_form(hits, i)
        if atom.kind == "reference" or (atom.kind == "sector" and atom.reference):
            resolved = self._reference(hit)
            if resolved is not None:
                start, code = resolved
                sector = REFERENCE_NOUNS.get(atom.reference or "")
                return self._qualified(hits, i, start, code, initial=sector, kind="reference")
            if atom.kind == "reference":
                return i + 1
        if atom.kind == "sector":
            return self._sector_phrase(hits, i)
        if atom.kind in COUNTRY_KINDS and false_country(self.text, hit):
            return i + 1
        if atom.group_only and not (
            i + 1 < len(hits)
            and hits[i + 1].atom.kind == "sector"
            and QUALIFIER_GAP.fullmatch(self.text, hit.end, hits[i + 1].start)
        ):
            return i + 1  # "Chechens" alone are a population, "Chechen rebels" an actor
        if atom.kind == "leader" and names_a_thing(self.text, hit.end):
            return i + 1
        initial = atom.sector if atom.kind not in COUNTRY_KINDS else None
        return self._qualified(hits, i, hit.start, atom.code, initial=initial, kind=atom.kind)

    # ---- phrases led by a country, organisation, leader or reference

    def _qualified(
        self, hits: list[Hit], i: int, start: int, code: str, *, initial: str | None, kind: str
    ) -> int:
        text = self.text
        hit = hits[i]
        end = hit.end
        head = hit.start + hit.atom.head
        j = i + 1
        n = len(hits)
        if kind == "leader":
            self._introduce(hit.atom.intro_names, start, code, hit.atom.sector)
        # "Bosnian Serb forces": a second adjective adds nothing to the code, except in
        # "Iranian-American journalist", where it is the nationality of an immigrant.
        second = second_adjective(text, hits, i)
        if second is not None:
            code = second.atom.code if text[second.start : second.end] == "American" else code
            end, j = second.end, j + 1
        qualifier_end = end
        sectors: list[Atom] = []
        gap = qualifier_gap(text, kind, hits, j, end)
        based = gap is BASED_GAP
        while j < n and hits[j].atom.kind == "sector" and gap.fullmatch(text, end, hits[j].start):
            sectors.append(hits[j].atom)
            head = hits[j].start + hits[j].atom.head
            end = hits[j].end
            j += 1
            gap = SECTOR_GAP
        if based and _combine_sector(initial, sectors) not in _IN_SECTORS:
            # "Okinawa-based Marines" are not Okinawa's: only groups belong where they are
            sectors, end, j = [], qualifier_end, i + 1 + (qualifier_end != hit.end)
        if sectors and not sectors[-1].title and ATTRIBUTIVE_AFTER.match(text, end):
            # "U.S. military drills": the country is the actor, "military" describes drills
            sectors, end, j = [], qualifier_end, i + 1 + (qualifier_end != hit.end)
            head = hit.start + hit.atom.head
        if not sectors:
            sector = hit.atom.sector if kind == "reference" else initial
            if kind == "capital":
                sector = "GOV"
            # "Iran's Khamenei": a country right before a leader's name.
            if (
                kind in COUNTRY_KINDS
                and j < n
                and hits[j].atom.kind == "leader"
                and QUALIFIER_GAP.fullmatch(text, end, hits[j].start)
                and not names_a_thing(text, hits[j].end)
            ):
                leader = hits[j].atom
                self._introduce(leader.intro_names, start, code, leader.sector)
                self._emit(
                    start, hits[j].end, code, leader.sector, kind="leader", head=hits[j].start
                )
                return j + 1
            if kind == "reference":
                sector = initial
            self._emit(start, end, code, sector, kind=kind, head=head)
            return j
        sector = _combine_sector(initial, sectors)
        out_kind = "institution"
        if sectors[-1].title:
            name = name_after_title(self.text, hits, j, end, self.stop)
            if name is not None:
                out_kind = "leader" if name.code else "person"
                self._introduce(name.intro, start, code, sector)
                if name.code is None:
                    self._register_name(name.text, start, code, sector)
                end, head, j = name.end, name.head, name.next_index
        if (
            kind == "demonym"
            and out_kind == "institution"
            and _ETHNIC_BEFORE.search(text, 0, start)
        ):
            return self._ethnic_group(hits, j, (start, end, head), code, sector)
        self._emit(start, end, code, sector, kind=out_kind, head=head)
        return j

    def _ethnic_group(
        self, hits: list[Hit], j: int, span: tuple[int, int, int], code: str, sector: str | None
    ) -> int:
        """ "ethnic Uzbek militiamen (stationed) in Kyrgyzstan": placed where they live;
        without a place, kind "ethnic" lets the coder place them where the event happens."""
        start, end, head = span
        place, place_end, after = self._linked_country(hits, j, end, "REB")
        if place is None:
            self._emit(start, end, code, sector, kind="ethnic", head=head)
            return j
        self._emit(start, place_end, place, sector, kind="institution", head=head)
        return after

    # ---- phrases led by a sector word

    def _sector_phrase(self, hits: list[Hit], i: int) -> int:
        text = self.text
        hit = hits[i]
        sectors = [hit.atom]
        end = hit.end
        head = hit.start + hit.atom.head
        j = i + 1
        n = len(hits)
        while (
            j < n
            and hits[j].atom.kind == "sector"
            and SECTOR_GAP.fullmatch(text, end, hits[j].start)
        ):
            sectors.append(hits[j].atom)
            head = hits[j].start + hits[j].atom.head
            end = hits[j].end
            j += 1
        if (not sectors[-1].title and ATTRIBUTIVE_AFTER.match(text, end)) or (
            j < n and text[end : hits[j].start] == " " and describes_next(sectors, hits[j])
        ):
            return j  # "military drills", "a leading Chilean magazine": not an actor here
        left = LEFT_MODIFIERS.search(text, max(self.last_end, hit.start - 60), hit.start)
        start = left.start() if left else hit.start
        sector = _combine_sector(None, sectors)
        name = name_after_title(self.text, hits, j, end, self.stop) if sectors[-1].title else None
        named, code, name_text = name is not None, None if name is None else name.code, ""
        known = code is not None
        if name is not None:  # "President Yoon Suk Yeol", "Chairman N. Dorjsuren"
            sector = name.sector if sector is None and known else sector
            self._introduce(name.intro, start, name.code or "---", sector)
            end, head, j, name_text = name.end, name.head, name.next_index, name.text
        if code is None:
            code, end, j = self._linked_country(hits, j, end, sector)
        if code is None:  # "a spokesman for the ...", "Chairman X of the Mongolian ... Party"
            span = (start, end, head)
            after_owner = self._office_of_owner(
                hits, j, span, sector=sector, last=sectors[-1], person=name_text
            )
            if after_owner is not None:
                return after_owner
        implicit = False
        if code is None:
            if not named and not any(atom.bare for atom in sectors):
                return j  # "people", "workers": actors only with a country
            if sector == "NGO":
                code, sector = "NGO", None
            elif named:
                code = self.context.dominant or "---" if self.context is not None else "---"
            else:
                code, implicit = self._unqualified_office(start, head)
        if named and not known:
            self._register_name(name_text, start, code, sector)
        kind = ("leader" if known else "person") if named else "institution"
        kind = "implicit" if implicit else kind
        self._emit(start, end, code, sector, kind=kind, head=head)
        return j

    def _owner_phrase(
        self, hits: list[Hit], j: int, end: int, last: Atom
    ) -> tuple[str, int] | None:
        """ "a spokesman for the Foreign Ministry of the DPRK", "an envoy of the Egyptian
        president": the office or group the sector word belongs to gives its country.

        The owner phrase is composed (and emitted) first; returns (its code, next hit) when
        it names a country's or organisation's office, else None with nothing emitted.
        """
        if j >= len(hits):
            return None
        link = OWNER_GAP.fullmatch(self.text, end, hits[j].start)
        if link is None or (link.group(1) == "for" and not (last.role or last.title)):
            return None
        if hits[j].atom.kind == "sector" and hits[j].atom.reference:
            return None  # "the leader of the country": a reference, resolved elsewhere
        if hits[j].atom.kind not in COUNTRY_KINDS | {"sector"}:
            return None
        before, last_end = len(self.out), self.last_end
        k = self._phrase(hits, j)
        owner = self.out[before] if len(self.out) == before + 1 else None
        if owner is not None:
            # "drivers linked to the Finnish Hauliers' Guild": a body named after it
            owner = self.out[before] = extend_to_org_names(self.text, [owner], self.stop)[0]
            while k < len(hits) and hits[k].start < owner.end:
                k += 1
        if owner is None or owner.kind not in _OWNER_KINDS or owner.code == "---":
            del self.out[before:]  # not an office of a known country: compose it later
            self.last_end = last_end
            return None
        return owner.code, k

    def _office_of_owner(
        self,
        hits: list[Hit],
        j: int,
        span: tuple[int, int, int],
        *,
        sector: str | None,
        last: Atom,
        person: str,
    ) -> int | None:
        """Emit an office (or its named holder) with its owner's country, then the owner;
        the next hit or None."""
        owned = self._owner_phrase(hits, j, span[1], last)
        if owned is None:
            return None
        code, after = owned
        owner = self.out.pop()
        if sector is None or (last.role and owner.sector):
            sector = owner.sector  # "the commander of the army" is MIL
        if person:
            self._register_name(person, span[0], code, sector)
        kind = "person" if person else "institution"
        self._emit(span[0], span[1], code, sector, kind=kind, head=span[2])
        self.out.append(owner)
        self.last_end = owner.end
        return after

    def _unqualified_office(self, start: int, head: int) -> tuple[str, bool]:
        """(code, implicit) of an office named without a country: "the spokesperson" after
        "a State Department spokesperson" is that office, else the article's country."""
        context = self.context
        if context is None:
            return "---", True
        if _THE_RIGHT_BEFORE.search(self.text, 0, start):
            earlier = antecedent(context, start, self.text, head)
            if earlier is not None:
                return earlier.code, False
        return context.dominant or "---", True

    def _linked_country(
        self, hits: list[Hit], j: int, end: int, sector: str | None
    ) -> tuple[str | None, int, int]:
        """ "the Ministry of Foreign Affairs of the DPRK", "rebels in Darfur": (code, end, j)."""
        if j >= len(hits) or hits[j].atom.kind not in QUALIFIER_KINDS - {"leader"}:
            return None, end, j
        if (
            hits[j].atom.kind in COUNTRY_KINDS
            and j + 1 < len(hits)
            and hits[j + 1].atom.kind == "sector"
            and QUALIFIER_GAP.fullmatch(self.text, hits[j].end, hits[j + 1].start)
        ):
            return None, end, j  # "an envoy of the Egyptian president": the owner phrase
        link = OF_GAP.fullmatch(self.text, end, hits[j].start)
        in_capital = hits[j].atom.kind == "capital"
        if link is None or (link.group(1) != "of" and sector not in _IN_SECTORS and not in_capital):
            return None, end, j
        target = hits[j]
        if target.atom.kind == "reference":
            resolved = self._reference(target)
            return (resolved[1], target.end, j + 1) if resolved else (None, end, j)
        if target.atom.kind == "short":
            return None, end, j
        return target.atom.code, target.end, j + 1

    # ---- names after titles, and people introduced earlier

    def _introduce(self, names: tuple[str, ...], start: int, code: str, sector: str | None) -> None:
        if self.register:
            for name in names:
                self.persons.setdefault(name, []).append((start, code, sector))

    def _register_name(self, name: str, start: int, code: str, sector: str | None) -> None:
        if not self.register or not name:
            return
        words = name.split()
        keys = {words[-1].rstrip(".")}
        if len(words) >= 2 and words[0] in SURNAME_FIRST:
            keys.add(words[0])
            if len(words) == 3:
                keys = {words[0]}  # "Kim Su Gil": "Gil" is part of a given name
        self._introduce(tuple(k for k in keys if len(k) > 1), start, code, sector)

    def _appositive_people(self, start: int) -> None:
        """ "Thongloun Sisoulith, general secretary of the LPRP": the name is that office."""
        found = appositive_names(self.text, self.out, start)
        for name_start, name_end, office in found:
            name = self.text[name_start:name_end]
            self._register_name(name, name_start, office.code, office.sector)
            self.out.append(
                ActorMention(
                    name_start, name_end, name, office.code, office.sector, "person", name_start
                )
            )
        if found:
            self.out.sort(key=lambda m: m.start)

    def _short_person_names(self, start: int, end: int) -> None:
        """ "Kim" or "Lavrov" alone, after the article introduced them in full."""
        assert self.context is not None
        dominant = self.context.dominant
        self.out = short_person_names(self.text, self.out, self.persons, dominant, (start, end))

    # ---- references, short forms and false matches

    def _reference(self, hit: Hit) -> tuple[int, str] | None:
        """("the country" start, resolved code), or None when it is not a reference."""
        if self.context is None:
            return None
        noun = hit.atom.reference
        lead = THE_BEFORE.search(self.text, max(self.last_end, hit.start - 40), hit.start)
        if lead is None or (noun == "state" and lead.group(1) is None):
            return None
        if _OF_AFTER.match(self.text, hit.end):
            return None
        code = self._recent_country(lead.start())
        return None if code is None else (lead.start(), code)

    def _recent_country(self, before: int) -> str | None:
        return recent_country(self.out, self.context, before)

    def _short_form(self, hits: list[Hit], i: int) -> int:
        hit = hits[i]
        context = self.context
        if context is None or not context.korean:
            return i + 1
        text = self.text
        if hit.atom.code == "PRK+KOR":
            lead = THE_TWO_BEFORE.search(text, max(self.last_end, hit.start - 20), hit.start)
            start = lead.start() if lead else hit.start
            self._emit(start, hit.end, "PRK", None, kind="short_form", head=hit.start)
            self._emit(start, hit.end, "KOR", None, kind="short_form", head=hit.start)
            return i + 1
        lead = _THE_RIGHT_BEFORE.search(text, max(self.last_end, hit.start - 6), hit.start)
        if lead is None or _SHORT_FORM_BLOCKED_AFTER.match(text, hit.end):
            return i + 1
        return self._qualified(hits, i, lead.start(), hit.atom.code, initial=None, kind="short")
