"""The trigger lexicon: verb and noun lemmas with the PLOVER category and mode they signal.

The verb tables live in verbs_conflict and verbs_cooperation, the sense model in senses;
this module joins them, holds the noun table and the closed word lists the clause rules
use (light verbs, speech verbs, governors of status). Written from general English news
usage, not from any evaluation text.
"""

from __future__ import annotations

from typing import Final

from flashpoint.coding.senses import NOT_EVENT, NOT_EVENT_MEDIA, S, Sense, lex
from flashpoint.coding.verbs_conflict import CONFLICT_VERBS
from flashpoint.coding.verbs_cooperation import COOPERATION_VERBS
from flashpoint.coding.wordclasses import words_of as _words

__all__ = ["NOT_EVENT", "NOUN_SENSES", "VERB_SENSES", "Sense"]

VERB_SENSES: Final[dict[str, tuple[Sense, ...]]] = {**CONFLICT_VERBS, **COOPERATION_VERBS}

_ATTACK = S("ASSAULT", strength=0.75)
_TALKS = S("CONSULT", strength=0.75)

NOUN_SENSES: Final[dict[str, tuple[Sense, ...]]] = lex(
    {
        "launch": S("MOBILIZE", "weapons", args="weapon", strength=0.85),
        "consensus": S("AGREE", strength=0.6),
        "understanding": S("AGREE", args="reach", strength=0.5),
        "cleansing": S("ASSAULT", strength=0.7),
        "patrol": (
            S("MOBILIZE", "police", args="police", strength=0.6),
            S("MOBILIZE", "troops", strength=0.55),
        ),
        "torture": S("ASSAULT", "torture", strength=0.6),
        "test": S("MOBILIZE", "weapons", args="weapon nuclear", strength=0.85),
        "test-firing": S("MOBILIZE", "weapons", strength=0.85),
        "test-fire": S("MOBILIZE", "weapons", strength=0.85),
        "firing": S("MOBILIZE", "weapons", args="weapon", strength=0.8),
        "fire": (
            S("ASSAULT", "heavy-weapons", preps="on at upon", strength=0.7),
            S("MOBILIZE", "weapons", args="weapon", strength=0.7),
        ),
        "detonation": S("MOBILIZE", "weapons", args="nuclear", strength=0.8),
        "exercise": (
            S("COOPERATE", args="joint", strength=0.8),
            S("MOBILIZE", "troops", strength=0.7),
        ),
        "drill": (
            S("COOPERATE", args="joint", strength=0.8),
            S("MOBILIZE", "troops", strength=0.7),
        ),
        "maneuver": S("MOBILIZE", "troops", strength=0.6),
        "war-game": S("MOBILIZE", "troops", strength=0.7),
        "game": S("MOBILIZE", "troops", args="war", strength=0.6),
        "deployment": S("MOBILIZE", "troops", strength=0.65),
        "alert": S("MOBILIZE", "troops", strength=0.6),
        "attack": _ATTACK,
        "assault": _ATTACK,
        "offensive": _ATTACK,
        "raid": _ATTACK,
        # A strike is a labour one when it says so ("a general strike", "a sit-in
        # strike") or when workers make it ("doctors went on strike"); an attack
        # otherwise, aerial only when aircraft are named (the cues refine the rest).
        "strike": (
            S("PROTEST", "strike", args="labour", strength=0.75),
            S("ASSAULT", "aerial", args="aircraft", strength=0.8),
            S("ASSAULT", "heavy-weapons", args="missile", strength=0.8),
            S("ASSAULT", preps="on against at upon", strength=0.6),
            S("PROTEST", "strike", subj="crowd", strength=0.75),
            S("ASSAULT", strength=0.55),
        ),
        "airstrike": S("ASSAULT", "aerial", strength=0.85),
        "air-strike": S("ASSAULT", "aerial", strength=0.85),
        # A bombing from the air is aerial, a bomb set off on the ground ("a car
        # bombing", "a bombing at a market", insurgents' bombing) explosives; when
        # nothing says which, the mode is left to the clause's cues.
        "bombing": (
            S("ASSAULT", "suicide-attack", args="suicide", strength=0.85),
            S("ASSAULT", "aerial", args="aircraft", strength=0.8),
            S("ASSAULT", "explosives", args="car roadside truck", strength=0.85),
            S("ASSAULT", "aerial", subj="aircraft", strength=0.75),
            S("ASSAULT", "explosives", preps="at in inside near outside", strength=0.75),
            S("ASSAULT", "explosives", subj="armed", strength=0.75),
            S("ASSAULT", strength=0.75),
        ),
        "bombardment": S("ASSAULT", "heavy-weapons", strength=0.8),
        "shelling": S("ASSAULT", "heavy-weapons", strength=0.8),
        "explosion": S("ASSAULT", "explosives", strength=0.55),
        "blast": S("ASSAULT", "explosives", strength=0.55),
        "ambush": S("ASSAULT", "firearms", strength=0.8),
        "assassination": S("ASSAULT", "targeted", strength=0.85),
        "invasion": S("ASSAULT", "heavy-weapons", strength=0.75),
        "clash": S("ASSAULT", strength=0.65),
        "fighting": S("ASSAULT", strength=0.6),
        "battle": S("ASSAULT", strength=0.55),
        "massacre": S("ASSAULT", strength=0.75),
        "kidnapping": S("ASSAULT", "abduct", strength=0.8),
        "abduction": S("ASSAULT", "abduct", strength=0.8),
        "talk": _TALKS,
        "negotiation": _TALKS,
        "dialogue": S("CONSULT", strength=0.6),
        "meeting": S("CONSULT", strength=0.6),
        "confab": S("CONSULT", strength=0.6),  # state-media word for a meeting
        # many sides or two ("the G20 summit", "a Trump-Kim summit"): modes decides
        "summit": S("CONSULT", strength=0.75),
        "consultation": _TALKS,
        "visit": S("CONSULT", "visit", strength=0.75),
        "exchange": S("CONSULT", args="view opinion", strength=0.65),  # "an exchange of views"
        "trip": S("CONSULT", "visit", strength=0.6),
        "mediation": S("CONSULT", "third-party", strength=0.75),
        "call": (
            S("CONSULT", "phone", args="phone telephone video", strength=0.75),
            S("CONSULT", "visit", args="courtesy", strength=0.75),  # "paid a courtesy call"
            NOT_EVENT_MEDIA,  # "in a call with reporters"
            S("CONSULT", "phone", preps="with", strength=0.7),  # "in a call with Macron"
        ),
        "conversation": S("CONSULT", "phone", args="phone telephone", strength=0.75),
        "condemnation": S("ACCUSE", "disapprove", strength=0.8),
        "criticism": S("ACCUSE", "disapprove", strength=0.7),
        "denunciation": S("ACCUSE", "disapprove", strength=0.75),
        "denouncement": S("ACCUSE", "disapprove", strength=0.75),
        "rebuke": S("ACCUSE", "disapprove", strength=0.7),
        "censure": S("ACCUSE", "disapprove", strength=0.7),
        "reproach": S("ACCUSE", "disapprove", strength=0.6),
        "protest": (
            S("PROTEST", "demo", args="crowd mass street", strength=0.75),
            S("ACCUSE", "disapprove", args="formal official strong", strength=0.75),
            S("PROTEST", "demo", strength=0.65),
        ),
        "demonstration": S("PROTEST", "demo", strength=0.75),
        "rally": S("PROTEST", "demo", strength=0.6),
        "march": S("PROTEST", "demo", strength=0.55),
        "sit-in": S("PROTEST", "obstruct", strength=0.75),
        "riot": S("PROTEST", "riot", strength=0.8),
        "hunger": S("PROTEST", "hunger", strength=0.8),
        "walkout": S("PROTEST", "strike", strength=0.75),
        "boycott": S("PROTEST", "boycott", strength=0.7),
        "accusation": S("ACCUSE", "allege", strength=0.7),
        "allegation": S("ACCUSE", "allege", strength=0.6),
        "investigation": S("ACCUSE", "investigate", strength=0.7),
        "hearing": S("ACCUSE", "investigate", preps="into on", strength=0.6),
        "probe": S("ACCUSE", "investigate", strength=0.7),
        "inquiry": S("ACCUSE", "investigate", strength=0.65),
        "lawsuit": S("ACCUSE", "allege", strength=0.7),
        "demand": S("REQUEST", strength=0.7, wraps=True),
        "appeal": S("REQUEST", strength=0.65, wraps=True),
        "request": S("REQUEST", strength=0.65, wraps=True),
        "threat": S("THREATEN", strength=0.55, wraps=True),
        "ultimatum": S("THREATEN", "relations", strength=0.8),
        "warning": S("THREATEN", strength=0.5, wraps=True),
        "countermeasure": S("THREATEN", strength=0.55),  # "will take countermeasures"
        "counteraction": S("THREATEN", strength=0.55),
        "retaliation": S("THREATEN", "violence", strength=0.55),
        "sanction": S("SANCTION", strength=0.75),
        "embargo": S("SANCTION", strength=0.75),
        "curfew": S("COERCE", "curfew", strength=0.75),
        "law": S("COERCE", "martial-law", args="martial", strength=0.85),
        "emergency": S("COERCE", "martial-law", args="state", strength=0.6),
        "siege": S("COERCE", "martial-law", args="state", strength=0.7),
        "crackdown": S("COERCE", "restrict", strength=0.7),
        "suppression": S("COERCE", "restrict", strength=0.6),
        "repression": S("COERCE", "restrict", strength=0.6),
        "persecution": S("COERCE", "restrict", strength=0.6),
        "ban": (
            S(NOT_EVENT, args="norm"),
            S("COERCE", "restrict", strength=0.6),
        ),  # "a ban on rallies"
        "blockade": S("COERCE", "restrict", strength=0.65),
        "censorship": S("COERCE", "censor", strength=0.6),
        "detention": S("COERCE", "arrest", strength=0.6),
        "deportation": S("COERCE", "deport", strength=0.65),
        "occupation": S("COERCE", "seize", args="military illegal", strength=0.6),
        "annexation": S("COERCE", "seize", strength=0.7),
        "arrest": S("COERCE", "arrest", strength=0.7),
        "expulsion": S("SANCTION", "expel", strength=0.7),
        "suspension": S("SANCTION", "discontinue", strength=0.65),
        "ceasefire": S("RETREAT", "ceasefire", strength=0.8),
        "cease-fire": S("RETREAT", "ceasefire", strength=0.8),
        "truce": S("RETREAT", "ceasefire", strength=0.8),
        "withdrawal": S("RETREAT", "withdraw", strength=0.75),
        "pullback": S("RETREAT", "withdraw", strength=0.75),
        "pullout": S("RETREAT", "withdraw", strength=0.75),
        "release": (S(NOT_EVENT, args="document"), S("RETREAT", "release", strength=0.7)),
        "resignation": S("RETREAT", "resign", strength=0.7),
        "aid": S("AID", strength=0.7),
        "assistance": S("AID", strength=0.65),
        "donation": S("AID", strength=0.7),
        "agreement": S("AGREE", strength=0.65),
        "deal": S("AGREE", strength=0.55),
        "accord": S("AGREE", strength=0.6),
        "pledge": (
            S("SUPPORT", args="loyalty", strength=0.7),  # "a pledge of allegiance to"
            S("AGREE", strength=0.6, wraps=True),
        ),
        "promise": S("AGREE", strength=0.55, wraps=True),
        "offer": S("AGREE", strength=0.55, wraps=True),
        "praise": S("SUPPORT", strength=0.7),
        "support": S("SUPPORT", strength=0.6),
        "solidarity": S("SUPPORT", strength=0.65),
        "condolence": S("SUPPORT", strength=0.6),
        "tribute": S("SUPPORT", strength=0.6),
        "homage": S("SUPPORT", strength=0.6),
        "sympathy": S("SUPPORT", strength=0.55),
        "message": S("SUPPORT", args="goodwill", strength=0.5),  # "a message of sympathy"
        "gratitude": S("SUPPORT", strength=0.6),
        "thanks": S("SUPPORT", strength=0.55),
        "thank": S("SUPPORT", strength=0.55),
        "congratulation": S("SUPPORT", strength=0.6),
        "greeting": S("SUPPORT", strength=0.55),
        "appreciation": S("SUPPORT", strength=0.55),
        "welcome": S("CONSULT", "visit", strength=0.6),
        "cooperation": S("COOPERATE", strength=0.5),
    }
)

