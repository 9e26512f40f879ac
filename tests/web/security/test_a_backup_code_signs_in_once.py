"""Without their phone, a user signs in with a backup code instead of the app's code; each code works once."""

from __future__ import annotations

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice

from rollbook.web.twofactor import devices
from tests.support.totp_codes import code_for
from tests.support.worlds import PASSWORD


@pytest.fixture
def codes(world, with_app):
    with_app(world.alice)
    return devices.new_backup_codes(world.alice)


def at_the_code_page() -> Client:
    client = Client()
    assert client.post("/login/", {"username": "alice", "password": PASSWORD}).status_code == 302
    return client


def test_a_backup_code_opens_the_page_asked_for_and_says_how_many_are_left(world, codes):
    client = at_the_code_page()

    response = client.post(
        "/two-factor/code/?next=/schools/100001/attendance/", {"code": codes[0].upper()}, follow=True
    )

    ((went_to, _),) = response.redirect_chain
    assert went_to == "/two-factor/backup-codes/?next=%2Fschools%2F100001%2Fattendance%2F"
    page = response.content.decode()
    assert "You signed in with a backup code" in page and "9 left" in page
    assert '<a href="/schools/100001/attendance/">Continue</a>' in page
    assert devices.backup_codes_left(world.alice) == 9
    assert client.get("/schools/100001/attendance/").status_code == 200


def test_a_used_backup_code_does_not_work_again(world, codes):
    assert at_the_code_page().post("/two-factor/code/", {"code": codes[0]}).status_code == 302
    assert at_the_code_page().post("/two-factor/code/", {"code": codes[1]}).status_code == 302

    response = at_the_code_page().post("/two-factor/code/", {"code": codes[0]})

    assert response.status_code == 200
    assert "has been used already" in response.content.decode()
    assert devices.backup_codes_left(world.alice) == 8


def test_a_made_up_backup_code_is_refused_and_counts_towards_the_wait(world, codes):
    client = at_the_code_page()

    made_up = next(code for code in ("abcdefgh", "bcdefghi") if code not in codes)

    response = client.post("/two-factor/code/", {"code": made_up})

    assert "That backup code is not right" in response.content.decode()
    assert StaticDevice.objects.get(user=world.alice).throttling_failure_count == 1
    assert client.get("/schools/100001/attendance/").status_code == 302


def test_with_no_backup_codes_the_page_asks_for_the_apps_code(world, with_app):
    device = with_app(world.alice)
    client = at_the_code_page()

    response = client.post("/two-factor/code/", {"code": "abcdefgh"})

    assert "You have no backup codes left" in response.content.decode()
    assert client.post("/two-factor/code/", {"code": code_for(device)}).status_code == 302


def test_with_the_phone_lost_a_backup_code_turns_two_factor_off(world, codes):
    client = at_the_code_page()
    client.post("/two-factor/code/", {"code": codes[0]})
    assert "or a backup code" in client.get("/two-factor/").content.decode()  # the turn-off form says so

    response = client.post("/two-factor/remove/", {"code": codes[1]}, follow=True)

    assert "Two-factor sign-in is off" in response.content.decode()
    assert devices.confirmed_device(world.alice) is None and devices.backup_device(world.alice) is None
