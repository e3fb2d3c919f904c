"""The accuracy gate: floor arithmetic by hand, then the real coder against the pinned floors.

The real-coder tests run each evaluation once per session (module-scoped fixtures) and
skip with a reason when the spaCy pipeline or ../shared is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint.evaluation import gate
from flashpoint.evaluation.gate import (
    check_floors,
    floor_of,
    load_floors,
    save_floors,
    update_floors,
)
from flashpoint.evaluation.runner import EvalPaths, EvalResults, run_evaluations

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def test_floor_of_rounds_down_to_two_decimals() -> None:
    assert floor_of(0.8379) == 0.83
    assert floor_of(0.83) == 0.83
    assert floor_of(1.0) == 1.0
    assert floor_of(0.0) == 0.0


def test_update_raises_floors_and_adds_new_metrics() -> None:
    floors, changes = update_floors({"a": 0.912, "b": 0.5}, {"a": 0.85})
    assert floors == {"a": 0.91, "b": 0.5}
    assert [(c.metric, c.old, c.new, c.applied) for c in changes] == [
        ("a", 0.85, 0.91, True),
        ("b", None, 0.5, True),
    ]


def test_update_refuses_to_lower_a_floor_without_the_flag() -> None:
    floors, changes = update_floors({"a": 0.70, "b": 0.99}, {"a": 0.85, "b": 0.9})
    assert floors == {"a": 0.85, "b": 0.99}
    assert [(c.metric, c.applied) for c in changes] == [("a", False), ("b", True)]


def test_update_lowers_a_floor_only_with_allow_lower() -> None:
    floors, changes = update_floors({"a": 0.70}, {"a": 0.85, "c": 0.4}, allow_lower=True)
    assert floors == {"a": 0.7, "c": 0.4}  # an unmeasured floor is kept
    assert [(c.metric, c.old, c.new, c.applied) for c in changes] == [("a", 0.85, 0.7, True)]


def test_check_reports_drops_and_unmeasured_metrics() -> None:
    shortfalls = check_floors(
        {"gsr.a": 0.79, "gsr.b": 0.9}, {"gsr.a": 0.8, "gsr.b": 0.9, "gsr.c": 0.1}
    )
    assert [(s.metric, s.measured) for s in shortfalls] == [("gsr.a", 0.79), ("gsr.c", None)]
    assert check_floors({"csis.x": 0.1}, {"gsr.a": 0.8, "csis.x": 0.1}, prefix="csis.") == []


def test_gate_command_prints_a_refused_lowering_loudly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    floors_file = tmp_path / "floors.json"
    save_floors({"gsr.macro_f1": 0.8}, floors_file)
    monkeypatch.setattr(gate, "run_evaluations", lambda paths: EvalResults())
    monkeypatch.setattr(gate, "measured_metrics", lambda results: {"gsr.macro_f1": 0.7512})
    args = ["--update", "--shared", str(tmp_path), "--floors", str(floors_file)]
    refused = CliRunner().invoke(gate.gate_command, args)
    assert refused.exit_code == 1
    assert "REFUSED to lower floor gsr.macro_f1: 0.80 -> 0.75" in refused.output
    assert load_floors(floors_file) == {"gsr.macro_f1": 0.8}
    lowered = CliRunner().invoke(gate.gate_command, [*args, "--allow-lower"])
    assert lowered.exit_code == 0
    assert "LOWERED floor gsr.macro_f1: 0.80 -> 0.75" in lowered.output
    assert json.loads(floors_file.read_text())["floors"] == {"gsr.macro_f1": 0.75}


def test_floors_file_pins_every_gated_metric() -> None:
    floors = load_floors()
    for name in ("gsr.macro_f1", "gsr.micro_f1", "gsr.actor_accuracy", "gsr.recipient_accuracy"):
        assert name in floors
    assert {"csis.missile_nuclear.found_rate", "csis.missile_nuclear.date_exact_rate"} <= set(
        floors
    )
    assert "meantime.full_day_exact_rate" in floors
    assert sum(name.startswith("gsr.f1.") for name in floors) == 16


# --- the real coder against the floors -------------------------------------------------

_HINT = (
    "\nSee what changed with `flashpoint eval --errors /tmp/errors.jsonl`. If the drop is "
    "intended, lower the floor on purpose: "
    "`python -m flashpoint.evaluation.gate --update --allow-lower`, and say why in the commit."
)


@pytest.fixture(scope="module")
def shared_root() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout (a fresh clone outside the workplace)")
    return SHARED


@pytest.fixture(scope="module")
def coded_measured(shared_root: Path, parser_model: str) -> dict[str, float]:
    """The GSR and CSIS figures, from one run of the real coder over each set."""
    paths = EvalPaths.resolve(shared=shared_root)
    results = run_evaluations(EvalPaths(gsr=paths.gsr, csis=paths.csis, meantime=None))
    return gate.measured_metrics(results)


@pytest.mark.parametrize("dataset", ["gsr", "csis"])
def test_coded_accuracy_stays_at_or_above_pinned_floors(
    dataset: str, coded_measured: dict[str, float]
) -> None:
    shortfalls = check_floors(coded_measured, load_floors(), prefix=f"{dataset}.")
    assert not shortfalls, "below the pinned floors:\n" + "\n".join(map(str, shortfalls)) + _HINT


def test_meantime_dates_stay_at_or_above_pinned_floor(shared_root: Path) -> None:
    results = run_evaluations(EvalPaths.resolve(shared=shared_root, only="meantime"))
    measured = gate.measured_metrics(results)
    shortfalls = check_floors(measured, load_floors(), prefix="meantime.")
    assert not shortfalls, "below the pinned floors:\n" + "\n".join(map(str, shortfalls)) + _HINT
