"""A page with pupils' data loads everything it needs from us: no script, style or font from elsewhere."""

from __future__ import annotations

from lxml import html

from rollbook.charts.library import LIBRARY_VERSION


def test_every_asset_on_the_summary_page_is_ours(world):
    page = world.client_for(world.alice).get("/schools/100001/attendance/").content
    tree = html.fromstring(page)
    addresses = tree.xpath("//script/@src | //link/@href | //img/@src | //iframe/@src | //a/@href")
    assert addresses, "the page should load at least its stylesheet and chart scripts"
    assert all(address.startswith(("/", "#", "?")) for address in addresses), addresses  # all relative: ours


def test_the_chart_library_is_served_and_cached_for_a_year(world):
    response = world.client_for(world.alice).get(f"/assets/vega-{LIBRARY_VERSION}.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "max-age=31536000" in response["Cache-Control"]
    assert b"vegaEmbed" in response.content


def test_an_unknown_library_version_is_not_found(world):
    assert world.client_for(world.alice).get("/assets/vega-0.0.0.js").status_code == 404
