"""Finding event triggers in a parsed sentence and classifying them into PLOVER frames.

One frame per clause: a verb trigger, or a noun trigger carried by a light verb ("held
talks"), or a noun trigger that is the subject of a happening ("clashes broke out").
Complements of wrapping verbs ("urged X to withdraw", "threatened to impose
sanctions") are absorbed into the wrapper's frame and set its mode; complements of
status verbs ("plans to launch", "said it fired") keep their own frame.
"""

from __future__ import annotations

from flashpoint.coding.clauses import (
    MODIFIER_DEPS,
    OBJECT_DEPS,
    SUBJECT_DEPS,
    ParseView,
    clause_subject,
)
from flashpoint.coding.frame import Frame
from flashpoint.coding.frame_passes import (
    absorb_complements,
    drop_cautions,
    drop_questions,
    inherit_mode,
    merge_consequences,
    obligations,
)
from flashpoint.coding.headlines import (
    headline_accusation,
    headline_passive_subject,
    misread_light_verb,
)
from flashpoint.coding.senses import choose_sense
from flashpoint.coding.trigger_guards import (
    announced_punishment,
    guards_own,
    held_to_account,
    honours_own_people,
    introduced_by_there,
    judged_wrong,
    lays_blame,
    loyalty_to_a_leader,
    made_to_pay,
    names_trait,
    possessed_act,
    refused_when_negated,
    stance_anchor,
    thanks_to,
    visits_a_site,
)
from flashpoint.coding.triggers import (
    HAPPEN_VERBS,
    LIGHT_VERBS,
    NOT_EVENT,
    NOUN_SENSES,
    SPEECH_VERBS,
    VERB_SENSES,
)
from flashpoint.coding.wordclasses import classes_of
from flashpoint.coding.wordclasses import words_of as _words

_ADJ_WRAPPERS = {"ready", "willing", "eager", "prepared"}
_LAUNCH_VERBS = frozenset({"launch", "fire", "test"})
_FORCE_CATEGORIES = frozenset({"ASSAULT", "COERCE"})
_MONTH_NAMES = frozenset({"March", "May"})
# Nouns that only frame another event noun: "a mediation mission", "an air campaign".
_QUANTITY_NOUNS = _words("million billion thousand ton tonne dollar worth package batch tranche")
_CONTAINERS = _words(
    "mission effort campaign operation drive process initiative bid attempt activity event "
    "program programme"
)


def _arg_words(view: ParseView, i: int, include_subject: bool = False) -> set[str]:
    """Lemmas of i's arguments and their modifiers (objects, prepositional objects)."""
    words: set[str] = set()
    heads: list[int] = []
    for c in view.children(i, OBJECT_DEPS | {"acomp", "npadvmod"}):
        heads.extend(view.conjuncts(c))
    for _, o in view.preps(i):
        heads.extend(view.conjuncts(o))
    if view.tok(i).dep in {"acl", "relcl"} and view.tok(i).tag == "VBN":
        h = view.head(i)
        if h is not None:
            heads.append(h)  # "the missile launched on Tuesday"
    if include_subject:
        for c in view.children(i, SUBJECT_DEPS):
            heads.extend(view.conjuncts(c))
    for h in heads:
        words.add(view.lemma(h))
        if classes_of(view.lemma(h)) & {"amount", "bloc"}:
            continue  # "increase military spending": the modifier does not make troops
        for m in view.children(h, MODIFIER_DEPS):
            words.add(view.lemma(m))
        measured = _is_quantity(view, h)
        for word, o in view.preps(h):
            # "tons of rice"; "$10 million in aid": the quantity names no argument itself
            if word == "of" or (word == "in" and measured):
                words.add(view.lemma(o))
                for m in view.children(o, ("compound", "amod")):
                    words.add(view.lemma(m))
    return words


def _is_quantity(view: ParseView, h: int) -> bool:
    tok = view.tok(h)
    return (
        tok.tag == "CD"
        or tok.pos in {"NUM", "SYM"}
        or bool(view.children(h, ("nummod", "quantmod")))
        or view.lemma(h) in _QUANTITY_NOUNS
    )


