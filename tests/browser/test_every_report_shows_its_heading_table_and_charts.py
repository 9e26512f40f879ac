"""Every attendance report opens for a member with pupil-level access: its heading, its main table with
column headers and a row we know is there, its charts drawn as SVG, and no error. The individual pupil's
report is reached as a person reaches it, by following a name in the pupil list.

Each page is left as a full-page screenshot in var/screenshots/<report>.png for review, and printed on A4
(<report>-printed.pdf, with its pages as PNGs): the print holds the heading and the table's row, not the
report tabs or the filter form.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect


@dataclass(frozen=True)
class Report:
    heading: str
    #: The tab marked as the current page; the pupil's report has no tab of its own.
    tab: str | None
    #: A column header of the report's main table, and the text of a row it must have.
    column: str
    row: str
    #: Whether the page draws charts in the browser (every `.chart` container on it).
    charts: bool = False


REPORTS = {
    "360": Report(
        "360: the school and its groups beside others", "360", "Group", "Whole school", charts=True
    ),
    "summary": Report("Attendance summary", "Summary", "Week commencing", "09/09/2024", charts=True),
    "year-groups": Report("Year groups", "Year groups", "Year group", "Year 9", charts=True),
    "pupil-groups": Report("Pupil groups", "Pupil groups", "Sex", "Girls", charts=True),
    "absence": Report("Absence by reason", "Absence", "Reason", "Illness", charts=True),
    "weekday": Report("Attendance by weekday", "Weekday", "Session", "Monday morning", charts=True),
    "data-check": Report("Data check", "Data check", "Week commencing", "09/09/2024"),
    "pupil-list": Report("Pupil list", "Pupil list", "Pupil", "A0000000001"),
    "absence-frequency": Report(
        "Absence frequency", "Absence frequency", "Spells", "B0000000002", charts=True
    ),
    "latest-days": Report("Latest days: who needs following up", "Latest days", "Codes", "Nobody."),
    # B's report: headed with the name, the register a row per week.
    "pupil": Report("Pat B0000000002", None, "Week commencing", "16/09/2024"),
}


def open_report(page, name: str):
    """Open a report as a person would, returning the page's response."""
    if name != "pupil":
        return page.goto(f"/schools/100001/attendance/{name}/")
    page.goto("/schools/100001/attendance/pupil-list/")
    with page.expect_response(lambda response: response.request.is_navigation_request()) as navigation:
        page.get_by_role("link", name="B0000000002, Pat").click()
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("upn") == ["B0000000002"])
    return navigation.value


@pytest.mark.parametrize("name", REPORTS)
def test_every_report_shows_its_heading_table_and_charts(
    world, page, sign_in, save_screenshot, print_a4, name
):
    report = REPORTS[name]
    sign_in(world.pam)

    response = open_report(page, name)

    assert response.status == 200, f"{name}: HTTP {response.status}"
    expect(page.get_by_role("heading", level=1)).to_have_text(report.heading)
    # The world's registers are from 2024, so the freshness notice rightly warns that marks have stopped;
    # nothing else may.
    problems = page.locator("#report-body .error, #report-body [role=alert]")
    assert problems.count() == 0, page.locator("main").inner_text()
    expect(page.locator(".freshness.stale")).to_contain_text("No marks have arrived for")
    tabs = page.get_by_role("navigation", name="Attendance reports")
    current = tabs.locator("[aria-current=page]")
    if report.tab is None:
        expect(current).to_have_count(0)
    else:
        expect(current).to_have_text(report.tab)

    table = page.locator("table.data").filter(
        has=page.get_by_role("columnheader", name=report.column, exact=True)
    )
    expect(table.first).to_be_visible()
    headers = table.first.locator("thead th")
    assert headers.count() >= 2, f"{name}: the table has {headers.count()} column headers"
    assert all(text.strip() for text in headers.all_inner_texts()), headers.all_inner_texts()
    expect(table.first.locator("tbody tr").filter(has_text=report.row).first).to_be_visible()

    containers = page.locator(".chart")
    if report.charts:
        assert containers.count() >= 1, f"{name} should have a chart"
        for index in range(containers.count()):
            svg = containers.nth(index).locator("svg").first
            expect(svg).to_be_visible()
            box = svg.bounding_box()
            assert box is not None and box["width"] > 100 and box["height"] > 50, (name, index, box)
    else:
        assert containers.count() == 0, f"{name} has a chart the test does not expect"

    save_screenshot(name)
    printed = " ".join(print_a4(f"{name}-printed").split())
    assert report.heading in printed and report.row in printed, printed[:500]
    assert "Show" not in printed.split()  # the filter form's button: the form is not printed
