"""Grouping reports of the same real event into stories (docs/STORIES.md). No SQL here."""

from flashpoint.stories.families import FACTUAL_STATUSES, FAMILIES, family_of, is_factual
from flashpoint.stories.grouping import FOUNDED, Placement, StoryGrouper, story_id_for, summarise
from flashpoint.stories.matching import GroupingOptions, Period, event_period
from flashpoint.stories.terms import TermWeights, event_terms, weighted_similarity
from flashpoint.stories.wording import content_words, wording_similarity

__all__ = [
    "FACTUAL_STATUSES",
    "FAMILIES",
    "FOUNDED",
    "GroupingOptions",
    "Period",
    "Placement",
    "StoryGrouper",
    "TermWeights",
    "content_words",
    "event_period",
    "event_terms",
    "family_of",
    "is_factual",
    "story_id_for",
    "summarise",
    "weighted_similarity",
    "wording_similarity",
]
