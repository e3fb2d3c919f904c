"""A progress bar on standard error with count, rate and ETA; silent when not wanted."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from flashpoint.workflows import ProgressFn


def _silent(_done: int, _total: int | None) -> None:
    return None


@contextmanager
def progress_bar(label: str, *, quiet: bool = False) -> Iterator[ProgressFn]:
    """Yield a `ProgressFn` that drives a rich bar, or does nothing when quiet or piped."""
    if quiet or not sys.stderr.isatty():
        yield _silent
        return
    from rich.console import Console  # noqa: PLC0415 - only when a bar is drawn
    from rich.progress import (  # noqa: PLC0415
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task(label, total=None, rate="")
        started = time.monotonic()

        def update(done: int, total: int | None) -> None:
            elapsed = time.monotonic() - started
            rate = f"{done / elapsed:.1f}/s" if done and elapsed > 0 else ""
            bar.update(task, completed=done, total=total, rate=rate)

        yield update
