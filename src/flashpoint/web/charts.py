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


def recent_months(months: list[MonthCount], last: int = 24) -> list[MonthCount]:
    """The months up to the latest one with events, gaps filled with zeros, at most `last`."""
    if not months:
        return []
    by_month = {m.month: m for m in months}
    year, month = (int(part) for part in months[-1].month.split("-"))
    filled: list[MonthCount] = []
    first = months[0].month
    for _ in range(last):
        label = f"{year:04d}-{month:02d}"
        filled.append(by_month.get(label, MonthCount(label, 0, 0, 0)))
        if label <= first:
            break
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return filled[::-1]


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
    bar_w = min(28.0, max(1.0, step * 0.7))  # a lone month is a bar, not a block
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
    if len(values) < 2:  # one value is not a line: the template says there is too little
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
        if len(points) <= 60:
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
    return _kind(edge.conflict, edge.cooperation)


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


def _components(codes: list[str], edges: list[DyadEdge]) -> list[list[str]]:
    """Connected groups of countries, biggest first (order within a group kept)."""
    parent = {c: c for c in codes}

    def root(c: str) -> str:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for edge in edges:
        parent[root(edge.actor)] = root(edge.recipient)
    groups: dict[str, list[str]] = {}
    for c in codes:
        groups.setdefault(root(c), []).append(c)
    return sorted(groups.values(), key=lambda g: -len(g))


def _boxes(
    groups: list[list[str]], width: int, height: int
) -> list[tuple[float, float, float, float]]:
    """A box (x, y, w, h) per group: the biggest gets the main area, the rest a side column."""
    if len(groups) == 1:
        return [(0.0, 0.0, float(width), float(height))]
    side = width * 0.24
    rest = groups[1:]
    # small groups stay compact: a pair does not need the full height of the canvas
    row_h = min(height / len(rest), 40.0 + 60.0 * max(len(g) for g in rest))
    boxes = [(0.0, 0.0, width - side, float(height))]
    boxes.extend((width - side, i * row_h, side, row_h) for i in range(len(rest)))
    return boxes


def _separate(nodes: dict[str, list[float]], radius: dict[str, float], rounds: int = 40) -> None:
    """Push overlapping circles apart (in pixels) so every label stays readable."""
    codes = list(nodes)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(codes):
            for b in codes[i + 1 :]:
                dx = nodes[b][0] - nodes[a][0]
                dy = nodes[b][1] - nodes[a][1]
                dist = math.hypot(dx, dy) or 0.01
                gap = radius[a] + radius[b] + 8 - dist
                if gap > 0:
                    ux, uy = dx / dist, dy / dist
                    nodes[a][0] -= ux * gap / 2
                    nodes[a][1] -= uy * gap / 2
                    nodes[b][0] += ux * gap / 2
                    nodes[b][1] += uy * gap / 2
                    moved = True
        if not moved:
            return


def network_layout(edges: list[DyadEdge], width: int = 960, height: int = 600) -> Network:
    """Nodes sized by their events, arrows from actor to recipient as thick as the dyad's.

    Each connected group is laid out on its own, so a pair that talks only to itself
    does not squeeze the main network into a corner.
    """
    net = Network(width, height)
    if not edges:
        return net
    weight: dict[str, int] = {}
    for edge in edges:
        weight[edge.actor] = weight.get(edge.actor, 0) + edge.events
        weight[edge.recipient] = weight.get(edge.recipient, 0) + edge.events
    codes = sorted(weight, key=lambda c: (-weight[c], c))
    peak = max(weight.values())
    # big enough for the label (IGO:UNO) and growing with the events
    radius = {c: max(13 + 15 * math.sqrt(weight[c] / peak), 3.3 * len(c) + 4) for c in codes}
    xy: dict[str, list[float]] = {}
    groups = _components(codes, edges)
    for group, (bx, by, bw, bh) in zip(groups, _boxes(groups, width, height), strict=True):
        members = set(group)
        pos = _force_layout(group, [e for e in edges if e.actor in members])
        xs = [pos[c][0] for c in group]
        ys = [pos[c][1] for c in group]
        span_x = max(xs) - min(xs) or 1.0
        span_y = max(ys) - min(ys) or 1.0
        margin = 36.0
        for c in group:
            fx = (pos[c][0] - min(xs)) / span_x if len(group) > 1 else 0.5
            fy = (pos[c][1] - min(ys)) / span_y if len(group) > 1 else 0.5
            xy[c] = [
                bx + margin + fx * max(1.0, bw - 2 * margin),
                by + margin + fy * max(1.0, bh - 2 * margin),
            ]
    _separate(xy, radius)
    placed = {c: Node(c, xy[c][0], xy[c][1], radius[c], weight[c]) for c in codes}
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
                target.x - dx / dist * (target.r + 2) + ox,
                target.y - dy / dist * (target.r + 2) + oy,
                1.2 + 4 * edge.events / top,
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
    land: str = ""  # one SVG path: a square per land cell
    bubbles: list[Bubble] = field(default_factory=list)
    labels: list[Tick] = field(default_factory=list)  # place names that do not collide


