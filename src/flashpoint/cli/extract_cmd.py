"""`flashpoint extract`: articles in, one event JSON per line out; no database."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from flashpoint.cli.common import (
    build_coder,
    db_option,
    read_option_flags,
    read_options_from,
    settings_for,
)
from flashpoint.models import Rejection


@click.command("extract")
@click.argument("inputs", nargs=-1)
@read_option_flags
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the events to this JSON Lines file instead of standard output.",
)
@db_option
@click.pass_context
def extract_command(
    ctx: click.Context,
    /,
    *,
    inputs: tuple[str, ...],
    output: Path | None,
    db: Path | None,
    **flags: Any,
) -> None:
    """Code articles and print their events as JSON Lines, without a database.

    INPUTS are files, directories (read recursively) or - for standard input (the
    default). Each output line is one event in the documented JSON form
    (docs/RECORDS.md); its article_id is the input's id when it has one. Inputs that
    cannot be used are reported on standard error. --db is accepted and ignored.

    \b
    Examples:
      flashpoint extract article.txt --published 2024-04-03
      flashpoint extract news.jsonl --text-field body --id-field doc_id -o events.jsonl
      cat news.jsonl | flashpoint extract - | jq .category
    """
    from flashpoint.workflows import extract_events  # noqa: PLC0415 - keep --help fast

    settings = settings_for(db)
    options = read_options_from(settings, flags)
    coder = build_coder(ctx, settings)
    rejected = 0

    def report(rejection: Rejection) -> None:
        nonlocal rejected
        rejected += 1
        click.echo(f"skipped [{rejection.code}] {rejection.source}: {rejection.reason}", err=True)

    sources = list(inputs) or ["-"]
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    count = 0
    try:
        for event in extract_events(sources, options, coder, on_rejection=report):
            out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    finally:
        if output:
            out.close()
    if output:
        click.echo(f"wrote {count} events to {output} ({rejected} inputs skipped)", err=True)
