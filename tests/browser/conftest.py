"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

One browser per session (per xdist worker), a fresh context (cookies, storage) per test. No browser is
ever downloaded: Chromium comes from Debian (`apt-get install chromium`). Without it these tests fail
with a message saying so; set ROLLBOOK_SKIP_BROWSER=1 to skip them on purpose.

The world: Alder School (100001) and Birch School (100002), a fortnight of registers in the lake for each,
comparators published; alice is a member of Alder with school-level reports only, pam a member of Alder
with pupil-level access too, bob a member of Birch. Alder has a pupil in Year 8 and one in Year 9, so that
choosing a year group changes what its reports show.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.test import Client

from rollbook.lake import Lake
from rollbook.web.accounts.models import Membership
from rollbook.web.publishing.service import publish_snapshot
from rollbook.web.schools.models import School
from tests.support.pupils import pupil
from tests.support.registers import register, write, write_school

CHROMIUM = Path("/usr/bin/chromium")
#: Where the tests leave full-page screenshots for a person to review (not committed).
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PASSWORD = "correct horse battery staple"
#: How long to wait for anything in the page (milliseconds): generous for a loaded CI machine. The first
#: report of a session can take over 10 s to load on two busy cores (the analytics start cold).
TIMEOUT = 30_000


@dataclass
class World:
    alder: School
    birch: School
    alice: User
    pam: User
    bob: User


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


def write_pupils(lake: Lake, urn: int, registers: dict[str, tuple[int, str]]) -> None:
    """Like `registers.write_school`, with each pupil's year group: UPN to (NC year, codes)."""
    pupils = [pupil(upn, nc_year=year, reg_group=f"{year}A") for upn, (year, _) in registers.items()]
    write(lake, pupils, [mark for upn, (_, codes) in registers.items() for mark in register(upn, codes)], urn)


@pytest.fixture
def world(transactional_db, data_dir, settings, monkeypatch) -> World:
    # A deliberately slow password hash costs seconds per login; these tests need none of its strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # pam signs in without a second factor here, whatever the machine's environment asks of the site.
    settings.ROLLBOOK_REQUIRE_2FA_FOR_PUPIL_LEVEL = False
    alder = School.objects.create(urn=100001, la_code=823, estab=4001, name="Alder School")
    birch = School.objects.create(urn=100002, la_code=202, estab=4002, name="Birch School")
    alice = User.objects.create_user("alice", password=PASSWORD)
    pam = User.objects.create_user("pam", password=PASSWORD)
    bob = User.objects.create_user("bob", password=PASSWORD)
    Membership.objects.create(user=alice, school=alder)
    Membership.objects.create(user=pam, school=alder, pupil_level=True)
    Membership.objects.create(user=bob, school=birch)
    lake = Lake(data_dir / "lake")
    present = "/\\" * 5
    # Alder: A (Year 8) present throughout; B (Year 9) ill for the first two days, then late (present) on
    # Friday of week two. So the first week's attendance is 80%, the fortnight's 90%.
    write_pupils(
        lake,
        alder.urn,
        {"A0000000001": (8, present * 2), "B0000000002": (9, "IIII" + "/\\" * 3 + "/\\" * 4 + "LL")},
    )
    # Birch: C absent without leave for the first week, then present; D present throughout.
    write_school(lake, birch.urn, {"C0000000003": "O" * 10 + present, "D0000000004": present * 2})
    monkeypatch.setenv("ROLLBOOK_MIN_COMPARATOR_SCHOOLS", "1")
    monkeypatch.setenv("ROLLBOOK_MIN_COMPARATOR_PUPILS", "1")
    publish_snapshot()
    return World(alder, birch, alice, pam, bob)


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


# -- public school data -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def public_2019(shared_data, tmp_path_factory) -> Path:
    """England's real 2019 public data (performance tables and Schools Like Yours), imported once."""
    from rollbook.ingest.public import import_public
    from rollbook.lake.public import PublicStore

    root = tmp_path_factory.mktemp("public")
    files = [*sorted((shared_data / "performance-tables-2019").glob("*.csv")),
             shared_data / "schools-like-yours-ks4-2019" / "ks4_sly.json"]  # fmt: skip
    assert import_public(files, PublicStore(root), 2019).landed
    return root


@pytest.fixture
def public_data(public_2019, data_dir, transactional_db) -> User:
    """The 2019 public data as this test's own, and a signed-up user who belongs to no school."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "public").symlink_to(public_2019)
    return User.objects.create_user("viewer", password=PASSWORD)
