"""A user can make a new set of backup codes with a current code from their app; the old set stops working."""

from __future__ import annotations

from rollbook.web.twofactor import devices
from tests.support.totp_codes import backup_codes_held, code_for, wrong_code_for


def signed_in_with_code(world, device):
    client = world.client_for(device.user)
    assert client.post("/two-factor/code/", {"code": code_for(device)}).status_code == 302
    return client


def test_new_codes_replace_the_old_and_are_shown_once(world, with_app):
    device = with_app(world.alice)
    old = devices.new_backup_codes(world.alice)
    client = signed_in_with_code(world, device)

    response = client.post("/two-factor/backup-codes/", {"code": code_for(device, 1)}, follow=True)

    new = response.context["codes"]
    assert len(new) == 10 and not set(new) & set(old)
    assert backup_codes_held(world.alice) == set(new)


def test_a_wrong_code_makes_no_new_codes(world, with_app):
    device = with_app(world.alice)
    old = devices.new_backup_codes(world.alice)
    client = signed_in_with_code(world, device)

    response = client.post("/two-factor/backup-codes/", {"code": wrong_code_for(device)})

    assert "That code is not right" in response.content.decode()
    assert response.context["codes"] is None
    assert backup_codes_held(world.alice) == set(old)
