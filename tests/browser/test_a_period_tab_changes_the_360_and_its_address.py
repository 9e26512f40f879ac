"""Clicking one of the 360's period tabs changes the report and the address, fits a phone, and prints with
the chosen period's name alone where the tabs were.

The browser world's fortnight of 2024/25 has Alder's whole school at 90.0% attendance; the earlier year
(tests/support/earlier_year.py) at 85.0%, with no comparators published for it. Whether htmx swaps the page
or the browser follows the link, the test waits only for the address and the figures.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from tests.browser.test_the_360_fits_the_screen_and_prints_on_a4 import OVERFLOWING
from tests.support.earlier_year import write_earlier_year


def test_a_period_tab_changes_the_360_and_its_address(
    world, page, sign_in, save_screenshot, fits_a_phone, print_a4
):
    write_earlier_year(world.lake)
    sign_in(world.alice)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/schools/100001/attendance/360/")
    periods = page.get_by_role("navigation", name="Periods of the 360")
    whole_school = page.locator("section", has=page.get_by_role("heading", name="Attendance", exact=True))
    whole_school = whole_school.locator("tr.total td.school")
    expect(periods.get_by_role("link")).to_have_text(
        ["Year to date", "Autumn term so far", "End of year 2023/24"]
    )
    expect(periods.locator("[aria-current=page]")).to_have_text("Year to date")
    expect(whole_school).to_have_text("90.0%")

    periods.get_by_role("link", name="End of year 2023/24").click()

    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("academic_year") == ["2023/24"])
    expect(whole_school).to_have_text("85.0%")
    expect(periods.locator("[aria-current=page]")).to_have_text("End of year 2023/24")
    expect(page.locator(".period")).to_contain_text("2023/24 to 15/09/2023")
    expect(
        page.get_by_text("No comparators are shown: no comparators have been published for 2023/24.")
    ).to_be_visible()
    assert page.evaluate(OVERFLOWING) == []
    save_screenshot("360-tabs-desktop")

    fits_a_phone("360-tabs-phone")

    text = print_a4("360-tabs-printed", layout=True)
    assert "End of year 2023/24" in text
    assert "Autumn term so far" not in text and "Year to date" not in text
