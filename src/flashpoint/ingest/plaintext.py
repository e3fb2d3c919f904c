"""Plain text and Markdown: one file, one article, with optional front matter.

Front matter is a block of simple `key: value` lines between `---` lines at the very
top of the file (the YAML subset people write by hand; no YAML library needed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FRONT_MATTER_MAX_LINES = 60
# Patterns are written so that no line, however long, makes them backtrack more than
# linearly: a lazy group before `\s*$` was cubic on a 20 KB line of spaces. Surrounding
# whitespace and closing #s are stripped in Python instead.
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w.-]*)\s*:(.*)$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$")
_SETEXT_RULE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"  # (url), one level of parentheses inside
_MD_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]" + _MD_TARGET)
_MD_LINK = re.compile(r"\[([^\[\]\n]+)\]" + _MD_TARGET)
# Emphasis: the inside never crosses another delimiter of its kind, so an opener without
# a closer costs the distance to the next delimiter, not to the end of the line.
_MD_EMPHASIS = re.compile(
    r"\*\*(?=\S)((?:[^*\n]|\*(?!\*))*?\S)\*\*"
    r"|__(?=\S)((?:[^_\n]|_(?!_))*?\S)__"
    r"|\*(?=\S)([^*\n]*?\S)\*"
)
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_LIST = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+", re.MULTILINE)
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?", re.MULTILINE)
_MD_FENCE = re.compile(r"^\s*(```|~~~).*$", re.MULTILINE)
_MD_HEADINGS = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class TextDocument:
    """The body of a text file and what its front matter or heading said about it."""

    text: str
    fields: dict[str, str] = field(default_factory=dict)  # lower-cased front-matter keys
    title: str | None = None


def _heading_text(raw: str) -> str:
    """A heading's words without the optional closing #s and surrounding spaces."""
    return raw.rstrip().rstrip("#").rstrip()


def _emphasised(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group is not None)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(fields, body). Without a complete `---` block, no fields and the text unchanged."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    fields: dict[str, str] = {}
    for index, line in enumerate(lines[1 : _FRONT_MATTER_MAX_LINES + 1], start=1):
        if line.strip() in ("---", "..."):
            return fields, "\n".join(lines[index + 1 :])
        match = _KEY_VALUE.match(line)
        value = match.group(2).strip() if match else ""
        if match and value:
            fields.setdefault(match.group(1).lower(), _unquote(value))
    return {}, text


def _title_from_first_line(body: str) -> tuple[str | None, str]:
    """A first-line Markdown heading is the title; it leaves the body."""
    stripped = body.lstrip("\n")
    first, _, rest = stripped.partition("\n")
    match = _HEADING.match(first)
    if match and _heading_text(match.group(1)):
        return _heading_text(match.group(1)).strip(), rest
    second, _, after = rest.partition("\n")
    if first.strip() and _SETEXT_RULE.match(second) and second.strip().startswith("="):
        return first.strip(), after
    return None, body


def markdown_to_text(body: str) -> str:
    """Markdown syntax removed, words kept: the text a reader of the rendered page sees."""
    text = _MD_FENCE.sub("", body)
    text = _MD_HEADINGS.sub(lambda match: _heading_text(match.group(1)), text)
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(_emphasised, text)
    text = _MD_QUOTE.sub("", text)
    return _MD_LIST.sub(r"\1", text)


def parse_text_document(text: str, *, markdown: bool) -> TextDocument:
    """Front matter, a heading title, and the body (Markdown rendered to plain text)."""
    fields, body = split_front_matter(text)
    title, rest = _title_from_first_line(body)
    given = fields.get("title")
    if title is not None and (given is None or given.strip() == title):
        body = rest  # the heading is the title; a different heading is content and stays
    else:
        title = None
    if markdown:
        body = markdown_to_text(body)
    return TextDocument(text=body.strip(), fields=fields, title=title)
