"""The cue tables refine_mode reads (flashpoint.coding.modes): which words name which
mode per category, which look like cues and are not, which modes a finer cue replaces,
and where in the sentence each category's cues are looked for. Data only."""

from __future__ import annotations

from typing import Final

from flashpoint.coding.wordclasses import words_of

__all__ = [
    "BILATERAL",
    "LEADERS",
    "MODE_CUES",
    "NOT_CUES",
    "OWN_CUE_KEEPS",
    "REFINES",
    "SCOPES",
]

# Cue phrases per category and mode, most specific mode first. A phrase is one or more
# lemmas; phrases are separated by commas. A longer phrase wins over a shorter one on
# the same words ("suicide drone" is a drone, "tear gas" is crowd-control).
MODE_CUES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "ASSAULT": (
        ("suicide-attack", "suicide, suicide bomber, suicide bombing, suicide attack"),
        (
            "unconventional",
            "chemical weapon, chemical attack, chemical agent, biological weapon, nerve agent, "
            "poison gas, toxic gas, sarin, mustard gas, chlorine gas, nuclear bomb, "
            "nuclear weapon, nuclear strike, nuclear attack, atomic bomb, dirty bomb",
        ),
        (
            "drone",
            "drone, suicide drone, kamikaze drone, uav, unmanned aerial vehicle, "
            "unmanned aircraft, quadcopter",
        ),
        (
            "aerial",
            "airstrike, air strike, air raid, air attack, air force, air campaign, aerial, "
            "warplane, war plane, fighter jet, jet, aircraft, helicopter, gunship, airplane, "
            "plane, from the air",
        ),
        (
            "heavy-weapons",
            "artillery, shell, shelling, mortar, rocket, missile, howitzer, tank, cannon, "
            "mlrs, multiple rocket launcher, bombardment, barrage",
        ),
        (
            "explosives",
            "bomb, car bomb, roadside bomb, pipe bomb, car bombing, roadside bombing, "
            "explosive, explosive device, ied, grenade, landmine, land mine, explosion, blast",
        ),
        (
            "firearms",
            "gun, gunman, gunfire, gunshot, gunbattle, gun battle, gunfight, shootout, rifle, "
            "pistol, bullet, sniper, machine gun, small arm, shooting, shoot, "
            "rocket propel grenade, rocket propelled grenade, rpg",
        ),
        (
            "primitive",
            "knife, machete, axe, sword, spear, hatchet, stick, stone, stab, stabbing, arson, "
            "molotov cocktail, firebomb",
        ),
        (
            "crowd-control",
            "tear gas, teargas, water cannon, rubber bullet, baton, pepper spray, stun grenade",
        ),
        ("targeted", "assassination, assassin, targeted killing, targeted attack"),
        ("abduct", "hostage, kidnapping, kidnapper, abduction, hijacking, hijacker"),
        ("torture", "torture"),
        ("sexual", "rape, sexual, sexually, sexual assault, sexual violence, sexual abuse"),
        ("beat", "beating, punch, fist"),
    ),
    "CONSULT": (
        (
            "phone",
            "phone, telephone, phone call, telephone call, video call, videoconference, "
            "video conference, video link",
        ),
        (
            "multilateral",
            "multilateral, trilateral, tripartite, quadrilateral, multiparty, multi party, six party, "
            "five party, four party, three party, four way, three way, multinational, "
            "conference, forum, plenary, summit, general assembly, ministerial meeting",
        ),
        ("third-party", "mediation, mediator, mediate, broker, intermediary, go between"),
        (
            "visit",
            "visit, visitor, trip, state visit, courtesy call, farewell call, host, arrive, "
            "arrival",
        ),
    ),
    "PROTEST": (
        ("hunger", "hunger, hunger strike"),
        ("riot", "riot, rioting, rioter"),
        ("boycott", "boycott"),
        ("obstruct", "sit-in, sit-in strike, blockade, roadblock, barricade"),
        ("strike", "general strike, walkout, work stoppage"),
        ("demo", "demonstration, rally, march, protest, demonstrator, protester, picket"),
    ),
    "MOBILIZE": (
        ("weapons", "missile, rocket, warhead, ballistic, launcher, nuclear test"),
        ("militia", "militia, militiaman, paramilitary"),
        ("police", "police, riot police, policeman, gendarme"),
        ("troops", "troop, soldier, army, reservist, warship, battalion, brigade, division"),
    ),
    "COERCE": (
        ("cyber", "cyber, cyberattack, cyber attack, hack, hacker, hacking, malware"),
        ("martial-law", "martial law, state of emergency"),
        ("curfew", "curfew"),
        ("censor", "censor, censorship"),
        ("deport", "deport, deportation"),
        ("arrest", "arrest, detention, detain, custody"),
        ("seize", "seize, seizure, confiscate, confiscation"),
    ),
    "ACCUSE": (
        ("investigate", "investigation, investigate, probe, inquiry"),
        ("allege", "accuse, accusation, allege, allegation, charge, lawsuit, sue"),
        (
            "disapprove",
            "condemn, condemnation, criticize, criticise, criticism, denounce, blame",
        ),
    ),
    "REQUEST": (
        (
            "meet",
            "talk, dialogue, negotiation, negotiating table, meeting, summit, consultation, "
            "mediation",
        ),
        (
            "yield",
            "release, freedom, repatriation, return, withdrawal, pullback, pullout, "
            "lifting, easing, cessation, ceasefire, truce, de escalation, restraint, "
            "surrender, disarmament, denuclearization, dismantlement, access",
        ),
        (
            "assist",
            "aid, assistance, help, support, solidarity, cooperation, relief, "
            "asylum, investment, loan, credit, funding, donation, food, medicine, fertilizer, "
            "vaccine, air defense, peacekeeper",
        ),
        (
            "change",
            "reform, abolition, repeal, revision, change, amendment, impeachment, "
            "resignation, ouster, democratization",
        ),
    ),
    "THREATEN": (
        (
            "violence",
            "war, attack, strike, military action, use of force, by force, retaliation, "
            "retaliate, retaliatory, revenge, punishment, annihilate, annihilation, "
            "obliterate, destruction, wipe out, kill, bomb, missile, nuclear weapon, "
            "nuclear attack, nuclear strike, sea of fire, violence, bloodshed, invasion, "
            "invade, terror, terrorist, counterattack",
        ),
        ("territory", "annex, annexation, occupation"),
        ("expel", "expel, expulsion, deport, deportation"),
        ("arrest", "arrest, detain, detention, jail, imprison, imprisonment, prosecute"),
        (
            "restrict",
            "sanction, tariff, embargo, blockade, ban, restriction, curfew, martial law, "
            "state of emergency",
        ),
        ("relations", "sever, severance, rupture, downgrade, break off"),
    ),
    "SANCTION": (
        ("convict", "convict, conviction, sentence, verdict, prison term, jail term"),
        ("expel", "expel, expulsion, persona non grata"),
        ("withdraw", "recall, sever, withdraw, withdrawal"),
        (
            "discontinue",
            "suspend, suspension, halt, cancel, cancellation, discontinue, terminate, termination",
        ),
    ),
    "RETREAT": (
        ("ceasefire", "ceasefire, cease fire, truce"),
        ("disarm", "disarm, disarmament, dismantle, dismantlement"),
        ("withdraw", "withdraw, withdrawal, pullout, pullback"),
        ("release", "release, free, repatriate, repatriation"),
        ("resign", "resign, resignation"),
        ("access", "inspector, access, monitor"),
    ),
}
MODE_CUES["REJECT"] = MODE_CUES["REQUEST"]