# The map shows latitudes 78N to 58S: the poles hold no news and would waste half the height.
MAP_NORTH = 78.0
MAP_SOUTH = -58.0


def project(lat: float, lon: float, width: int, height: int) -> tuple[float, float]:
    """Equirectangular: longitude -180..180 to x, latitude MAP_NORTH..MAP_SOUTH to y."""
    x = (lon + 180.0) / 360.0 * width
    y = (MAP_NORTH - lat) / (MAP_NORTH - MAP_SOUTH) * height
    return x, y


def _kind(conflict: int, cooperation: int) -> str:
    if conflict > cooperation:
        return "conflict"
    if cooperation > conflict:
        return "cooperation"
    return "neutral"


def _free_labels(bubbles: list[Bubble], limit: int = 14) -> list[Tick]:
    """Names for the biggest bubbles, skipping any whose box would overlap one placed."""
    placed: list[tuple[float, float, float, float]] = []
    labels: list[Tick] = []
    for bubble in bubbles:
        if len(labels) >= limit:
            break
        x, y = bubble.x + bubble.r + 3, bubble.y + 4
        box = (x, y - 11, x + 7 * len(bubble.name), y + 2)
        if any(
            not (box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3]) for b in placed
        ):
            continue
        placed.append(box)
        labels.append(Tick(x, y, bubble.name))
    return labels


def world_map(
    places: list[PlaceCount],
    land: tuple[tuple[float, float], ...],
    width: int = 1000,
    height: int = 420,
    cell: float = 1.5,
) -> WorldMap:
    """The graticule, the land cells and a bubble per place (area grows with its events)."""
    world = WorldMap(width, height)
    for meridian in range(-150, 180, 30):
        x, _ = project(0.0, float(meridian), width, height)
        world.graticule.append(f"M{x:.1f},0 V{height}")
    for parallel in range(-30, 76, 30):
        _, y = project(float(parallel), 0.0, width, height)
        world.graticule.append(f"M0,{y:.1f} H{width}")
    size_x = cell / 360.0 * width * 0.8
    size_y = cell / (MAP_NORTH - MAP_SOUTH) * height * 0.8
    squares = []
    for cell_lat, cell_lon in land:
        if not MAP_SOUTH <= cell_lat <= MAP_NORTH:
            continue
        x, y = project(cell_lat + cell, cell_lon, width, height)
        squares.append(f"M{x:.1f},{y:.1f}h{size_x:.1f}v{size_y:.1f}h-{size_x:.1f}z")
    world.land = "".join(squares)
    peak = float(max((p.events for p in places), default=1))
    for place in sorted(places, key=lambda p: -p.events):
        x, y = project(place.lat, place.lon, width, height)
        where = f"{place.name} ({place.country})" if place.country else place.name
        world.bubbles.append(
            Bubble(
                x,
                y,
                2.5 + 15 * math.sqrt(place.events / peak),
                _kind(place.conflict, place.cooperation),
                f"{where}: {place.events} events, {place.conflict} conflict, "
                f"{place.cooperation} cooperation",
                place.name,
            )
        )
    world.labels = _free_labels(world.bubbles)
    return world