def _noun_words(view: ParseView, i: int) -> set[str]:
    words = {view.lemma(m) for m in view.children(i, MODIFIER_DEPS)}
    for m in view.children(i, ("compound", "amod")):
        words.update(view.lemma(x) for x in view.children(m, ("compound", "amod")))
    for word, o in view.preps(i):
        if word in {"of", "by", "with"}:
            words.add(view.lemma(o))
            words.update(view.lemma(m) for m in view.children(o, ("compound", "amod")))
    return words


def _subject_words(view: ParseView, i: int) -> set[str]:
    words: set[str] = set()
    heads, passive = clause_subject(view, i)
    if not passive:
        for s in heads:
            words.add(view.lemma(s))
            tok = view.tok(s)
            if tok.tag == "NNPS" or (tok.ent_type == "NORP" and tok.tag == "NNS"):
                words.add("people")  # "Palestinians protested": a plural nationality
            for m in view.children(s, ("prep",)):
                words.update(view.lemma(o) for o in view.children(m, ("pobj",)))
    return words


def _carrier_subject_words(view: ParseView, i: int) -> set[str]:
    """The subject of the verb that carries a noun trigger: "doctors [went] on strike",
    "workers [staged] a strike" (nothing when the noun hangs on no verb)."""
    head = view.head(i)
    if head is not None and view.tok(i).dep == "pobj":
        head = view.head(head)
    elif view.tok(i).dep not in {"dobj", "obj", "attr"}:
        return set()
    if head is None or view.tok(head).pos not in {"VERB", "AUX"}:
        return set()
    return _subject_words(view, head)


def _verb_frame(view: ParseView, i: int) -> Frame | None:
    tok = view.tok(i)
    lemma = view.lemma(i)
    if tok.pos == "ADJ" and lemma in _ADJ_WRAPPERS and view.children(i, ("xcomp",)):
        return Frame(i, i, "AGREE", None, 0.7, wrapper=lemma)
    if (
        tok.pos not in {"VERB", "AUX"}
        and not tok.tag.startswith("VB")
        and headline_passive_subject(view, i) is None  # "Arms Buildup Blasted" (NNP)
    ):
        return None
    if tok.dep in {"amod", "compound"}:
        return None  # "the Turkish-held north of Cyprus", "a banned party": a description
    account = held_to_account(view, i)
    if account is not None:
        return Frame(i, i, account, "disapprove" if account == "ACCUSE" else None, 0.6)
    if lays_blame(view, i):
        return Frame(i, i, "ACCUSE", "disapprove", 0.8)  # "put the blame on X for Y"
    if announced_punishment(view, i):
        return Frame(i, i, "THREATEN", "violence", 0.7)  # "will retaliate"
    if made_to_pay(view, i):
        if _reported(view, i):
            return None  # the speaker's frame carries it: "said X will pay dearly"
        return Frame(i, i, "THREATEN", None, 0.6)
    if refused_when_negated(view, i):
        return Frame(i, i, "REJECT", None, 0.7, negation_used=True)  # "will never tolerate"
    if lemma in SPEECH_VERBS:
        judged = judged_wrong(view, i)
        if judged is not None:  # "said the launch was a provocation"
            return Frame(judged, i, "ACCUSE", "disapprove", 0.55, embedded=view.head(judged))
        for c in view.children(i, ("ccomp",)):
            if made_to_pay(view, c):  # "said Seoul would pay dearly": the speaker warns
                return Frame(c, i, "THREATEN", None, 0.6, embedded=c)
    senses = VERB_SENSES.get(lemma)
    if senses is None or (lemma == "commit" and view.children(i, ("dobj", "obj"))):
        return None  # "committed violence": the deed is the object's (a light verb)
    sense = choose_sense(senses, _arg_words(view, i), view, i, _subject_words(view, i))
    if sense is None:
        sense = headline_accusation(view, i, senses)  # "Arms Buildup Blasted"
    # An objectless launch in a sentence about weapons: "launched at dawn from Sohae".
    if (
        sense is None
        and lemma in _LAUNCH_VERBS
        and not view.children(i, ("dobj",))
        and any("weapon" in classes_of(view.lemma(t.i)) for t in view.tokens)
    ):
        return Frame(i, i, "MOBILIZE", "weapons", 0.6)
    if sense is None or sense.category == NOT_EVENT:
        return None
    if sense.category == "SUPPORT" and guards_own(view, i):
        return None  # "to defend its national security": self-defence, not backing another
    if sense.category == "SUPPORT" and (
        honours_own_people(view, i) or "as" in view.child_words(i, ("mark",))
    ):
        return None  # "praised the scientists": a domestic honour; "as recognized by"
    if sense.category == "SUPPORT" and loyalty_to_a_leader(view, i):
        return None  # "vowed loyalty to the leader": homage at home, no event between actors
    if sense.category == "CONSULT" and visits_a_site(view, i):
        return None  # "visited the factory": an inspection tour, no party called on
    if sense.category in _FORCE_CATEGORIES and any(
        "nature" in classes_of(w) for w in _subject_words(view, i)
    ):
        return None  # "a record downpour struck the border": a disaster, not an attack
    return Frame(
        i, i, sense.category, sense.mode, sense.strength, wrapper=lemma if sense.wraps else None
    )


