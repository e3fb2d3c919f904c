"""Trigger words used in a way that is no event between actors.

Small surface checks events.py applies before it builds a frame: a trigger noun naming a
trait ("fighting spirit"), "thanks to" meaning "because of", and guarding one's own
possessions ("defend its sovereign right"), which is self-defence, not support; and the
patterns read as warnings, "X will be held responsible" and "X will pay dearly".
"""

from __future__ import annotations

from itertools import pairwise

from flashpoint.coding.actor_patterns import ATOMS
from flashpoint.coding.clauses import ParseView, clause_subject
from flashpoint.coding.wordclasses import WORD_CLASSES, classes_of, words_of

_TRAIT_NOUNS = words_of("efficiency spirit morale mood trait style trend")
_GUARD_VERBS = words_of("defend protect safeguard guard")
_OWN_POSSESSIVES = words_of("its their our my his her")
_ACCOUNTABLE = words_of("responsible accountable liable answerable")
_FUTURE_MODALS = words_of("will would shall 'll")
_VISIT_VERBS = words_of("visit tour")
_REFUSED_WHEN_NEGATED = words_of("tolerate condone countenance")
# Stance nouns in "in denunciation of X": the clause's act expresses the stance.
_STANCE_NOUNS = words_of("denunciation denouncement condemnation censure")
_SEATS = words_of("house palace")
_PRICE_NOUNS = words_of("price penalty")
_PUNISH_VERBS = words_of("retaliate punish")
_SUFFER_VERBS = words_of("pay face suffer")
_PENALTY_NOUNS = WORD_CLASSES["penalty"]
_THREAT_MODALS = words_of("will would shall 'll must")
_OBLIGING = words_of("have bound bind make go")
_OBJECT_DEPS = frozenset({"dobj", "obj", "conj", "appos", "attr", "pobj"})


def names_trait(view: ParseView, i: int) -> bool:
    """A trigger noun modifying a quality ("fighting spirit", "fighting efficiency")."""
    head = view.head(i)
    if view.tok(i).dep not in {"compound", "amod"} or head is None:
        return False
    return bool(classes_of(view.lemma(head)) & {"quality"}) or view.lemma(head) in _TRAIT_NOUNS


def thanks_to(view: ParseView, i: int) -> bool:
    """ "Thanks to the leadership, ...": the compound preposition, not gratitude."""
    tok = view.tok(i)
    return (
        tok.text.lower() == "thanks"
        and i + 1 < len(view)
        and view.tok(i + 1).text.lower() == "to"
        and tok.dep not in _OBJECT_DEPS
    )


def guards_own(view: ParseView, i: int) -> bool:
    """A guarding verb whose object belongs to its own subject ("defend its security")."""
    if view.lemma(i) not in _GUARD_VERBS:
        return False
    owned = list(view.children(i, ("dobj", "obj")))
    owned += [o for d in owned for w, o in view.preps(d) if w == "of"]  # "rights of its people"
    return any(
        view.lemma(p) in _OWN_POSSESSIVES for o in owned for p in view.children(o, ("poss",))
    )


def held_to_account(view: ParseView, i: int) -> str | None:
    """ "X will be held responsible for ...": a warning (THREATEN); "X was held
    accountable": blame (ACCUSE). None when verb i is no such "hold"."""
    if view.lemma(i) != "hold" or not any(
        view.lemma(c) in _ACCOUNTABLE for c in view.children(i, ("oprd", "acomp", "xcomp"))
    ):
        return None
    modals = {view.tok(a).text.lower() for a in view.children(i, ("aux",))}
    return "THREATEN" if modals & _FUTURE_MODALS else "ACCUSE"


_BLAME_PLACERS = words_of("put lay place pin shift cast")


def lays_blame(view: ParseView, i: int) -> bool:
    """ "put/laid/placed the blame on X for Y": the subject blames X (ACCUSE); Y is the
    deed blamed, not an event of the sentence."""
    return view.lemma(i) in _BLAME_PLACERS and any(
        view.lemma(o) == "blame" for o in view.children(i, ("dobj", "obj", "nsubjpass"))
    )


