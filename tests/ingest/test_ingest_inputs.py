"""Where inputs come from: directories, standard input, gzip, and repeated ids."""

from __future__ import annotations

import gzip
import io
import shutil
from pathlib import Path

from flashpoint.ingest import ReadOptions, read_inputs
from flashpoint.models import Article, Rejection

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
NEWS = "Vietnam and the Philippines agreed on Friday to strengthen coast guard cooperation."


def test_directories_are_read_recursively_in_name_order_skipping_hidden_files() -> None:
    tree = FIXTURES / "tree"
    results = list(read_inputs([tree]))
    sources = [r.source for r in results]
    assert sources == [
        f"{tree}/a_sub/first.txt",
        *[f"{tree}/b_sub/packed.jsonl.gz:{n}" for n in range(1, 7)],
        f"{tree}/b_sub/second.txt",
        f"{tree}/notes.docx.bak",
        f"{tree}/top.md",
    ]
    unknown = results[-2]
    assert isinstance(unknown, Rejection)
    assert unknown.code == "FP210"
    assert all("hidden" not in str(source) for source in sources)


def test_directory_order_is_the_same_on_every_run() -> None:
    first = [r.source for r in read_inputs([FIXTURES / "tree"])]
    second = [r.source for r in read_inputs([FIXTURES / "tree"])]
    assert first == second


def test_gzipped_jsonl_reads_like_the_plain_file() -> None:
    plain = [
        (type(r).__name__, getattr(r, "id", str(r.source).rsplit(":", 1)[-1]))
        for r in read_inputs([FIXTURES / "records.jsonl"])
    ]
    packed = [
        (type(r).__name__, getattr(r, "id", str(r.source).rsplit(":", 1)[-1]))
        for r in read_inputs([FIXTURES / "tree" / "b_sub" / "packed.jsonl.gz"])
    ]
    assert plain == packed


def test_gzip_is_recognised_by_its_bytes_without_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(gzip.compress(NEWS.encode("utf-8")))
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert article.text == NEWS


def test_stdin_plain_text_is_one_article() -> None:
    [article] = list(read_inputs(["-"], stdin=io.BytesIO(NEWS.encode("utf-8"))))
    assert isinstance(article, Article)
    assert article.text == NEWS
    assert article.source == "<stdin>"


def test_stdin_json_lines_are_sniffed_and_numbered() -> None:
    data = (FIXTURES / "records.jsonl").read_bytes()
    results = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert [r.source for r in results] == [f"<stdin>:{n}" for n in range(1, 7)]
    assert isinstance(results[0], Article)
    assert results[0].id == "r1"


def test_stdin_html_is_sniffed() -> None:
    data = (FIXTURES / "page.html").read_bytes()
    [article] = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert isinstance(article, Article)
    assert article.title == "Talks resume in Geneva"
    assert "SCRIPT-LEAK" not in article.text


def test_stdin_gzip_is_unpacked() -> None:
    data = gzip.compress((FIXTURES / "records.jsonl").read_bytes())
    results = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert len(results) == 6
    assert isinstance(results[0], Article)


def test_format_option_overrides_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "feed.txt"
    shutil.copy(FIXTURES / "records.jsonl", path)
    results = list(read_inputs([path], ReadOptions(format="jsonl")))
    assert len(results) == 6
    assert isinstance(results[0], Article)
    assert results[0].id == "r1"


def test_json_array_is_rejected_with_a_fix(tmp_path: Path) -> None:
    path = tmp_path / "array.json"
    path.write_text(f'[{{"text": "{NEWS}"}}]', encoding="utf-8")
    [result] = list(read_inputs([path]))
    assert isinstance(result, Rejection)
    assert result.code == "FP210"
    assert "JSON Lines" in result.reason


def test_repeated_id_keeps_the_first_and_rejects_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "dupes.jsonl"
    path.write_text(
        f'{{"id": "same", "text": "{NEWS}"}}\n'
        '{"id": "other", "text": "Indonesia deployed navy ships to the Natuna Islands."}\n'
        '{"id": "same", "text": "A different story that reuses an id by mistake, officials said."}\n',
        encoding="utf-8",
    )
    first, other, repeat = read_inputs([path])
    assert isinstance(first, Article)
    assert first.id == "same"
    assert first.text == NEWS
    assert isinstance(other, Article)
    assert isinstance(repeat, Rejection)
    assert (repeat.code, repeat.source) == ("FP212", f"{path}:3")
    assert f"{path}:1" in repeat.reason


def test_the_same_file_twice_gives_its_article_once(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(NEWS, encoding="utf-8")
    first, second = read_inputs([path, path])
    assert isinstance(first, Article)
    assert isinstance(second, Rejection)
    assert second.code == "FP212"


def test_missing_path_is_rejected_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(NEWS, encoding="utf-8")
    missing, article = read_inputs([tmp_path / "nope.txt", good])
    assert isinstance(missing, Rejection)
    assert missing.code == "FP208"
    assert isinstance(article, Article)


def test_empty_file_and_empty_directory_are_rejected_fp201(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "nothing").mkdir()
    empty_file, empty_dir = read_inputs([tmp_path / "empty.txt", tmp_path / "nothing"])
    assert isinstance(empty_file, Rejection)
    assert empty_file.code == "FP201"
    assert isinstance(empty_dir, Rejection)
    assert empty_dir.code == "FP201"
