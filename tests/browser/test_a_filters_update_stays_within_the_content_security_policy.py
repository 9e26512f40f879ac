"""Updating a report in place breaches no part of the content security policy: htmx carries an element's
old attributes onto its new version while it settles, and the chart container's style, which vega-embed
sets from script, would be copied as an inline style attribute, which the policy refuses."""

from __future__ import annotations

from playwright.sync_api import expect


def test_a_filters_update_stays_within_the_content_security_policy(world, page, sign_in, policy_violations):
    sign_in(world.pam)
    page.goto("/schools/100001/attendance/year-groups/")
    chart = page.locator("#year-groups-chart svg")
    expect(chart).to_contain_text("Year 8")

    page.get_by_label("Year 9", exact=True).check()  # a tick updates the report at once

    page.wait_for_url(lambda url: "year_group" in url)
    expect(chart).not_to_contain_text("Year 8")
    assert policy_violations() == []
