"""docs/CLI.md is generated from the commands' --help by this module.

Regenerate with: `.venv/bin/python -m flashpoint.cli.reference > docs/CLI.md`.
A test fails when a command or option is missing from docs/CLI.md.
"""

from __future__ import annotations

from collections.abc import Iterator

import click

HEADER = """# Command-line reference

Generated from `--help` by `python -m flashpoint.cli.reference > docs/CLI.md`; do not edit
by hand. Every command accepts `--db PATH` (default: `$FLASHPOINT_DB`, else
`flashpoint.duckdb` in the user data directory; see docs/CONFIG.md), exits with a
non-zero status on failure and prints errors as `error: [FPnnn] what went wrong` with a
hint (`flashpoint --debug COMMAND` shows the traceback).
"""


def walk(command: click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[str, click.Command]]:
    """(full name, command) for a command and all its subcommands, in name order."""
    yield " ".join(path), command
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from walk(command.commands[name], (*path, name))


def help_text(command: click.Command, name: str) -> str:
    ctx = click.Context(command, info_name=name, terminal_width=100, max_content_width=100)
    return command.get_help(ctx)


def render_reference(root: click.Command, prog: str = "flashpoint") -> str:
    parts = [HEADER]
    for name, command in walk(root, (prog,)):
        parts.append(f"\n## `{name}`\n\n```text\n{help_text(command, name)}\n```\n")
    return "".join(parts)


def main() -> None:
    from flashpoint.cli.main import cli  # noqa: PLC0415 - avoid an import cycle at load time

    click.echo(render_reference(cli), nl=False)


if __name__ == "__main__":
    main()
