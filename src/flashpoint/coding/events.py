"""Finding event triggers in a parsed sentence and classifying them into PLOVER frames.

One frame per clause: a verb trigger, or a noun trigger carried by a light verb ("held
talks"), or a noun trigger that is the subject of a happening ("clashes broke out").
Complements of wrapping verbs ("urged X to withdraw", "threatened to impose
sanctions") are absorbed into the wrapper's frame and set its mode; complements of
status verbs ("plans to launch", "said it fired") keep their own frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flashpoint.coding.clauses import (
    MODIFIER_DEPS,
    OBJECT_DEPS,
    SUBJECT_DEPS,
    ParseView,
    clause_subject,
)
from flashpoint.coding.triggers import (
    HAPPEN_VERBS,
    LIGHT_VERBS,
    NOT_EVENT,
    NOUN_SENSES,
    SPEECH_VERBS,
    VERB_SENSES,
    Sense,
)
from flashpoint.coding.wordclasses import classes_of
from flashpoint.coding.wordclasses import words_of as _words

_ADJ_WRAPPERS = {"ready", "willing", "eager", "prepared"}
_YIELD_WORDS = frozenset(
    [
        "stop",
        "halt",
        "end",
        "cease",
        "release",
        "free",
        "withdraw",
        "lift",
        "ease",
        "return",
        "leave",
        "hand",
        "quit",
        "abandon",
        "dismantle",
        "scrap",
        "give",
        "drop",
        "suspend",
        "pull",
        "remove",
        "resign",
    ]
)
_VIOLENT_WORDS = _words("retaliate retaliation war response respond strike hit punish")
_TIME_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})
_TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "morning",
        "evening",
        "night",
        "day",
        "week",
        "month",
        "year",
        "weekend",
        "afternoon",
        "occasion",
        "anniversary",
        "eve",
        *[
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
    ]
)
# Objects of "at" that are not targets: "fired at a lofted angle", "at a target buoy".
_NOT_TARGETS = frozenset(
    [
        "target",
        "buoy",
        "angle",
        "altitude",
        "speed",
        "range",
        "distance",
        "trajectory",
        "time",
        "point",
        "rate",
        "level",
        "height",
        "apogee",
        "interval",
        "location",
        "site",
        "around",
        "dawn",
        "noon",
        "midnight",
    ]
)
_LAUNCH_VERBS = frozenset({"launch", "fire", "test"})
_PLAIN_AGREE = frozenset({"agree", "accept", "sign"})
_CONFLICT_ACTS = frozenset({"ASSAULT", "MOBILIZE", "COERCE", "SANCTION"})
_NOT_EVENTS = _words(
    "comment elaborate identify specify name say discuss confirm disclose reveal give "
    "respond reply answer"
)
_OBLIGATION = frozenset({"must", "should"})
_MONTH_NAMES = frozenset({"March", "May"})
_COGNITION = _words(
    "know understand realize realise remember recognize recognise learn see love respect "
    "cherish value serve"
)
# Nouns that only frame another event noun: "a mediation mission", "an air campaign".
_CONTAINERS = _words(
    "mission effort campaign operation drive process initiative bid attempt activity event "
    "program programme"
)
_PLEDGE_AUX = frozenset({"will", "would", "shall", "wo", "'ll"})
_OWN_SIDE = _words("we i it they he she police army military government troops force forces")
_REQUEST_NOUNS = frozenset(
    {"call", "demand", "appeal", "request", "proposal", "offer", "plan", "ultimatum", "invitation"}
)


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
    notes: list[str] = field(default_factory=list)


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
        for word, o in view.preps(h):
            if word == "of":
                words.add(view.lemma(o))
                for m in view.children(o, ("compound", "amod")):
                    words.add(view.lemma(m))
    return words


def _noun_words(view: ParseView, i: int) -> set[str]:
    words = {view.lemma(m) for m in view.children(i, MODIFIER_DEPS)}
    for m in view.children(i, ("compound", "amod")):
        words.update(view.lemma(x) for x in view.children(m, ("compound", "amod")))
    for word, o in view.preps(i):
        if word in {"of", "by", "with"}:
            words.add(view.lemma(o))
            words.update(view.lemma(m) for m in view.children(o, ("compound", "amod")))
    return words


def _word_matches(words: set[str], wanted: frozenset[str]) -> bool:
    return any(w in wanted or classes_of(w) & wanted for w in words)


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


def _prep_matches(view: ParseView, i: int, wanted: frozenset[str]) -> bool:
    for word in view.particles(i):
        if word in wanted:
            return True
    for word, o in view.preps(i):
        target = view.tok(o)
        if (
            word in wanted
            and "water" not in classes_of(target.lemma.lower())
            and target.ent_type not in _TIME_ENTITIES
            and target.lemma.lower() not in _TIME_WORDS | _NOT_TARGETS
            and not any(ch.isdigit() for t in view.subtree(o) for ch in view.tok(t).text)
            and not any(view.tok(t).text.lower() in {"a.m.", "p.m."} for t in view.subtree(o))
        ):
            return True
    return False


def choose_sense(
    senses: tuple[Sense, ...], args: set[str], view: ParseView, i: int, subj: set[str]
) -> Sense | None:
    """The first sense whose constraints hold."""
    for sense in senses:
        if sense.args and not _word_matches(args, sense.args):
            continue
        if sense.preps and not _prep_matches(view, i, sense.preps):
            continue
        if sense.subj and not _word_matches(subj, sense.subj):
            continue
        return sense
    return None


def _verb_frame(view: ParseView, i: int) -> Frame | None:
    tok = view.tok(i)
    lemma = view.lemma(i)
    if tok.pos == "ADJ" and lemma in _ADJ_WRAPPERS and view.children(i, ("xcomp",)):
        return Frame(i, i, "AGREE", None, 0.7, wrapper=lemma)
    if tok.pos not in {"VERB", "AUX"} and not tok.tag.startswith("VB"):
        return None
    if tok.dep in {"amod", "compound"}:
        return None  # "the Israeli-occupied West Bank", "a banned party": a description
    senses = VERB_SENSES.get(lemma)
    if senses is None:
        return None
    sense = choose_sense(senses, _arg_words(view, i), view, i, _subject_words(view, i))
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
    return Frame(
        i, i, sense.category, sense.mode, sense.strength, wrapper=lemma if sense.wraps else None
    )


def _noun_frame(view: ParseView, i: int) -> Frame | None:
    tok = view.tok(i)
    if tok.pos not in {"NOUN", "PROPN"}:
        return None
    if _in_proper_name(view, i) or (i > 0 and tok.text in _MONTH_NAMES):
        return None  # "the Dayton Accords", "in mid-March": a name, not an event
    senses = NOUN_SENSES.get(view.lemma(i))
    if senses is None:
        return None
    sense = choose_sense(senses, _noun_words(view, i), view, i, set())
    if sense is None or sense.category == NOT_EVENT:
        return None
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
                    _inherit_mode(frames[anchor], noun_frames[n])
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
        elif view.tok(n).dep == "ROOT":
            frames[n] = nf
    _obligations(view, frames)
    _absorb_complements(view, frames)
    _drop_cautions(view, frames)
    _drop_questions(view, frames)
    _merge_consequences(view, frames)
    return sorted(frames.values(), key=lambda f: f.trigger)


def _inherit_mode(frame: Frame, noun: Frame) -> None:
    if frame.category == noun.category and frame.mode is None:
        frame.mode = noun.mode


def _complements(view: ParseView, w: int) -> list[int]:
    """Tokens that may hold the complement event of a wrapper at w, nearest first."""
    out: list[int] = []
    out.extend(view.children(w, ("xcomp", "ccomp", "acl")))
    # "sworn to fight" parsed as an adverbial clause: a subjectless to-infinitive
    out.extend(
        c
        for c in view.children(w, ("advcl",))
        if not view.children(c, ("nsubj", "nsubjpass", "mark"))
        and any(view.tok(a).text.lower() == "to" for a in view.children(c, ("aux",)))
    )
    for word, o in view.preps(w):
        if word in {"for", "of", "to", "on", "against", "from", "with", "upon"}:
            out.append(o)
    for d in view.children(w, ("dobj", "obj", "acl")):
        out.append(d)
        out.extend(view.children(d, ("acl", "ccomp", "relcl")))
        for word, o in view.preps(d):
            if word in {"of", "for", "to"}:
                out.append(o)
    return out


def _frame_at(frames: dict[int, Frame], token: int) -> Frame | None:
    if token in frames:
        return frames[token]
    for f in frames.values():
        if f.trigger == token:
            return f
    return None


def _absorb_complements(view: ParseView, frames: dict[int, Frame]) -> None:
    for anchor in sorted(frames, key=view.depth):
        frame = frames.get(anchor)
        if frame is None or frame.wrapper is None:
            continue
        w = frame.trigger if frame.nominal else anchor
        for comp in _complements(view, w):
            inner = _frame_at(frames, comp)
            if inner is not None and inner is not frame:
                if frame.category == "ACCUSE":
                    inner.alleged_by = anchor
                    frame.embedded = inner.anchor
                    break
                del frames[inner.anchor]
                frame.embedded = inner.anchor
                objects = {view.lemma(o) for o in view.children(inner.anchor, ("dobj", "obj"))}
                _set_wrapped(frame, inner.category, inner.mode, view.lemma(inner.trigger), objects)
                break
            if view.lemma(comp) in _REQUEST_NOUNS and view.tok(comp).pos == "NOUN":
                continue  # "rejected calls to halt X": the mode comes from X
            if (
                frame.category == "REJECT"
                and view.lemma(comp) in _NOT_EVENTS
                and not any(view.lemma(o) in _REQUEST_NOUNS for _, o in view.preps(comp))
            ):
                del frames[anchor]  # "declined to comment" is not a rejection
                break  # ("refused to respond to a demand" is one)
            if view.tok(comp).pos in {"VERB", "NOUN"} and view.tok(comp).dep in {
                "xcomp",
                "ccomp",
                "pcomp",
                "pobj",
                "acl",
            }:
                frame.embedded = comp
                objects = {view.lemma(o) for o in view.children(comp, ("dobj", "obj"))}
                _set_wrapped(frame, None, None, view.lemma(comp), objects)
                break


def _set_wrapped(
    frame: Frame,
    category: str | None,
    mode: str | None,
    lemma: str,
    objects: set[str] | None = None,
) -> None:
    words = {lemma} | classes_of(lemma)
    for word in objects or ():
        words |= {word} | classes_of(word)
    if frame.category in {"REQUEST", "REJECT"}:
        if category == "CONSULT" or "talks" in words:
            frame.mode = "meet"
        elif category in {"AID", "COOPERATE"} or "aid" in words:
            frame.mode = "assist"
        elif category in {"RETREAT", "CONCEDE"} or lemma in _YIELD_WORDS:
            frame.mode = "yield"
        else:
            frame.mode = frame.mode or "change"
    elif frame.category == "THREATEN":
        frame.mode = _threat_mode(category, mode, lemma, words)
    elif (
        frame.category == "AGREE"
        and frame.wrapper not in _PLAIN_AGREE
        and category in _CONFLICT_ACTS
    ):
        frame.category = "THREATEN"
        frame.mode = _threat_mode(category, mode, lemma, words)


def threat_mode_for(category: str | None, mode: str | None, lemma: str) -> str | None:
    """The THREATEN mode for a threatened event of this category, mode and lemma."""
    return _threat_mode(category, mode, lemma, {lemma} | classes_of(lemma))


def _threat_mode(
    category: str | None, mode: str | None, lemma: str, words: set[str] | frozenset[str]
) -> str | None:
    if category in {"ASSAULT", "MOBILIZE"} or "attack" in words or lemma in _VIOLENT_WORDS:
        return "violence"
    if mode in {"expel", "deport"}:
        return "expel"
    if category == "COERCE" and mode == "arrest":
        return "arrest"
    if category == "COERCE" and mode == "seize":
        return "territory"
    if category in {"COERCE", "PROTEST"} or "sanction" in words or "restriction" in words:
        return "restrict"
    if category == "SANCTION":
        return "relations"
    return None


def _drop_cautions(view: ParseView, frames: dict[int, Frame]) -> None:
    """ "Officials warned the fire is too big", "warned of a resurgence": a caution, no threat.

    A warning is a threat when it names a coercive act (a threat mode was found), is
    addressed to someone ("warned G7 not to ...", "warned Seoul of consequences"), or
    says what the warner's own side will do ("warned that police will no longer
    tolerate rallies").
    """
    for anchor in list(frames):
        frame = frames[anchor]
        if frame.wrapper != "warn" or frame.mode is not None:
            continue
        w = frame.trigger
        if view.children(w, ("dobj", "obj")):
            continue
        pledged = False
        for comp in view.children(w, ("ccomp",)):
            aux = {view.tok(a).text.lower() for a in view.children(comp, ("aux",))}
            subjects = view.children(comp, ("nsubj", "nsubjpass"))
            own = bool(subjects) and view.lemma(subjects[0]) in _OWN_SIDE
            pledged = pledged or (own and bool(aux & _PLEDGE_AUX))
        if not pledged:
            del frames[anchor]


def _drop_questions(view: ParseView, frames: dict[int, Frame]) -> None:
    """ "She asked if he agreed", "'Why?', he asked": a question, not a request.

    "Ask" requests when it asks someone to do something ("asked Russia to veto"), for
    something ("asked for help") or for aid or permission ("asked their help").
    """
    for anchor in list(frames):
        frame = frames[anchor]
        if frame.wrapper != "ask" or frame.nominal:
            continue
        w = frame.trigger
        if view.children(w, ("xcomp",)) or any(word == "for" for word, _ in view.preps(w)):
            continue
        if any(
            classes_of(view.lemma(o)) & {"aid"} or view.lemma(o) == "permission"
            for o in view.children(w, ("dobj", "obj"))
        ):
            continue
        del frames[anchor]


def _merge_consequences(view: ParseView, frames: dict[int, Frame]) -> None:
    """ "fired shells at the island, killing two" is one ASSAULT, not a launch and a killing."""
    for anchor in list(frames):
        frame = frames.get(anchor)
        if frame is None or frame.category != "ASSAULT" or frame.nominal:
            continue
        if view.tok(anchor).dep not in {"advcl", "conj", "xcomp"}:
            continue
        if view.children(anchor, ("nsubj", "nsubjpass")):
            continue
        parent = view.head(anchor)
        if parent is None or parent not in frames:
            continue
        pf = frames[parent]
        if pf.category == "MOBILIZE" and pf.mode == "weapons":
            pf.category, pf.mode = "ASSAULT", "heavy-weapons"
        if pf.category == "ASSAULT":
            if pf.mode is None:
                pf.mode = frame.mode
            del frames[anchor]


def _obligations(view: ParseView, frames: dict[int, Frame]) -> None:
    """ "X said Y must/should do Z": a REQUEST by the speaker to Y (mode from Z)."""
    for tok in view.tokens:
        if tok.dep != "aux" or tok.text.lower() not in _OBLIGATION:
            continue
        verb = tok.head
        speech = view.head(verb)
        if (
            speech is None
            or view.lemma(verb) in _COGNITION  # "should know that ...": no act demanded
            or view.tok(verb).dep != "ccomp"
            or view.lemma(speech) not in SPEECH_VERBS | {"insist", "demand"}
            or speech in frames
        ):
            continue
        subj, _ = clause_subject(view, verb)
        speaker, _ = clause_subject(view, speech)
        if not subj or not speaker or view.tok(subj[0]).pos == "PRON":
            continue
        inner = frames.pop(verb, None)
        frame = Frame(verb, speech, "REQUEST", None, 0.7, wrapper="must", embedded=verb)
        _set_wrapped(
            frame,
            inner.category if inner else None,
            inner.mode if inner else None,
            view.lemma(inner.trigger) if inner else view.lemma(verb),
        )
        frames[speech] = frame