def _reported(view: ParseView, i: int) -> bool:
    head = view.head(i)
    return view.tok(i).dep == "ccomp" and head is not None and view.lemma(head) in SPEECH_VERBS


def is_event_verb(view: ParseView, i: int) -> bool:
    """Whether token i is a verb the lexicon reads as an event in its own clause."""
    frame = _verb_frame(view, i)
    return frame is not None and frame.category not in {"REQUEST"}


def _noun_frame(view: ParseView, i: int) -> Frame | None:
    tok = view.tok(i)
    if tok.pos not in {"NOUN", "PROPN"}:
        return None
    if _in_proper_name(view, i) or (i > 0 and tok.text in _MONTH_NAMES):
        return None  # "the Dayton Accords", "in mid-March": a name, not an event
    senses = NOUN_SENSES.get(view.lemma(i))
    if senses is None:
        return None
    if thanks_to(view, i) or names_trait(view, i):
        return None  # "Thanks to the leadership, ...", "fighting spirit": no event
    head = view.head(i)
    if view.lemma(i) == "accord" and head is not None and view.lemma(head) == "in":
        return None  # "in accord with the policy": conformity, not an agreement
    sense = choose_sense(senses, _noun_words(view, i), view, i, _carrier_subject_words(view, i))
    if sense is None or sense.category == NOT_EVENT:
        return None
    if sense.category == "SUPPORT" and honours_own_people(view, i):
        return None  # "paid tribute to the martyrs"
    if sense.category == "SUPPORT" and loyalty_to_a_leader(view, i):
        return None  # "a pledge of allegiance to the party"
    return Frame(
        i,
        i,
        sense.category,
        sense.mode,
        sense.strength,
        nominal=True,
        wrapper=view.lemma(i) if sense.wraps else None,
    )


def _in_proper_name(view: ParseView, i: int) -> bool:
    """A capitalised proper-noun trigger inside a sentence, part of a name with another one."""
    tok = view.tok(i)
    if i == 0 or tok.tag not in {"NNP", "NNPS"} or not tok.text[:1].isupper():
        return False
    if tok.text.isupper():
        return False  # an acronym or a shouted headline word
    before = view.tok(i - 1)
    return before.tag in {"NNP", "NNPS"} and before.text[:1].isupper()


