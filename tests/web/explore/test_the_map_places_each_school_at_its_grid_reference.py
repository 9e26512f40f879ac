"""The map draws each school at its own Ordnance Survey grid reference, at equal scale both ways (the grid
as it is, north up), fitted to the area's schools, over borders served by this site."""

from __future__ import annotations


def test_a_local_authoritys_schools_on_the_map(world, public_data):
    response = world.client_for(world.carol).get("/explore/map/?area=la:352&colour=progress8")
    spec = response.context["chart"]
    points = spec["data"]["values"]
    placed = [row for row in response.context["found"].schools if row.easting is not None]
    assert len(points) == len(placed) == response.context["placed"] > 0
    assert spec["projection"]["type"] == "identity" and spec["projection"]["reflectY"] is True
    (box,) = spec["projection"]["fit"]["geometry"]["coordinates"]
    west, south = box[0]
    east, north = box[2]
    # Five kilometres beyond the outermost schools of Manchester.
    assert west == min(row["east"] for row in points) - 5_000
    assert north == max(row["north"] for row in points) + 5_000
    borders = [layer["data"]["url"] for layer in spec["layer"] if "url" in layer.get("data", {})]
    assert borders == ["/static/explore/england.json"] * 2
