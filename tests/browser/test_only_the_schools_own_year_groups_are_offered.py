"""The year groups offered are the school's own: Alder has a pupil in Year 8 and one in Year 9, so those
two are the only boxes, and the summary counts its pupils over them, not over Reception to Year 11."""

from __future__ import annotations

from playwright.sync_api import expect


def test_only_the_schools_own_year_groups_are_offered(world, page, sign_in):
    sign_in(world.alice)
    page.goto("/schools/100001/attendance/")

    boxes = page.locator("fieldset", has=page.locator("legend", has_text="Year groups")).locator("label")

    expect(boxes).to_have_text(["Year 8", "Year 9"])
    count = page.locator("#report-body").get_by_text("2 pupils (Year 8 to Year 9)", exact=True)
    expect(count).to_be_visible()
