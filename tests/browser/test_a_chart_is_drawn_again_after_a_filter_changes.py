"""When a filter changes, the report's chart is drawn again for the pupils chosen, not left blank; the
form may update the report in place or load a new page, and either way the chart must be there."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect


def test_a_chart_is_drawn_again_after_a_filter_changes(world, page, sign_in):
    sign_in(world.pam)
    page.goto("/schools/100001/attendance/year-groups/")
    expect(page.locator("#year-groups-chart svg")).to_be_visible()

    page.get_by_label("Year 9", exact=True).check()
    page.get_by_role("button", name="Show").click()

    page.wait_for_url(lambda url: "9" in parse_qs(urlsplit(url).query).get("year_group", []))
    rows = page.get_by_role("table", name="Each year group beside the same year group nationally").locator(
        "tbody tr"
    )
    expect(rows).to_have_count(1)
    chart = page.locator("#year-groups-chart svg")
    expect(chart).to_be_visible()
    # The redrawn chart shows the one year group chosen, and not Year 8.
    expect(chart).to_contain_text("Year 9")
    expect(chart).not_to_contain_text("Year 8")
