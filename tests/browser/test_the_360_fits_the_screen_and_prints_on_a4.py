"""The 360 fits a 1,366-pixel screen without sideways scrolling, and prints on A4 landscape with every
measure whole, persistent and severe absence included, and a chart of the groups' gaps.

In the world B, one of Alder's two pupils, misses 4 of 20 sessions (20%): persistently absent (10%+) but
not severely (50%+), so the whole school's persistent absence is 50.0% and its severe absence 0.0%.
"""

from __future__ import annotations

from playwright.sync_api import expect

#: Whatever is wider than the room it has: a table that would scroll, anything reaching past the window.
OVERFLOWING = """() => [
  ...[...document.querySelectorAll("table")].filter(t => t.scrollWidth > t.clientWidth + 1)
     .map(t => t.querySelector("caption, th")?.textContent.trim()),
  ...[...document.querySelectorAll("body *:not(svg *)")]
     .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
     .map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")),
]"""


def test_the_360_fits_the_screen_and_prints_on_a4(world, page, sign_in, save_screenshot, print_a4):
    sign_in(world.alice)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/schools/100001/attendance/360/")

    expect(page.locator("#three-sixty-chart svg").first).to_be_visible()
    assert page.evaluate(OVERFLOWING) == []
    persistent = page.locator("section", has=page.get_by_role("heading", name="Persistent absence"))
    expect(persistent.locator("tr.total td.school")).to_have_text("50.0%")
    box = persistent.locator("tr.total td.school").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1366, box  # within the window's width
    save_screenshot("360-desktop")

    text = print_a4("360-printed", layout=True)
    assert page.evaluate(OVERFLOWING) == []  # as printed, A4 landscape's width
    for heading in (
        "Attendance",
        "Authorised absence",
        "Unauthorised absence",
        "Persistent absence",
        "Severe absence",
    ):
        assert heading in text
    severe = text[text.index("Severe absence") :]
    assert "Whole" in severe and "0.0%" in severe