def made_to_pay(view: ParseView, i: int) -> bool:
    """ "X will pay dearly for ...", "X will have to pay a heavy price", "X would face
    grave consequences": a warning of punishment (THREATEN against the one who pays).
    A past "paid dearly" or "faced consequences" is no threat."""
    lemma = view.lemma(i)
    if lemma not in _SUFFER_VERBS:
        return False
    cost = (lemma == "pay" and "dearly" in view.child_words(i, ("advmod",))) or any(
        view.lemma(o) in (_PRICE_NOUNS if lemma == "pay" else _PENALTY_NOUNS)
        for o in view.children(i, ("dobj", "obj"))
    )
    return cost and announced(view, i)


def announced(view: ParseView, i: int) -> bool:
    """Verb i is announced for the future: "will/would/must X", "will have to / is bound
    to / will be made to X" (a warning), not a report of what happened."""
    cur: int | None = i
    for _ in range(4):
        if cur is None:
            break
        if {view.tok(a).text.lower() for a in view.children(cur, ("aux",))} & _THREAT_MODALS:
            return True
        if cur != i and view.lemma(cur) in _OBLIGING:
            return True
        if view.tok(cur).dep not in {"xcomp", "ccomp"}:
            break
        cur = view.head(cur)
    return False


def announced_punishment(view: ParseView, i: int) -> bool:
    """ "will retaliate", "would mercilessly punish the provocateurs": a threat of force."""
    return view.lemma(i) in _PUNISH_VERBS and announced(view, i)


def judged_wrong(view: ParseView, i: int) -> int | None:
    """ "said the launch was a clear provocation", "stressed that the drills are illegal":
    a speaker judging an act a wrong accuses its doer. The judging word, or None."""
    for c in view.children(i, ("ccomp",)):
        if view.lemma(c) != "be" or not view.children(c, ("nsubj",)):
            continue
        if view.children(c, ("neg",)):
            continue  # "said the test was not a provocation"
        for p in view.children(c, ("attr", "acomp")):
            if "wrongdoing" in classes_of(view.lemma(p)):
                return p
    return None


def visits_a_site(view: ParseView, i: int) -> bool:
    """A visit or tour of a building or site named by a common noun ("visited the
    factory", "toured the exhibition house"): an inspection, not a call on a party.
    Named seats of government stay visits ("visited the White House")."""
    if view.lemma(i) not in _VISIT_VERBS:
        return False
    objects = view.children(i, ("dobj", "obj"))
    if view.tok(i).dep in {"acl", "relcl"} and view.tok(i).tag == "VBN":
        head = view.head(i)  # "the bedroom visited by X"
        objects = objects + ([head] if head is not None else [])
    if view.tok(i).dep == "ROOT" and not objects:
        objects = view.children(i, ("nsubjpass",))  # "the palace was visited by ..."
    return any(_names_site(view, o) for o in objects)


def _names_site(view: ParseView, o: int) -> bool:
    lemma = view.lemma(o)
    if "site" not in classes_of(lemma):
        return False
    # A named seat of government is a party ("the White House", "the Elysee Palace")
    return view.tok(o).pos == "NOUN" or lemma not in _SEATS


def stance_anchor(view: ParseView, noun: int, prep: int | None, head: int | None) -> int | None:
    """The verb a stance phrase "in denunciation of" qualifies ("issued a statement in
    condemnation of X", "held a rally in denunciation of Y"): the act is the stance."""
    if prep is None or head is None or view.lemma(prep) != "in":
        return None
    if view.lemma(noun) not in _STANCE_NOUNS or not any(w == "of" for w, _ in view.preps(noun)):
        return None
    if view.tok(head).pos in {"NOUN", "PROPN"} and view.tok(head).dep in {"dobj", "obj"}:
        head = view.head(head)  # the prepositional phrase hangs on "statement"
    if head is None or view.tok(head).pos not in {"VERB", "AUX"}:
        return None
    return head


