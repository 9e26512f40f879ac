"""Every report fits a 390-pixel phone: nothing reaches past the screen's edge (a wide table scrolls
within itself). Each is left as var/screenshots/phone-<report>.png for review."""

from __future__ import annotations

import pytest

from tests.browser.test_every_report_shows_its_heading_table_and_charts import REPORTS, open_report

#: Elements reaching past the window's right edge, outside a table that scrolls and the charts' insides.
PAST_THE_EDGE = """() => [...document.querySelectorAll("body *:not(svg *)")]
  .filter(e => !e.closest("table") && e.getBoundingClientRect().right > window.innerWidth + 1)
  .map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + e.className : ""))"""


@pytest.mark.parametrize("name", REPORTS)
def test_every_report_fits_a_phone(world, page, sign_in, save_screenshot, name):
    sign_in(world.pam)
    page.set_viewport_size({"width": 390, "height": 844})

    assert open_report(page, name).status == 200
    page.wait_for_load_state("networkidle")

    assert page.evaluate(PAST_THE_EDGE) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    save_screenshot(f"phone-{name}")
