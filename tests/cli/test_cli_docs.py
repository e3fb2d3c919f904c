"""The docs cannot drift: every command, option, setting and record field is documented."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import click
import pytest

from flashpoint.cli.main import cli
from flashpoint.cli.reference import render_reference, walk
from flashpoint.config import Settings

DOCS = Path(__file__).resolve().parents[2] / "docs"
REGENERATE = "regenerate it: .venv/bin/python -m flashpoint.cli.reference > docs/CLI.md"
COMMANDS = dict(walk(cli, ("flashpoint",)))
# Commands that work on the database; each must take --db.
DATABASE_COMMANDS = (
    "flashpoint extract",
    "flashpoint ingest",
    "flashpoint code",
    "flashpoint events",
    "flashpoint articles list",
    "flashpoint articles show",
    "flashpoint stats",
    "flashpoint demo",
    "flashpoint import",
)


def cli_sections() -> dict[str, str]:
    text = (DOCS / "CLI.md").read_text(encoding="utf-8")
    pieces = re.split(r"^## `([^`]+)`$", text, flags=re.MULTILINE)
    return dict(zip(pieces[1::2], pieces[2::2], strict=True))


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_and_option_is_in_cli_md(name: str) -> None:
    sections = cli_sections()
    assert name in sections, f"`{name}` is missing from docs/CLI.md; {REGENERATE}"
    for param in COMMANDS[name].params:
        if isinstance(param, click.Option):
            for flag in param.opts:
                assert flag in sections[name], (
                    f"{flag} of `{name}` not in docs/CLI.md; {REGENERATE}"
                )


@pytest.mark.parametrize("name", DATABASE_COMMANDS)
def test_database_commands_take_db_and_show_examples(name: str) -> None:
    command = COMMANDS[name]
    assert any("--db" in getattr(p, "opts", ()) for p in command.params)
    if not name.endswith("import"):
        assert "Example" in (command.help or "")


def test_cli_reference_renders_every_command() -> None:
    text = render_reference(cli)
    assert all(f"## `{name}`" in text for name in COMMANDS)


@pytest.mark.parametrize("name", [f.name for f in fields(Settings)])
def test_every_setting_is_documented_in_config_md(name: str) -> None:
    text = (DOCS / "CONFIG.md").read_text(encoding="utf-8")
    assert f"### `{name}`" in text, f"setting {name} has no section in docs/CONFIG.md"


def test_every_record_field_is_in_records_md() -> None:
    from conftest import make_article, make_event

    text = (DOCS / "RECORDS.md").read_text(encoding="utf-8")
    article = make_article("North Korea condemned Washington on Monday.", url="https://x.example")
    event = make_event(article, "condemned")
    keys = set(article.to_dict()) | set(event.to_dict())
    keys |= (
        set(event.date.to_dict()) | set(event.actors[0].to_dict()) | set(event.sentence.to_dict())
    )
    keys |= {"name", "country", "lat", "lon", "feature"}  # location
    missing = sorted(k for k in keys if f"`{k}`" not in text)
    assert missing == [], f"fields missing from docs/RECORDS.md: {missing}"