# Verbs that carry a noun trigger: "held talks", "imposed sanctions", "staged protests".
LIGHT_VERBS: Final[frozenset[str]] = (
    _words("""reimpose hold stage conduct carry launch mount make issue lodge file impose slap declare announce
    reach give express extend take begin start resume continue open wage deliver engage
    organize organise go oversee guide observe watch supervise perform undertake renew
    complete speed step intensify escalate order have join attend lead convene sign seal
    conclude unleash commit perpetrate execute accept receive pay voice register""")
)

# Verbs after which the complement's event keeps its category and only its status changes.
SPEECH_VERBS: Final[frozenset[str]] = (
    _words("""say tell announce state add note report confirm insist stress emphasize emphasise
    reiterate write post tweet explain indicate reveal acknowledge admit declare remark
    disclose inform assert argue predict""")
)
CLAIM_VERBS: Final[frozenset[str]] = _words("claim allege contend suspect")
FUTURE_VERBS: Final[frozenset[str]] = _words(
    "plan intend prepare aim expect schedule set decide mean"
)
HYPOTHETICAL_VERBS: Final[frozenset[str]] = _words(
    "consider want seek hope wish try attempt mull weigh propose need suppose able capable "
    "incite instigate urge call ask demand request appeal press encourage ban prohibit forbid"
)
NEGATING_VERBS: Final[frozenset[str]] = _words("fail deny refrain avoid")
ASPECT_VERBS: Final[frozenset[str]] = (
    _words("""begin start continue resume complete finish manage keep step speed intensify
    escalate order carry undertake oversee guide observe watch supervise""")
)

# Nouns that, as subject of these verbs, report an event happening: "talks began".
HAPPEN_VERBS: Final[frozenset[str]] = (
    _words("""take break erupt begin start continue resume end kill wound injure hit destroy
    damage leave claim rock target occur happen spread intensify escalate follow come
    open close conclude collapse fail produce""")
)
