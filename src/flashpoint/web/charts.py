"""Chart geometry computed on the server; templates draw it as plain SVG (no chart library).

- `diverging_bars`: cooperation above the axis (blue), conflict below it (red), per period.
- `line_chart`: one value per period (the escalation index).
- `network_layout`: a small force-directed layout of who acts on whom, deterministic.
- `world_map`: an equirectangular world (graticule, country centroids) with event bubbles.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from flashpoint.store.browse import DyadEdge, MonthCount, PlaceCount


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    kind: str  # css class: conflict, cooperation, neutral
    title: str


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    y: float
    label: str


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    rects: list[Rect] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)  # x-axis labels
    yticks: list[Tick] = field(default_factory=list)
    axis_y: float = 0.0
    path: str = ""  # for line charts: an SVG path
    dots: list[Tick] = field(default_factory=list)
    empty: bool = True


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def diverging_bars(months: list[MonthCount], width: int = 560, height: int = 180) -> Chart:
    """Cooperation stories up, conflict down, one pair of bars per month."""
    chart = Chart(width, height)
    if not months:
        return chart
    chart.empty = False
    left, right, top, bottom = 36, 8, 10, 22
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = _nice_max(max(max(m.conflict, m.cooperation) for m in months))
    half = plot_h / 2
    chart.axis_y = top + half
    step = plot_w / len(months)
    bar_w = max(1.0, step * 0.7)
    for i, month in enumerate(months):
        x = left + i * step + (step - bar_w) / 2
        up = half * month.cooperation / peak
        down = half * month.conflict / peak
        if month.cooperation:
            chart.rects.append(
                Rect(
                    x,
                    chart.axis_y - up,
                    bar_w,
                    up,
                    "cooperation",
                    f"{month.month}: {month.cooperation} cooperation",
                )
            )
        if month.conflict:
            chart.rects.append(
                Rect(
                    x,
                    chart.axis_y,
                    bar_w,
                    down,
                    "conflict",
                    f"{month.month}: {month.conflict} conflict",
                )
            )
    every = max(1, math.ceil(len(months) / 8))
    chart.ticks = [
        Tick(left + i * step + step / 2, height - 6, m.month)
        for i, m in enumerate(months)
        if i % every == 0
    ]
    label = f"{peak:g}"
    chart.yticks = [Tick(left - 4, top + 4, label), Tick(left - 4, height - bottom, label)]
    return chart


def line_chart(
    points: list[tuple[str, float | None]], width: int = 560, height: int = 180
) -> Chart:
    """A line through the values (gaps where a value is None), zero line marked."""
    chart = Chart(width, height)
    values = [v for _, v in points if v is not None]
    if not values:
        return chart
    chart.empty = False
    left, right, top, bottom = 36, 8, 10, 22
    plot_w, plot_h = width - left - right, height - top - bottom
    high = _nice_max(max(abs(v) for v in values))
    step = plot_w / max(1, len(points) - 1)

    def y_of(value: float) -> float:
        return top + plot_h / 2 - (plot_h / 2) * value / high

    chart.axis_y = y_of(0.0)
    commands: list[str] = []
    pen_up = True
    for i, (label, value) in enumerate(points):
        if value is None:
            pen_up = True
            continue
        x, y = left + i * step, y_of(value)
        commands.append(f"{'M' if pen_up else 'L'}{x:.1f},{y:.1f}")
        pen_up = False
        chart.dots.append(Tick(x, y, f"{label}: {value:.2f}"))
    chart.path = " ".join(commands)
    every = max(1, math.ceil(len(points) / 8))
    chart.ticks = [
        Tick(left + i * step, height - 6, label)
        for i, (label, _) in enumerate(points)
        if i % every == 0
    ]
    chart.yticks = [
        Tick(left - 4, top + 4, f"+{high:g}"),
        Tick(left - 4, height - bottom, f"-{high:g}"),
    ]
    return chart


@dataclass(frozen=True, slots=True)
class Node:
    code: str
    x: float
    y: float
    r: float
    events: int


@dataclass(frozen=True, slots=True)
class Link:
    source: str
    target: str
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    kind: str  # conflict, cooperation or neutral (the larger share decides)
    title: str


@dataclass(slots=True)
class Network:
    width: int
    height: int
    nodes: list[Node] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def _edge_kind(edge: DyadEdge) -> str:
    if edge.conflict > edge.cooperation:
        return "conflict"
    if edge.cooperation > edge.conflict:
        return "cooperation"
    return "neutral"


def _force_layout(
    codes: list[str], edges: list[DyadEdge], rounds: int = 150
) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold from a circle start: deterministic for the same input."""
    n = len(codes)
    pos = {
        c: [math.cos(2 * math.pi * i / n) * 0.4, math.sin(2 * math.pi * i / n) * 0.4]
        for i, c in enumerate(codes)
    }
    k = math.sqrt(1.0 / n)
    temperature = 0.1
    for _ in range(rounds):
        shift = {c: [0.0, 0.0] for c in codes}
        for i, a in enumerate(codes):
            for b in codes[i + 1 :]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                dist = max(0.01, math.hypot(dx, dy))
                force = k * k / dist
                shift[a][0] += dx / dist * force
                shift[a][1] += dy / dist * force
                shift[b][0] -= dx / dist * force
                shift[b][1] -= dy / dist * force
        for edge in edges:
            a, b = edge.actor, edge.recipient
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = max(0.01, math.hypot(dx, dy))
            force = dist * dist / k * (1 + math.log1p(edge.events) / 4)
            shift[a][0] -= dx / dist * force
            shift[a][1] -= dy / dist * force
            shift[b][0] += dx / dist * force
            shift[b][1] += dy / dist * force
        for c in codes:
            # gravity keeps disconnected pairs on the canvas
            shift[c][0] -= pos[c][0] * 0.05
            shift[c][1] -= pos[c][1] * 0.05
            length = max(1e-9, math.hypot(*shift[c]))
            step = min(length, temperature)
            pos[c][0] += shift[c][0] / length * step
            pos[c][1] += shift[c][1] / length * step
        temperature *= 0.97
    return {c: (p[0], p[1]) for c, p in pos.items()}


