"""Hostile and broken inputs: rejections with reasons, never crashes or memory blow-ups."""

from __future__ import annotations

import gzip
import io
import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.ingest import ReadOptions, read_inputs
from flashpoint.models import Article, Rejection

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
DEFAULTS = ReadOptions()
NEWS = "Poland said on Monday it would close two border crossings with Belarus, officials said."


def single(path: Path, options: ReadOptions = DEFAULTS) -> Article | Rejection:
    results = list(read_inputs([path], options))
    assert len(results) == 1, results
    return results[0]


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "PDF"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG"),
        ("nul.txt", b"North Korea\x00\x00\x00\x00fired\x00a missile", "NUL"),
        ("random.jsonl", bytes(range(256)) * 8, "NUL"),
    ],
)
def test_binary_files_are_rejected_fp202_with_what_they_look_like(
    tmp_path: Path, name: str, content: bytes, why: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = single(path)
    assert isinstance(result, Rejection)
    assert result.code == "FP202"
    assert why in result.reason


def test_utf8_with_a_bom_is_read_without_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + NEWS.encode("utf-8"))
    result = single(path)
    assert isinstance(result, Article)
    assert result.text == NEWS


def test_a_stray_invalid_byte_in_utf8_text_is_replaced_not_rejected(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(
        "Kim’s envoy met officials in Moscow on Tuesday, ".encode() + b"\xff" + b"said."
    )
    result = single(path)
    assert isinstance(result, Article)
    assert result.text.startswith("Kim’s envoy")
    assert "\ufffd" in result.text


def test_legacy_encoded_english_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    text = "The minister said the “talks” in Genève had gone well, according to officials."
    path.write_bytes(text.encode("cp1252"))
    result = single(path)
    assert isinstance(result, Article)
    assert result.text == text


def test_bytes_that_are_no_encoding_are_rejected_fp202(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    # Random high bytes: never UTF-8, and no word breaks in any legacy code page.
    noise = random.Random(7).randbytes(4000)
    path.write_bytes(bytes(0x80 | byte for byte in noise))
    result = single(path)
    assert isinstance(result, Rejection)
    assert result.code == "FP202"


def test_ten_megabyte_single_line_is_rejected_fp206_and_the_next_line_is_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("w", encoding="utf-8") as out:
        out.write('{"id": "big", "text": "' + "a" * 10_000_000 + '"}\n')
        out.write(json.dumps({"id": "small", "text": NEWS}) + "\n")
    big, small = read_inputs([path])
    assert isinstance(big, Rejection)
    assert (big.code, big.source) == ("FP206", f"{path}:1")
    assert isinstance(small, Article)
    assert small.id == "small"


def test_oversize_text_file_is_rejected_fp206(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(NEWS * 100, encoding="utf-8")
    result = single(path, ReadOptions(max_article_bytes=1000))
    assert isinstance(result, Rejection)
    assert result.code == "FP206"


def _write_gzip_stream(path: Path, chunk: bytes, total: int) -> None:
    with gzip.open(path, "wb", compresslevel=1) as out:
        for _ in range(total // len(chunk)):
            out.write(chunk)


def test_gzip_bomb_of_zero_bytes_is_rejected_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    _write_gzip_stream(path, b"\x00" * (1 << 20), 200 << 20)  # 200 MB of zeros
    assert path.stat().st_size < 1 << 20
    result = single(path)
    assert isinstance(result, Rejection)
    assert result.code == "FP202"


def test_gzip_bomb_of_one_endless_line_is_rejected_fp206(tmp_path: Path) -> None:
    path = tmp_path / "line_bomb.jsonl.gz"
    _write_gzip_stream(path, b"0" * (1 << 20), 64 << 20)
    result = single(path, ReadOptions(max_article_bytes=100_000))
    assert isinstance(result, Rejection)
    assert result.code == "FP206"


def test_gzip_bomb_as_text_file_is_rejected_fp206(tmp_path: Path) -> None:
    path = tmp_path / "text_bomb.txt.gz"
    _write_gzip_stream(path, b"war " * (1 << 18), 64 << 20)
    result = single(path)
    assert isinstance(result, Rejection)
    assert result.code == "FP206"


def test_truncated_gzip_ends_the_file_with_a_rejection(tmp_path: Path) -> None:
    whole = gzip.compress((json.dumps({"text": NEWS}) + "\n").encode() * 2000)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    results = list(read_inputs([path]))
    assert isinstance(results[0], Article)
    assert isinstance(results[-1], Rejection)
    assert results[-1].code == "FP208"


@pytest.mark.parametrize(
    ("fixture", "language"),
    [("french.txt", "French (fr)"), ("korean.txt", "Korean (ko)"), ("russian.txt", "Russian (ru)")],
)
def test_non_english_articles_are_rejected_fp203_naming_the_language(
    fixture: str, language: str
) -> None:
    result = single(FIXTURES / fixture)
    assert isinstance(result, Rejection)
    assert result.code == "FP203"
    assert f"looks like {language}" in result.reason


def test_language_check_can_be_turned_off() -> None:
    result = single(FIXTURES / "french.txt", ReadOptions(check_language=False))
    assert isinstance(result, Article)
    assert result.language == "fr"


def test_short_english_headline_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "headlines.csv"
    path.write_text("id,text\nh1,N. Korea fires missile\n", encoding="utf-8")
    [result] = read_inputs([path])
    assert isinstance(result, Article)
    assert result.text == "N. Korea fires missile"


def test_text_shorter_than_the_minimum_is_rejected_fp211(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("Talks end.", encoding="utf-8")
    result = single(path)
    assert isinstance(result, Rejection)
    assert result.code == "FP211"


_FORMATS = st.sampled_from(["txt", "md", "html", "jsonl", "csv", "bin", "jsonl.gz", "json"])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.binary(max_size=2000), extension=_FORMATS)
def test_arbitrary_bytes_give_only_articles_and_rejections(
    tmp_path: Path, content: bytes, extension: str
) -> None:
    path = tmp_path / f"input.{extension}"
    path.write_bytes(gzip.compress(content) if extension.endswith(".gz") else content)
    results = list(read_inputs([path], ReadOptions(min_article_chars=1)))
    assert results, "every input gives at least one record"
    assert all(isinstance(r, Article | Rejection) for r in results)
    for result in results:
        if isinstance(result, Rejection):
            assert result.code.startswith("FP2")
            assert result.reason


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=1500))
def test_arbitrary_text_on_stdin_gives_only_articles_and_rejections(text: str) -> None:
    results = list(read_inputs(["-"], stdin=io.BytesIO(text.encode("utf-8", "surrogatepass"))))
    assert results
    for result in results:
        if isinstance(result, Article):
            assert result.text.strip()
            assert result.id
        else:
            assert isinstance(result, Rejection)
            assert result.code.startswith("FP2")


_VALUES = st.one_of(
    st.text(max_size=200),
    st.integers(),
    st.floats(allow_nan=True),
    st.none(),
    st.booleans(),
    st.lists(st.text(max_size=5), max_size=3),
)
_RECORDS = st.dictionaries(
    st.sampled_from(["text", "id", "date", "published", "title", "url", "outlet", "other"]),
    _VALUES,
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(records=st.lists(_RECORDS, min_size=1, max_size=8))
def test_arbitrary_json_records_give_storable_articles_or_rejections(
    tmp_path: Path, records: list[dict[str, object]]
) -> None:
    path = tmp_path / "fuzz.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")
    results = list(read_inputs([path], ReadOptions(min_article_chars=1, check_language=False)))
    assert len(results) == len(records)
    for result in results:
        if isinstance(result, Article):
            # Everything an article holds must encode, hash and store.
            json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")
            assert result.published_at is None or result.published_at.tzinfo is not None
        else:
            assert isinstance(result, Rejection)
            assert result.code in {"FP201", "FP204", "FP205", "FP211", "FP212"}
