"""Modes: how an event was done, read from the words around its trigger.

The lexicon gives a mode when the trigger itself says how ("shelled" is heavy-weapons,
"telephoned" phone). Often the trigger is plain ("killed", "met", "threatened") and
the how is in the words around it: the weapon the clause names ("died in a roadside mine
explosion", "gunmen killed"), how a meeting took place ("talks by phone", "who is on a
visit to Seoul"), what a threat or a demand is about ("threatened military action",
"demanded the release of"). `refine_mode` looks for cue phrases in a part of the
sentence that depends on the category (SCOPES) and:

- fills an empty mode with the first mode of MODE_CUES[category] whose cue it finds
  (modes are listed from the most to the least specific: a suicide car bombing is
  suicide-attack before explosives, a drone strike drone before aerial);
- keeps a mode the trigger gave, unless that mode is a broad one and the clause names
  a finer one that ranks above it (REFINES: a "hunger strike" is hunger, not strike;
  "demanded the release of" yield, not change, unless a change is named too);
- for a meeting no words settle, uses its sides and place: three or more actors make
  it multilateral, a place in one side's country a visit, elsewhere third-party;
- leaves the mode empty when nothing makes it clear, and never leaves MODES[category].

The cue tables (MODE_CUES, REFINES, SCOPES, ...) live in mode_cues. The coder calls it
once per event, after actors, recipients and place are known.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Final

from flashpoint.coding.actor_types import is_country_code
from flashpoint.coding.clauses import ParseView, clause_subject
from flashpoint.coding.frame import Frame
from flashpoint.coding.mode_cues import (
    BILATERAL,
    LEADERS,
    MODE_CUES,
    NOT_CUES,
    OWN_CUE_KEEPS,
    REFINES,
    SCOPES,
)
from flashpoint.coding.wordclasses import words_of
from flashpoint.models import Entity, Location
from flashpoint.ontology.plover import MODES

__all__ = ["MODE_CUES", "REFINES", "SCOPES", "refine_mode"]

_KILLING = words_of("kill murder shoot gun")

# Prepositions that bring an instrument or the circumstances of an act ("with machetes",
# "in a mortar strike", "by drones"), not its target ("on the village", "at the post").
_INSTRUMENT_PREPS = words_of("with by in using from during amid through via")
_INSTRUMENT_VERBS = words_of("use employ drop fire launch detonate plant arm carry wield")
# Words that place an act beside another event ("ahead of his visit", "after the
# killing", "to mark the anniversary of his visit"): that event's cues are not its own.
_OTHER_TIME = words_of(
    "before after ahead following prior since until till anniversary commemoration "
    "mark commemorate celebrate"
)
# Prepositions that give the cause a threat or demand answers ("warned over drills").
_CAUSE_PREPS = words_of("over about against regarding concerning despite")
_ATTEND = words_of("attend participate")
_SHARED_SUBJECT = frozenset({"advcl", "xcomp", "conj"})
_MANY_SIDES = 3
# How far below the act its content is read ("demanded | the release | of | fishermen").
_CONTENT_DEPTH = 3
_SAME_PHRASE = frozenset({"conj", "cc", "compound", "amod", "det", "poss", "nummod"})
_MODIFIERS = frozenset({"compound", "amod", "nmod", "advmod", "npadvmod", "nummod"})
_NO_DESCENT = frozenset({"punct", "parataxis"})


def _phrases(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.replace("-", " ").split()) for p in text.split(",") if p.strip())


_CUE_TABLE: Final[dict[str, tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]]] = {
    category: tuple((mode, _phrases(text)) for mode, text in cues)
    for category, cues in MODE_CUES.items()
}
_NOT_CUES: Final[tuple[tuple[str, ...], ...]] = _phrases(NOT_CUES)
# Per category, (mode, phrase) pairs longest first; a category's own cue before a
# not-cue of the same length (sorting is stable).
_CANDIDATES: Final[dict[str, list[tuple[str, tuple[str, ...]]]]] = {
    category: sorted(
        [(mode, p) for mode, phrases in cues for p in phrases] + [("", p) for p in _NOT_CUES],
        key=lambda c: -len(c[1]),
    )
    for category, cues in _CUE_TABLE.items()
}
_BILATERAL: Final[tuple[tuple[str, ...], ...]] = _phrases(BILATERAL)


def refine_mode(
    view: ParseView,
    frame: Frame,
    category: str,
    mode: str | None,
    *,
    actors: Sequence[Entity] = (),
    recipients: Sequence[Entity] = (),
    where: Location | None = None,
) -> str | None:
    """The event's mode: the trigger's, made finer or filled in from the clause's cues.

    The event's sides and place settle a meeting the words leave open: held by three or
    more actors it is multilateral ("the U.S., Japan and South Korea held talks"); held
    in one side's country it is a visit by the other ("Kim met Putin in Vladivostok");
    held in a country of neither side it is third-party ("met in Geneva").
    """
    allowed = MODES.get(category, ())
    if mode is not None and mode not in allowed:
        mode = None  # a mode of another category (the frame changed category)
    cues = _CUE_TABLE.get(category)
    if not cues:
        return mode
    two_sided = (
        category == "CONSULT"
        and mode in {None, "multilateral"}
        and _two_sided(view, frame, actors, recipients)
    )
    if two_sided:
        mode = None  # "a U.S.-Britain summit", "Biden and Xi held a summit": two sides
    wanted = REFINES.get((category, mode), frozenset()) if mode is not None else None
    if wanted is not None and not wanted:
        return mode  # specific already, and nothing finer to look for
    scope = _scope(view, frame, SCOPES.get(category, "content"))
    near = _near(view, frame.trigger) | _attended(view, frame.anchor)
    found = _cued_modes(view, scope, near, category)
    if two_sided:
        found.discard("multilateral")
    if mode in found and category in OWN_CUE_KEEPS:
        return mode  # the clause names the trigger's mode too: "change its stance on talks"
    for cue_mode, _ in cues:  # most specific first; the trigger's own mode competes too
        if cue_mode in found and (wanted is None or cue_mode in wanted or cue_mode == mode):
            return cue_mode
    if mode is None and category == "ASSAULT" and _leader_killed(view, frame):
        return "targeted"
    if mode is None and category == "CONSULT" and not two_sided:
        return _meeting_mode(view, frame, actors, recipients, where)
    return mode


def _two_sided(
    view: ParseView, frame: Frame, actors: Sequence[Entity], recipients: Sequence[Entity]
) -> bool:
    """A meeting the words or its sides say had two parties: "a bilateral summit", or a
    summit whose actors and recipients are two countries ("Biden and Xi held a summit")."""
    if _bilateral(view, frame):
        return True
    if view.lemma(frame.trigger) != "summit" or len({a.code for a in actors}) >= _MANY_SIDES:
        return False
    sides = {e.code for e in (*actors, *recipients)}
    return len(sides) == 2 and all(is_country_code(c) for c in sides)


def _cued_modes(view: ParseView, scope: set[int], near: set[int], category: str) -> set[str]:
    """Modes whose cue phrases occur on the scope's words; multilateral only near the
    trigger ("a trilateral meeting", not "met on the sidelines of a conference")."""
    found: set[str] = set()
    for mode, first in _matches(view, scope, _CANDIDATES[category]):
        if mode and (mode != "multilateral" or first in near):
            found.add(mode)
    return found


def _matches(
    view: ParseView, scope: set[int], candidates: list[tuple[str, tuple[str, ...]]]
) -> list[tuple[str, int]]:
    """(label, first token) of each phrase found on the scope's words, left to right;
    the first candidate that fits wins (give them longest first), and words are used once."""
    words = [
        (i, view.lemma(i), view.tok(i).text.lower())
        for i in sorted(scope)
        if view.tok(i).pos != "PUNCT" and view.tok(i).text != "-"
    ]
    out: list[tuple[str, int]] = []
    k = 0
    while k < len(words):
        for label, phrase in candidates:
            span = words[k : k + len(phrase)]
            if len(span) == len(phrase) and _adjacent(span) and _same(phrase, span):
                out.append((label, span[0][0]))
                k += len(phrase)
                break
        else:
            k += 1
    return out


def _same(phrase: tuple[str, ...], span: list[tuple[int, str, str]]) -> bool:
    return all(w in (lemma, text) for w, (_, lemma, text) in zip(phrase, span, strict=True))


def _adjacent(span: list[tuple[int, str, str]]) -> bool:
    """Words of a phrase follow each other in the sentence (a hyphen may sit between)."""
    return all(b[0] - a[0] <= 2 for a, b in pairwise(span))


def _near(view: ParseView, trigger: int) -> set[int]:
    """The trigger, its modifiers and its "of"/"among"/"between" objects."""
    out = {trigger}
    for c in view.children(trigger, _MODIFIERS):
        out.update(view.subtree(c, _NO_DESCENT))
    for word, o in _own_preps(view, trigger):
        if word in {"of", "among", "between"}:
            out.update(view.subtree(o, _NO_DESCENT))
    return out


def _own_preps(view: ParseView, i: int) -> list[tuple[str, int]]:
    """(preposition, object) pairs attached to i itself, not to its objects."""
    return [
        (view.tok(p).text.lower(), o)
        for p in view.children(i, ("prep",))
        for o in view.children(p, ("pobj",))
    ]


def _attended(view: ParseView, anchor: int) -> set[int]:
    """What a visitor came to attend: "arrived to attend the forum", "left to take part
    in the summit" (the act itself or its purpose, not a participant's description)."""
    out: set[int] = set()
    for i in [anchor, *view.children(anchor, ("xcomp", "advcl"))]:
        lemma = view.lemma(i)
        if lemma in _ATTEND:
            for c in view.children(i, ("dobj", "obj")):
                out.update(view.subtree(c, _NO_DESCENT))
        took_part = lemma == "take" and any(
            view.lemma(c) == "part" for c in view.children(i, ("dobj", "obj"))
        )
        if lemma in _ATTEND or took_part:
            for word, o in _own_preps(view, i):
                if word == "in":
                    out.update(view.subtree(o, _NO_DESCENT))
    return out


