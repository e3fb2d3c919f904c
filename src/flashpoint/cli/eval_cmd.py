"""`flashpoint eval`: run the coder over the evaluation sets and print the accuracy report."""

from __future__ import annotations

from pathlib import Path

import click

from flashpoint.errors import FlashpointError
from flashpoint.evaluation import runner
from flashpoint.evaluation.report import render_json, render_markdown, write_doc, write_errors

_FILE = click.Path(dir_okay=False, path_type=Path)
_DIR = click.Path(file_okay=False, path_type=Path)


@click.command("eval")
@click.option(
    "--gsr", type=_FILE, help="PLOVER gold records (default: SHARED/data/eval/plover_gsr.jsonl)."
)
@click.option(
    "--csis",
    type=_FILE,
    help="CSIS provocations CSV (default: SHARED/data/eval/csis_nk_provocations.csv).",
)
@click.option(
    "--meantime",
    type=_DIR,
    help="Directory holding data/eval/meantime_timex.jsonl (default: SHARED).",
)
@click.option("--shared", type=_DIR, help="The shared data directory (default: ../shared).")
@click.option(
    "--errors",
    "errors_path",
    type=_FILE,
    help="Write the GSR errors and CSIS misses here (JSON lines).",
)
@click.option(
    "--format", "output_format", type=click.Choice(["md", "json"]), default="md", show_default=True
)
@click.option(
    "--only", type=click.Choice(list(runner.EVALUATIONS)), help="Run one evaluation only."
)
@click.option(
    "--write-doc",
    "doc_path",
    type=_FILE,
    help="Also refresh the generated block of this document (e.g. docs/ACCURACY.md).",
)
def eval_command(
    *,
    gsr: Path | None,
    csis: Path | None,
    meantime: Path | None,
    shared: Path | None,
    errors_path: Path | None,
    output_format: str,
    only: str | None,
    doc_path: Path | None,
) -> None:
    """Measure the coder: PLOVER gold, CSIS provocations, MEANTIME dates, held-out news.

    Held-out news is VOA and KCNA sentences labelled by hand (docs/ANNOTATION.md); its
    figures are reported, never gated.
    """
    try:
        paths = runner.EvalPaths.resolve(shared, gsr=gsr, csis=csis, meantime=meantime, only=only)
        results = runner.run_evaluations(paths)
        if errors_path is not None:
            write_errors(results, errors_path)
        markdown = render_markdown(results)
        if doc_path is not None:
            write_doc(doc_path, render_markdown(results, brief=True))
    except FlashpointError as err:
        raise click.ClickException(str(err)) from err
    click.echo(render_json(results) if output_format == "json" else markdown, nl=False)
