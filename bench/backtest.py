"""Back-test of the escalation index on 18 years of KCNA headlines (docs/BACKTEST.md).

    nice .venv/bin/python bench/backtest.py --db /tmp/backtest/kcna.duckdb --rebuild

--rebuild ingests ../shared/data/corpora/kcna_headlines_1997_2014.csv.gz into a fresh
database and codes it with the commands a user would type (timed); without it the
database is only analysed. The analysis charts the monthly index of North Korea's dyads
with the United States and South Korea, and reports, for each known crisis, the index,
its z-score, its percentile among all months of the dyad and whether an alert was raised.
Every series is analysed twice: as counted, and normalised by KCNA's volume (the index
per headline published, `--normalise volume`); the JSON holds both and the output ends
with a comparison. Results go to bench/results/backtest/kcna-backtest.json and charts to
docs/img/.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, cast

from flashpoint.analytics import AlertParams, IndexParams, build_series, detect_alerts
from flashpoint.analytics.charts import write_chart
from flashpoint.analytics.series import Series
from flashpoint.analytics.volume import VolumeTable, volume_table
from flashpoint.models import Alert
from flashpoint.store import Store
from flashpoint.store.analytics import (
    SeriesQuery,
    StoryPeriodFact,
    article_outlets,
    article_volume,
    story_period_facts,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "kcna_headlines_1997_2014.csv.gz"
FLASHPOINT = ROOT / ".venv" / "bin" / "flashpoint"
RESULTS = ROOT / "bench" / "results" / "backtest"
IMAGES = ROOT / "docs" / "img"
FIRST, LAST = date(1997, 1, 1), date(2014, 12, 31)

# Known crises: (label, month, partner). Months are those the events happened in.
CRISES: tuple[tuple[str, str, str], ...] = (
    ("first nuclear test (9 Oct 2006)", "2006-10", "USA"),
    ("second nuclear test (25 May 2009)", "2009-05", "USA"),
    ("Cheonan sinking (26 Mar 2010)", "2010-03", "KOR"),
    ("Cheonan: KCNA's first reaction, to the inquiry (May 2010)", "2010-05", "KOR"),
    ("Yeonpyeong shelling (23 Nov 2010)", "2010-11", "KOR"),
    ("Yeonpyeong: follow-up coverage (Dec 2010)", "2010-12", "KOR"),
    ("third nuclear test (12 Feb 2013)", "2013-02", "USA"),
    ("spring 2013 crisis: armistice 'nullified' (Mar 2013)", "2013-03", "USA"),
    ("spring 2013 crisis: missile threats (Apr 2013)", "2013-04", "USA"),
)
MARKS = {
    "2006-10": "nuclear test 1",
    "2009-05": "nuclear test 2",
    "2010-03": "Cheonan",
    "2010-11": "Yeonpyeong",
    "2013-02": "nuclear test 3",
    "2013-04": "spring 2013",
}


@dataclass(frozen=True, slots=True)
class Dyad:
    key: str  # file-name friendly
    title: str
    queries: tuple[SeriesQuery, ...]  # merged: both directions make an undirected dyad


def dyads(partner: str) -> list[Dyad]:
    both = (
        SeriesQuery("PRK", partner, FIRST, LAST),
        SeriesQuery(partner, "PRK", FIRST, LAST),
    )
    return [
        Dyad(f"prk-{partner.lower()}", f"PRK -> {partner}", both[:1]),
        Dyad(f"{partner.lower()}-prk", f"{partner} -> PRK", both[1:]),
        Dyad(f"prk-{partner.lower()}-both", f"PRK <-> {partner} (both directions)", both),
        Dyad(
            f"any-{partner.lower()}",
            f"any actor -> {partner}",
            (SeriesQuery(None, partner, FIRST, LAST),),
        ),
        # KCNA's passive headlines ("U.S. moves denounced") get the accused as actor: a
        # series of every event with the partner in either role reads KCNA's voice.
        Dyad(
            f"{partner.lower()}-any-role",
            f"{partner} as actor or recipient",
            (SeriesQuery(partner, None, FIRST, LAST), SeriesQuery(None, partner, FIRST, LAST)),
        ),
    ]


def run_step(name: str, args: list[str]) -> float:
    started = time.perf_counter()
    print(f"$ {' '.join(args)}", file=sys.stderr)
    subprocess.run(["nice", "-n", "10", *args], check=True)
    seconds = time.perf_counter() - started
    print(f"{name}: {seconds:.1f} s", file=sys.stderr)
    return seconds


def rebuild(db: Path) -> dict[str, float]:
    db.unlink(missing_ok=True)
    common = ["--db", str(db)]
    return {
        "ingest_s": run_step(
            "ingest",
            [
                str(FLASHPOINT),
                "ingest",
                str(CORPUS),
                "--text-field",
                "title",
                "--date-field",
                "date",
                "--id-field",
                "story_link",
                "--outlet",
                "KCNA",
                "--quiet",
                *common,
            ],
        ),
        "code_s": run_step("code", [str(FLASHPOINT), "code", "--workers", "2", "--quiet", *common]),
    }


def load(store: Store, dyad: Dyad, volume: VolumeTable | None = None) -> Series:
    """The dyad's monthly series; with `volume`, normalised by the articles published."""
    facts: dict[tuple[date, str, str], StoryPeriodFact] = {}
    for query in dyad.queries:
        for fact in story_period_facts(store, query, "month"):
            facts.setdefault((fact.period, fact.story_id, fact.category), fact)
    actor = dyad.queries[0].actor or "*"
    outlets = (
        article_outlets(store, [a for f in facts.values() for a in f.article_ids])
        if volume is not None
        else None
    )
    return build_series(
        actor,
        dyad.queries[0].recipient,
        facts.values(),
        "month",
        first=FIRST,
        last=LAST,
        volume=volume,
        article_outlet=outlets,
    )


