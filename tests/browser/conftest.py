"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

One browser per session (per xdist worker), a fresh context (cookies, storage) per test. No browser is
ever downloaded: Chromium comes from Debian (`apt-get install chromium`). Without it these tests fail
with a message saying so; set ROLLBOOK_SKIP_BROWSER=1 to skip them on purpose.

The world: the base test world (tests/support/worlds.py: Alder, Birch and a user for every role) with a
fortnight of registers in the lake for each school, and comparators published. Alder has a pupil in Year 8
and one in Year 9, so that choosing a year group changes what its reports show.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.test import Client

from rollbook.lake import Lake
from rollbook.web.publishing.service import publish_snapshot
from tests.support.worlds import ALDER, BIRCH, PASSWORD, World, build_world

CHROMIUM = Path("/usr/bin/chromium")
#: Where the tests leave full-page screenshots for a person to review (not committed).
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
#: How long to wait for anything in the page (milliseconds): generous for a loaded CI machine. The first
#: report of a session can take over 10 s to load on two busy cores (the analytics start cold).
TIMEOUT = 30_000


# -- the browser --------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if os.environ.get("ROLLBOOK_SKIP_BROWSER") == "1":
        pytest.skip("ROLLBOOK_SKIP_BROWSER=1: browser tests skipped on request")
    if not CHROMIUM.exists():
        pytest.fail(
            f"Browser tests need Debian's Chromium at {CHROMIUM} and it is not there: "
            "run `apt-get install chromium`, or set ROLLBOOK_SKIP_BROWSER=1 to skip them on purpose.",
            pytrace=False,
        )
    from playwright.sync_api import expect, sync_playwright

    # Playwright's `expect` keeps its own default (5 s), apart from the context's: make it as patient.
    expect.set_options(timeout=TIMEOUT)

    # Playwright's sync API keeps an asyncio loop running on this thread for as long as it lives, and
    # Django then refuses ORM calls from it (SynchronousOnlyOperation). The tests and the live server
    # touch the database one at a time, so allow it for exactly that long.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM),
                # The machine's network is closed; keep Chromium from trying to reach out at all.
                args=["--disable-gpu", "--disable-quic", "--disable-background-networking"],
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def sign_in(context, live_server):
    """Give the browser a signed-in session for a user, skipping the form (the first test uses it)."""

    def sign_in(user: User) -> None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])

    return sign_in


# -- the world ----------------------------------------------------------------------------------------

PRESENT = "/\\" * 5
#: Alder: A (Year 8) present throughout; B (Year 9) ill for the first two days, then late (present) on
#: Friday of week two. So the first week's attendance is 80%, the fortnight's 90%. Birch: C absent without
#: leave for the first week, then present; D present throughout.
A_FORTNIGHT = {
    ALDER: {"A0000000001": PRESENT * 2, "B0000000002": "IIII" + "/\\" * 3 + "/\\" * 4 + "LL"},
    BIRCH: {"C0000000003": "O" * 10 + PRESENT, "D0000000004": PRESENT * 2},
}


@pytest.fixture
def world(transactional_db, data_dir, settings, monkeypatch) -> World:
    # pam signs in without a second factor here, whatever the machine's environment asks of the site.
    settings.ROLLBOOK_REQUIRE_2FA_FOR_PUPIL_LEVEL = False
    world = build_world(Lake(data_dir / "lake"), registers=A_FORTNIGHT, year_groups={"B0000000002": 9})
    monkeypatch.setenv("ROLLBOOK_MIN_COMPARATOR_SCHOOLS", "1")
    monkeypatch.setenv("ROLLBOOK_MIN_COMPARATOR_PUPILS", "1")
    publish_snapshot()
    return world


@pytest.fixture
def sign_in_with_the_form(page):
    """Sign in as a person would: the login page, two fields and the button."""

    def sign_in_with_the_form(username: str, password: str = PASSWORD) -> None:
        page.goto("/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()

    return sign_in_with_the_form


#: Runs before any of a page's scripts, so a breach while the charts are first drawn is caught too.
RECORD_VIOLATIONS = """
window.violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.violations.push(event.violatedDirective + " " + (event.blockedURI || event.sample));
});
"""


@pytest.fixture
def policy_violations(page):
    """The breaches of the content security policy the current page has reported, as a function to call."""
    page.add_init_script(RECORD_VIOLATIONS)
    return lambda: page.evaluate("window.violations")


@pytest.fixture
def save_screenshot(page):
    """Leave a full-page screenshot of the page as it stands in var/screenshots/<name>.png, for review."""

    def save_screenshot(name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return save_screenshot


#: Elements reaching past the window's right edge, outside a table that scrolls and the charts' insides.
PAST_THE_EDGE = """() => [...document.querySelectorAll("body *:not(svg *)")]
  .filter(e => !e.closest("table") && e.getBoundingClientRect().right > window.innerWidth + 1)
  .map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + e.className : ""))"""


@pytest.fixture
def fits_a_phone(page, save_screenshot):
    """Narrow the window to a 390-pixel phone and check the page fits it: nothing reaches past its edge (a
    wide table scrolls within itself) and the page does not scroll sideways; leaves <name>.png for review."""

    def fits_a_phone(name: str) -> None:
        page.set_viewport_size({"width": 390, "height": 844})
        assert page.evaluate(PAST_THE_EDGE) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        save_screenshot(name)

    return fits_a_phone


@pytest.fixture
def print_a4(page):
    """Print the page as it stands on A4 landscape (1,032 CSS pixels across: 297 mm less 12 mm margins each
    side) to var/screenshots/<name>.pdf, with its pages as PNGs beside it for review; returns the printed
    text (with `layout`, laid out in columns as on the page)."""

    def print_a4(name: str, layout: bool = False) -> str:
        page.set_viewport_size({"width": 1032, "height": 700})
        page.emulate_media(media="print")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        pdf = SCREENSHOTS / f"{name}.pdf"
        page.pdf(path=pdf, prefer_css_page_size=True, print_background=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", pdf, SCREENSHOTS / name], check=True)
        command = ["pdftotext", *(["-layout"] if layout else []), pdf, "-"]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    return print_a4


# -- public school data -------------------------------------------------------------------------------


@pytest.fixture
def public_data(public_2019, data_dir, transactional_db) -> User:
    """The 2019 public data as this test's own, and a signed-up user who belongs to no school."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "public").symlink_to(public_2019)
    return User.objects.create_user("viewer", password=PASSWORD)