def network_layout(edges: list[DyadEdge], width: int = 900, height: int = 560) -> Network:
    """Nodes sized by their events, arrows from actor to recipient as thick as the dyad's."""
    net = Network(width, height)
    if not edges:
        return net
    weight: dict[str, int] = {}
    for edge in edges:
        weight[edge.actor] = weight.get(edge.actor, 0) + edge.events
        weight[edge.recipient] = weight.get(edge.recipient, 0) + edge.events
    codes = sorted(weight, key=lambda c: (-weight[c], c))
    pos = _force_layout(codes, edges)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x = max(1e-6, max(xs) - min(xs))
    span_y = max(1e-6, max(ys) - min(ys))
    margin = 50
    peak = max(weight.values())
    placed: dict[str, Node] = {}
    for c in codes:
        x = margin + (pos[c][0] - min(xs)) / span_x * (width - 2 * margin)
        y = margin + (pos[c][1] - min(ys)) / span_y * (height - 2 * margin)
        placed[c] = Node(c, x, y, 8 + 18 * math.sqrt(weight[c] / peak), weight[c])
    top = max(e.events for e in edges)
    for edge in edges:
        source, target = placed[edge.actor], placed[edge.recipient]
        dx, dy = target.x - source.x, target.y - source.y
        dist = max(1.0, math.hypot(dx, dy))
        # stop the line at the target's rim so the arrow head shows; offset a little
        # sideways so A->B and B->A do not sit on top of each other
        ox, oy = -dy / dist * 3, dx / dist * 3
        net.links.append(
            Link(
                edge.actor,
                edge.recipient,
                source.x + dx / dist * source.r + ox,
                source.y + dy / dist * source.r + oy,
                target.x - dx / dist * (target.r + 4) + ox,
                target.y - dy / dist * (target.r + 4) + oy,
                1 + 5 * edge.events / top,
                _edge_kind(edge),
                f"{edge.actor} → {edge.recipient}: {edge.events} events "
                f"({edge.conflict} conflict, {edge.cooperation} cooperation)",
            )
        )
    net.nodes = [placed[c] for c in reversed(codes)]  # biggest drawn last, on top
    return net


@dataclass(frozen=True, slots=True)
class Bubble:
    x: float
    y: float
    r: float
    kind: str
    title: str
    name: str


@dataclass(slots=True)
class WorldMap:
    width: int
    height: int
    graticule: list[str] = field(default_factory=list)  # SVG path data
    land: list[Tick] = field(default_factory=list)  # country centroids (faint dots)
    bubbles: list[Bubble] = field(default_factory=list)


def project(lat: float, lon: float, width: int, height: int) -> tuple[float, float]:
    """Equirectangular: longitude -180..180 to x, latitude 90..-90 to y."""
    return (lon + 180.0) / 360.0 * width, (90.0 - lat) / 180.0 * height


def world_map(
    places: list[PlaceCount],
    centroids: dict[str, tuple[float, float]],
    width: int = 960,
    height: int = 480,
) -> WorldMap:
    world = WorldMap(width, height)
    for lon in range(-180, 181, 30):
        x, _ = project(0.0, float(lon), width, height)
        world.graticule.append(f"M{x:.1f},0 V{height}")
    for lat in range(-60, 61, 30):
        _, y = project(float(lat), 0.0, width, height)
        world.graticule.append(f"M0,{y:.1f} H{width}")
    for code, (c_lat, c_lon) in sorted(centroids.items()):
        x, y = project(c_lat, c_lon, width, height)
        world.land.append(Tick(x, y, code))
    peak = float(max((p.events for p in places), default=1))
    for place in sorted(places, key=lambda p: -p.events):
        x, y = project(place.lat, place.lon, width, height)
        kind = (
            "conflict"
            if place.conflict > place.cooperation
            else "cooperation"
            if place.cooperation > place.conflict
            else "neutral"
        )
        where = f"{place.name} ({place.country})" if place.country else place.name
        world.bubbles.append(
            Bubble(
                x,
                y,
                3 + 17 * math.sqrt(place.events / peak),
                kind,
                f"{where}: {place.events} events, {place.conflict} conflict, "
                f"{place.cooperation} cooperation",
                place.name,
            )
        )
    return world
