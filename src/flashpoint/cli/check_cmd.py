"""`flashpoint check`: verify the database's integrity and say what to do about problems."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import click

from flashpoint.cli.common import db_option, settings_for
from flashpoint.errors import StoreError

if TYPE_CHECKING:
    from flashpoint.store.integrity import IntegrityReport


def _render(report: IntegrityReport) -> list[str]:
    lines = [
        f"flashpoint check: {report.path} (schema version {report.schema_version} of "
        f"{report.latest_version}; {report.articles:,} articles, {report.events:,} events)"
    ]
    for result in report.results:
        if result.passed:
            lines.append(f"  ok       {result.name}")
            continue
        label = "ERROR  " if result.severity == "error" else "warning"
        lines.append(f"  {label}  {result.name}: {result.count:,}")
        lines.extend(f"             {example}" for example in result.examples)
        if result.hint:
            lines.append(f"             what to do: {result.hint}")
    errors, warnings = len(report.errors), len(report.warnings)
    verdict = "the database is consistent" if report.ok else "the database has problems"
    lines.append(f"{verdict}: {errors} failed checks, {warnings} warnings")
    return lines


@click.command("check")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--all-hashes",
    is_flag=True,
    help="Recompute the content hash of every article (default: a sample of 1,000).",
)
@click.option("--strict", is_flag=True, help="Exit non-zero on warnings too.")
@click.pass_context
def check_command(
    ctx: click.Context, *, db: Path | None, as_json: bool, all_hashes: bool, strict: bool
) -> None:
    """Verify the database's integrity; exit 1 when a check fails.

    Read-only. Checks the schema version, that every event has its article and every
    actor/recipient its event, that evidence offsets (sentence, trigger, actors, dates,
    places) point inside the article text and quote it exactly, that coded articles
    record their coder version, that no text is stored twice, and that stories point
    at existing events. Each failed check shows a few offending rows and what to do.

    \b
    Examples:
      flashpoint check --db news.duckdb
      flashpoint check --json --all-hashes
    """
    from flashpoint.store import Store  # noqa: PLC0415 - keep --help fast

    settings = settings_for(db)
    path = settings.db_path
    if not path.exists():
        raise StoreError("FP401", f"there is no database at {path}", source=str(path))
    with Store(path, read_only=True) as store:
        report = store.check_integrity(hash_sample=None if all_hashes else 1000)
    if as_json:
        payload = {
            "path": report.path,
            "schema_version": report.schema_version,
            "latest_version": report.latest_version,
            "articles": report.articles,
            "events": report.events,
            "ok": report.ok,
            "checks": [asdict(result) for result in report.results],
        }
        click.echo(json.dumps(payload, indent=2))
    else:
        for line in _render(report):
            click.echo(line)
    if not report.ok or (strict and report.warnings):
        ctx.exit(1)
