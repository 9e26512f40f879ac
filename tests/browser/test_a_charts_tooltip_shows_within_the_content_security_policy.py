"""Hovering a point of the weekly chart shows its tooltip, styled by site.css, and the browser reports no
breach of the content security policy: vega-tooltip is told not to add a <style> of its own, which the
policy (no inline style) would refuse."""

from __future__ import annotations


def test_a_charts_tooltip_shows_within_the_content_security_policy(world, page, sign_in, policy_violations):
    console = []
    page.on("console", lambda message: console.append(message.text))
    sign_in(world.alice)
    page.goto("/schools/100001/attendance/")

    point = page.locator("#weekly-chart svg .mark-symbol path").first
    point.wait_for(state="visible")
    point.hover()

    tooltip = page.locator("#vg-tooltip-element")
    tooltip.wait_for(state="visible")
    assert "Week commencing" in tooltip.inner_text()
    # The rules come from site.css: without them the tooltip would sit at the foot of the page.
    assert tooltip.evaluate("element => getComputedStyle(element).position") == "fixed"
    assert page.locator("style").count() == 0, "a script added an inline style sheet"

    assert policy_violations() == []
    assert not [text for text in console if "Content Security Policy" in text]