def _scope(view: ParseView, frame: Frame, kind: str) -> set[int]:
    heads = {frame.trigger, frame.anchor}
    if kind == "instrument":
        return _instrument_scope(view, heads, frame.trigger)
    if kind == "meeting":
        return _meeting_scope(view, frame)
    if frame.embedded is not None:
        heads.add(frame.embedded)
    return _content_scope(view, heads)


def _instrument_scope(view: ParseView, heads: set[int], trigger: int) -> set[int]:
    """Who did it with what: subjects, modifiers and instrument phrases, not targets."""
    out = set(_near(view, trigger))
    for h in list(heads):
        if not view.children(h, ("nsubj", "nsubjpass")) and view.tok(h).dep in _SHARED_SUBJECT:
            subjects, passive = clause_subject(view, h)  # "a drone hit a bus, killing two"
            for s in subjects if not passive else ():
                out.update(view.subtree(s, _NO_DESCENT | {"relcl"}))
    for h in heads:
        out.add(h)
        for c in view.children(h, _MODIFIERS | {"nsubj", "csubj", "agent"}):
            out.update(view.subtree(c, _NO_DESCENT | {"relcl"}))
        for c in view.children(h, ("prep",)):
            if view.tok(c).text.lower() in _INSTRUMENT_PREPS:
                out.update(view.subtree(c, _NO_DESCENT))
        for c in view.children(h, ("advcl", "xcomp", "acl")):
            if view.lemma(c) in _INSTRUMENT_VERBS:
                out.update(view.subtree(c, _NO_DESCENT))
        if view.lemma(h) in _INSTRUMENT_VERBS:  # "fired tear gas at": what is fired
            for c in view.children(h, ("dobj", "obj")):
                out.update(view.subtree(c, _NO_DESCENT | {"relcl"}))
    return out


