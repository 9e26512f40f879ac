"""Any user can turn on two-factor sign-in: the page gives a secret for an authenticator app, and a code
from the app confirms it."""

from __future__ import annotations

from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.support.totp_codes import code_for, wrong_code_for


def test_the_set_up_page_shows_the_secret_and_its_otpauth_address(world):
    response = world.client_for(world.alice).get("/two-factor/")
    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=world.alice)
    assert not device.confirmed
    page = response.content.decode()
    assert device.config_url.replace("&", "&amp;") in page
    assert device.config_url.startswith("otpauth://totp/Rollbook%3Aalice?secret=")
    assert device.config_url.endswith("&issuer=Rollbook")
    assert response.context["secret"].replace(" ", "") in device.config_url


def test_reloading_the_page_keeps_the_same_secret(world):
    client = world.client_for(world.alice)
    assert client.get("/two-factor/").context["secret"] == client.get("/two-factor/").context["secret"]
    assert TOTPDevice.objects.filter(user=world.alice).count() == 1


def test_a_code_from_the_app_confirms_it(world):
    client = world.client_for(world.alice)
    client.get("/two-factor/")
    device = TOTPDevice.objects.get(user=world.alice)

    response = client.post("/two-factor/", {"code": code_for(device)}, follow=True)

    device.refresh_from_db()
    assert device.confirmed
    assert "Two-factor sign-in is on" in response.content.decode()
    # This session gave the code, so it goes on to the school's pages without being asked again.
    assert client.get("/schools/100001/attendance/").status_code == 200


def test_a_wrong_code_does_not_confirm_it(world):
    client = world.client_for(world.alice)
    client.get("/two-factor/")
    device = TOTPDevice.objects.get(user=world.alice)

    response = client.post("/two-factor/", {"code": wrong_code_for(device)})

    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