def percentile(value: float, values: list[float]) -> float:
    return 100.0 * sum(1 for v in values if v <= value) / len(values)


def crisis_rows(series: Series, alerts: list[Alert]) -> list[dict[str, object]]:
    points = {p.period: (p, v) for p, v in zip(series.points, series.index, strict=True)}
    defined = [v.index for v in series.index if v.index is not None]
    rows = []
    for label, month, _ in CRISES:
        point, value = points[month]
        raised = sorted({a.kind for a in alerts if a.period == month})
        near = sorted(
            {f"{a.period} {a.kind}" for a in alerts if _months_apart(a.period, month) == 1}
        )
        rows.append(
            {
                "event": label,
                "month": month,
                "conflict_stories": point.conflict,
                "cooperation_stories": point.cooperation,
                "score_sum": point.score_sum,
                "index": point.escalation_index,
                "percentile": round(percentile(value.index, defined), 1)
                if value.index is not None
                else None,
                "alerts": raised,
                "alerts_next_to_it": near,
            }
        )
    return rows


def _months_apart(a: str, b: str) -> int:
    ya, ma = (int(x) for x in a.split("-"))
    yb, mb = (int(x) for x in b.split("-"))
    return abs((ya * 12 + ma) - (yb * 12 + mb))


def analyse(db: Path, charts: bool) -> dict[str, object]:
    """Both readings of every series: as counted (top level) and normalised by volume."""
    report: dict[str, object] = {}
    with Store(db) as store:
        stats = store.stats()
        report["articles"] = stats.articles
        report["events"] = stats.events
        volume = volume_table(article_volume(store, "month", since=FIRST, until=LAST))
        report["articles_per_year"] = {
            str(year): sum(sum(v.values()) for m, v in volume.items() if m.year == year)
            for year in range(FIRST.year, LAST.year + 1)
        }
        normalised: dict[str, object] = {}
        for partner in ("USA", "KOR"):
            for dyad in dyads(partner):
                report[dyad.key] = series_report(load(store, dyad), dyad, charts, "")
                normalised[dyad.key] = series_report(
                    load(store, dyad, volume), dyad, charts, "-volume"
                )
        report["normalise_volume"] = normalised
    return report


def series_report(series: Series, dyad: Dyad, charts: bool, suffix: str) -> dict[str, object]:
    alerts = detect_alerts(series, AlertParams(), IndexParams.for_freq("month"))
    defined = [v.index for v in series.index if v.index is not None]
    found: dict[str, object] = {
        "title": dyad.title,
        "months": len(series.points),
        "stories": sum(p.stories for p in series.points),
        "events": sum(p.events for p in series.points),
        "months_with_stories": sum(1 for p in series.points if p.stories),
        "alerts": [{"period": a.period, "kind": a.kind, "value": a.value} for a in alerts],
        "index_max": round(max(defined), 2) if defined else None,
        "crises": crisis_rows(series, alerts),
    }
    if series.volume:
        found["months_without_coverage"] = [v.period for v in series.volume if not v.covered]
    if charts and dyad.key.endswith(("-both", "-any-role")):
        IMAGES.mkdir(parents=True, exist_ok=True)
        reading = ", index per headline published" if suffix else ""
        write_chart(
            series,
            IMAGES / f"backtest-{dyad.key}{suffix}.png",
            title=f"KCNA headlines 1997-2014: {dyad.title}, by month{reading}",
            marks=MARKS,
        )
    return found


