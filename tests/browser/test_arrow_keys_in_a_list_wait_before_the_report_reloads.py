"""Stepping through the Period list with the arrow keys does not reload the report at each press: the
report is asked for once, when the reader presses Enter."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_arrow_keys_in_a_list_wait_before_the_report_reloads(world, page, sign_in):
    sign_in(world.alice)
    page.goto("/schools/100001/attendance/")
    asked = []
    page.on("request", lambda request: asked.append(request.url) if "hx-request" in request.headers else None)

    page.locator("#id_sex").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(1000)
    assert asked == []

    with page.expect_response(lambda response: "sex=M" in response.url):
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"sex=M"))
    assert len(asked) == 1, asked
