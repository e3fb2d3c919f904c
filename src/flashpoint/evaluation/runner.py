"""Find the evaluation data and run the chosen evaluations with one coder.

Used by `flashpoint eval` and by the accuracy gate, so both measure the same thing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flashpoint.coding.actor_eval import actor_mention_recall
from flashpoint.coding.coder import Coder
from flashpoint.errors import InputError
from flashpoint.evaluation.csis import CsisReport, evaluate_csis
from flashpoint.evaluation.gsr import GsrReport, evaluate_gsr
from flashpoint.evaluation.heldout import HeldoutReport, evaluate_heldout
from flashpoint.evaluation.meantime import MeantimeReport, evaluate_meantime
from flashpoint.evaluation.scoring import EventCoder

EVALUATIONS: tuple[str, ...] = ("gsr", "csis", "meantime", "heldout")
REPO_ROOT = Path(__file__).resolve().parents[3]

GSR_FILE = Path("data/eval/plover_gsr.jsonl")
CSIS_FILE = Path("data/eval/csis_nk_provocations.csv")


def find_shared_dir(explicit: Path | None = None, cwd: Path | None = None) -> Path:
    """The shared data directory: the one given, else ../shared from here or from the repo."""
    if explicit is not None:
        if not explicit.is_dir():
            raise InputError(
                "FP208",
                "the shared data directory given with --shared does not exist",
                source=str(explicit),
            )
        return explicit
    here = cwd or Path.cwd()
    for candidate in (here.parent / "shared", here / "shared", REPO_ROOT.parent / "shared"):
        if (candidate / "data" / "eval").is_dir():
            return candidate
    raise InputError(
        "FP208",
        "no shared evaluation data found at ../shared (beside the repository); "
        "pass --shared DIR, or --gsr/--csis/--meantime with explicit paths",
        source=str(here.parent / "shared"),
    )


@dataclass(frozen=True, slots=True)
class EvalPaths:
    gsr: Path | None
    csis: Path | None
    meantime: Path | None  # the shared directory the MEANTIME scorer reads from
    heldout: Path | None = None  # the shared directory holding the held-out corpora

    @classmethod
    def resolve(
        cls,
        shared: Path | None = None,
        gsr: Path | None = None,
        csis: Path | None = None,
        meantime: Path | None = None,
        only: str | None = None,
    ) -> EvalPaths:
        """Explicit paths win; the rest come from the shared directory (found if needed)."""
        wanted = {only} if only else set(EVALUATIONS)
        needs_shared = (
            ("gsr" in wanted and gsr is None)
            or ("csis" in wanted and csis is None)
            or ("meantime" in wanted and meantime is None)
        )
        root = find_shared_dir(shared) if needs_shared else shared
        heldout = root if "heldout" in wanted else None
        if "heldout" in wanted and heldout is None:
            # Held-out news is optional in a full run given explicit paths, required alone.
            try:
                heldout = find_shared_dir(shared)
            except InputError:
                if only == "heldout":
                    raise
        return cls(
            gsr=(gsr or (root / GSR_FILE if root else None)) if "gsr" in wanted else None,
            csis=(csis or (root / CSIS_FILE if root else None)) if "csis" in wanted else None,
            meantime=(meantime or root) if "meantime" in wanted else None,
            heldout=heldout,
        )


@dataclass(frozen=True, slots=True)
class EvalResults:
    gsr: GsrReport | None = None
    csis: CsisReport | None = None
    meantime: MeantimeReport | None = None
    actor_mentions: dict[str, Any] | None = None  # actor mention recall on the GSR sentences
    heldout: HeldoutReport | None = None  # hand-labelled unseen news (never gated)


def run_evaluations(paths: EvalPaths, coder: EventCoder | None = None) -> EvalResults:
    """Run every evaluation that has a path, with `coder` or else the real coder.

    The real coder is built only when GSR, CSIS or held-out news runs: MEANTIME scores
    dates alone.
    """
    if coder is None and any(p is not None for p in (paths.gsr, paths.csis, paths.heldout)):
        coder = make_coder()
    gsr = evaluate_gsr(paths.gsr, coder) if paths.gsr is not None and coder else None
    csis = evaluate_csis(paths.csis, coder) if paths.csis is not None and coder else None
    meantime = evaluate_meantime(paths.meantime) if paths.meantime is not None else None
    mentions = None
    if gsr is not None and paths.gsr is not None:
        rows = [json.loads(line) for line in paths.gsr.read_text(encoding="utf-8").splitlines()]
        mentions = actor_mention_recall(rows)
    heldout = (
        evaluate_heldout(paths.heldout, coder) if paths.heldout is not None and coder else None
    )
    return EvalResults(
        gsr=gsr, csis=csis, meantime=meantime, actor_mentions=mentions, heldout=heldout
    )


def make_coder() -> EventCoder:
    """The real coder with the default settings."""
    return Coder()
