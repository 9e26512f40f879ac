"""The curriculum reports and the areas of interest open in the browser for a member with pupil-level
access, on the hand-worked KS4 nation (tests/support/ks4.py): each with its heading, its current tab and
no error, and the value added, difficulty and subject dashboard charts drawn as SVG."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from rollbook import config
from rollbook.analytics.results import national
from tests.support.ks4 import write_ks4_nation

PAGES = {
    "entries": ("Subject entries", "Entries", False),
    "value-added": ("Subject attainment and value added", "Value added", True),
    "difficulty": ("Relative difficulty of subjects", "Difficulty", True),
    "subject": ("Subject dashboard", "Subject dashboard", True),
}


@pytest.fixture
def nation(world):
    write_ks4_nation(world.lake)
    national.publish(world.lake, config.ks4_national_root())
    return world


@pytest.mark.parametrize("name", PAGES)
def test_each_curriculum_report_opens_with_its_charts(nation, page, sign_in, save_screenshot, name):
    heading, tab, charts = PAGES[name]
    sign_in(nation.pam)
    response = page.goto(f"/schools/100001/subjects/{name}/")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(
        page.get_by_role("navigation", name="Subjects reports").locator("[aria-current=page]")
    ).to_have_text(tab)
    assert page.locator("#report-body .error, #report-body [role=alert]").count() == 0
    containers = page.locator(".chart")
    assert containers.count() == (1 if charts else 0)
    if charts:
        svg = containers.first.locator("svg").first
        expect(svg).to_be_visible()
        box = svg.bounding_box()
        assert box is not None and box["width"] > 100 and box["height"] > 50, box
    save_screenshot(f"subjects-{name}")


def test_the_areas_of_interest_open_and_say_where_nothing_is_significant(nation, page, sign_in):
    sign_in(nation.pam)
    assert page.goto("/schools/100001/insight/").status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Areas of interest")
    expect(page.get_by_text("There was nothing significant to report.")).to_have_count(4)
