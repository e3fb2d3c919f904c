"""The accuracy gate: measured figures must stay at or above floors pinned in a file.

The floors live in tests/accuracy_floors.json. `python -m flashpoint.evaluation.gate`
checks them; `--update` raises every floor to the measured value (rounded down to two
decimals) and refuses to lower one unless `--allow-lower` is given, in which case each
lowered floor is printed. Lowering a floor is meant to be a deliberate, visible act
that shows up in the diff of the floors file.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import click

from flashpoint.evaluation.runner import REPO_ROOT, EvalPaths, EvalResults, run_evaluations

FLOORS_PATH = REPO_ROOT / "tests" / "accuracy_floors.json"
_ABOUT = (
    "Accuracy floors checked by tests/evaluation/test_eval_gate.py. Raise them with "
    "`python -m flashpoint.evaluation.gate --update`; lowering one needs --allow-lower."
)
_EPSILON = 1e-9  # measured values are compared with floors rounded down; allow float noise


def measured_metrics(results: EvalResults) -> dict[str, float]:
    """The gated figures of one evaluation run, by metric name (e.g. "gsr.macro_f1")."""
    metrics: dict[str, float] = {}
    if results.gsr is not None:
        gsr = results.gsr
        metrics["gsr.macro_f1"] = gsr.macro_f1
        metrics["gsr.micro_f1"] = gsr.micro_f1
        metrics["gsr.actor_accuracy"] = gsr.actor.exact.value
        metrics["gsr.recipient_accuracy"] = gsr.recipient.exact.value
        for name, score in gsr.categories.items():
            metrics[f"gsr.f1.{name}"] = score.f1
    if results.csis is not None:
        csis = results.csis
        metrics["csis.missile_nuclear.found_rate"] = csis.missile_nuclear.found.value
        metrics["csis.missile_nuclear.date_exact_rate"] = csis.missile_nuclear.date_exact.value
        metrics["csis.attack.found_rate"] = csis.by_kind["Attack"].found.value
    if results.meantime is not None:
        metrics["meantime.full_day_exact_rate"] = results.meantime.full_day_rate
    return metrics


def load_floors(path: Path = FLOORS_PATH) -> dict[str, float]:
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in data.get("floors", {}).items()}


def save_floors(floors: Mapping[str, float], path: Path = FLOORS_PATH) -> None:
    body = {"_about": _ABOUT, "floors": {k: floors[k] for k in sorted(floors)}}
    path.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")


def floor_of(value: float) -> float:
    """Rounded down to two decimals (0.8379 -> 0.83), so a rerun always meets its floor."""
    return math.floor(round(value * 100, 6)) / 100


@dataclass(frozen=True, slots=True)
class Shortfall:
    metric: str
    floor: float
    measured: float | None  # None: the metric was not measured at all

    def __str__(self) -> str:
        got = "not measured" if self.measured is None else f"{self.measured:.4f}"
        return f"{self.metric}: {got} < floor {self.floor:.2f}"


def check_floors(
    measured: Mapping[str, float], floors: Mapping[str, float], prefix: str = ""
) -> list[Shortfall]:
    """Every floor (whose name starts with `prefix`) that the measured figures miss."""
    shortfalls = []
    for metric, floor in sorted(floors.items()):
        if not metric.startswith(prefix):
            continue
        value = measured.get(metric)
        if value is None or value + _EPSILON < floor:
            shortfalls.append(Shortfall(metric, floor, value))
    return shortfalls


@dataclass(frozen=True, slots=True)
class FloorChange:
    metric: str
    old: float | None
    new: float
    applied: bool  # False: a lowering refused for want of --allow-lower


def update_floors(
    measured: Mapping[str, float], floors: Mapping[str, float], *, allow_lower: bool = False
) -> tuple[dict[str, float], list[FloorChange]]:
    """New floors from measured values; lowering is applied only when `allow_lower`.

    Floors of metrics that were not measured are kept as they are.
    """
    updated = dict(floors)
    changes: list[FloorChange] = []
    for metric in sorted(measured):
        new, old = floor_of(measured[metric]), floors.get(metric)
        if old is not None and math.isclose(new, old):
            continue
        lowering = old is not None and new < old
        applied = allow_lower or not lowering
        if applied:
            updated[metric] = new
        changes.append(FloorChange(metric, old, new, applied))
    return updated, changes


def _print_changes(changes: list[FloorChange]) -> None:
    for change in changes:
        old = "none" if change.old is None else f"{change.old:.2f}"
        if change.old is not None and change.new < change.old:
            verb = "LOWERED" if change.applied else "REFUSED to lower"
            click.echo(f"!!! {verb} floor {change.metric}: {old} -> {change.new:.2f}", err=True)
        else:
            click.echo(f"raised floor {change.metric}: {old} -> {change.new:.2f}")


@click.command("gate")
@click.option("--update", is_flag=True, help="Raise floors to the measured values.")
@click.option(
    "--allow-lower", is_flag=True, help="With --update: also lower floors (printed loudly)."
)
@click.option(
    "--shared",
    type=click.Path(file_okay=False, path_type=Path),
    help="The shared data directory (default: ../shared).",
)
@click.option(
    "--floors",
    "floors_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=FLOORS_PATH,
    show_default=True,
    help="The floors file.",
)
def gate_command(update: bool, allow_lower: bool, shared: Path | None, floors_path: Path) -> None:
    """Check the accuracy floors, or raise them with --update."""
    if allow_lower and not update:
        raise click.UsageError("--allow-lower only makes sense with --update")
    results = run_evaluations(EvalPaths.resolve(shared=shared))
    measured = measured_metrics(results)
    floors = load_floors(floors_path)
    if update:
        updated, changes = update_floors(measured, floors, allow_lower=allow_lower)
        save_floors(updated, floors_path)
        _print_changes(changes)
        refused = [c for c in changes if not c.applied]
        click.echo(f"{len(changes) - len(refused)} floor(s) changed in {floors_path}")
        if refused:
            click.echo(
                f"{len(refused)} floor(s) would drop: fix the regression, or rerun with "
                "--update --allow-lower and say why in the commit message.",
                err=True,
            )
            sys.exit(1)
        return
    shortfalls = check_floors(measured, floors)
    for metric in sorted(measured):
        floor = floors.get(metric)
        shown = "-" if floor is None else f"{floor:.2f}"
        click.echo(f"{metric:45s} {measured[metric]:.4f}  floor {shown}")
    if shortfalls:
        for shortfall in shortfalls:
            click.echo(f"BELOW FLOOR {shortfall}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    gate_command()
