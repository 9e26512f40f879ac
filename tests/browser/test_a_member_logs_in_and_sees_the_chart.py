"""A member signs in through the form, lands on their school's summary, and the weekly chart is drawn.

The chart is drawn in the browser (Vega-Lite from /assets/, then /static/rollbook/site.js), so only a
browser shows whether it works. A full-page screenshot is left in var/screenshots/summary.png for review.
"""

from __future__ import annotations

from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def is_a_problem(message) -> bool:
    """A console error, other than the browser's own guess at /favicon.ico (the site declares none)."""
    return message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico")


def test_a_member_logs_in_and_sees_the_chart(world, page, sign_in_with_the_form):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: is_a_problem(message) and errors.append(message.text))

    sign_in_with_the_form("alice")

    # She lands on her school's home: what is held, the headline figures, where to start.
    assert page.url.endswith("/schools/100001/")
    assert page.get_by_role("heading", name="Alder School", level=1).is_visible()
    assert page.get_by_role("heading", name="What Rollbook holds for this school").is_visible()
    assert page.locator(".headline .figure").count() == 6
    assert page.get_by_role("heading", name="Where to start").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "school-home.png", full_page=True)
    page.get_by_role("link", name="The attendance summary").click()

    assert page.url.endswith("/schools/100001/attendance/")
    assert page.get_by_role("heading", name="Attendance summary", level=1).is_visible()
    assert page.get_by_text("Alder School · URN 100001").is_visible()

    chart = page.locator("#weekly-chart svg")
    chart.wait_for(state="visible")
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 200, box
    assert page.locator("#weekly-chart svg path").count() > 0, "the chart has no lines or points"
    assert "Attendance week by week" in page.locator("#weekly-chart svg").text_content()

    figures = page.locator(".headline .figure")
    assert figures.count() == 6
    for index in range(6):
        value = figures.nth(index).locator("dd.value")
        assert value.is_visible()
        assert value.inner_text().strip().endswith("%")
    assert page.get_by_role("heading", name="Beside other schools").is_visible()

    assert errors == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "summary.png", full_page=True)
