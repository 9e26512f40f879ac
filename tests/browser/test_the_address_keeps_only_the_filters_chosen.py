"""The address a filter pushes to the history names only what was chosen: no `from_date=&sex=&…` for the
fields left empty, so a bookmark reads as the view it is and opens the same report."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from playwright.sync_api import expect


def test_the_address_keeps_only_the_filters_chosen(world, page, sign_in):
    sign_in(world.pam)
    page.goto("/schools/100001/attendance/year-groups/")

    page.get_by_label("Year 9", exact=True).check()  # a tick updates the report at once

    page.wait_for_url(lambda url: "year_group" in url)
    expect(
        page.get_by_role("table", name="Each year group beside the same year group nationally").locator(
            "tbody tr"
        )
    ).to_have_count(1)
    assert parse_qsl(urlsplit(page.url).query, keep_blank_values=True) == [("year_group", "9")]
