"""Pictures of a series: a unicode sparkline for terminals and a PNG chart (matplotlib, Agg)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from flashpoint.analytics.series import Series

BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None]) -> str:
    """One block character per value, scaled between the smallest and largest; a gap for None."""
    known = [v for v in values if v is not None]
    if not known:
        return " " * len(values)
    low, high = min(known), max(known)
    span = high - low
    chars = []
    for value in values:
        if value is None:
            chars.append(" ")
        elif span == 0:
            chars.append(BLOCKS[len(BLOCKS) // 2])
        else:
            chars.append(BLOCKS[min(len(BLOCKS) - 1, int((value - low) / span * len(BLOCKS)))])
    return "".join(chars)


def series_title(series: Series, names: dict[str, str] | None = None) -> str:
    """'PRK (North Korea) -> USA (United States), by month'."""
    names = names or {}

    def named(code: str) -> str:
        return f"{code} ({names[code]})" if names.get(code) else code

    who = named(series.actor) if series.actor != "*" else "any actor"
    if series.recipient:
        who = f"{who} -> {named(series.recipient)}"
    return f"{who}, by {series.freq}"


def render_chart(
    series: Series, *, title: str | None = None, marks: dict[str, str] | None = None
) -> bytes:
    """A PNG: conflict and cooperation story bars, the escalation index as a line.

    `marks` maps period labels to short notes drawn as dashed vertical lines (used by the
    back-test to show known events).
    """
    import matplotlib  # noqa: PLC0415 - heavy, only when a chart is asked for

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    periods = [p.period for p in series.points]
    x = list(range(len(periods)))
    fig, bars = plt.subplots(figsize=(10, 4.2), dpi=100)
    try:
        bars.bar(
            x,
            [p.conflict for p in series.points],
            color="#d62728",
            alpha=0.55,
            label="conflict stories",
        )
        bars.bar(
            x,
            [-p.cooperation for p in series.points],
            color="#2ca02c",
            alpha=0.55,
            label="cooperation stories (below 0)",
        )
        bars.set_ylabel("stories per period")
        bars.axhline(0, color="#888888", linewidth=0.6)
        line = bars.twinx()
        line.plot(
            x,
            [
                p.escalation_index if p.escalation_index is not None else float("nan")
                for p in series.points
            ],
            color="#1f3b73",
            linewidth=1.4,
            label="escalation index (z)",
        )
        line.axhline(2.0, color="#1f3b73", linestyle=":", linewidth=0.8)
        line.set_ylabel("escalation index (deviations from own baseline)")
        for label, note in (marks or {}).items():
            if label in periods:
                position = periods.index(label)
                bars.axvline(position, color="#555555", linestyle="--", linewidth=0.8)
                bars.annotate(
                    note,
                    (position, 1.0),
                    xycoords=("data", "axes fraction"),
                    rotation=90,
                    fontsize=7,
                    va="top",
                    ha="right",
                )
        step = max(1, len(periods) // 12)
        bars.set_xticks(x[::step], periods[::step], rotation=45, ha="right", fontsize=8)
        bars.set_title(title or series_title(series))
        handles = bars.get_legend_handles_labels()
        more = line.get_legend_handles_labels()
        fig.legend(
            handles[0] + more[0], handles[1] + more[1], loc="lower center", ncol=3, fontsize=8
        )
        fig.tight_layout(rect=(0, 0.07, 1, 1))
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
    finally:
        plt.close(fig)
    return buffer.getvalue()


def write_chart(
    series: Series, path: Path, *, title: str | None = None, marks: dict[str, str] | None = None
) -> Path:
    """Write the chart of `series` to `path` (PNG)."""
    path.write_bytes(render_chart(series, title=title, marks=marks))
    return path


def code_names(codes: Sequence[str | None]) -> dict[str, str]:
    """Country names for the ISO3 codes among `codes` (others are left out)."""
    from flashpoint.ontology.countries import countries  # noqa: PLC0415 - loads a table

    table = countries()
    return {c: table[c].name for c in codes if c and c in table}
