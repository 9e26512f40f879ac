"""Back, after a filter has updated the report in place, shows the earlier report as the server gives it
now, with its chart: no copy of the page is kept in the browser's storage (a pupil-level page would stay
there after signing out), and no script of the page runs twice."""

from __future__ import annotations

from playwright.sync_api import expect


def test_going_back_after_a_filter_shows_the_earlier_report_afresh(world, page, sign_in):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(world.pam)
    page.goto("/schools/100001/attendance/year-groups/")
    rows = page.get_by_role("table", name="Each year group beside the same year group nationally").locator(
        "tbody tr"
    )
    expect(rows).to_have_count(2)
    page.get_by_label("Year 9", exact=True).check()
    page.wait_for_url(lambda url: "year_group" in url)
    expect(rows).to_have_count(1)

    page.go_back()

    page.wait_for_url(lambda url: "year_group" not in url)
    expect(rows).to_have_count(2)
    expect(page.get_by_label("Year 9", exact=True)).not_to_be_checked()
    expect(page.locator("#year-groups-chart svg")).to_contain_text("Year 8")
    assert page.evaluate("sessionStorage.getItem('htmx-history-cache')") is None
    assert errors == []
