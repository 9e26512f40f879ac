"""Choosing a year group in the filter form puts the choice in the address, so the view can be bookmarked,
and the report shows only the pupils chosen.

The form may update the report in place (htmx, pushing the new address) or be sent as a plain GET form;
it passes either way: it waits for the address to carry the choice and for the new figures, never
for a full page load.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_ticking_a_year_group_shows_only_that_year(world, page, context, sign_in):
    sign_in(world.pam)
    page.goto("/schools/100001/attendance/year-groups/")
    rows = page.get_by_role("table", name="Each year group beside the same year group nationally").locator(
        "tbody tr"
    )
    expect(rows).to_have_count(2)

    page.get_by_label("Year 9", exact=True).check()
    page.get_by_role("button", name="Show").click()

    page.wait_for_url(lambda url: "9" in query(url).get("year_group", []))
    expect(rows).to_have_count(1)
    expect(rows.first.get_by_role("rowheader")).to_have_text("Year 9")
    expect(page.locator(".period")).to_contain_text("Year 9")

    # The address is the bookmark: opened afresh, it shows the same choice and the same rows.
    bookmark = context.new_page()
    assert bookmark.goto(page.url).status == 200
    expect(bookmark.get_by_label("Year 9", exact=True)).to_be_checked()
    expect(bookmark.get_by_label("Year 8", exact=True)).not_to_be_checked()
    fresh_rows = bookmark.get_by_role(
        "table", name="Each year group beside the same year group nationally"
    ).locator("tbody tr")
    expect(fresh_rows).to_have_count(1)
    expect(fresh_rows.first.get_by_role("rowheader")).to_have_text("Year 9")
