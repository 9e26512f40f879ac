"""Choosing a year group or dates in the filter form puts the choice in the address, so the view can be
bookmarked, and the report shows the pupils and period chosen.

The form may update the report in place (htmx, pushing the new address) or be sent as a plain GET form;
these tests pass either way: they wait for the address to carry the choice and for the new figures, never
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


def test_choosing_dates_shows_that_period(world, page, context, sign_in):
    sign_in(world.pam)
    page.goto("/schools/100001/attendance/")
    weeks = page.get_by_role("table", name="Attendance and absence each week").locator("tbody tr")
    attendance = page.locator(".headline .figure").filter(has_text="Attendance").first.locator("dd.value")
    expect(weeks).to_have_count(2)
    expect(attendance).to_have_text("90.0%")

    # The first week only: B was ill on Monday and Tuesday, so 16 of 20 sessions attended.
    page.get_by_role("textbox", name="From").fill("09/09/2024")
    page.get_by_role("textbox", name="To").fill("13/09/2024")
    page.get_by_role("button", name="Show").click()

    page.wait_for_url(
        lambda url: (
            query(url).get("from_date") == ["09/09/2024"] and query(url).get("to_date") == ["13/09/2024"]
        )
    )
    expect(page.locator(".period")).to_contain_text("09/09/2024 to 13/09/2024")
    expect(weeks).to_have_count(1)
    expect(weeks.first.get_by_role("rowheader")).to_have_text("09/09/2024")
    expect(attendance).to_have_text("80.0%")

    bookmark = context.new_page()
    assert bookmark.goto(page.url).status == 200
    expect(bookmark.get_by_role("textbox", name="From")).to_have_value("09/09/2024")
    expect(bookmark.locator(".period")).to_contain_text("09/09/2024 to 13/09/2024")
    expect(bookmark.locator(".headline .figure").first.locator("dd.value")).to_have_text("80.0%")


def test_unticking_a_year_group_shows_every_year_again(world, page, sign_in):
    sign_in(world.pam)
    page.goto("/schools/100001/attendance/year-groups/?year_group=9")
    rows = page.get_by_role("table", name="Each year group beside the same year group nationally").locator(
        "tbody tr"
    )
    expect(rows).to_have_count(1)

    page.get_by_label("Year 9", exact=True).uncheck()
    page.get_by_role("button", name="Show").click()

    page.wait_for_url(lambda url: "year_group" not in query(url))
    expect(rows).to_have_count(2)
    expect(page.locator(".period")).not_to_contain_text("Year 9")
