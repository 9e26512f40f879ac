"""A wrong code lets nobody in, and codes cannot be guessed quickly: each wrong one doubles the wait."""

from __future__ import annotations

import datetime as dt

from tests.support.totp_codes import code_for, wrong_code_for


def test_a_wrong_code_is_refused_and_the_user_is_still_held(world, with_app):
    device = with_app(world.alice)
    client = world.client_for(world.alice)

    response = client.post("/two-factor/code/", {"code": wrong_code_for(device)})

    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert client.get("/schools/100001/attendance/")["Location"].startswith("/two-factor/code/")


def test_something_other_than_six_digits_is_refused(world, with_app):
    with_app(world.alice)
    response = world.client_for(world.alice).post("/two-factor/code/", {"code": "12345x"})
    assert "Enter the six digits" in response.content.decode()


def test_straight_after_a_wrong_code_even_the_right_one_must_wait(world, with_app, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = (
        60  # seconds' wait after the first wrong code, so the test never races it
    )
    device = with_app(world.alice)
    client = world.client_for(world.alice)
    client.post("/two-factor/code/", {"code": wrong_code_for(device)})

    response = client.post("/two-factor/code/", {"code": code_for(device)})

    assert "Too soon after a wrong code: wait 60 seconds" in response.content.decode()
    assert client.get("/schools/100001/attendance/").status_code == 302


def test_each_wrong_code_doubles_the_wait_and_the_page_says_how_long(world, with_app, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    device = with_app(world.alice)
    client = world.client_for(world.alice)
    client.post("/two-factor/code/", {"code": wrong_code_for(device)})
    device.refresh_from_db()
    device.throttling_failure_timestamp -= dt.timedelta(seconds=61)  # the first wait is over
    device.save()

    client.post("/two-factor/code/", {"code": wrong_code_for(device)})
    response = client.post("/two-factor/code/", {"code": code_for(device)})

    assert "Too soon after a wrong code: wait 2 minutes" in response.content.decode()


def test_a_code_cannot_be_used_twice(world, with_app):
    device = with_app(world.alice)
    code = code_for(device)
    assert world.client_for(world.alice).post("/two-factor/code/", {"code": code}).status_code == 302

    response = world.client_for(world.alice).post("/two-factor/code/", {"code": code})

    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
