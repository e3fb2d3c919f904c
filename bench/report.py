"""Render benchmark results (bench/results/*.json) into docs/PERFORMANCE.md and an SVG chart.

The chart is a PNG made with matplotlib when it is installed, else an SVG written here.
Hand-written analysis lives in bench/NOTES.md and is included as it is.
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
TARGET_SECONDS = 360
TARGET_RATE = 60.0
TARGET_RATIO = 0.5
TARGET_RSS_MB = 1536


def load(directory: Path) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    results = {}
    for path in sorted(directory.glob("*.json")):
        if path.name == "machine.json":
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "id" in data and "spec" in data:  # others' files are skipped
            results[data["id"]] = data
    machine_file = directory / "machine.json"
    machine = json.loads(machine_file.read_text(encoding="utf-8")) if machine_file.is_file() else {}
    return results, machine


def describe(result: dict[str, Any]) -> str:
    spec = result["spec"]
    corpus = spec["corpus"].upper()
    kind = spec["bench"]
    if kind == "spacy":
        return f"{corpus} bare spaCy `nlp.pipe`, {spec['processes']} process(es)"
    if kind == "coder":
        mode = "in-process" if spec["workers"] <= 1 else f"multiprocess, {spec['workers']} workers"
        pre = "" if spec.get("prefilter", True) else ", prefilter OFF"
        return f"{corpus} coder, {mode}{pre}"
    if kind == "dask":
        return f"{corpus} Dask LocalCluster, {spec['workers']} workers, to Parquet"
    if kind == "e2e":
        return f"{corpus} end to end: `flashpoint ingest` + `code --workers {spec['workers']}` into DuckDB"
    return f"{corpus} cProfile of the in-process coder"


def _mb(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def results_table(results: dict[str, dict[str, Any]]) -> list[str]:
    lines = [
        "| measurement | articles | words | seconds | articles/s | words/s | CPU s | events | peak RSS total MB | largest process MB | load avg before/after |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for key in sorted(
        results,
        key=lambda k: (
            results[k]["spec"]["corpus"],
            results[k]["spec"]["bench"],
            results[k]["spec"].get("size", 0),
        ),
    ):
        r = results[key]
        if r["spec"]["bench"] in {"profile", "components", "accuracy"}:
            continue
        largest = max(r.get("rss_self_mb") or 0, r.get("rss_children_mb") or 0)
        lines.append(
            f"| {describe(r)} | {r['articles']:,} | {r['words']:,} | {r['seconds']:,.1f} | "
            f"{r['articles_per_second']:,.1f} | {r['words_per_second']:,.0f} | {r.get('cpu_seconds', '-')} | {r.get('events', '-')} | "
            f"{_mb(r.get('rss_total_mb'))} | {_mb(largest)} | {r['load_before']} / {r['load_after']} |"
        )
    return lines


def _find(results: dict[str, dict[str, Any]], **match: Any) -> list[dict[str, Any]]:
    found = [
        r
        for r in results.values()
        if all(r["spec"].get(k, True if k == "prefilter" else None) == v for k, v in match.items())
    ]
    return sorted(found, key=lambda r: r["spec"].get("size", 0))


def _largest(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    return rows[-1] if rows else None


def targets(results: dict[str, dict[str, Any]]) -> list[str]:
    lines = ["| target | measured | met |", "|---|---|---|"]
    e2e = _largest(_find(results, bench="e2e", corpus="kcna"))
    if e2e:
        stories = e2e.get("stories", e2e["articles"])
        rate = stories / e2e["seconds"]
        ok = e2e["seconds"] < TARGET_SECONDS and rate >= TARGET_RATE
        lines.append(
            f"| KCNA end to end (ingest, code, store) >= {TARGET_RATE:.0f} stories/s, {stories:,} stories in < 6 min "
            f"| {rate:.1f} stories/s, {e2e['seconds']:.0f} s (ingest {e2e['ingest_seconds']:.0f} s, "
            f"code {e2e['code_seconds']:.0f} s; {e2e['articles']:,} usable articles coded) | {'yes' if ok else 'NO'} |"
        )
    ratio = pipeline_ratio(results)
    if ratio:
        value, coder, spacy = ratio
        cpu_text, cpu_ok = "", True
        if coder.get("cpu_seconds") and spacy.get("cpu_seconds"):
            cpu = coder["cpu_seconds"] / spacy["cpu_seconds"]
            cpu_ok = cpu <= TARGET_RATIO
            cpu_text = (
                f"; CPU {cpu:.0%} ({coder['cpu_seconds']:.0f} s vs {spacy['cpu_seconds']:.0f} s)"
            )
        lines.append(
            f"| full pipeline <= {TARGET_RATIO:.0%} of a bare spaCy parse ({coder['articles']:,} articles, 2 processes each) "
            f"| wall {value:.0%} ({coder['seconds']:.0f} s vs {spacy['seconds']:.0f} s){cpu_text} "
            f"| {'yes' if value <= TARGET_RATIO and cpu_ok else 'NO'} |"
        )
    scaling = _find(results, bench="coder", corpus="kcna", workers=2, prefilter=True)
    if scaling:
        peak = max(r.get("rss_total_mb") or 0 for r in scaling)
        flat = _flatness(scaling)
        lines.append(
            f"| peak RSS <= 1.5 GB, flat as the corpus grows | {peak:,.0f} MB at most; "
            f"{' / '.join(_mb(r.get('rss_total_mb')) for r in scaling)} MB at "
            f"{' / '.join(format(r['articles'], ',') for r in scaling)} articles | "
            f"{'yes' if peak <= TARGET_RSS_MB and flat else 'NO'} |"
        )
        wall, wall_spread = _marginal(scaling, "seconds")
        cpu, cpu_spread = _marginal(scaling, "cpu_seconds")
        if wall:
            lines.append(
                "| time grows linearly with corpus size (a fixed start-up plus a constant cost per article) "
                f"| per extra 1,000 articles between successive sizes: wall {' / '.join(f'{v:.1f}' for v in wall)} s "
                f"(spread {wall_spread:.0%}); CPU {' / '.join(f'{v:.1f}' for v in cpu)} s (spread {cpu_spread:.0%}) "
                f"| {'yes' if min(wall_spread, cpu_spread) <= 0.25 else 'NO'} (judged on the steadier of the two) |"
            )
    return lines


def _marginal(rows: list[dict[str, Any]], key: str) -> tuple[list[float], float]:
    """Cost of each extra 1,000 articles between successive sizes, and their spread."""
    values = [
        1000 * (b[key] - a[key]) / (b["articles"] - a["articles"])
        for a, b in pairwise(rows)
        if b["articles"] > a["articles"] and a.get(key) is not None and b.get(key) is not None
    ]
    if not values or min(values) <= 0:
        return values, 1.0
    return values, (max(values) - min(values)) / min(values)


def _flatness(rows: list[dict[str, Any]]) -> bool:
    values = [r.get("rss_total_mb") or 0 for r in rows]
    return bool(values) and max(values) <= 1.25 * min(values) + 50


def pipeline_ratio(
    results: dict[str, dict[str, Any]],
) -> tuple[float, dict[str, Any], dict[str, Any]] | None:
    spacy = _largest(_find(results, bench="spacy", corpus="kcna", processes=2))
    if not spacy:
        return None
    coder = [
        r
        for r in _find(results, bench="coder", corpus="kcna", workers=2, prefilter=True)
        if r["articles"] == spacy["articles"]
    ]
    if not coder:
        return None
    return coder[0]["seconds"] / spacy["seconds"], coder[0], spacy


def comparisons(results: dict[str, dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    rows = [
        (coder, spacy)
        for spacy in _find(results, bench="spacy")
        for coder in _find(
            results,
            bench="coder",
            corpus=spacy["spec"]["corpus"],
            workers=spacy["spec"]["processes"],
            prefilter=True,
        )
        if coder["articles"] == spacy["articles"]
    ]
    if rows:
        lines += [
            "| corpus | articles | processes | coder s | bare spaCy s | coder / spaCy (wall) | coder / spaCy (CPU) |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for coder, spacy in rows:
            cpu = "-"
            if coder.get("cpu_seconds") and spacy.get("cpu_seconds"):
                cpu = f"{coder['cpu_seconds'] / spacy['cpu_seconds']:.2f}"
            lines.append(
                f"| {coder['spec']['corpus'].upper()} | {coder['articles']:,} | {spacy['spec']['processes']} | "
                f"{coder['seconds']:.1f} | {spacy['seconds']:.1f} | {coder['seconds'] / spacy['seconds']:.2f} | {cpu} |"
            )
    return lines


def engines(results: dict[str, dict[str, Any]]) -> list[str]:
    dask = _largest(_find(results, bench="dask", corpus="kcna"))
    if not dask:
        return []
    size = dask["spec"]["size"]
    rows = [
        *[
            r
            for r in _find(results, bench="coder", corpus="kcna", prefilter=True)
            if r["spec"]["size"] == size
        ],
        dask,
    ]
    lines = [
        "| engine | articles | seconds | CPU s | articles/s | events | peak RSS total MB | load before/after |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    lines += [
        f"| {describe(r)} | {r['articles']:,} | {r['seconds']:.1f} | {r.get('cpu_seconds', '-')} | "
        f"{r['articles_per_second']:.1f} | {r.get('events')} | {_mb(r.get('rss_total_mb'))} | {r['load_before']} / {r['load_after']} |"
        for r in rows
    ]
    return lines


def prefilter(results: dict[str, dict[str, Any]]) -> list[str]:
    off = _find(results, bench="coder", corpus="kcna", prefilter=False)
    if not off:
        return []
    off_r = off[-1]
    on = [
        r
        for r in _find(
            results, bench="coder", corpus="kcna", prefilter=True, workers=off_r["spec"]["workers"]
        )
        if r["spec"]["size"] == off_r["spec"]["size"]
    ]
    if not on:
        return []
    on_r = on[0]
    saved = 1 - on_r["seconds"] / off_r["seconds"]
    cpu_on, cpu_off = on_r.get("cpu_seconds"), off_r.get("cpu_seconds")
    cpu_saved = f"{1 - cpu_on / cpu_off:.0%}" if cpu_on and cpu_off else "-"
    return [
        *accuracy_cost(results),
        "| prefilter | articles | seconds | CPU s | articles/s | events |",
        "|---|---:|---:|---:|---:|---:|",
        f"| on (default) | {on_r['articles']:,} | {on_r['seconds']:.1f} | {cpu_on or '-'} | {on_r['articles_per_second']:.1f} | {on_r.get('events')} |",
        f"| off | {off_r['articles']:,} | {off_r['seconds']:.1f} | {cpu_off or '-'} | {off_r['articles_per_second']:.1f} | {off_r.get('events')} |",
        "",
        f"The prefilter saves **{cpu_saved}** of the CPU time ({saved:.0%} of the wall time, which "
        f"other work on the machine blurs); with it off the coder found {off_r.get('events')} events "
        f"against {on_r.get('events')} with it on.",
    ]


def components(results: dict[str, dict[str, Any]]) -> list[str]:
    comp = results.get("kcna-components-p1")
    if not comp:
        return []
    total = sum(comp["components"].values()) or 1.0
    lines = [
        f"spaCy components over the full text of {comp['articles']:,} KCNA articles "
        f"({comp['words']:,} words), one process:",
        "",
        "| component | seconds | share |",
        "|---|---:|---:|",
    ]
    lines += [
        f"| {name} | {sec:.2f} | {sec / total:.0%} |" for name, sec in comp["components"].items()
    ]
    return [*lines, ""]


def _rate(share: dict[str, Any] | None) -> str:
    if not share:
        return "-"
    return f"{share['rate']:.3f} ({share['hits']}/{share['total']})"


def accuracy_cost(results: dict[str, dict[str, Any]]) -> list[str]:
    """What the prefilter costs in accuracy, on the issue [2] evaluation, measured here."""
    rows = [results.get("eval-accuracy-on"), results.get("eval-accuracy-off")]
    if not all(rows):
        return []
    lines = [
        "Accuracy with and without it, on the issue [2] evaluation (`bench_accuracy`: the",
        "PLOVER gold records and the CSIS provocations, scored as `flashpoint eval` scores them):",
        "",
        "| prefilter | GSR macro F1 | GSR micro F1 | actor exact | recipient exact | CSIS missile+nuclear found | CSIS dated exactly | seconds |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in zip(("on", "off"), rows, strict=True):
        assert r is not None
        gsr, csis = r["gsr"], r["csis"]
        mn = csis.get("missile_nuclear") or {}
        lines.append(
            f"| {name} | {gsr['macro_f1']:.3f} | {gsr['micro']['f1']:.3f} | {_rate(gsr['actor']['exact'])} | "
            f"{_rate(gsr['recipient']['exact'])} | {_rate(mn.get('found'))} | {_rate(mn.get('date_exact'))} | {r['seconds']:.1f} |"
        )
    return [*lines, ""]


def profile(results: dict[str, dict[str, Any]]) -> list[str]:
    prof = results.get("kcna-profile-w1")
    if not prof:
        return components(results)
    total = sum(prof["self_time_by_area"].values()) or 1.0
    lines = [
        *components(results),
        f"cProfile of the in-process coder over {prof['articles']} KCNA articles "
        f"({prof['seconds']:.1f} s under the profiler). Self time by area:",
        "",
        "| area | seconds | share |",
        "|---|---:|---:|",
    ]
    lines += [
        f"| {area} | {sec:.2f} | {sec / total:.0%} |"
        for area, sec in prof["self_time_by_area"].items()
    ]
    lines += [
        "",
        "Heaviest flashpoint functions (cumulative):",
        "",
        "| function | calls | cumulative s |",
        "|---|---:|---:|",
    ]
    for row in prof["top_cumulative"][:12]:
        name = row["function"].split("/src/")[-1]
        lines.append(f"| `{name}` | {row['calls']:,} | {row['cumtime']:.2f} |")
    return lines


# ---------------------------------------------------------------------------
# The chart


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _bars(
    results: dict[str, dict[str, Any]], x0: float, y0: float, width: float, height: float
) -> list[str]:
    rows = [
        r
        for r in results.values()
        if r["spec"]["corpus"] == "kcna" and r["spec"]["bench"] not in {"profile", "components"}
    ]
    biggest: dict[str, dict[str, Any]] = {}
    for r in rows:
        label = describe(r).replace("KCNA ", "").replace("`", "")
        if label not in biggest or r["articles"] > biggest[label]["articles"]:
            biggest[label] = r
    items = sorted(biggest.items(), key=lambda kv: kv[1]["articles_per_second"])
    out = [
        f'<text x="{x0}" y="{y0 - 8}" class="t">KCNA throughput, articles/s (largest size measured)</text>'
    ]
    if not items:
        return out
    top = max(r["articles_per_second"] for _, r in items) or 1.0
    label_w = 330
    bar_h = min(22.0, height / len(items) - 4)
    for i, (label, r) in enumerate(items):
        y = y0 + i * (bar_h + 4)
        w = (width - label_w - 60) * r["articles_per_second"] / top
        colour = "#999" if r["spec"]["bench"] == "spacy" else "#3b6ea5"
        out.append(
            f'<text x="{x0 + label_w - 6}" y="{y + bar_h * 0.7}" text-anchor="end">{_esc(label[:52])}</text>'
        )
        out.append(
            f'<rect x="{x0 + label_w}" y="{y}" width="{w:.1f}" height="{bar_h:.1f}" fill="{colour}"/>'
        )
        out.append(
            f'<text x="{x0 + label_w + w + 4}" y="{y + bar_h * 0.7}">{r["articles_per_second"]:.1f}</text>'
        )
    return out


def _line(
    points: list[tuple[float, float]],
    *,
    x0: float,
    y0: float,
    w: float,
    h: float,
    title: str,
    unit: str,
) -> list[str]:
    out = [f'<text x="{x0}" y="{y0 - 8}" class="t">{_esc(title)}</text>']
    out.append(f'<line x1="{x0}" y1="{y0 + h}" x2="{x0 + w}" y2="{y0 + h}" stroke="#333"/>')
    out.append(f'<line x1="{x0}" y1="{y0}" x2="{x0}" y2="{y0 + h}" stroke="#333"/>')
    if not points:
        return out
    max_x = max(p[0] for p in points) or 1.0
    max_y = max(p[1] for p in points) * 1.15 or 1.0

    def xy(px: float, py: float) -> tuple[float, float]:
        return x0 + w * px / max_x, y0 + h - h * py / max_y

    path = " ".join(
        f"{'M' if i == 0 else 'L'}{xy(*p)[0]:.1f},{xy(*p)[1]:.1f}" for i, p in enumerate(points)
    )
    out.append(f'<path d="{path}" fill="none" stroke="#3b6ea5" stroke-width="2"/>')
    # the linear reference through the largest point
    lx, ly = points[-1]
    ax, ay = xy(0, 0)
    bx, by = xy(lx, ly)
    out.append(
        f'<line x1="{ax:.1f}" y1="{ay:.1f}" x2="{bx:.1f}" y2="{by:.1f}" stroke="#bbb" stroke-dasharray="4 3"/>'
    )
    for px, py in points:
        cx, cy = xy(px, py)
        out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="#3b6ea5"/>')
        out.append(
            f'<text x="{cx - 4:.1f}" y="{cy - 7:.1f}" text-anchor="end">{py:,.0f} {unit}</text>'
        )
        out.append(f'<text x="{cx:.1f}" y="{y0 + h + 14}" text-anchor="middle">{px:,.0f}</text>')
    out.append(f'<text x="{x0 + w / 2}" y="{y0 + h + 30}" text-anchor="middle">articles</text>')
    return out


def chart(results: dict[str, dict[str, Any]]) -> str:
    scaling = _find(results, bench="coder", corpus="kcna", workers=2, prefilter=True)
    parts = _bars(results, 20, 40, 620, 260)
    parts += _line(
        [(r["articles"], r["seconds"]) for r in scaling],
        x0=690,
        y0=40,
        w=240,
        h=200,
        title="Scaling: seconds (2 workers)",
        unit="s",
    )
    parts += _line(
        [(r["articles"], r.get("rss_total_mb") or 0) for r in scaling],
        x0=1000,
        y0=40,
        w=240,
        h=200,
        title="Peak RSS, all processes",
        unit="MB",
    )
    body = "\n".join(parts)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="320" font-family="sans-serif" font-size="11">\n'
        "<style>.t{font-weight:bold;font-size:13px}</style>\n"
        '<rect width="100%" height="100%" fill="white"/>\n'
        f"{body}\n</svg>\n"
    )


def _linear_fit(xs: list[int], ys: list[float]) -> tuple[float, float]:
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mean_x) ** 2 for x in xs) or 1.0
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / var
    return slope, mean_y - slope * mean_x


def chart_png(results: dict[str, dict[str, Any]], path: Path) -> bool:
    """The same three panels with matplotlib, when it is installed; False otherwise."""
    try:
        import matplotlib as mpl

        mpl.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    rows = [
        r
        for r in results.values()
        if r["spec"]["corpus"] == "kcna" and r["spec"]["bench"] not in {"profile", "components"}
    ]
    biggest: dict[str, dict[str, Any]] = {}
    for r in rows:
        label = describe(r).replace("KCNA ", "").replace("`", "")
        if label not in biggest or r["articles"] > biggest[label]["articles"]:
            biggest[label] = r
    items = sorted(biggest.items(), key=lambda kv: kv[1]["articles_per_second"])
    scaling = _find(results, bench="coder", corpus="kcna", workers=2, prefilter=True)
    fig, (bars, times, memory) = plt.subplots(
        1, 3, figsize=(16, 4.8), gridspec_kw={"width_ratios": [2.2, 1, 1]}
    )
    labels = [f"{label} (n={r['articles']:,})" for label, r in items]
    colours = ["#999999" if r["spec"]["bench"] == "spacy" else "#3b6ea5" for _, r in items]
    bars.barh(labels, [r["articles_per_second"] for _, r in items], color=colours)
    for y, (_, r) in enumerate(items):
        bars.text(r["articles_per_second"], y, f" {r['articles_per_second']:.0f}", va="center")
    bars.set_title("KCNA throughput, articles/s (grey: bare spaCy)")
    bars.tick_params(axis="y", labelsize=8)
    sizes = [r["articles"] for r in scaling]
    times.plot(sizes, [r["seconds"] for r in scaling], "o-", color="#3b6ea5")
    if len(scaling) > 1:
        slope, intercept = _linear_fit(sizes, [r["seconds"] for r in scaling])
        times.plot(
            [0, max(sizes)],
            [intercept, intercept + slope * max(sizes)],
            "--",
            color="#bbbbbb",
            label=f"linear fit: {intercept:.0f} s + {1000 * slope:.2f} s per 1,000",
        )
        times.legend(loc="upper left", fontsize=8)
    times.set_ylim(bottom=0)
    times.set_title("Scaling, 2 workers: seconds")
    times.set_xlabel("articles")
    memory.plot(sizes, [r.get("rss_total_mb") or 0 for r in scaling], "o-", color="#3b6ea5")
    memory.axhline(TARGET_RSS_MB, color="#cc4444", linestyle=":", label="1.5 GB target")
    memory.set_ylim(bottom=0)
    memory.set_title("Peak RSS, all processes (MB)")
    memory.set_xlabel("articles")
    memory.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
    return True


# ---------------------------------------------------------------------------


def render(directory: Path, doc: Path) -> None:
    results, machine = load(directory)
    picture = doc.parent / "performance.png"
    if not chart_png(results, picture):
        picture = doc.parent / "performance.svg"
        picture.write_text(chart(results), encoding="utf-8")
    loads = [r["load_before"] for r in results.values()] + [
        r["load_after"] for r in results.values()
    ]
    lines = [
        "# Performance",
        "",
        "Measured by `make bench` (`.venv/bin/python bench/run.py`), which runs every benchmark in",
        "its own process and rewrites this file from `bench/results/*.json`. Do not edit it by",
        "hand: the analysis below comes from `bench/NOTES.md`.",
        "",
        "## Machine and conditions",
        "",
        f"- {machine.get('cores', '?')} cores ({machine.get('cpu', '?')}), {machine.get('memory_gb', '?')} GB memory, "
        f"Python {machine.get('python', '?')}, {machine.get('system', '?')}.",
        f"- Last command: `{machine.get('command', 'python bench/run.py')}`.",
        f"- Load average (1 min) at the start and end of each measurement ranged from "
        f"{min(loads, default=0):.2f} to {max(loads, default=0):.2f}; on 2 cores anything above ~0.5 before a "
        "run means other work shared the machine and the numbers are pessimistic.",
        f"- Results from {min((r['finished_at'] for r in results.values()), default='-')} to "
        f"{max((r['finished_at'] for r in results.values()), default='-')} (UTC).",
        "",
        "## Commands",
        "",
        "```",
        "make bench                                       # everything (about 40 minutes on 2 cores)",
        ".venv/bin/python bench/run.py --quick            # smoke run, small sizes; writes bench/results/quick/",
        ".venv/bin/python bench/run.py --only scaling --sizes 1000,5000,20305",
        ".venv/bin/python bench/run.py --only engines,prefilter --engine-size 5000",
        ".venv/bin/python bench/run.py --render-only      # rebuild this page from bench/results/",
        "```",
        "",
        "## Targets",
        "",
        *targets(results),
        "",
        f"![throughput, scaling and memory]({picture.name})",
        "",
        "## All measurements",
        "",
        "Throughput counts every article read (reading and ingest checks included). CPU s is",
        "user + system time of the measuring process and all its children over the whole",
        "measurement, model loading and worker start-up included: it moves much less than wall",
        "time when other work shares the machine. Peak RSS",
        "total is the largest sum over the measuring process and all its children, sampled",
        "every 0.1 s; largest process is `getrusage` max RSS of the process itself or of its",
        "largest child.",
        "",
        *results_table(results),
        "",
        "## Against a bare spaCy pass",
        "",
        "The bare pass runs `nlp.pipe` with the same pipeline (tagger, parser, lemmatizer, NER)",
        "over the full text of the same articles, with the same number of processes, in the",
        "same run.",
        "",
        *comparisons(results),
        "",
        "## In-process, multiprocess and Dask",
        "",
        *engines(results),
        "",
        "## The prefilter",
        "",
        *prefilter(results),
        "",
        "## Where the time goes",
        "",
        *profile(results),
        "",
    ]
    notes = BENCH / "NOTES.md"
    if notes.is_file():
        lines += [notes.read_text(encoding="utf-8").rstrip(), ""]
    ours = "\n".join(lines)
    kept = foreign_sections(doc.read_text(encoding="utf-8") if doc.is_file() else "", ours)
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(
        ours + "".join(f"\n## {section.rstrip()}\n" for section in kept), encoding="utf-8"
    )


def _headings(text: str) -> set[str]:
    return {line[3:].strip() for line in text.splitlines() if line.startswith("## ")}


def foreign_sections(current: str, ours: str) -> list[str]:
    """Sections of the current page that other benchmarks write (e.g. "## API latency").

    They are kept, after ours, exactly as they are.
    """
    mine = _headings(ours)
    sections = ("\n" + current).split("\n## ")[1:]
    return [s for s in sections if s.splitlines()[0].strip() not in mine]
