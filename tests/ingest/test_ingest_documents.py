"""Plain text, Markdown and HTML files: one file, one article."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from flashpoint.ingest import ReadOptions, extract_html, read_inputs
from flashpoint.models import Article, Rejection

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
DEFAULTS = ReadOptions()


def only_article(path: Path | str, options: ReadOptions = DEFAULTS) -> Article:
    results = list(read_inputs([path], options))
    assert len(results) == 1, results
    result = results[0]
    assert isinstance(result, Article), result
    return result


def test_text_file_is_one_article_with_its_path_as_source() -> None:
    article = only_article(FIXTURES / "launch.txt")
    assert article.text.startswith("North Korea fired a ballistic missile")
    assert article.text.endswith("joint military exercise.")
    assert article.source == str(FIXTURES / "launch.txt")
    assert article.language == "en"
    assert article.id.startswith("t")  # no id, no URL: derived from the text
    assert article.published_at is None


def test_options_give_defaults_for_outlet_and_publication_date() -> None:
    when = datetime(2024, 4, 2, tzinfo=UTC)
    article = only_article(FIXTURES / "launch.txt", ReadOptions(outlet="Wire", published=when))
    assert article.outlet == "Wire"
    assert article.published_at == when


def test_front_matter_sets_title_date_url_id_and_outlet() -> None:
    article = only_article(FIXTURES / "front_matter.md")
    assert article.id == "story-42"
    assert article.title == "Seoul protests missile launch"
    assert article.url == "https://news.example.org/2024/04/02/seoul-protests"
    assert article.outlet == "Example News"
    assert article.published_at == datetime(2024, 4, 2, tzinfo=UTC)
    assert "---" not in article.text
    assert "title:" not in article.text


def test_markdown_syntax_is_removed_from_the_text() -> None:
    article = only_article(FIXTURES / "front_matter.md")
    assert "strongly condemned the launch on Tuesday" in article.text
    assert "**" not in article.text
    assert "](" not in article.text
    # With a front-matter title, the first heading stays in the text as plain words.
    assert article.text.startswith("A heading that is not the title")


def test_first_line_heading_becomes_the_title_and_leaves_the_text() -> None:
    article = only_article(FIXTURES / "heading_title.md")
    assert article.title == "Japan lodges protest with Beijing"
    assert article.text.startswith("Japan's foreign ministry lodged a protest")


def test_front_matter_date_that_cannot_be_read_keeps_the_article_with_the_default_date(
    tmp_path: Path,
) -> None:
    path = tmp_path / "odd_date.txt"
    path.write_text(
        "---\ndate: the week after Easter\n---\n"
        "Officials in Manila said the talks with Beijing had ended without agreement.\n",
        encoding="utf-8",
    )
    when = datetime(2024, 1, 1, tzinfo=UTC)
    assert only_article(path).published_at is None
    assert only_article(path, ReadOptions(published=when)).published_at == when


def test_unclosed_front_matter_is_kept_as_text(tmp_path: Path) -> None:
    path = tmp_path / "dashes.txt"
    path.write_text(
        "---\nThe ministry said the drills would continue through the week.\n", encoding="utf-8"
    )
    article = only_article(path)
    assert article.text.startswith("---\nThe ministry said")


def test_crlf_line_endings_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(b"Turkey and Greece agreed to resume talks.\r\nThe meeting is in Ankara.\r\n")
    assert only_article(path).text == (
        "Turkey and Greece agreed to resume talks.\nThe meeting is in Ankara."
    )


def test_html_page_gives_main_text_title_and_date_without_scripts_or_boilerplate() -> None:
    article = only_article(FIXTURES / "page.html")
    assert "resumed indirect talks in Geneva" in article.text
    assert "gave no details of any agreement" in article.text
    assert "SCRIPT-LEAK" not in article.text
    assert "STYLE-LEAK" not in article.text
    assert "Copyright" not in article.text
    assert article.title == "Talks resume in Geneva"
    assert article.published_at == datetime(2024, 4, 2, 9, 30, tzinfo=timezone(timedelta(hours=9)))


def test_extract_html_reports_the_declared_language() -> None:
    page = extract_html((FIXTURES / "page.html").read_bytes(), url="https://example.org/talks")
    assert page.language == "en"
    assert page.text.count("SCRIPT-LEAK") == 0


def test_html_date_comes_from_json_ld_when_no_meta_tag() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2024-03-05T08:00:00Z"}</script></head><body><article>'
        "<p>Ministers from the Group of Seven met in Capri on Tuesday to discuss Ukraine.</p>"
        "</article></body></html>"
    )
    assert extract_html(html).published == datetime(2024, 3, 5, 8, tzinfo=UTC)


def test_html_with_only_scripts_is_rejected_fp209(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><script>var story = 'A long story that is only in a script tag.';</script>"
        "</head><body></body></html>",
        encoding="utf-8",
    )
    [result] = list(read_inputs([path]))
    assert isinstance(result, Rejection)
    assert result.code == "FP209"


def test_deeply_nested_html_is_read_without_crashing(tmp_path: Path) -> None:
    depth = 5000
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><body>"
        + "<div>" * depth
        + "<p>Thailand and Cambodia agreed on Monday to withdraw troops from the disputed temple.</p>"
        + "<script>steal()</script>"
        + "</div>" * depth
        + "</body></html>",
        encoding="utf-8",
    )
    [result] = list(read_inputs([path]))
    # lxml stops at depth 256; our tokenizer fallback has no depth limit.
    assert isinstance(result, Article)
    assert result.text == (
        "Thailand and Cambodia agreed on Monday to withdraw troops from the disputed temple."
    )


def test_broken_markup_still_yields_its_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><p>Kenya sent police officers to Haiti on Tuesday <b>under a UN-backed"
        " mission, officials said.<div><p></span></table>",
        encoding="utf-8",
    )
    [result] = list(read_inputs([path]))
    assert isinstance(result, Article)
    assert "Kenya sent police officers to Haiti on Tuesday under a UN-backed" in result.text


@pytest.mark.parametrize(
    "html",
    [
        "<![unknown[ keyword ]]><p>Text after a bad marked section.</p>",
        "<html><body><script>never closed " + "x" * 500,
        "<" * 10_000,
        "<p>" + "&#x110000;&#0;&bogus;" * 50 + "</p>",
        "<html><body><p>Ünïcödé \ud800 surrogate</p></body></html>",
        "<svg><script>alert(1)</script></svg><p>Visible words stay.</p>",
    ],
)
def test_hostile_markup_gives_a_document_without_script_text(html: str) -> None:
    page = extract_html(html)
    assert isinstance(page.text, str)
    assert "alert" not in page.text
    assert "never closed" not in page.text


def test_file_without_extension_is_sniffed_as_html(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_bytes((FIXTURES / "page.html").read_bytes())
    article = only_article(path)
    assert article.title == "Talks resume in Geneva"
