"""Verb triggers of conflict: force, accusations, demands, refusals, threats, sanctions,
coercion and protest (flashpoint.coding.senses says how an entry reads).
"""

from __future__ import annotations

from typing import Final

from flashpoint.coding.senses import NOT_EVENT, NOT_EVENT_MEDIA, S, Sense, lex

_ASSAULT = S("ASSAULT", strength=0.75)
_REQUEST = S("REQUEST", strength=0.8, wraps=True)
_REJECT = S("REJECT", strength=0.8, wraps=True)
_DISAPPROVE = S("ACCUSE", "disapprove", strength=0.85)
_ALLEGE = S("ACCUSE", "allege", strength=0.8, wraps=True)
_ARREST = S("COERCE", "arrest", strength=0.85)
_DEMO = S("PROTEST", "demo", subj="crowd", strength=0.8)
# Stopping drills, weapons work or hostile acts stands down ("halted its military drills",
# "stopped the provocations"): a RETREAT with no mode of its own.
_STAND_DOWN = S("RETREAT", args="drill weapon nuclear wrongdoing military hostile", strength=0.55)

CONFLICT_VERBS: Final[dict[str, tuple[Sense, ...]]] = lex(
    {
        # --- MOBILIZE and ASSAULT with weapons
        "fire": (
            S("ASSAULT", "heavy-weapons", args="weapon", preps="at on upon", strength=0.85),
            S("MOBILIZE", "weapons", args="weapon", strength=0.9),
            S("ASSAULT", "firearms", preps="at on upon", strength=0.8),
        ),
        "test-fire": S("MOBILIZE", "weapons", strength=0.9),
        "launch": (
            S("MOBILIZE", "weapons", args="weapon", strength=0.9),
            S("MOBILIZE", "troops", args="drill", strength=0.8),
            S("PROTEST", "strike", args="strike", subj="crowd", strength=0.85),  # workers
            S("ASSAULT", args="attack", strength=0.85),
            S("ACCUSE", "investigate", args="investigation", strength=0.8),
            S("CONSULT", args="talks", strength=0.7),
            S("PROTEST", "demo", args="protest", strength=0.75),
        ),
        "test": S("MOBILIZE", "weapons", args="weapon nuclear", strength=0.85),
        "detonate": (
            S("MOBILIZE", "weapons", args="nuclear", strength=0.85),
            S("ASSAULT", "explosives", strength=0.8),
        ),
        "deploy": (
            S("MOBILIZE", "police", args="police", strength=0.85),
            S("MOBILIZE", "weapons", args="weapon", strength=0.85),
            S("MOBILIZE", "troops", strength=0.85),
        ),
        "mobilize": (
            S("MOBILIZE", "police", args="police", strength=0.8),
            S("MOBILIZE", "troops", args="troops", strength=0.8),
        ),
        "mobilise": S("MOBILIZE", "troops", args="troops", strength=0.8),
        "station": S("MOBILIZE", "troops", args="troops weapon", strength=0.7),
        "mass": S("MOBILIZE", "troops", args="troops", strength=0.75),
        "reinforce": S("MOBILIZE", "troops", args="troops", strength=0.6),
        "send": (
            S("SUPPORT", args="goodwill", strength=0.7),  # "sent a congratulatory message"
            S("ACCUSE", "investigate", args="inspector", strength=0.65),  # monitors sent
            S("MOBILIZE", "troops", args="troops", strength=0.75),
            S("AID", args="aid arm", strength=0.75),
        ),
        "strengthen": S("MOBILIZE", "troops", args="troops", strength=0.7),
        "bolster": S("MOBILIZE", "troops", args="troops", strength=0.7),
        "boost": S("MOBILIZE", "troops", args="troops", strength=0.6),
        "increase": S("MOBILIZE", "troops", args="troops", strength=0.55),
        "open": S("ASSAULT", "firearms", args="fire", strength=0.85),
        "set": S("COERCE", "seize", args="fire", strength=0.7),
        "retake": S("ASSAULT", strength=0.75),
        "recapture": S("ASSAULT", strength=0.75),
        "overrun": S("ASSAULT", strength=0.75),
        "abuse": S("ASSAULT", "beat", args="people crowd detainee", strength=0.6),
        "deface": S("COERCE", "cyber", strength=0.7),
        "swear": (S("SUPPORT", args="loyalty", strength=0.7), S("AGREE", strength=0.6, wraps=True)),
        "pressure": S("REQUEST", strength=0.7, wraps=True),
        "pressurize": S("REQUEST", strength=0.7, wraps=True),
        "push": S("REQUEST", preps="for", strength=0.65, wraps=True),
        "lobby": S("REQUEST", strength=0.6, wraps=True),
        "seek": (NOT_EVENT_MEDIA, S("REQUEST", args="aid", strength=0.65)),
        "defend": (
            S(NOT_EVENT, args="own_cause"),  # "defend the national sovereignty"
            S("SUPPORT", args="people right policy decision", strength=0.5),
            S("SUPPORT", preps="against", strength=0.55),  # "defended Iraq against criticism"
        ),
        "reduce": S("SANCTION", "discontinue", args="aid ties", strength=0.65),
        "reimpose": (
            S("COERCE", "restrict", args="blockade", strength=0.8),
            S("SANCTION", args="sanction", strength=0.8),
        ),
        "evacuate": S("RETREAT", "withdraw", args="troops territory settlement", strength=0.6),
        "dispatch": (
            S("ACCUSE", "investigate", args="inspector", strength=0.65),
            S("MOBILIZE", "troops", args="troops", strength=0.75),
            S("AID", args="aid", strength=0.75),
        ),
        "remain": S("MOBILIZE", "troops", args="alert", strength=0.75),
        "raise": S("MOBILIZE", "troops", args="alert", strength=0.75),
        "heighten": S("MOBILIZE", "troops", args="alert", strength=0.75),
        "maintain": S("MOBILIZE", "troops", args="alert", strength=0.65),
        "put": S("MOBILIZE", "troops", args="alert", strength=0.75),
        "place": S("MOBILIZE", "troops", args="alert", strength=0.75),
        # --- ASSAULT
        "attack": _ASSAULT,
        "bomb": S("ASSAULT", "aerial", strength=0.8),
        "shell": S("ASSAULT", "heavy-weapons", strength=0.85),
        "bombard": S("ASSAULT", "heavy-weapons", strength=0.85),
        "pound": S("ASSAULT", "heavy-weapons", args="weapon", strength=0.6),
        "strafe": S("ASSAULT", "aerial", strength=0.8),
        "strike": (
            S("AGREE", args="agreement", strength=0.75),  # "struck a deal"
            S(NOT_EVENT, args="abstract"),  # "struck a balance", "struck on the idea"
            S("PROTEST", "strike", subj="crowd", strength=0.75),
            S("ASSAULT", "aerial", strength=0.65),
        ),
        "shoot": (
            S("ASSAULT", "heavy-weapons", preps="down", strength=0.8),
            S("ASSAULT", "firearms", strength=0.8),
        ),
        "gun": S("ASSAULT", "firearms", preps="down", strength=0.8),
        "kill": S("ASSAULT", strength=0.7),
        "murder": S("ASSAULT", strength=0.75),
        "massacre": S("ASSAULT", strength=0.8),
        "slaughter": S("ASSAULT", strength=0.7),
        "wound": S("ASSAULT", strength=0.6),
        "injure": S("ASSAULT", strength=0.55),
        "behead": S("ASSAULT", strength=0.8),
        "execute": S("ASSAULT", args="people detainee crowd", strength=0.6),
        "ambush": S("ASSAULT", "firearms", strength=0.85),
        "raid": S("ASSAULT", strength=0.7),
        "storm": S("ASSAULT", strength=0.65),
        "invade": S("ASSAULT", "heavy-weapons", strength=0.8),
        "assassinate": S("ASSAULT", "targeted", strength=0.9),
        "abduct": S("ASSAULT", "abduct", strength=0.9),
        "kidnap": S("ASSAULT", "abduct", strength=0.9),
        "hijack": S("ASSAULT", "abduct", strength=0.85),
        "torture": S("ASSAULT", "torture", strength=0.85),
        "beat": S("ASSAULT", "beat", args="people crowd detainee", strength=0.7),
        "rape": S("ASSAULT", "sexual", strength=0.85),
        "stab": S("ASSAULT", "primitive", strength=0.8),
        "ram": S("ASSAULT", args="troops property", strength=0.7),  # "rammed a supply boat"
        # "used water cannons against the vessels", "used nuclear weapons on X"
        "use": S("ASSAULT", args="weapon", preps="against on upon", strength=0.65),
        "stone": S("ASSAULT", "primitive", strength=0.6),
        "gas": S("ASSAULT", "unconventional", strength=0.6),
        "blow": S("ASSAULT", "explosives", preps="up", strength=0.8),
        # "peace is destroyed", "houses destroyed by the flood": no attack
        "destroy": (S(NOT_EVENT, args="intangible scourge"), S("ASSAULT", "destroy", strength=0.6)),
        "clash": S("ASSAULT", strength=0.7),
        # "fight corruption", "battled blazes": an adversary that is not a party
        "fight": (S(NOT_EVENT, args="scourge"), S("ASSAULT", strength=0.6)),
        "battle": (S(NOT_EVENT, args="scourge"), S("ASSAULT", strength=0.6)),
        "torch": S("COERCE", "seize", strength=0.65),
        "demolish": S("COERCE", "seize", strength=0.7),
        "raze": S("COERCE", "seize", strength=0.7),
        "bulldoze": S("COERCE", "seize", strength=0.7),
        # --- ACCUSE
        "condemn": _DISAPPROVE,
        "denounce": _DISAPPROVE,
        "criticize": _DISAPPROVE,
        "criticise": _DISAPPROVE,
        "slam": _DISAPPROVE,
        "deplore": _DISAPPROVE,
        "decry": _DISAPPROVE,
        "censure": _DISAPPROVE,
        "rebuke": _DISAPPROVE,
        "castigate": _DISAPPROVE,
        "lambast": _DISAPPROVE,
        "lambaste": _DISAPPROVE,
        "chastise": _DISAPPROVE,
        "flay": _DISAPPROVE,  # state-media idiom: "Hostile Moves Flayed"
        "assail": _DISAPPROVE,
        # State-media verbs of verbal attack: "slandered the DPRK", "defamed its system".
        "slander": _DISAPPROVE,
        "defame": _DISAPPROVE,
        "vilify": _DISAPPROVE,
        "malign": _DISAPPROVE,
        "smear": S("ACCUSE", "disapprove", strength=0.6),
        "disparage": _DISAPPROVE,
        "revile": _DISAPPROVE,
        "berate": _DISAPPROVE,
        "reproach": _DISAPPROVE,
        "excoriate": _DISAPPROVE,
        "upbraid": _DISAPPROVE,
        "lash": S("ACCUSE", "disapprove", preps="out", strength=0.75),  # "lashed out at"
        # ("missiles hit the sea" reports where a test landed: no ASSAULT sense for "hit")
        "hit": S("ACCUSE", "disapprove", preps="out", strength=0.75),  # "hit out at"
        "ridicule": S("ACCUSE", "disapprove", strength=0.6),
        # Naming an act a wrong: "branded the drills a provocation", "termed it a threat"
        "brand": S("ACCUSE", "disapprove", args="wrongdoing", strength=0.7),
        "term": S("ACCUSE", "disapprove", args="wrongdoing", strength=0.65),
        "label": S("ACCUSE", "disapprove", args="wrongdoing", strength=0.65),
        "describe": S("ACCUSE", "disapprove", args="wrongdoing", strength=0.55),
        "blast": S("ACCUSE", "disapprove", args="people diplomat", strength=0.5),
        "protest": (
            S("PROTEST", "demo", subj="crowd", strength=0.8),
            S("ACCUSE", "disapprove", strength=0.7),
        ),
        "accuse": _ALLEGE,
        "allege": S("ACCUSE", "allege", strength=0.7),
        "blame": S("ACCUSE", "disapprove", strength=0.8),  # blaming is disapproval (ANNOTATION.md)
        "charge": (S("ACCUSE", "allege", preps="with", strength=0.7),),
        "sue": S("ACCUSE", "allege", strength=0.8),
        "complain": S("ACCUSE", "allege", strength=0.6),
        "investigate": S("ACCUSE", "investigate", strength=0.8),
        "probe": S("ACCUSE", "investigate", strength=0.75),
        "indict": S("ACCUSE", "allege", strength=0.75),
        # --- REQUEST
        "urge": _REQUEST,
        "demand": _REQUEST,
        "ask": (NOT_EVENT_MEDIA, _REQUEST),
        "request": (NOT_EVENT_MEDIA, _REQUEST),
        "appeal": (S(NOT_EVENT, args="ruling"), _REQUEST),  # a court appeal is litigation
        "press": S("REQUEST", preps="for", strength=0.7, wraps=True),
        "plead": (S(NOT_EVENT, args="plea"), _REQUEST),  # "pleaded guilty": a court plea
        "implore": _REQUEST,
        "exhort": _REQUEST,
        "petition": _REQUEST,
        "invite": S("REQUEST", "meet", strength=0.6, wraps=True),
        "call": (
            S("CONCEDE", args="protest", preps="off", strength=0.75),
            S("REQUEST", preps="for on upon", strength=0.8, wraps=True),
            S("ACCUSE", "disapprove", args="wrongdoing", strength=0.6),  # "called it a crime"
            S("PROTEST", "strike", args="strike", strength=0.7),  # "unions called a strike"
            # only a call said to be by phone is one: "called upon officials to ..." is a
            # request, "is called the Izumo" a name, "called the envoy a friend" a stance
            S("CONSULT", "phone", args="phone telephone", strength=0.75),
        ),
        # --- REJECT
        "reject": _REJECT,
        "refuse": _REJECT,
        "decline": S("REJECT", strength=0.7, wraps=True),
        "rule": S("REJECT", preps="out", strength=0.8, wraps=True),
        "turn": S("REJECT", preps="down", strength=0.75, wraps=True),
        "rebuff": _REJECT,
        "spurn": _REJECT,
        "veto": _REJECT,
        "dismiss": S(
            "REJECT", args="agreement talks sanction demand", strength=0.6, wraps=True
        ),  # ("dismissed an appeal to lay down arms")
        "oppose": S("REJECT", strength=0.6, wraps=True),
        "renege": S("REJECT", strength=0.75),
        "deny": S("REJECT", args="people diplomat aid talks", strength=0.5),
        "resist": S("REJECT", strength=0.5),
        # Only negated ("will never tolerate"): events.py reads that as REJECT.
        "tolerate": S(NOT_EVENT),
        "condone": S(NOT_EVENT),
        "countenance": S(NOT_EVENT),
        # --- THREATEN
        "threaten": S("THREATEN", strength=0.85, wraps=True),
        "warn": S("THREATEN", strength=0.6, wraps=True),
        # "vowed loyalty to X" pledges support; "vowed to retaliate" threatens
        "vow": (
            S("SUPPORT", args="loyalty", strength=0.7),
            S("THREATEN", strength=0.6, wraps=True),
        ),
        # A retaliation that happened is an attack; an announced one is a threat (events.py)
        "retaliate": S("ASSAULT", strength=0.6),
        "punish": S(NOT_EVENT),  # a court's or a parent's; only announced ones threaten
        # --- SANCTION
        "sanction": S("SANCTION", strength=0.8),
        "impose": (
            S("COERCE", "restrict", args="blockade", strength=0.8),
            S("COERCE", "curfew", args="curfew", strength=0.85),
            S("COERCE", "martial-law", args="emergency", strength=0.85),
            S("SANCTION", args="sanction", strength=0.85),
        ),
        "slap": S("SANCTION", args="sanction", strength=0.8),
        "tighten": (
            S("COERCE", "restrict", args="blockade", strength=0.75),
            S("SANCTION", args="sanction", strength=0.75),
        ),
        "expel": (
            S("SANCTION", "expel", args="diplomat", strength=0.85),
            S("COERCE", "deport", strength=0.75),
        ),
        "recall": S("SANCTION", "withdraw", args="diplomat", strength=0.75),
        "sever": S("SANCTION", "withdraw", strength=0.85),
        "cut": (
            S("SANCTION", "withdraw", args="ties", strength=0.8),
            S("SANCTION", "discontinue", args="aid", strength=0.75),
        ),
        "break": S("SANCTION", "withdraw", args="ties talks", strength=0.7),
        "downgrade": S("SANCTION", "withdraw", args="ties", strength=0.75),
        "suspend": (
            S("COERCE", "censor", args="publication newspaper broadcast media", strength=0.75),
            S("SANCTION", "discontinue", args="aid ties talks", strength=0.75),
            S("SANCTION", strength=0.55),
        ),
        "halt": (
            S("SANCTION", "discontinue", args="aid ties talks", strength=0.75),
            S("RETREAT", "ceasefire", args="attack", strength=0.7),
            _STAND_DOWN,
        ),
        "freeze": S("SANCTION", args="aid ties talks property", strength=0.7),
        "cancel": (
            S("CONCEDE", args="restriction", strength=0.7),
            S("SANCTION", "discontinue", strength=0.6),
        ),
        "end": (
            S("SANCTION", "discontinue", args="aid ties talks", strength=0.65),
            S("RETREAT", "ceasefire", args="attack", strength=0.6),
            S("CONCEDE", args="protest", strength=0.6),
            _STAND_DOWN,
        ),
        "shun": S("PROTEST", "strike", args="work", strength=0.7),
        "quit": S("PROTEST", "strike", args="work", strength=0.65),
        # Stone-throwing in the news is a crowd's: a riot, whoever is named.
        "throw": S("PROTEST", "riot", args="stone", strength=0.7),
        "stop": (
            S("PROTEST", "strike", args="work", strength=0.7),  # "workers stopped work"
            S("SANCTION", "discontinue", args="aid ties talks", strength=0.65),
            S("RETREAT", "ceasefire", args="attack", strength=0.6),
            _STAND_DOWN,
        ),
        "boycott": (
            S("PROTEST", "boycott", subj="crowd", strength=0.8),
            S("SANCTION", "withdraw", strength=0.65),
        ),
        "convict": S("SANCTION", "convict", strength=0.8),
        "sentence": S("SANCTION", "convict", strength=0.75),
        "prohibit": (S(NOT_EVENT, args="norm"), S("SANCTION", strength=0.6)),
        "withdraw": (
            S("RETREAT", "withdraw", args="troops", strength=0.85),
            S("RETREAT", "withdraw", subj="troops", strength=0.8),  # "troops withdrew from X"
            S("SANCTION", "withdraw", preps="from", strength=0.7),
            S("RETREAT", "withdraw", strength=0.6),
        ),
        "pull": S("RETREAT", "withdraw", preps="out back", strength=0.8),
        "ship": (
            S("SANCTION", "expel", preps="out", strength=0.6),
            S("AID", args="aid weapon arm", strength=0.65),  # "shipped rice to Haiti"
        ),
        "force": S("SANCTION", "expel", preps="out", strength=0.65),
        # --- COERCE
        "arrest": _ARREST,
        "detain": _ARREST,
        "jail": _ARREST,
        "imprison": _ARREST,
        "apprehend": _ARREST,
        "round": S("COERCE", "arrest", preps="up", strength=0.75),
        "capture": (
            S("ASSAULT", args="territory", strength=0.75),
            S("COERCE", "arrest", strength=0.7),
        ),
        "deport": S("COERCE", "deport", strength=0.85),
        "extradite": S("COOPERATE", strength=0.7),
        "seize": (
            S(NOT_EVENT, args="abstract"),  # "seize the initiative", "seize hegemony"
            S(NOT_EVENT, preps="on upon"),  # "seized on by critics"
            S(NOT_EVENT, args="feeling", preps="with by"),  # "seized with panic": a feeling
            S("COERCE", "seize", strength=0.8),
        ),
        "confiscate": S("COERCE", "seize", strength=0.85),
        "impound": S("COERCE", "seize", strength=0.8),
        "occupy": S("COERCE", "seize", strength=0.7),
        "annex": S("COERCE", "seize", strength=0.8),
        "censor": S("COERCE", "censor", strength=0.85),
        "shut": S("COERCE", "censor", args="online media", preps="down", strength=0.7),
        # "bombs banned by international law": a norm, not a measure someone took
        "ban": (
            S(NOT_EVENT, args="norm"),
            S(NOT_EVENT, subj="norm"),  # "international law bans using civilians"
            S("COERCE", "restrict", strength=0.7),
        ),
        "outlaw": S("COERCE", "restrict", strength=0.75),
        "crack": S("COERCE", "restrict", preps="down", strength=0.75),
        "restrict": S("COERCE", "restrict", strength=0.6),
        "disperse": S("ASSAULT", "crowd-control", args="crowd protest", strength=0.7),
        "hack": S("COERCE", "cyber", strength=0.7),
        "declare": (
            S("COERCE", "curfew", args="curfew", strength=0.85),
            S("COERCE", "martial-law", args="emergency", strength=0.85),
            S("RETREAT", "ceasefire", args="ceasefire", strength=0.8),
        ),
        # --- PROTEST
        "demonstrate": (
            S(NOT_EVENT, args="quality"),  # "demonstrated their ability": showing, not protest
            S("PROTEST", "demo", preps="against in outside for", strength=0.7),
            S("PROTEST", "demo", subj="crowd", strength=0.75),
        ),
        "rally": _DEMO,
        "march": _DEMO,
        "picket": _DEMO,
        "riot": S("PROTEST", "riot", strength=0.85),
        "block": (
            S("COERCE", "censor", args="online", strength=0.65),
            S("PROTEST", "obstruct", args="road", subj="crowd armed", strength=0.7),
            S("COERCE", "restrict", args="road", strength=0.6),  # "police blocked roads"
            S("PROTEST", "obstruct", subj="crowd", strength=0.7),
        ),
        "blockade": (
            S("PROTEST", "obstruct", subj="crowd", strength=0.75),
            S("COERCE", "restrict", strength=0.7),
        ),
        "barricade": S("PROTEST", "obstruct", strength=0.7),
    }
)
