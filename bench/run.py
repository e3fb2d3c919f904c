"""Run flashpoint's benchmarks and render docs/PERFORMANCE.md (`make bench`).

    python bench/run.py                      # everything, full sizes (about 30-40 minutes)
    python bench/run.py --quick              # a smoke run on small sizes (about 3 minutes)
    python bench/run.py --only scaling,e2e   # selected groups
    python bench/run.py --sizes 1000,5000    # scaling sizes (the largest also sets spaCy's)
    python bench/run.py --render-only        # re-render the docs from bench/results/

Groups: spacy, scaling, engines, prefilter, accuracy, e2e, voa, profile, api (the
API latency script bench/api_latency.py, which writes its own section; not with --quick). Each measurement runs in
its own process (bench/measure.py) so that its peak memory is its own; results land in
bench/results/<id>.json (quick runs: bench/results/quick/) and the report is rendered
from every result file present, so a partial run refreshes only its own rows.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
GROUPS = ("spacy", "scaling", "engines", "prefilter", "accuracy", "e2e", "voa", "profile", "api")
KCNA_STORIES = 20_305


def plan(
    groups: list[str], sizes: list[int], engine_size: int, quick: bool
) -> list[dict[str, Any]]:
    """The measurements to run, in order; each spec is what bench/measure.py takes."""
    largest = max(sizes)
    specs: list[dict[str, Any]] = []
    if "spacy" in groups:
        specs.append(
            {
                "id": f"kcna-spacy-p2-n{largest}",
                "bench": "spacy",
                "corpus": "kcna",
                "size": largest,
                "processes": 2,
            }
        )
        specs.append(
            {
                "id": f"kcna-spacy-p1-n{engine_size}",
                "bench": "spacy",
                "corpus": "kcna",
                "size": engine_size,
                "processes": 1,
            }
        )
    if "scaling" in groups:
        specs.extend(
            {
                "id": f"kcna-coder-w2-n{n}",
                "bench": "coder",
                "corpus": "kcna",
                "size": n,
                "workers": 2,
            }
            for n in sizes
        )
    if "engines" in groups:
        specs.append(
            {
                "id": f"kcna-coder-w1-n{engine_size}",
                "bench": "coder",
                "corpus": "kcna",
                "size": engine_size,
                "workers": 1,
            }
        )
        if engine_size not in sizes or "scaling" not in groups:
            specs.append(
                {
                    "id": f"kcna-coder-w2-n{engine_size}",
                    "bench": "coder",
                    "corpus": "kcna",
                    "size": engine_size,
                    "workers": 2,
                }
            )
        specs.append(
            {
                "id": f"kcna-dask-w2-n{engine_size}",
                "bench": "dask",
                "corpus": "kcna",
                "size": engine_size,
                "workers": 2,
            }
        )
    if "prefilter" in groups:
        specs.append(
            {
                "id": f"kcna-coder-w2-n{engine_size}-noprefilter",
                "bench": "coder",
                "corpus": "kcna",
                "size": engine_size,
                "workers": 2,
                "prefilter": False,
            }
        )
    if "accuracy" in groups:
        specs.extend(
            {
                "id": f"eval-accuracy-{'on' if on else 'off'}",
                "bench": "accuracy",
                "corpus": "eval",
                "prefilter": on,
            }
            for on in (True, False)
        )
    if "e2e" in groups:
        size = 500 if quick else KCNA_STORIES
        specs.append(
            {
                "id": f"kcna-e2e-w2-n{size}",
                "bench": "e2e",
                "corpus": "kcna",
                "size": size,
                "workers": 2,
            }
        )
    if "voa" in groups:
        size = 20 if quick else 10_000
        specs.append(
            {"id": "voa-spacy-p1", "bench": "spacy", "corpus": "voa", "size": size, "processes": 1}
        )
        specs.append(
            {"id": "voa-coder-w1", "bench": "coder", "corpus": "voa", "size": size, "workers": 1}
        )
    if "profile" in groups:
        specs.append(
            {
                "id": "kcna-profile-w1",
                "bench": "profile",
                "corpus": "kcna",
                "size": 100 if quick else 500,
            }
        )
        specs.append(
            {
                "id": "kcna-components-p1",
                "bench": "components",
                "corpus": "kcna",
                "size": 100 if quick else 1000,
            }
        )
    return specs


def machine() -> dict[str, Any]:
    model = platform.processor()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem_total = None
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        first = meminfo.read_text(encoding="utf-8").splitlines()[0]
        mem_total = round(int(first.split()[1]) / 1024 / 1024, 1)
    return {
        "cores": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "cpu": model,
        "memory_gb": mem_total,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def run_one(spec: dict[str, Any], directory: Path) -> dict[str, Any] | None:
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    print(f"[bench] {spec['id']} ...", flush=True)
    proc = subprocess.run(
        [sys.executable, str(BENCH / "measure.py"), json.dumps(spec)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        print(
            f"[bench] {spec['id']} FAILED (exit {proc.returncode}):\n{proc.stderr[-3000:]}",
            flush=True,
        )
        return None
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result.update(
        id=spec["id"],
        load_before=round(load_before, 2),
        load_after=round(os.getloadavg()[0], 2),
        wall_seconds=round(time.perf_counter() - started, 1),
        finished_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{spec['id']}.json").write_text(
        json.dumps(result, indent=2) + "\n", encoding="utf-8"
    )
    print(
        f"[bench] {spec['id']}: {result['articles']} articles in {result['seconds']} s = "
        f"{result['articles_per_second']} articles/s, {result['words_per_second']} words/s, "
        f"peak RSS total {result['rss_total_mb']} MB (load {result['load_before']} -> {result['load_after']})",
        flush=True,
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="small sizes: a smoke run of every benchmark"
    )
    parser.add_argument("--sizes", help="scaling sizes, comma separated (default 1000,5000,20305)")
    parser.add_argument(
        "--engine-size",
        type=int,
        help="articles for the engine and prefilter comparisons (default 5000)",
    )
    parser.add_argument("--only", help=f"comma-separated groups among {','.join(GROUPS)}")
    parser.add_argument("--render-only", action="store_true", help="only re-render the report")
    args = parser.parse_args(argv)

    from report import render  # type: ignore[import-not-found]  # bench/ is sys.path[0]

    directory = RESULTS / "quick" if args.quick else RESULTS
    doc = directory / "PERFORMANCE.md" if args.quick else ROOT / "docs" / "PERFORMANCE.md"
    if not args.render_only:
        default_sizes = "200,500" if args.quick else f"1000,5000,{KCNA_STORIES}"
        sizes = sorted(int(s) for s in (args.sizes or default_sizes).split(","))
        engine_size = args.engine_size or (300 if args.quick else 5000)
        groups = args.only.split(",") if args.only else list(GROUPS)
        unknown = set(groups) - set(GROUPS)
        if unknown:
            parser.error(f"unknown group(s): {', '.join(sorted(unknown))}")
        (directory).mkdir(parents=True, exist_ok=True)
        info = machine() | {
            "command": " ".join(
                ["python", "bench/run.py", *(argv if argv is not None else sys.argv[1:])]
            )
        }
        (directory / "machine.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
        failed = [
            spec["id"]
            for spec in plan(groups, sizes, engine_size, args.quick)
            if run_one(spec, directory) is None
        ]
        if "api" in groups and not args.quick:
            # The API latency benchmark is its own script; it rewrites its own section.
            print("[bench] api latency (bench/api_latency.py) ...", flush=True)
            if subprocess.run(
                [sys.executable, str(BENCH / "api_latency.py")], check=False
            ).returncode:
                failed.append("api-latency")
        if failed:
            print(f"[bench] failed: {', '.join(failed)}", flush=True)
    render(directory, doc)
    print(f"[bench] report written to {doc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