def _meeting_scope(view: ParseView, frame: Frame) -> set[int]:
    """The meeting's clause with its participants' descriptions ("who is visiting X"),
    not other clauses or events placed before or after it ("ahead of his visit")."""
    out: set[int] = set()
    stack = [frame.anchor, frame.trigger]
    head = view.head(frame.anchor)
    if view.tok(frame.anchor).dep == "conj" and head is not None:
        out.add(head)  # "visited Germany and had talks with ...": the verb it shares a subject with
        subjects, _ = clause_subject(view, frame.anchor)
        stack.extend(subjects)  # "X, who is on a visit to Y, met and had a talk with Z"
    while stack:
        i = stack.pop()
        if i in out:
            continue
        out.add(i)
        for c in view.children(i):
            tok = view.tok(c)
            if tok.dep in _NO_DESCENT | {"ccomp"}:
                continue
            if tok.dep == "conj" and tok.pos in {"VERB", "AUX"}:
                continue  # another act of the same subject
            if view.lemma(c) in _OTHER_TIME:
                continue
            stack.append(c)
    return out


def _content_scope(view: ParseView, heads: set[int]) -> set[int]:
    """What is demanded, refused or threatened: objects and complements a few steps
    down, not the speaker, the cause answered ("warned over drills"), a condition ("if X
    ...") or the background of a long object ("... through dialogue and cooperation")."""
    out: set[int] = set()
    stack = [(h, 0) for h in heads]
    while stack:
        i, depth = stack.pop()
        if i in out:
            continue
        out.add(i)
        for c in view.children(i):
            tok = view.tok(c)
            if tok.dep in _NO_DESCENT | {"nsubj", "csubj", "advcl", "relcl", "mark"}:
                continue
            if tok.dep == "conj" and tok.pos in {"VERB", "AUX"} and i in heads:
                continue
            if tok.dep == "prep" and (
                view.lemma(c) in _CAUSE_PREPS | _OTHER_TIME
                or (i in heads and view.lemma(c) == "to")
            ):
                continue  # the cause answered, another event, or the addressee ("a warning to X")
            step = 0 if tok.dep in _SAME_PHRASE else 1
            if depth + step <= _CONTENT_DEPTH:
                stack.append((c, depth + step))
    return out


