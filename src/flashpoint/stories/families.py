"""Which coded events may describe the same real event: category families and factuality.

Outlets word one real event differently and the coder follows the words: a launch
reported as a "test-fire" is MOBILIZE, the same launch reported as "fired missiles
towards the sea" may be ASSAULT. A family gathers the PLOVER categories that one real
event is plausibly coded as; categories in different families never share a story.
"""

from __future__ import annotations

# family -> PLOVER categories. Kept small and documented in docs/STORIES.md.
FAMILIES: dict[str, tuple[str, ...]] = {
    "force": ("MOBILIZE", "ASSAULT"),  # shows and uses of force: drills, launches, strikes
    "restriction": ("SANCTION", "COERCE"),  # sanctions, seizures, arrests, expulsions
    "threat": ("THREATEN",),
    "criticism": ("ACCUSE", "PROTEST", "REJECT"),
    "demand": ("REQUEST",),
    "talks": ("CONSULT", "AGREE"),  # a meeting is often reported by what it agreed
    "support": ("SUPPORT", "COOPERATE", "AID"),
    "yielding": ("CONCEDE", "RETREAT"),
}

# Families of acts done by saying or by ceremony: messages, statements, visits, meetings,
# tributes. Outlets word them from templates ("received a congratulatory message from",
# "laid a floral basket before the statues and paid tribute"), so two such reports
# share many words though their senders or places differ; they need closer wording
# (`GroupingOptions.broad_margin`). Deeds (force, restriction, yielding) keep the base.
BROAD_FAMILIES = frozenset({"talks", "support", "criticism", "demand", "threat"})

_FAMILY_OF: dict[str, str] = {
    category: family for family, categories in FAMILIES.items() for category in categories
}

# Statuses of events that happened (or are said to have happened). Future, hypothetical
# and negated events may join a story about a real event but never found one that
# factual events join (docs/STORIES.md, "Status").
FACTUAL_STATUSES = frozenset({"asserted", "alleged", "historical"})


def family_of(category: str) -> str:
    """The family of a PLOVER category; an unknown category is a family of its own."""
    return _FAMILY_OF.get(category.upper(), category.upper())


def is_factual(status: str) -> bool:
    return status.lower() in FACTUAL_STATUSES
