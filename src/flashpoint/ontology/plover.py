"""PLOVER as data: categories, modes, scores, quad classes, CAMEO roots and contexts.

The facts come from the PLOVER manual and the CAMEO codebook (names, modes, scores).
One deliberate deviation: the manual prints +3 for plain ACCUSE, which reads as a sign
slip next to its modes (-2 to -3.5); flashpoint scores plain ACCUSE as -3.
"""

from __future__ import annotations

from typing import Final

# Modes per category (PLOVER 2024); None, "no mode", is always allowed.
MODES: Final[dict[str, tuple[str, ...]]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": (
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "misinformation",
        "cyber",
    ),
    "ASSAULT": (
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
        "unconventional",
    ),
}

# Quad class per category (1 verbal cooperation .. 4 material conflict).
QUAD_CLASS: Final[dict[str, int]] = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}

# PLOVER conflict-cooperation scores per category and per category:mode.
CATEGORY_SCORE: Final[dict[str, float]] = {
    "ACCUSE": -3.0,  # the manual prints +3.0: a sign slip, see the module docstring
    "AGREE": 2.5,
    "AID": 10.0,
    "ASSAULT": -9.0,
    "COERCE": -7.0,
    "CONCEDE": 4.5,
    "CONSULT": 2.5,
    "COOPERATE": 9.5,
    "MOBILIZE": -5.5,
    "PROTEST": -5.0,
    "REJECT": -2.0,
    "REQUEST": 0.0,
    "RETREAT": 6.5,
    "SANCTION": -6.0,
    "SUPPORT": 5.0,
    "THREATEN": -3.5,
}

MODE_SCORE: Final[dict[tuple[str, str], float]] = {
    ("ACCUSE", "allege"): -3.5,
    ("ACCUSE", "disapprove"): -2.0,
    ("ACCUSE", "investigate"): -3.5,
    ("ASSAULT", "abduct"): -8.5,
    ("ASSAULT", "aerial"): -9.5,
    ("ASSAULT", "beat"): -7.5,
    ("ASSAULT", "crowd-control"): -7.5,
    ("ASSAULT", "destroy"): -8.5,
    ("ASSAULT", "drone"): -9.5,
    ("ASSAULT", "explosives"): -9.0,
    ("ASSAULT", "firearms"): -9.0,
    ("ASSAULT", "heavy-weapons"): -9.5,
    ("ASSAULT", "primitive"): -8.0,
    ("ASSAULT", "sexual"): -8.5,
    ("ASSAULT", "suicide-attack"): -9.5,
    ("ASSAULT", "targeted"): -9.5,
    ("ASSAULT", "torture"): -8.5,
    ("ASSAULT", "unconventional"): -10.0,
    ("COERCE", "arrest"): -7.0,
    ("COERCE", "censor"): -6.5,
    ("COERCE", "curfew"): -6.5,
    ("COERCE", "cyber"): -7.0,
    ("COERCE", "deport"): -7.0,
    ("COERCE", "martial-law"): -7.5,
    ("COERCE", "misinformation"): -6.5,
    ("COERCE", "restrict"): -7.0,
    ("COERCE", "seize"): -7.0,
    ("COERCE", "withhold"): -7.0,
    ("CONSULT", "multilateral"): 4.0,
    ("CONSULT", "phone"): 1.5,
    ("CONSULT", "third-party"): 1.0,
    ("CONSULT", "visit"): 4.0,
    ("MOBILIZE", "militia"): -6.0,
    ("MOBILIZE", "police"): -5.5,
    ("MOBILIZE", "troops"): -6.5,
    ("MOBILIZE", "weapons"): -6.5,
    ("PROTEST", "boycott"): -4.5,
    ("PROTEST", "demo"): -5.0,
    ("PROTEST", "hunger"): -4.5,
    ("PROTEST", "obstruct"): -4.5,
    ("PROTEST", "riot"): -7.0,
    ("PROTEST", "strike"): -5.0,
    ("REJECT", "assist"): -1.5,
    ("REJECT", "change"): -2.0,
    ("REJECT", "meet"): -2.0,
    ("REJECT", "yield"): -2.0,
    ("REQUEST", "assist"): 0.5,
    ("REQUEST", "change"): -1.0,
    ("REQUEST", "meet"): 0.0,
    ("REQUEST", "yield"): -1.0,
    ("RETREAT", "access"): 6.5,
    ("RETREAT", "ceasefire"): 7.5,
    ("RETREAT", "disarm"): 10.0,
    ("RETREAT", "release"): 6.5,
    ("RETREAT", "resign"): 4.5,
    ("RETREAT", "withdraw"): 8.0,
    ("SANCTION", "convict"): -6.0,
    ("SANCTION", "discontinue"): -6.0,
    ("SANCTION", "expel"): -5.5,
    ("SANCTION", "withdraw"): -6.0,
    ("THREATEN", "arrest"): -3.5,
    ("THREATEN", "expel"): -3.5,
    ("THREATEN", "relations"): -3.5,
    ("THREATEN", "restrict"): -3.0,
    ("THREATEN", "territory"): -4.0,
    ("THREATEN", "violence"): -3.5,
}

# The CAMEO root (two digits) each PLOVER category corresponds to, with mode exceptions.
CAMEO_ROOT: Final[dict[str, str]] = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "CONCEDE": "08",
    "RETREAT": "08",
    "REQUEST": "10",
    "ACCUSE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "MOBILIZE": "15",
    "SANCTION": "16",
    "COERCE": "17",
    "ASSAULT": "18",
}

CAMEO_ROOT_BY_MODE: Final[dict[tuple[str, str], str]] = {
    ("ACCUSE", "investigate"): "09",
    ("ASSAULT", "firearms"): "19",
    ("ASSAULT", "heavy-weapons"): "19",
    ("ASSAULT", "aerial"): "19",
    ("ASSAULT", "drone"): "19",
    ("ASSAULT", "unconventional"): "20",
}

# Context labels PLOVER defines (document or paragraph level).
CONTEXTS: Final[tuple[str, ...]] = (
    "military",
    "intelligence",
    "executive",
    "legislative",
    "election",
    "political_institutions",
    "pro_democracy",
    "pro_autocracy",
    "economic",
    "legal",
    "reparations",
    "human_rights",
    "rights_freedoms",
    "repression",
    "human_security",
    "gender",
    "lgbt",
    "religion_ethnicity",
    "inequality",
    "diplomatic",
    "territory",
    "peacekeeping",
    "health",
    "asylum",
    "migration",
    "disasters",
    "natural_resource",
    "environment",
    "technology",
    "terrorism",
    "cbrn",
    "cyber",
    "misinformation",
    "crime",
    "corruption",
    "illegal_drugs",
    "trafficking",
)


def plover_score(category: str, mode: str | None) -> float | None:
    """The score for category:mode, else for the category, else None."""
    if mode is not None and (category, mode) in MODE_SCORE:
        return MODE_SCORE[(category, mode)]
    return CATEGORY_SCORE.get(category)


def quad_class(category: str) -> int:
    """The quad class (1..4) of a PLOVER category."""
    return QUAD_CLASS[category]


def cameo_root(category: str, mode: str | None) -> str:
    """The CAMEO root code ("01".."20") a PLOVER category/mode corresponds to."""
    if mode is not None and (category, mode) in CAMEO_ROOT_BY_MODE:
        return CAMEO_ROOT_BY_MODE[(category, mode)]
    return CAMEO_ROOT[category]
