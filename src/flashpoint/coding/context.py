"""Context labels (PLOVER's "what it is about") from paragraph cues and the event itself.

A label applies when the paragraph holding the sentence has one of its cue words;
some categories imply a label (MOBILIZE and ASSAULT are military).
"""

from __future__ import annotations

import re
from typing import Final

_CUES: Final[dict[str, str]] = {
    "military": r"military|army|armed forces|troops?|soldiers?|navy|naval|air force|missiles?|artillery|warships?|drills?|exercises|weapons?|defen[cs]e|combat|war|battalion|marines?|rockets?|launch(?:ed|es)?",
    "cbrn": r"nuclear|atomic|thermonuclear|chemical weapons?|biological weapons?|radiological|uranium|plutonium|enrichment|nerve agent|sarin",
    "diplomatic": r"diplomat(?:s|ic)?|embassy|ambassadors?|foreign minist(?:er|ry)|talks|summit|envoys?|treaty|bilateral|negotiations?|security council|united nations|dialogue|visit(?:ed|s)?|summit",
    "economic": r"econom(?:y|ic|ies)|trade|sanctions?|tariffs?|exports?|imports?|investments?|markets?|currency|oil|gdp|business|financ(?:e|ial)|banks?|loans?",
    "terrorism": r"terror(?:ist|ism)?|militants?|insurgen(?:ts?|cy)|extremists?|islamic state|al-qaeda|al qaeda|suicide bomb(?:er|ing)?|jihadists?",
    "human_rights": r"human rights|rights abuses?|torture|political prisoners?|atrocit(?:y|ies)",
    "election": r"elections?|electoral|votes?|voting|ballots?|polls?|candidates?",
    "legal": r"courts?|judges?|trials?|lawsuits?|convicted|sentenced|prosecutors?|indicted|verdict",
    "cyber": r"cyber|hack(?:ers?|ing|ed)?|malware|ransomware",
    "territory": r"borders?|territor(?:y|ial)|maritime boundary|northern limit line|demilitari[sz]ed zone|dmz|annex(?:ation|ed)?|sovereignty",
    "peacekeeping": r"peace-?keep(?:ers?|ing)",
    "health": r"pandemic|covid|virus|epidemic|vaccines?|hospitals?|disease",
    "migration": r"migrants?|refugees?|asylum|deport(?:ed|ation)?",
    "intelligence": r"intelligence|spy|spies|espionage",
    "crime": r"crim(?:e|inal)s?|smuggl(?:ing|ers?)|gangs?",
    "corruption": r"corrupt(?:ion)?|brib(?:e|ery)|embezzle(?:ment)?",
    "disasters": r"earthquakes?|floods?|typhoons?|hurricanes?|disasters?|drought",
    "environment": r"climate|pollution|emissions?|environment(?:al)?|contaminated water",
    "religion_ethnicity": r"ethnic|religio(?:n|us)|muslims?|christians?|churche?s?|mosques?",
    "repression": r"crackdown|dissidents?|censorship|repression",
}
_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    name: re.compile(rf"\b(?:{cue})\b", re.IGNORECASE) for name, cue in _CUES.items()
}
_IMPLIED: Final[dict[str, tuple[str, ...]]] = {
    "MOBILIZE": ("military",),
    "ASSAULT": ("military",),
    "CONSULT": ("diplomatic",),
    "SANCTION": ("diplomatic",),
}


def paragraph_labels(paragraph: str) -> frozenset[str]:
    """Context labels whose cues occur in a paragraph."""
    return frozenset(name for name, pattern in _PATTERNS.items() if pattern.search(paragraph))


def event_context(paragraph_cues: frozenset[str], category: str) -> tuple[str, ...]:
    """The context labels of an event, in PLOVER's order of listing above."""
    labels = set(paragraph_cues) | set(_IMPLIED.get(category, ()))
    return tuple(name for name in _CUES if name in labels)


def paragraph_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the paragraph (newline-delimited) holding `position`."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end
