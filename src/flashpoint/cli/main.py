"""The `flashpoint` command: assembles the commands; each lives in its own module."""

from __future__ import annotations

import sys
from typing import Any

import click

from flashpoint import __version__
from flashpoint.cli.alerts_cmd import alerts_command
from flashpoint.cli.articles_cmd import articles_group
from flashpoint.cli.brief_cmd import brief_command
from flashpoint.cli.check_cmd import check_command
from flashpoint.cli.code_cmd import code_command
from flashpoint.cli.demo_cmd import demo_command
from flashpoint.cli.eval_cmd import eval_command
from flashpoint.cli.events_cmd import events_command
from flashpoint.cli.extract_cmd import extract_command
from flashpoint.cli.import_cmd import import_command
from flashpoint.cli.ingest_cmd import ingest_command
from flashpoint.cli.series_cmd import series_command
from flashpoint.cli.serve_cmd import serve_command
from flashpoint.cli.stats_cmd import stats_command
from flashpoint.cli.stories_cmd import stories_group
from flashpoint.cli.watch_cmd import watch_command
from flashpoint.errors import FlashpointError


class FlashpointGroup(click.Group):
    """Turns FlashpointError into a plain message and exit code 1 (a traceback with --debug)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FlashpointError as exc:
            if isinstance(ctx.obj, dict) and ctx.obj.get("debug"):
                raise
            click.echo(f"error: {exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted; work already saved is kept", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # The reader (e.g. `| head`) went away: not an error of ours.
            sys.stderr.close()
            ctx.exit(0)


@click.group(cls=FlashpointGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="flashpoint")
@click.option("--debug", is_flag=True, help="Show full tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """flashpoint: code political events from the news into PLOVER records with evidence.

    \b
    Start here:
      flashpoint demo                              # a bundled sample, end to end
      flashpoint ingest news.jsonl --db news.duckdb
      flashpoint code --db news.duckdb
      flashpoint events --db news.duckdb --dyad PRK,USA
      flashpoint extract article.txt --published 2024-04-03   # no database

    Every command takes --db (default: $FLASHPOINT_DB, else the user data directory).
    Settings: docs/CONFIG.md. Commands: docs/CLI.md.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


for command in (
    extract_command,
    ingest_command,
    code_command,
    events_command,
    articles_group,
    stats_command,
    demo_command,
    import_command,
    eval_command,
    stories_group,
    series_command,
    alerts_command,
    brief_command,
    serve_command,
    watch_command,
    check_command,
):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="flashpoint")
