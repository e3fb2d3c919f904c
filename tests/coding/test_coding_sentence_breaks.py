"""Sentence breaks at line ends that introduce a new statement, and none at hard wraps."""

from __future__ import annotations

from flashpoint.nlp import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_sentences_split_after_a_line_ending_in_a_colon() -> None:
    text = "The ministry released the following statement on Sunday:\nThe drills are a threat."
    assert texts(text) == [
        "The ministry released the following statement on Sunday:",
        "The drills are a threat.",
    ]


def test_sentences_split_before_bulleted_lines() -> None:
    text = "Minju Joson\n- An article calls for unity.\n- Another article praises farmers."
    assert texts(text) == [
        "Minju Joson",
        "- An article calls for unity.",
        "- Another article praises farmers.",
    ]


def test_sentences_keep_a_hard_wrapped_sentence_and_a_ratio_together() -> None:
    text = "The vote was 3:2 and the\nUnited States agreed."
    assert texts(text) == [text]


def test_sentences_offsets_stay_exact_at_new_breaks() -> None:
    text = "He said:\nWe will never accept it."
    for span in split_sentences(text):
        assert text[span.start : span.end] == span.text


def test_sentences_a_leading_dateline_is_its_own_span() -> None:
    assert texts("Pyongyang, May 3 (KCNA) -- Kim met the envoy. He left.") == [
        "Pyongyang, May 3 (KCNA) --",
        "Kim met the envoy.",
        "He left.",
    ]
    assert texts("SEOUL (Reuters) - North Korea fired missiles.")[0] == "SEOUL (Reuters) -"


def test_sentences_a_bracket_after_an_article_is_no_dateline() -> None:
    text = "The U.N. (United Nations) - said no."
    assert texts(text) == [text]