def possessed_act(view: ParseView, n: int) -> bool:
    """A noun act named with its doer and target: a proper-name possessive and an
    "of/on/against" object ("Israel's massacre of civilians", "Russia's attacks on Kyiv")."""
    doers = [p for p in view.children(n, ("poss",)) if view.tok(p).pos == "PROPN"]
    return bool(doers) and any(w in {"of", "on", "against"} for w, _ in view.preps(n))


def refused_when_negated(view: ParseView, i: int) -> bool:
    """ "will never tolerate", "does not condone": a negated verb of acceptance is a refusal."""
    return view.lemma(i) in _REFUSED_WHEN_NEGATED and bool(view.children(i, ("neg",)))


def honours_own_people(view: ParseView, i: int) -> bool:
    """Praise, thanks or tribute addressed to ordinary groups with no named party ("praised
    the scientists", "extended thanks to the builders", "paid tribute to the martyrs"):
    a domestic honour, not support between actors. A name or nationality anywhere in the
    addressee keeps it ("praised the Cuban people", "thanked the workers of Vietnam")."""
    addressees = list(view.children(i, ("dobj", "obj")))
    holders = [i]
    head = view.head(i)
    if view.tok(i).pos == "NOUN" and head is not None:
        holders.append(head)  # "extended thanks to them": "to" hangs on the verb
    for h in holders:
        addressees.extend(o for w, o in view.preps(h) if w == "to")
    if not addressees:
        return False
    for a in addressees:
        for t in view.subtree(a):
            tok = view.tok(t)
            if tok.pos == "PROPN" or (tok.pos == "ADJ" and tok.text[:1].isupper()):
                return False
    return all(
        view.tok(a).pos == "NOUN" and classes_of(view.lemma(a)) & {"citizenry", "site"}
        for a in addressees
    )


def introduced_by_there(view: ParseView, n: int) -> bool:
    """The noun is what "there is/are" introduces ("there were talks between ...")."""
    head = view.head(n)
    return (
        view.tok(n).dep in {"attr", "nsubj"}
        and head is not None
        and view.lemma(head) == "be"
        and bool(view.children(head, ("expl",)))
    )


_LOYALTY_HOLDERS = words_of("leader leadership party commander marshal general chairman comrade")


def loyalty_to_a_leader(view: ParseView, i: int) -> bool:
    """Loyalty or allegiance sworn to a person or a leadership ("vowed loyalty to Kim Jong
    Un", "pledged allegiance to the party"): homage to one's own leaders, domestic news
    with no event between actors. Allegiance sworn to a state or a group ("pledged
    allegiance to Turkey") stays support."""
    heads = [i, *view.children(i, ("dobj", "obj"))]
    if view.tok(i).pos == "NOUN":
        heads.extend(o for w, o in view.preps(i) if w == "of")  # "a pledge of loyalty to"
    addressees = [o for h in heads for w, o in view.preps(h) if w == "to"]
    if not any(classes_of(view.lemma(h)) & {"loyalty"} for h in heads):
        return False
    return any(
        view.tok(a).ent_type == "PERSON"
        or view.lemma(a) in _LOYALTY_HOLDERS
        or any(view.lemma(m) in _LOYALTY_HOLDERS for m in view.children(a, ("compound",)))
        or _own_leader(view, i, a)
        for a in addressees
    )


_NATION_KINDS = frozenset({"country", "demonym", "capital"})


def _own_leader(view: ParseView, i: int, a: int) -> bool:
    """The addressee is a leader the actor lexicon knows ("Kim Jong Un") and the subject
    names no other country ("soldiers", "North Korean workers", not "Syrian rebels")."""
    name = " ".join(
        view.tok(t).text
        for t in sorted([*view.children(a, ("compound",)), a])
        if view.tok(t).pos == "PROPN"
    )
    leader = ATOMS.get(name)
    if leader is None or leader.kind != "leader":
        return False
    heads, _ = clause_subject(view, i)
    words = [view.tok(t).text for h in heads for t in sorted(view.subtree(h))]
    spans = words + [f"{x} {y}" for x, y in pairwise(words)]
    nations = {
        atom.code
        for w in spans
        if (atom := ATOMS.get(w)) is not None and atom.kind in _NATION_KINDS
    }
    return not nations or leader.code in nations
