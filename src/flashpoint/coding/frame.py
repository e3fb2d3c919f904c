"""A candidate event inside one sentence: the record events.py finds and the passes refine."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Frame:
    """A candidate event inside one sentence, before roles and status are attached."""

    trigger: int  # the word that signals the event
    anchor: int  # the clause's verb (== trigger for verb triggers)
    category: str
    mode: str | None
    strength: float
    nominal: bool = False
    wrapper: str | None = None  # lemma of an absorbing wrapper verb ("urge", "threaten")
    embedded: int | None = None  # anchor of the absorbed complement
    alleged_by: int | None = None  # accuser's verb, when embedded under "accuse X of"
    # The trigger's own negation is part of its meaning ("will never tolerate": REJECT),
    # so it does not make the event negated.
    negation_used: bool = False
    notes: list[str] = field(default_factory=list)
