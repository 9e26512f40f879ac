"""One pupil's page offers the period alone: year groups, sex, FSM6 and SEND choose among pupils, which
means nothing for one."""

from __future__ import annotations

from playwright.sync_api import expect


def test_the_pupil_page_chooses_a_period_not_pupils(world, page, sign_in):
    sign_in(world.pam)
    page.goto("/schools/100001/attendance/pupil/?upn=B0000000002")

    expect(page.get_by_role("heading", level=1)).to_have_text("Pat B0000000002")
    expect(page.locator("#id_term")).to_be_visible()
    for control in ("year_group", "sex", "fsm6", "sen"):
        expect(page.locator(f"form.choices [name={control}]")).to_have_count(0)