# Phrases that look like a cue and are not one: they use up their words. (A category's
# own cue of the same length wins: in a PROTEST, "hunger strike" is the hunger cue.)
NOT_CUES: Final[str] = (
    "press conference, news conference, think tank, general strike, hunger strike, "
    "sit-in strike, plane crash, helicopter crash, air crash, aircraft crash, jet crash"
)

# A mode the trigger gave that a finer cue in the clause replaces.
REFINES: Final[dict[tuple[str, str], frozenset[str]]] = {
    ("ASSAULT", "aerial"): frozenset({"drone", "unconventional"}),  # "drone strike"
    ("ASSAULT", "heavy-weapons"): frozenset({"drone", "unconventional"}),
    ("ASSAULT", "explosives"): frozenset({"suicide-attack"}),  # "suicide car bombing"
    ("ASSAULT", "beat"): frozenset({"sexual", "torture"}),  # "sexually abused"
    ("ASSAULT", "firearms"): frozenset({"crowd-control"}),  # "fired tear gas at"
    # "change" is what a demand or refusal gets when its complement names no kind:
    # "demanded the release of ..." is yield, "urged them to return to talks" meet.
    ("REQUEST", "change"): frozenset({"meet", "yield", "assist"}),
    ("REJECT", "change"): frozenset({"meet", "yield", "assist"}),
    ("CONSULT", "visit"): frozenset({"multilateral"}),  # "left for Kazan to attend a summit"
    ("PROTEST", "strike"): frozenset({"hunger"}),  # "a hunger strike"
    ("PROTEST", "demo"): frozenset({"hunger"}),
}

# Categories whose broad mode is a fallback, not a kind the finer modes belong to: there
# a cue of the broad mode itself keeps it ("urged X to change its stance on talks").
OWN_CUE_KEEPS: Final[frozenset[str]] = frozenset({"REQUEST", "REJECT"})

# Words that say a meeting had two sides only: a "summit" between two is not multilateral.
BILATERAL: Final[str] = "bilateral, one-on-one, two-way, two-party"

# Victims whose killing is a targeted one ("shot the vice-governor of a province").
LEADERS: Final[frozenset[str]] = words_of(
    "leader chief commander head minister president premier mayor governor general judge "
    "prosecutor lawmaker"
)

# Where the cues are looked for, per category (see the scope functions below).
SCOPES: Final[dict[str, str]] = {
    "ASSAULT": "instrument",
    "PROTEST": "instrument",
    "MOBILIZE": "instrument",
    "COERCE": "instrument",
    "CONSULT": "meeting",
    "REQUEST": "content",
    "REJECT": "content",
    "THREATEN": "content",
    "ACCUSE": "content",
    "SANCTION": "content",
    "RETREAT": "content",
}
