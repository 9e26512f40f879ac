"""Every report fits a 390-pixel phone: nothing reaches past the screen's edge (a wide table scrolls
within itself), and no chart's title is cut at its edges. Each is left as var/screenshots/phone-<report>.png
for review."""

from __future__ import annotations

import pytest

from tests.browser.test_every_report_shows_its_heading_table_and_charts import REPORTS, open_report

#: Chart titles reaching past their chart's edges (a title centred over a narrow plot ran off the left).
TITLES_CUT = """() => [...document.querySelectorAll(".chart svg")].flatMap(svg => {
  const box = svg.getBoundingClientRect();
  return [...svg.querySelectorAll(".role-title-text text")]
    .filter(t => {
      const r = t.getBoundingClientRect();
      return r.left < box.left - 1 || r.right > box.right + 1;
    })
    .map(t => t.textContent); })"""
CHARTS_DRAWN = "() => [...document.querySelectorAll('.chart')].every(chart => chart.querySelector('svg'))"


@pytest.mark.parametrize("name", REPORTS)
def test_every_report_fits_a_phone(world, page, sign_in, fits_a_phone, name):
    sign_in(world.pam)
    page.set_viewport_size({"width": 390, "height": 844})

    assert open_report(page, name).status == 200
    page.wait_for_load_state("networkidle")

    page.wait_for_function(CHARTS_DRAWN)
    assert page.evaluate(TITLES_CUT) == []
    fits_a_phone(f"phone-{name}")
