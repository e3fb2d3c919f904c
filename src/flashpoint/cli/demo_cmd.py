"""`flashpoint demo`: ingest and code the bundled sample, then show what was found."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from importlib import resources
from pathlib import Path

import click

from flashpoint.cli.common import coder_factory, settings_for
from flashpoint.cli.progress import progress_bar
from flashpoint.models import Event

SAMPLE = "data/sample/korea_sample.jsonl"


@contextmanager
def sample_path() -> Iterator[Path]:
    """The bundled sample as a file path (it may live inside a wheel)."""
    with resources.as_file(resources.files("flashpoint").joinpath(SAMPLE)) as path:
        yield path


def showcase(events: Sequence[Event], count: int = 5) -> list[Event]:
    """Up to `count` events with both sides named, preferring categories not shown yet."""
    complete = [e for e in events if e.actors and e.recipients] or list(events)
    chosen: list[Event] = []
    for event in complete:
        if len(chosen) < count and event.category not in {c.category for c in chosen}:
            chosen.append(event)
    chosen += [e for e in complete if e not in chosen][: count - len(chosen)]
    return chosen


@click.command("demo")
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Keep the demo database in this file (default: a temporary one, removed afterwards).",
)
@click.option(
    "--input",
    "inputs",
    multiple=True,
    help="Use these inputs instead of the bundled sample, e.g. ../shared/data/corpora/kcna_2024.jsonl (repeatable).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes for coding; 0 means one per core.",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def demo_command(
    ctx: click.Context, db: Path | None, inputs: tuple[str, ...], workers: int, quiet: bool
) -> None:
    """Ingest and code a sample, then print articles, events by category, top dyads
    and five events with their evidence sentences. Works offline.

    The bundled sample is a few short news-style reports on the Korean peninsula
    written for this demo.

    \b
    Examples:
      flashpoint demo
      flashpoint demo --db demo.duckdb && flashpoint events --db demo.duckdb --dyad PRK,USA
      flashpoint demo --input ../shared/data/corpora/kcna_2024.jsonl --workers 0
    """
    from rich.console import Console  # noqa: PLC0415 - keep --help fast
    from rich.table import Table  # noqa: PLC0415

    from flashpoint.cli.tables import print_event_evidence  # noqa: PLC0415
    from flashpoint.ingest import ReadOptions  # noqa: PLC0415
    from flashpoint.store import Store  # noqa: PLC0415
    from flashpoint.workflows import code_pending, ingest_inputs  # noqa: PLC0415

    console = Console()
    with ExitStack() as stack:
        if db is None:
            db = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "demo.duckdb"
        settings = settings_for(db)
        sources = list(inputs) or [str(stack.enter_context(sample_path()))]
        store = stack.enter_context(Store(settings.db_path))
        label = ", ".join(inputs) if inputs else "the bundled sample"
        with progress_bar("reading", quiet=quiet) as progress:
            ingest = ingest_inputs(store, sources, ReadOptions(), progress)
        console.print(
            f"[bold]Articles[/bold]: {ingest.read} read from {label} "
            f"({ingest.stored} new, {len(ingest.duplicates)} already held, "
            f"{len(ingest.rejections)} rejected)",
            highlight=False,
        )
        with progress_bar("coding", quiet=quiet) as progress:
            coded = code_pending(store, coder_factory(ctx), settings, workers, progress=progress)
        console.print(
            f"[bold]Coded[/bold] {coded.articles} articles into {coded.events} events "
            f"in {coded.seconds:.1f} s ({len(coded.failures)} failed)",
            highlight=False,
        )
        stats = store.stats()
        by_category = Table(title="Events by category", header_style="bold")
        by_category.add_column("category")
        by_category.add_column("events", justify="right")
        for category, count in stats.events_by_category.items():
            by_category.add_row(category, str(count))
        console.print(by_category)
        dyads = Table(title="Top dyads (actor -> recipient)", header_style="bold")
        dyads.add_column("actor")
        dyads.add_column("recipient")
        dyads.add_column("events", justify="right")
        for actor, recipient, count in store.top_dyads(8):
            dyads.add_row(actor, recipient, str(count))
        console.print(dyads)
        console.print(
            "[bold]Five events with their evidence[/bold] "
            "([bold red]actor[/bold red], [bold underline]trigger[/bold underline], "
            "[bold blue]recipient[/bold blue])"
        )
        for event in showcase(store.events()):
            print_event_evidence(console, event)
        if inputs or ctx.params.get("db"):
            console.print(f"\nDatabase: {settings.db_path}", highlight=False)
        else:
            console.print("\n(temporary database removed; pass --db FILE to keep it)")
