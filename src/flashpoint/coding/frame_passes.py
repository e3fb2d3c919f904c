"""Passes over the frames of one sentence, after triggers are found (see events.find_frames).

- wrappers absorb their complement ("urged X to withdraw", "threatened to impose
  sanctions") and take its mode; "accused X of Y" marks Y as alleged instead;
- obligations reported by a speaker ("said Y must Z") become a REQUEST;
- cautions ("warned the fire is too big") and questions ("asked if ...") are dropped;
- consequences of an attack ("fired shells, killing two") merge into it.
"""

from __future__ import annotations

from flashpoint.coding.clauses import ParseView, clause_subject
from flashpoint.coding.frame import Frame
from flashpoint.coding.triggers import SPEECH_VERBS
from flashpoint.coding.wordclasses import classes_of
from flashpoint.coding.wordclasses import words_of as _words

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
_PLAIN_AGREE = frozenset({"agree", "accept", "sign"})
_CONFLICT_ACTS = frozenset({"ASSAULT", "MOBILIZE", "COERCE", "SANCTION"})
_NOT_EVENTS = _words(
    "comment elaborate identify specify name say discuss confirm disclose reveal give "
    "respond reply answer"
)
_OBLIGATION = frozenset({"must", "should"})
# "ready/willing to X" pledges only a cooperative X (an event the lexicon knows, or help)
_READY_WORDS = _words("ready willing eager prepared")
_HELPING = _words(
    "help assist cooperate contribute join work participate provide promote develop deepen expand "
    "send give supply deliver lend"
)
_COGNITION = _words(
    "know understand realize realise remember recognize recognise learn see love respect "
    "cherish value serve"
)
_PLEDGE_AUX = frozenset({"will", "would", "shall", "wo", "'ll", "may", "can"})
_PENALTIES = _words("consequence price punishment retaliation retribution countermeasure")
_OWN_SIDE = _words("we i it they he she police army military government troops force forces")
_REQUEST_NOUNS = frozenset(
    {"call", "demand", "appeal", "request", "proposal", "offer", "plan", "ultimatum", "invitation"}
)


def inherit_mode(frame: Frame, noun: Frame) -> None:
    if frame.category == noun.category and frame.mode is None:
        frame.mode = noun.mode
    elif frame.category == "THREATEN" and frame.mode is None and noun.category != "THREATEN":
        # "unions threatened strikes", "threatened an attack": the threatened act's kind
        frame.mode = _threat_mode(noun.category, noun.mode, "", frozenset())


def _complements(view: ParseView, w: int) -> list[int]:
    """Tokens that may hold the complement event of a wrapper at w, nearest first."""
    out: list[int] = []
    out.extend(view.children(w, ("xcomp", "ccomp", "acl")))
    # "sworn to fight" parsed as an adverbial clause: a subjectless active to-infinitive
    # ("consequences to be entailed" is no complement of the warning)
    out.extend(
        c
        for c in view.children(w, ("advcl",))
        if not view.children(c, ("nsubj", "nsubjpass", "mark", "auxpass"))
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


def absorb_complements(view: ParseView, frames: dict[int, Frame]) -> None:
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
                halted = _halting_word(view, inner.trigger)
                if halted is not None:  # "called for halting the drills": the halt is asked
                    _set_wrapped(frame, None, None, halted, objects)
                else:
                    _set_wrapped(
                        frame, inner.category, inner.mode, view.lemma(inner.trigger), objects
                    )
                break
            if view.lemma(comp) in _REQUEST_NOUNS and view.tok(comp).pos == "NOUN":
                continue  # "rejected calls to halt X": the mode comes from X
            if view.children(comp, ("auxpass",)) and view.tok(comp).dep == "xcomp":
                continue  # "warned of consequences to be entailed": a misattached relative
            if (
                frame.category == "REJECT"
                and view.lemma(comp) in _NOT_EVENTS
                and not any(view.lemma(o) in _REQUEST_NOUNS for _, o in view.preps(comp))
            ):
                del frames[anchor]  # "declined to comment" is not a rejection
                break  # ("declined to answer a request" is one)
            if frame.wrapper in _READY_WORDS and view.lemma(comp) not in _HELPING:
                del frames[anchor]  # "ready to defend its security": a stance, no pledge
                break
            if view.tok(comp).pos in {"VERB", "NOUN"} and view.tok(comp).dep in {
                "xcomp",
                "ccomp",
                "pcomp",
                "pobj",
                "acl",
            }:
                frame.embedded = comp
                objects = {view.lemma(o) for o in view.children(comp, ("dobj", "obj"))}
                act = _halting_word(view, comp) or view.lemma(comp)
                _set_wrapped(frame, None, None, act, objects)
                break


def _halting_word(view: ParseView, noun: int) -> str | None:
    """A gerund of yielding the parser hung on the noun it governs ("calls for halting
    joint drills" read as "halting drills"): the word, else None."""
    for m in view.children(noun, ("amod", "compound")):
        if view.tok(m).tag == "VBG" and view.lemma(m) in _YIELD_WORDS:
            return view.lemma(m)
    return None


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
    if category == "PROTEST":
        # a threatened strike, boycott or sit-in presses without violence; a riot is violent
        return "violence" if mode == "riot" else "restrict"
    if category in {"ASSAULT", "MOBILIZE"} or "attack" in words or lemma in _VIOLENT_WORDS:
        return "violence"
    if mode in {"expel", "deport"}:
        return "expel"
    if category == "COERCE" and mode == "arrest":
        return "arrest"
    if category == "COERCE" and mode == "seize":
        # land is territory; goods, ships or assets are no kind THREATEN names
        return None if "property" in words and "territory" not in words else "territory"
    if category in {"COERCE", "PROTEST"} or "sanction" in words or "restriction" in words:
        return "restrict"
    if category == "SANCTION":
        return "relations"
    return None


def drop_cautions(view: ParseView, frames: dict[int, Frame]) -> None:
    """ "Officials warned the fire is too big", "warned of a resurgence": a caution, no threat.

    A warning is a threat when it names a coercive act (a threat mode was found), is
    addressed to someone ("warned G7 not to ...", "warned Seoul of consequences"),
    announces a penalty ("warned of grave consequences"), or says what the warner's
    own side will or may do ("warned that customs would stop
    clearing shipments").
    """
    for anchor in list(frames):
        frame = frames[anchor]
        if frame.wrapper != "warn" or frame.mode is not None:
            continue
        w = frame.trigger
        if view.children(w, ("dobj", "obj")):
            continue
        if any(view.lemma(o) in _PENALTIES for _, o in view.preps(w)):
            continue  # "warned of grave consequences": a punishment is announced
        pledged = False
        for comp in view.children(w, ("ccomp",)):
            aux = {view.tok(a).text.lower() for a in view.children(comp, ("aux",))}
            subjects = view.children(comp, ("nsubj", "nsubjpass"))
            own = bool(subjects) and view.lemma(subjects[0]) in _OWN_SIDE
            pledged = pledged or (own and bool(aux & _PLEDGE_AUX))
        if not pledged:
            del frames[anchor]


def drop_questions(view: ParseView, frames: dict[int, Frame]) -> None:
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


def merge_consequences(view: ParseView, frames: dict[int, Frame]) -> None:
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


def obligations(view: ParseView, frames: dict[int, Frame]) -> None:
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
