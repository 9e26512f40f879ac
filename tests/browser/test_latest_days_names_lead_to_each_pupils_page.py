"""On Latest days each name leads to the pupil's own page, and the lists come in order: the longest run
of absence first. Here C has been absent for the fortnight's last four days and D for its last three."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.support.registers import write_school

PRESENT = "/\\" * 5


def test_latest_days_names_lead_to_each_pupils_page(world, page, sign_in):
    write_school(
        world.lake,
        world.alder.urn,
        {"D0000000004": PRESENT + "/\\" * 2 + "OOOOOO", "C0000000003": PRESENT + "/\\" + "O" * 8},
    )
    sign_in(world.pam)
    page.goto("/schools/100001/attendance/latest-days/")

    absent = page.locator("table.data").first.locator("tbody th a")
    expect(absent).to_have_text(["C0000000003, Pat", "D0000000004, Pat"])

    absent.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pat C0000000003")
