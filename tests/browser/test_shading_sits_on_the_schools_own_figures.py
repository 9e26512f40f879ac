"""Difference shading colours the school's own figure, never a comparator's, on the summary and the 360.

In the world Alder's fortnight is 90% attendance and national (Alder and Birch together, 66 of 80 sessions)
82.5%: the school is 7.5 points better, so its figure is shaded darkest green and national's stays plain."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

SHADED = "[class*='shade-']"


@pytest.mark.parametrize("name", ["summary", "360"])
def test_shading_sits_on_the_schools_own_figures(world, page, sign_in, name):
    sign_in(world.alice)
    page.goto(f"/schools/100001/attendance/{name}/")

    compared = page.locator("table.compare").first
    expect(compared.locator(f"td.school{SHADED}").first).to_be_visible()
    assert compared.locator(f"td.comparator{SHADED}, td.comparator {SHADED}").count() == 0
    attendance = compared.locator("td.school").first
    expect(attendance).to_have_text("90.0%")
    expect(attendance).to_have_class("num school shade-better-3")