def markdown(report: dict[str, object]) -> str:
    lines = []
    for value in report.values():
        if not isinstance(value, dict) or "title" not in value:
            continue
        lines.append(
            f"\n**{value['title']}**: {value['stories']} stories ({value['events']} events) in "
            f"{value['months_with_stories']} of {value['months']} months; "
            f"{len(value['alerts'])} alerts; highest index {value['index_max']}\n"
        )
        lines.append(
            "| event | month | conflict / cooperation stories | index (z) | percentile | alert that month | alert a month before or after |"
        )
        lines.append("|---|---|---|---:|---:|---|---|")
        for row in value["crises"]:
            index = f"{row['index']:+.2f}" if row["index"] is not None else "-"
            lines.append(
                f"| {row['event']} | {row['month']} | {row['conflict_stories']} / "
                f"{row['cooperation_stories']} | {index} | {row['percentile']} | "
                f"{', '.join(row['alerts']) or 'no'} | {', '.join(row['alerts_next_to_it']) or '-'} |"
            )
    return "\n".join(lines)


SUMMARY = ("prk-usa-both", "usa-any-role", "prk-kor-both", "kor-any-role")


def summary(report: dict[str, object]) -> str:
    """One row per crisis, one column per main series: index, percentile, alert."""
    columns = [report[k] for k in SUMMARY if isinstance(report.get(k), dict)]
    head = "| event | month | " + " | ".join(str(c["title"]) for c in columns) + " |"
    lines = [head, "|---|---|" + "---|" * len(columns)]
    for i, (label, month, _) in enumerate(CRISES):
        cells = []
        for column in columns:
            row = column["crises"][i]
            index = f"{row['index']:+.2f}" if row["index"] is not None else "-"
            alert = ", ".join(row["alerts"]) or "no alert"
            near = (
                f" (next to: {', '.join(row['alerts_next_to_it'])})"
                if row["alerts_next_to_it"]
                else ""
            )
            cells.append(
                f"{index}, p{row['percentile']:.0f}, {row['conflict_stories']} conflict; {alert}{near}"
            )
        lines.append(f"| {label} | {month} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(row: dict[str, object]) -> str:
    index = row["index"]
    text = f"{index:+.2f}" if isinstance(index, float) else "-"
    if isinstance(row["percentile"], float):
        text += f" p{row['percentile']:.0f}"
    alerts = row["alerts"]
    near = row["alerts_next_to_it"]
    if isinstance(alerts, list) and alerts:
        text += " **" + "+".join(str(a) for a in alerts) + "**"
    elif isinstance(near, list) and near:
        text += " (next to " + ", ".join(str(a) for a in near) + ")"
    return text


def comparison(report: dict[str, object], keys: tuple[str, ...] = SUMMARY) -> str:
    """Per crisis and series: index, percentile and alert as counted -> normalised by volume."""
    normalised = report["normalise_volume"]
    assert isinstance(normalised, dict)
    columns: list[tuple[dict[str, Any], dict[str, Any]]] = [
        (cast("dict[str, Any]", report[k]), normalised[k])
        for k in keys
        if isinstance(report.get(k), dict)
    ]
    head = "| event | month | " + " | ".join(str(c[0]["title"]) for c in columns) + " |"
    lines = [head, "|---|---|" + "---|" * len(columns)]
    for i, (label, month, _) in enumerate(CRISES):
        cells = [
            f"{_cell(plain['crises'][i])} &rarr; {_cell(scaled['crises'][i])}"
            for plain, scaled in columns
        ]
        lines.append(f"| {label} | {month} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append(
        "| series | alerts as counted | alerts normalised | highest index as counted | normalised |"
    )
    lines.append("|---|---:|---:|---:|---:|")
    for key in ALL_SERIES:
        plain, scaled = report[key], normalised[key]
        assert isinstance(plain, dict)
        assert isinstance(scaled, dict)
        lines.append(
            f"| {plain['title']} | {len(plain['alerts'])} | {len(scaled['alerts'])} | "
            f"{plain['index_max']:+.2f} | {scaled['index_max']:+.2f} |"
        )
    return "\n".join(lines)


ALL_SERIES = tuple(d.key for partner in ("USA", "KOR") for d in dyads(partner))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/backtest/kcna.duckdb"))
    parser.add_argument("--rebuild", action="store_true", help="ingest and code from scratch")
    parser.add_argument("--no-charts", action="store_true")
    args = parser.parse_args()
    timings = rebuild(args.db) if args.rebuild else {}
    report = analyse(args.db, charts=not args.no_charts)
    if timings:
        report["timings"] = timings
    else:  # keep the timings of the last rebuild
        earlier = RESULTS / "kcna-backtest.json"
        if earlier.exists():
            report["timings"] = json.loads(earlier.read_text()).get("timings", {})
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "kcna-backtest.json").write_text(json.dumps(report, indent=1) + "\n")
    normalised = report["normalise_volume"]
    assert isinstance(normalised, dict)
    print("## As counted\n")
    print(summary(report))
    print("\n## Normalised by volume (index per headline published)\n")
    print(summary(normalised))
    print("\n## As counted -> normalised by volume\n")
    print(comparison(report))
    print("\n## Every series, as counted\n")
    print(markdown(report))
    print("\n## Every series, normalised by volume\n")
    print(markdown(normalised))


if __name__ == "__main__":
    main()