def _bilateral(view: ParseView, frame: Frame) -> bool:
    """A meeting of two named sides: "bilateral summit", "a U.S.-Britain summit",
    "a summit between X and Y"."""
    if _matches(view, _near(view, frame.trigger), [("", p) for p in _BILATERAL]):
        return True
    names = [view.tok(c) for c in view.children(frame.trigger, ("compound", "amod", "nmod"))]
    hyphen_pair = [t for t in names if t.pos == "PROPN"]
    if len(hyphen_pair) == 2 and any(
        view.tok(i).text == "-" for i in range(hyphen_pair[0].i, hyphen_pair[1].i)
    ):
        return True
    for word, o in _own_preps(view, frame.trigger):
        if word == "between" and len(view.conjuncts(o)) == 2:
            return True
    return False


def _leader_killed(view: ParseView, frame: Frame) -> bool:
    """ "X shot the vice-governor of Y": the killing of a leader is a targeted one."""
    if view.lemma(frame.trigger) not in _KILLING:
        return False
    victims = view.children(frame.anchor, ("dobj", "obj"))
    if any(view.tok(a).text.lower() == "by" for a in view.children(frame.anchor, ("agent",))):
        victims += view.children(frame.anchor, ("nsubjpass",))  # killed by someone, no accident
    titles = [t for v in victims for t in [v, *view.children(v, ("compound", "appos"))]]
    return any(view.lemma(t) in LEADERS for t in titles)  # "killed Hamas leader X"


def _meeting_mode(
    view: ParseView,
    frame: Frame,
    actors: Sequence[Entity],
    recipients: Sequence[Entity],
    where: Location | None,
) -> str | None:
    """A meeting's mode from its sides and its place (see refine_mode)."""
    if len({a.code for a in actors}) >= _MANY_SIDES:
        return "multilateral"
    if where is None or where.country is None or not _placed_here(view, frame, where):
        return None
    sides = {e.code for e in (*actors, *recipients) if is_country_code(e.code)}
    if len(sides) < 2:
        return None
    return "visit" if where.country in sides else "third-party"


def _placed_here(view: ParseView, frame: Frame, where: Location) -> bool:
    """The place is where the meeting was ("met in Geneva"), not part of its topic
    ("discussed the situation in Ukraine"): its "in"/"at" attaches to the meeting."""
    hits = [t.i for t in view.tokens if t.start <= where.start < t.end]
    if not hits:
        return False
    i = hits[0]
    while view.tok(i).dep in {"compound", "conj", "appos", "amod"}:
        up = view.head(i)
        if up is None:
            return False
        i = up
    prep = view.head(i)
    if view.tok(i).dep != "pobj" or prep is None or view.tok(prep).text.lower() not in {"in", "at"}:
        return False
    return view.head(prep) in {frame.anchor, frame.trigger}
