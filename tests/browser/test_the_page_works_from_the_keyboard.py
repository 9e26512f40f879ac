"""The summary page works from the keyboard: the skip link comes first and moves on to the content,
and signing out can be reached and used without a mouse."""

from __future__ import annotations

ACTIVE = "document.activeElement"


def describe_focus(page) -> str:
    return page.evaluate(f"{ACTIVE}.tagName + ' ' + ({ACTIVE}.textContent || '').trim()")


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(world, page, sign_in):
    sign_in(world.alice)
    page.goto("/schools/100001/attendance/")

    page.keyboard.press("Tab")
    assert describe_focus(page) == "A Skip to main content"
    box = page.get_by_role("link", name="Skip to main content").bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0, f"the skip link should show on focus: {box}"

    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    # Keyboard focus now starts from main: one step back reaches the last control before it (sign out),
    # where without the skip it would leave the page from the skip link. (main has no tabindex="-1", so
    # document.activeElement stays on body; Chromium still moves its focus starting point to main.)
    page.keyboard.press("Shift+Tab")
    assert describe_focus(page) == "BUTTON Sign out"


def test_sign_out_can_be_reached_and_used_from_the_keyboard(world, page, sign_in):
    sign_in(world.alice)
    page.goto("/schools/100001/attendance/")

    stops = []
    for _ in range(5):
        page.keyboard.press("Tab")
        stops.append(describe_focus(page))
        if stops[-1] == "BUTTON Sign out":
            break
    assert stops[-1] == "BUTTON Sign out", stops

    page.keyboard.press("Enter")
    page.wait_for_url("**/login/")
    assert page.get_by_role("heading", name="Sign in").is_visible()
