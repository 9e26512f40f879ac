"""Each public-data page opens for a signed-in user who belongs to no school, on England's real 2019 data:
its heading, its charts drawn as SVG (the map with England's borders behind the schools), no breach of the
content security policy, and no request to any other site. Each page is left as screenshots at 1,366 and
390 pixels wide and printed to PDF, in var/screenshots/explore/, for review."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots" / "explore"


@dataclass(frozen=True)
class Page:
    address: str
    heading: str
    #: Text the page must show (a row, a school's name, a note).
    shows: str
    charts: int


PAGES = {
    "map": Page(
        "/explore/map/?colour=progress8", "Map of the area's schools", "3,191 of 3,355 schools placed", 1
    ),
    "scatter": Page(
        "/explore/scatter/?find=Michaela", "Scatterplot: any two figures", "Michaela Community School", 1
    ),
    "family": Page(
        "/explore/similar/?school=140862", "Schools Like Yours", "South Chingford Foundation School", 10
    ),
    "table": Page(
        "/explore/?area=region:London&sort=-attainment8", "Schools in the area", "Henrietta Barnett", 0
    ),
    "ofsted": Page("/explore/ofsted/", "Ofsted ratings and outcomes", "Requires improvement", 1),
    "trends": Page("/explore/trends/", "National and regional trends", "Yorkshire and the Humber", 5),
}


@pytest.mark.parametrize("name", PAGES)
def test_the_explore_pages_draw_their_charts_from_this_site_alone(
    public_data, page, sign_in, live_server, policy_violations, name
):
    expected = PAGES[name]
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    sign_in(public_data)

    response = page.goto(expected.address)

    assert response.status == 200, f"{name}: HTTP {response.status}"
    expect(page.get_by_role("heading", level=1)).to_have_text(expected.heading)
    expect(page.locator("main")).to_contain_text(expected.shows)
    charts = page.locator(".chart")
    expect(charts).to_have_count(expected.charts)
    for index in range(charts.count()):
        svg = charts.nth(index).locator("svg").first
        expect(svg).to_be_visible()
        box = svg.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 100, (name, index, box)
    page.wait_for_load_state("networkidle")
    if name == "map":
        # The borders are drawn: many path segments beyond the schools' circles.
        assert page.locator("#map-chart svg path").count() > 3_000
        assert any(urlsplit(url).path == "/static/explore/england.json" for url in requested)
    ours = urlsplit(live_server.url).netloc
    assert [url for url in requested if urlsplit(url).netloc != ours] == []
    assert policy_violations() == []

    folder = SCREENSHOTS
    folder.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.wait_for_timeout(500)  # the charts redraw to their container's new width
    page.screenshot(path=folder / f"{name}-1366.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(500)
    page.screenshot(path=folder / f"{name}-390.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.emulate_media(media="print")
    page.wait_for_timeout(500)
    page.pdf(path=folder / f"{name}.pdf", format="A4", landscape=True, print_background=True)
