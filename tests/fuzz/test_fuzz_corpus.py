"""The regression corpus: inputs that once crashed, hung or leaked, read as a user would.

tests/fuzz/corpus/expected.json names each file with its expected outcome (a rejection
code, or a piece of the article text) and why it is there. Add a file and a line there
whenever a fuzz test or a report finds a new failing input.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.ingest import read_inputs
from flashpoint.models import Article, Rejection

CORPUS = Path(__file__).resolve().parent / "corpus"
EXPECTED: dict[str, dict[str, str]] = json.loads(
    (CORPUS / "expected.json").read_text(encoding="utf-8")
)


def test_every_corpus_file_has_an_expected_outcome() -> None:
    files = {
        path.relative_to(CORPUS).as_posix()
        for path in CORPUS.rglob("*")
        if path.is_file() and path.name != "expected.json"
    }
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_input_gives_its_expected_outcome(name: str) -> None:
    expected = EXPECTED[name]
    results = list(read_inputs([CORPUS / name]))
    assert len(results) == 1, results
    [result] = results
    if "code" in expected:
        assert isinstance(result, Rejection), result
        assert result.code == expected["code"]
        assert result.reason
    else:
        assert isinstance(result, Article), result
        assert expected["text"] in result.text