def _light_anchor(view: ParseView, noun: int) -> int | None:
    """The verb that carries a noun trigger: "held [talks]", "[talks] were held"."""
    tok = view.tok(noun)
    head = view.head(noun)
    if head is None:
        return None
    hlemma = view.lemma(head)
    if tok.dep in {"dobj", "nsubjpass", "attr", "obj"} and (
        hlemma in LIGHT_VERBS or hlemma in SPEECH_VERBS
    ):
        return head
    if (
        tok.dep == "compound"
        and view.tok(head).dep in {"dobj", "obj"}
        and view.lemma(head) in _CONTAINERS
    ):
        verb = view.head(head)  # "undertook a mediation mission": the noun it names
        if verb is not None and view.lemma(verb) in LIGHT_VERBS:
            return verb
    if tok.dep == "pobj":
        prep = view.head(noun)
        verb = view.head(prep) if prep is not None else None
        stance = stance_anchor(view, noun, prep, verb)
        if stance is not None:
            return stance  # "issued a statement in denunciation of X"
        if verb is not None and view.lemma(verb) in {
            "go",
            "engage",
            "take",
            "join",
            "be",
            "remain",
            "put",
            "place",
            "come",
        }:
            return verb  # "went on strike", "engaged in talks", "placed under arrest"
    if tok.dep == "conj":
        first = head
        while view.tok(first).dep == "conj" and view.head(first) is not None:
            first = view.head(first)  # type: ignore[assignment]
        return _light_anchor(view, first) if first != noun else None
    return None


def _framing_contact(view: ParseView, n: int) -> int | None:
    """The clause verb a meeting or call with someone frames ("in a phone call with Xi,
    Biden said", "during talks with Seoul, Tokyo raised"): the contact is reported and
    the clause's subject made it."""
    prep = view.head(n)
    verb = view.head(prep) if prep is not None else None
    if (
        view.tok(n).dep != "pobj"
        or prep is None
        or verb is None
        or view.lemma(prep) not in {"in", "during", "at", "after"}
        or view.tok(verb).pos not in {"VERB", "AUX"}
        or not any(w == "with" for w, _ in view.preps(n))
    ):
        return None
    return verb


def find_frames(view: ParseView) -> list[Frame]:
    """All candidate frames of a sentence, one per clause, wrappers resolved."""
    verb_frames: dict[int, Frame] = {}
    noun_frames: dict[int, Frame] = {}
    for tok in view.tokens:
        vf = _verb_frame(view, tok.i)
        if vf is not None:
            verb_frames[tok.i] = vf
            continue
        nf = _noun_frame(view, tok.i)
        if nf is not None:
            noun_frames[tok.i] = nf

    frames: dict[int, Frame] = dict(verb_frames)  # keyed by anchor
    consumed_nouns: set[int] = set()
    # Nouns that are arguments of a verb trigger belong to that verb's event.
    for anchor in verb_frames:
        for c in view.children(anchor, OBJECT_DEPS | {"nsubj"}):
            for n in view.conjuncts(c):
                if n in noun_frames:
                    consumed_nouns.add(n)
                    inherit_mode(frames[anchor], noun_frames[n])
        for _, o in view.preps(anchor):
            if o in noun_frames:
                consumed_nouns.add(o)
    for n, nf in noun_frames.items():
        if n in consumed_nouns:
            continue
        light = _light_anchor(view, n)
        if light is not None:
            if light in frames and frames[light].strength >= nf.strength:
                continue
            nf.anchor = light
            frames[light] = nf
            continue
        head = view.head(n)
        subject_of_happening = (
            view.tok(n).dep in {"nsubj", "nsubjpass"}
            and head is not None
            and view.lemma(head) in HAPPEN_VERBS
            and head not in frames
        )
        if subject_of_happening and head is not None:
            nf.anchor = head
            frames[head] = nf
        elif (
            view.tok(n).dep == "ROOT" or introduced_by_there(view, n) or misread_light_verb(view, n)
        ):
            frames[n] = nf  # "Talks with X.", "There were talks ...", "X Stage Drill"
        elif nf.category == "CONSULT" and _framing_contact(view, n) is not None:
            verb = _framing_contact(view, n)
            if verb is not None and verb not in frames:
                nf.anchor = verb  # "During his talks with Blinken, Wang said ..."
                frames[verb] = nf
        elif nf.category in _FORCE_CATEGORIES and possessed_act(view, n):
            frames[n] = nf  # "Israel's massacre of Palestinians", "Russia's attacks on Kyiv"
    obligations(view, frames)
    absorb_complements(view, frames)
    drop_cautions(view, frames)
    drop_questions(view, frames)
    merge_consequences(view, frames)
    return sorted(frames.values(), key=lambda f: f.trigger)
