"""extract_html on generated and hostile markup: never raises, never leaks script text,
keeps visible paragraphs, and stays linear on constructs that once took minutes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import flashpoint.ingest.html as html_module
from flashpoint.ingest import extract_html
from flashpoint.ingest.html import MAX_EXTRACTOR_ELEMENTS, HtmlDocument

SCRIPT_MARK = "ZQXSCRIPTMARK"
KEPT = "Poland said on Monday it would close two border crossings with Belarus."

_TAGS = ("div", "p", "span", "b", "i", "a", "table", "tr", "td", "li", "ul", "section", "x-y")
_SKIPPED = ("script", "style", "template", "noscript", "svg", "iframe")
_HOSTILE = (
    "<",
    "</",
    "<!--",
    "-->",
    "<![CDATA[",
    "<?",
    "<!",
    "&#",
    "&#x110000;",
    "&#0;",
    "&nbsp",
    '"',
    "\x00",
    "\x0b",
    "\ufeff",
    "\ud800",
    "<a ",
    "=",
    "<meta charset=utf-16>",
    '<?xml version="1.0" encoding="latin-1"?>',
)
_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="<>&"),
    max_size=30,
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def build(tag: str, attr: str, inner: list[str], closed: bool) -> str:
        close = f"</{tag}>" if closed else ""
        return f'<{tag} data-x="{attr}">' + "".join(inner) + close

    return st.builds(
        build,
        st.sampled_from(_TAGS),
        st.text(max_size=10),
        st.lists(children, max_size=4),
        st.booleans(),
    )


_HIDDEN = st.sampled_from(_SKIPPED).map(lambda t: f"<{t}>{SCRIPT_MARK}</{t}>")
_WELL_FORMED = st.recursive(st.one_of(_TEXT, _HIDDEN), _element, max_leaves=25)
# Hostile pieces change how what follows parses, as in a browser: "</<script>x" is a bogus
# comment and then visible text. So with them only "a document, never an error" holds.
_FRAGMENT = st.recursive(
    st.one_of(_TEXT, st.sampled_from(_HOSTILE), _HIDDEN), _element, max_leaves=25
)


@settings(max_examples=80, deadline=None)
@given(body=st.lists(_WELL_FORMED, max_size=6))
def test_generated_markup_gives_a_document_without_script_text(body: list[str]) -> None:
    page = "<html><head><title>t</title></head><body>" + "".join(body) + "</body></html>"
    document = extract_html(page)
    assert isinstance(document, HtmlDocument)
    assert SCRIPT_MARK not in document.text
    assert SCRIPT_MARK not in (document.title or "")
    assert document.text == document.text.strip()


@settings(max_examples=100, deadline=None)
@given(body=st.lists(_FRAGMENT, max_size=6))
def test_hostile_markup_gives_a_document_and_never_raises(body: list[str]) -> None:
    document = extract_html("<html><head><title>t</title></head><body>" + "".join(body))
    assert isinstance(document, HtmlDocument)
    assert document.text == document.text.strip()
    assert document.title is None or document.title.strip()


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes_give_a_document_and_never_raise(data: bytes) -> None:
    document = extract_html(data)
    assert isinstance(document, HtmlDocument)
    assert isinstance(document.text, str)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(before=st.lists(_FRAGMENT, max_size=4), after=st.lists(_FRAGMENT, max_size=4))
def test_the_fallback_tokenizer_keeps_a_visible_paragraph_among_hostile_markup(
    monkeypatch: pytest.MonkeyPatch, before: list[str], after: list[str]
) -> None:
    # The path every page over the element cap (and every page trafilatura gives up on)
    # takes: with the cap at zero, trafilatura is never asked.
    monkeypatch.setattr(html_module, "MAX_EXTRACTOR_ELEMENTS", 0)
    # Fragments may leave elements open: close them all so the paragraph is not inside a
    # skipped element or an unclosed attribute/comment, then add the paragraph.
    page = (
        "<html><body><div>"
        + "".join(before)
        + '"></div>--><!---->'
        + "</script></style></template></noscript></svg></iframe>"
        + f"<p>{KEPT}</p>"
        + "".join(after)
    )
    assert KEPT in extract_html(page).text


def test_pages_over_the_element_cap_skip_the_extractor_and_keep_their_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(html_module, "_trafilatura", lambda *args: asked.append(args))
    page = "<html><body>" + "<b></b>" * (MAX_EXTRACTOR_ELEMENTS + 10) + f"<p>{KEPT}</p>"
    document = extract_html(page)
    assert asked == []
    assert document.text == KEPT


def test_pages_under_the_element_cap_still_use_the_extractor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[object] = []

    def fake(*args: object) -> tuple[str, None, None]:
        asked.append(args)
        return "from the extractor", None, None

    monkeypatch.setattr(html_module, "_trafilatura", fake)
    assert extract_html(f"<html><body><p>{KEPT}</p></body></html>").text == "from the extractor"
    assert len(asked) == 1


@pytest.mark.parametrize("depth", [300, 5_000, 100_000])
def test_text_at_the_bottom_of_deeply_nested_markup_is_read(depth: int) -> None:
    page = "<html><body>" + "<div>" * depth + KEPT + "</div>" * depth + "</body></html>"
    assert extract_html(page).text == KEPT


@pytest.mark.parametrize(
    ("unit", "repeat"),
    [
        ("</", 500_000),  # 1 MB: 100 s with the stdlib HTMLParser
        ("<a ", 333_000),  # unclosed start tags: worse than quadratic there
        ("<?", 500_000),
        ("<!", 500_000),
    ],
)
def test_unclosed_constructs_over_a_megabyte_give_no_text_and_no_error(
    unit: str, repeat: int
) -> None:
    document = extract_html("<html><body>" + unit * repeat)
    assert document.text == ""


def test_an_xml_encoding_declaration_in_a_text_page_does_not_stop_extraction() -> None:
    page = f'<?xml version="1.0" encoding="latin-1"?><html><body><p>{KEPT}</p></body></html>'
    assert KEPT in extract_html(page).text


@pytest.mark.parametrize("tag", [*_SKIPPED, "math", "object", "canvas", "select"])
def test_hidden_elements_never_reach_the_text_on_the_extractor_path(tag: str) -> None:
    # trafilatura kept the text of <template>, <noscript>, <iframe> and others.
    page = f"<html><body><p>{KEPT}</p><{tag}>{SCRIPT_MARK}</{tag}> More words.</body></html>"
    text = extract_html(page).text
    assert SCRIPT_MARK not in text
    assert text.startswith(KEPT)


def test_script_after_the_main_text_never_reaches_the_text() -> None:
    page = (
        f"<html><body><article><p>{KEPT}</p></article>"
        f"<script>var s = '{SCRIPT_MARK}';</script><style>p{{}}</style></body></html>"
    )
    document = extract_html(page)
    assert KEPT in document.text
    assert SCRIPT_MARK not in document.text
