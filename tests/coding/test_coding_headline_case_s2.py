"""Title Case headlines are sentence-cased for the parser only: the coder finds the verb,
while tokens, offsets and evidence keep the text as written."""

from __future__ import annotations

import pytest

from conftest import make_article
from flashpoint.coding.coder import Coder
from flashpoint.nlp.pipeline import Parser, for_parser
from flashpoint.nlp.recase import is_title_case, recase_headline
from flashpoint.nlp.sentences import split_sentences


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Myanmar Army Shells Rebel Villages", True),
        ("Vietnamese Minister Hails New Trade Pact with Laos", True),
        ("Peru Protests Chile's Naval Drills: Lima Daily", True),
        ("Myanmar army shells rebel villages", False),
        ("The Army Shelled Rebel Villages Near The Border.", False),
        ("Army Shells Villages?", False),
        ("Shells Fall", False),  # too short to tell
    ],
)
def test_recase_detects_title_case_lines(line: str, expected: bool) -> None:
    assert is_title_case(line) is expected


@pytest.mark.parametrize(
    ("line", "recased"),
    [
        ("Myanmar Army Shells Rebel Villages", "Myanmar army shells rebel villages"),
        # Acronyms, initials and a name after an initial keep their capitals.
        ("NATO Chief Warns U.S.-Led Coalition", "NATO chief warns U.S.-led coalition"),
        ("S. Korean Unions Stage Strike in Busan", "S. Korean unions stage strike in Busan"),
        # A source tag after a colon starts with a capital; months before a day are names.
        (
            "Peru Protests Chilean Drills Held on June 3: Lima Daily",
            "Peru protests Chilean drills held on June 3: Lima Daily",
        ),
        ("Lawmakers May Reject Budget Plan", "Lawmakers may reject budget plan"),
        (
            "Anti-Government Rally Held in Korean Capital",
            "Anti-government rally held in Korean capital",
        ),
        # Known leaders keep their names.
        ("Vladimir Putin Receives Turkish Envoy", "Vladimir Putin receives Turkish envoy"),
    ],
)
def test_recase_lowers_common_words_and_keeps_names(line: str, recased: str) -> None:
    assert recase_headline(line) == recased


@pytest.mark.parametrize(
    "line",
    [
        "Myanmar Army Shells Rebel Villages",
        "NATO Chief Warns U.S.-Led Coalition",
        "The army shelled rebel villages near the border.",
    ],
)
def test_recase_changes_only_letter_case(line: str) -> None:
    recased = for_parser(line)
    assert len(recased) == len(line)
    assert recased.lower() == line.lower()


def test_sentences_are_left_alone() -> None:
    line = "Turkish Troops Fired on Kurdish Positions, Officials Said on Monday."
    assert recase_headline(line) == line


def test_parsed_tokens_keep_the_written_text(parser_model: str) -> None:
    text = "Chilean Navy Seizes Peruvian Fishing Boat"
    (span,) = split_sentences(text)
    (parsed,) = Parser(parser_model, entities=False).parse("a1", [(0, span)])
    assert [t.text for t in parsed.tokens] == text.split()
    assert all(text[t.start : t.end] == t.text for t in parsed.tokens)
    seizes = next(t for t in parsed.tokens if t.text == "Seizes")
    assert seizes.pos == "VERB"


@pytest.mark.parametrize(
    ("headline", "category", "sides", "trigger"),
    [
        ("Chilean Navy Seizes Peruvian Fishing Boat", "COERCE", ("CHL", "PER"), "Seizes"),
        (
            "Vietnamese Foreign Ministry Slams Chinese Survey Ship",
            "ACCUSE",
            ("VNM", "CHN"),
            "Slams",
        ),
        (
            "Pakistan Rejects Indian Claims over Border Shelling",
            "REJECT",
            ("PAK", "IND"),
            "Rejects",
        ),
    ],
)
def test_title_case_headline_codes_its_verb(
    coder: Coder, headline: str, category: str, sides: tuple[str, str], trigger: str
) -> None:
    actor, recipient = sides
    events = coder.code_article(make_article(headline))
    found = [e for e in events if e.category == category]
    assert found, f"no {category} in {headline!r}: {[e.category for e in events]}"
    event = found[0]
    assert actor in {a.code for a in event.actors}
    assert recipient in {r.code for r in event.recipients}
    # Evidence quotes the headline as written, not the recased copy.
    assert event.trigger.text == trigger
    assert headline[event.trigger.start : event.trigger.end] == trigger


@pytest.mark.parametrize(
    ("headline", "recipient"),
    [
        ("Thai Junta Urged to Release Student Activists", "THA"),
        ("Japan Asked to Stop Whaling in Antarctic Waters", "JPN"),
    ],
)
def test_headline_passive_with_a_to_clause_names_the_recipient(
    coder: Coder, headline: str, recipient: str
) -> None:
    events = [e for e in coder.code_article(make_article(headline)) if e.category == "REQUEST"]
    assert events, f"no REQUEST in {headline!r}"
    assert events[0].actors == ()
    assert [r.code for r in events[0].recipients] == [recipient]


def test_headline_with_an_active_to_clause_stays_active(coder: Coder) -> None:
    events = coder.code_article(make_article("Cambodian Leader Urges Thailand to Reopen Border"))
    requests = [e for e in events if e.category == "REQUEST"]
    assert requests
    assert [a.code for a in requests[0].actors] == ["KHM"]
    assert [r.code for r in requests[0].recipients] == ["THA"]


@pytest.mark.parametrize(
    ("headline", "category", "sides"),
    [
        # A "by" phrase after the participle is its agent, "as" phrase or not.
        (
            "Cuban Leader Praised as Great Statesman by Laotian Delegation",
            "SUPPORT",
            ("LAO", "CUB"),
        ),
        # The parser may hang the participle on a noun of the subject's phrases.
        (
            "Myanmar Army's Abuses against Villagers Censured by Indian Group",
            "ACCUSE",
            ("IND", "MMR"),
        ),
        ("Chile's Naval Moves Denounced by Peru", "ACCUSE", ("PER", "CHL")),
    ],
)
def test_headline_passive_with_a_by_agent_names_both_sides(
    coder: Coder, headline: str, category: str, sides: tuple[str, str]
) -> None:
    actor, recipient = sides
    events = [e for e in coder.code_article(make_article(headline)) if e.category == category]
    assert events, f"no {category} in {headline!r}"
    assert [a.code for a in events[0].actors] == [actor]
    assert [r.code for r in events[0].recipients] == [recipient]
