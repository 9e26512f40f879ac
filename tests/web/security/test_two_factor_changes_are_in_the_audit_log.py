"""Turning two-factor sign-in on or off, making new backup codes and signing in with one are recorded, so a
school's data manager can see a colleague's account being recovered without their phone."""

from __future__ import annotations

from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from rollbook.web.audit.models import AccessRecord, Kind, records_of
from rollbook.web.twofactor import devices
from tests.support.totp_codes import code_for
from tests.support.worlds import PASSWORD


def recorded() -> list[str]:
    changes = AccessRecord.objects.filter(kind=Kind.TWO_FACTOR).order_by("at", "id")
    return list(changes.values_list("what", flat=True))


def test_each_change_is_recorded_against_the_user(world):
    client = world.client_for(world.alice)
    client.get("/two-factor/")
    device = TOTPDevice.objects.get(user=world.alice)
    client.post("/two-factor/", {"code": code_for(device)})
    client.post("/two-factor/backup-codes/", {"code": code_for(device, 1)})
    codes = client.get("/two-factor/backup-codes/").context["codes"]

    at_the_code_page = Client()
    at_the_code_page.post("/login/", {"username": "alice", "password": PASSWORD})
    at_the_code_page.post("/two-factor/code/", {"code": codes[0]})
    at_the_code_page.post("/two-factor/remove/", {"code": codes[1]})

    assert recorded() == [
        "Turned two-factor sign-in on, with new backup codes",
        "Made new backup codes; the old ones no longer work",
        "Signed in with a backup code (9 left)",
        "Turned two-factor sign-in off, with a backup code",
    ]
    assert {record.user for record in AccessRecord.objects.filter(kind=Kind.TWO_FACTOR)} == {world.alice}
    assert records_of(world.alder).filter(kind=Kind.TWO_FACTOR).count() == 4  # alice's school sees them


def test_a_wrong_code_changes_nothing_and_records_nothing(world, with_app):
    device = with_app(world.alice)
    devices.new_backup_codes(world.alice)
    client = world.client_for(world.alice)
    client.post("/two-factor/code/", {"code": code_for(device)})

    client.post("/two-factor/remove/", {"code": "abcdefgh"})

    assert recorded() == [] and devices.confirmed_device(world.alice) is not None
