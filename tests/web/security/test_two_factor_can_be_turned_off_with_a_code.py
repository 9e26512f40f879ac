"""A user can turn two-factor sign-in off again (say, before changing phones), with a current code."""

from __future__ import annotations

from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from rollbook.web.twofactor import devices
from tests.support.totp_codes import code_for, wrong_code_for


def signed_in_with_code(world, device):
    client = world.client_for(device.user)
    assert client.post("/two-factor/code/", {"code": code_for(device)}).status_code == 302
    return client


def test_the_page_says_it_is_on_and_offers_to_turn_it_off(world, with_app):
    client = signed_in_with_code(world, with_app(world.alice))
    page = client.get("/two-factor/").content.decode()
    assert "Two-factor sign-in is on" in page
    assert 'action="/two-factor/remove/"' in page


def test_a_current_code_turns_it_off(world, with_app):
    device = with_app(world.alice)
    devices.new_backup_codes(world.alice)
    client = signed_in_with_code(world, device)

    response = client.post("/two-factor/remove/", {"code": code_for(device, steps_ahead=1)}, follow=True)

    assert not TOTPDevice.objects.filter(user=world.alice, confirmed=True).exists()
    assert not StaticDevice.objects.filter(user=world.alice).exists()  # the backup codes go with it
    assert "Two-factor sign-in is off" in response.content.decode()
    # Signing in again needs only the password.
    assert world.client_for(world.alice).get("/schools/100001/attendance/").status_code == 200


def test_a_wrong_code_leaves_it_on(world, with_app):
    device = with_app(world.alice)
    client = signed_in_with_code(world, device)

    response = client.post("/two-factor/remove/", {"code": wrong_code_for(device)})

    assert "That code is not right" in response.content.decode()
    assert TOTPDevice.objects.filter(user=world.alice, confirmed=True).exists()
