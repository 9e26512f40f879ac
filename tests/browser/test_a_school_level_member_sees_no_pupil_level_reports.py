"""A member without pupil-level access sees only the school-level tabs and no pupil's name, and a
pupil-level report's address, opened directly, is refused with a page that says why."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

SCHOOL_LEVEL_TABS = [
    "360",
    "Summary",
    "Year groups",
    "Pupil groups",
    "Registration groups",
    "Absence",
    "Weekday",
    "Data check",
]
UPNS = ("A0000000001", "B0000000002")
PUPIL_LEVEL = [
    "/schools/100001/attendance/pupil-list/",
    "/schools/100001/attendance/latest-days/",
    "/schools/100001/attendance/absence-frequency/",
    "/schools/100001/attendance/pupil/?upn=A0000000001",
]


def test_only_the_school_level_tabs_are_offered(world, page, sign_in):
    sign_in(world.alice)
    page.goto("/schools/100001/attendance/")

    tabs = page.get_by_role("navigation", name="Attendance reports").get_by_role("link")
    expect(tabs).to_have_text(SCHOOL_LEVEL_TABS)
    for report in ("pupil", "pupil-list", "latest-days", "absence-frequency"):
        assert page.locator(f"a[href*='/attendance/{report}/']").count() == 0, f"a link to {report}"
    content = page.content()
    assert not any(upn in content for upn in UPNS)


@pytest.mark.parametrize("path", PUPIL_LEVEL)
def test_a_pupil_level_report_is_refused(world, page, sign_in, path):
    sign_in(world.alice)

    response = page.goto(path)

    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("This report names pupils")
    expect(page.get_by_role("link", name="Back to the attendance summary")).to_be_visible()
    content = page.content()
    assert not any(upn in content for upn in UPNS), f"{path} shows a pupil's UPN"
