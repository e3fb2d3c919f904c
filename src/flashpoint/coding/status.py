"""Event status from the parse: asserted, alleged, future, hypothetical, negated.

Rules (checked on the frame's verb and the verbs that govern it through complement
clauses, up to the sentence root):
- negated: a `neg` dependent ("did not", "never"), "no" before a noun trigger, or a
  negating governor ("failed to", "denied that", "refrained from");
- hypothetical: a condition ("if", "unless"), a modal of possibility (could, may, might,
  should) or a governor of intention without commitment ("considers", "wants", "seeks");
  "would" is hypothetical unless it reports a statement ("said it would": future);
- future: will/shall, "is going to", or a governor of plans ("plans to", "is expected
  to", "is set to", "decided to");
- alleged: "allegedly/reportedly", a claim governor ("claimed that", "accused X of"),
  or "according to".
The first applicable in the order negated > hypothetical > future > alleged wins.
"historical" is decided later from the event date (see flashpoint.coding.coder).
"""

from __future__ import annotations

from dataclasses import dataclass

from flashpoint.coding.clauses import ParseView
from flashpoint.coding.frame import Frame
from flashpoint.coding.triggers import (
    CLAIM_VERBS,
    FUTURE_VERBS,
    HYPOTHETICAL_VERBS,
    NEGATING_VERBS,
    SPEECH_VERBS,
)
from flashpoint.coding.wordclasses import words_of

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_MAYBE_AUX = frozenset({"could", "may", "might", "should", "can"})
_ALLEGED_ADVERBS = frozenset({"allegedly", "reportedly", "purportedly", "supposedly"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
# Objects of "according to" that are a norm followed, not a source of a claim.
_NOT_SOURCES = words_of(
    "plan programme program schedule law rule agreement regulation procedure tradition "
    "instruction order standard principle requirement scenario timetable script custom "
    "protocol"
)
# An adverbial clause has its own tense ("..., as Tehran rejected the offer"): no climbing.
_CLIMB_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "conj", "acomp"})


def governing_chain(view: ParseView, anchor: int) -> list[int]:
    """The anchor and the verbs above it through complement clauses."""
    chain = [anchor]
    cur = anchor
    while view.tok(cur).dep in _CLIMB_DEPS or _bare_participle(view, cur):
        if view.tok(cur).dep == "conj" and view.children(cur, ("nsubj", "nsubjpass")):
            break
        head = view.head(cur)
        if head is None or head in chain:
            break
        chain.append(head)
        cur = head
    return chain


def _bare_participle(view: ParseView, v: int) -> bool:
    """ "may impose sanctions, cutting aid": a subjectless participle shares its head's status."""
    tok = view.tok(v)
    return (
        tok.dep == "advcl"
        and tok.tag in {"VBG", "VBN"}
        and not view.children(v, ("nsubj", "nsubjpass", "mark", "aux", "auxpass"))
    )


def _sourced(view: ParseView) -> bool:
    """ "according to officials" attributes a claim; "according to plan" does not."""
    for tok in view.tokens:
        if tok.text.lower() != "according":
            continue
        for p in view.children(tok.i, ("prep",)) or ([tok.i + 1] if tok.i + 1 < len(view) else []):
            for o in view.children(p, ("pobj",)):
                if view.lemma(o) not in _NOT_SOURCES:
                    return True
    return False


def _aux_words(view: ParseView, v: int) -> set[str]:
    return {view.tok(a).text.lower() for a in view.children(v, ("aux", "auxpass"))}


def has_condition(view: ParseView, v: int, marks: frozenset[str] = _CONDITIONS) -> bool:
    """True when v carries an if/unless clause ("will boycott unless ...")."""
    for c in view.children(v, ("advcl",)):
        found = {view.tok(m).text.lower() for m in view.children(c, ("mark",))}
        if found & marks:
            return True
    return False


@dataclass(frozen=True, slots=True)
class StatusCues:
    """What the parse says about an event's reality; `status` picks one."""

    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    alleged: bool = False
    modal: bool = False  # will/would/shall/could...: a stance, not a report

    @property
    def status(self) -> str:
        if self.negated:
            return "negated"
        if self.hypothetical:
            return "hypothetical"
        if self.future:
            return "future"
        if self.alleged:
            return "alleged"
        return "asserted"


def event_status(view: ParseView, frame: Frame) -> str:
    """The status of a frame (without "historical")."""
    return status_cues(view, frame).status


def status_cues(view: ParseView, frame: Frame) -> StatusCues:
    """Negation, condition, future and claim cues on the frame's verb chain."""
    modal = False
    chain = governing_chain(view, frame.anchor)
    negated = hypothetical = future = alleged = False
    reported = any(view.lemma(v) in SPEECH_VERBS for v in chain[1:])
    if frame.nominal:
        dets = {view.tok(d).text.lower() for d in view.children(frame.trigger, ("det", "neg"))}
        negated = "no" in dets
    for s in view.children(frame.anchor, ("nsubj", "nsubjpass")):
        words = {view.tok(d).text.lower() for d in view.children(s, ("det",))}
        if "no" in words or view.tok(s).text.lower() in {"nobody", "none", "nothing"}:
            negated = True  # "no passengers were killed"
    for k, v in enumerate(chain):
        lemma = view.lemma(v)
        if view.children(v, ("neg",)) and not (k == 0 and frame.negation_used):
            negated = True
        if k > 0 and lemma in NEGATING_VERBS:
            negated = True
        aux = _aux_words(view, v)
        if aux & (_FUTURE_AUX | _MAYBE_AUX | {"would", "'d"}):
            modal = True
        if aux & _FUTURE_AUX:
            future = True
        if "would" in aux or "'d" in aux:
            future, hypothetical = (True, hypothetical) if reported else (future, True)
        if aux & _MAYBE_AUX:
            hypothetical = True
        if "going" in aux or (lemma == "go" and k > 0 and view.tok(v).tag == "VBG"):
            future = True
        if (
            view.tok(v).dep == "advcl"
            and {view.tok(m).text.lower() for m in view.children(v, ("mark",))} & _CONDITIONS
        ):
            hypothetical = True
        if k > 0 and lemma in FUTURE_VERBS:
            future = True
        if k > 0 and lemma in HYPOTHETICAL_VERBS:
            hypothetical = True
        if k > 0 and lemma in CLAIM_VERBS:
            alleged = True
        if {view.tok(a).text.lower() for a in view.children(v, ("advmod",))} & _ALLEGED_ADVERBS:
            alleged = True
    if frame.alleged_by is not None or _sourced(view):
        alleged = True
    if frame.negation_used:
        future = False  # "will never tolerate": the refusal is stated now
    return StatusCues(negated, hypothetical, future, alleged, modal)
