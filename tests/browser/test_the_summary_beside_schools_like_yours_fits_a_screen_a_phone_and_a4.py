"""The summary with Schools like yours chosen, from the form as a person chooses it: the family's column
sits beside the published comparators within a 1,366-pixel screen and a 390-pixel phone (a wide table
scrolls within itself), and prints on A4 with the family's year and what it does not publish. Left as
var/screenshots/family-*.png for review."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import PAST_THE_EDGE
from tests.support.public_world import sly_school
from tests.support.public_world import world as public_world


def test_the_summary_beside_schools_like_yours(
    world, data_dir, page, sign_in, save_screenshot, fits_a_phone, print_a4
):
    sly = [sly_school(100001, 20, 500), sly_school(200001, 22, 100), sly_school(200002, 25, 300)]
    absence = [{"urn": urn, "overall_absence_rate": rate, "persistent_absence_rate": 2 * rate + 2}
               for urn, rate in ((200001, 4.0), (200002, 6.0))]  # fmt: skip
    public_world(data_dir, sly=sly, absence=absence)
    sign_in(world.alice)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/schools/100001/attendance/")

    page.get_by_label("Beside schools like yours (public data)").check()
    page.get_by_role("button", name="Show").click()
    family = page.locator("th", has_text="Schools like yours, 2017/18 published figures")
    expect(family).to_be_visible()
    assert "family=on" in page.url
    assert page.evaluate(PAST_THE_EDGE) == []
    save_screenshot("family-desktop")

    fits_a_phone("family-phone")

    text = print_a4("family-printed")
    words = " ".join(text.split())
    assert "2017/18" in words and "Not published" in words
