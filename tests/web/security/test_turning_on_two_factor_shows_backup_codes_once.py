"""Turning on two-factor sign-in makes ten backup codes and shows them once, to print or write down; after
that the page says only how many are left."""

from __future__ import annotations

from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from rollbook.web.twofactor.forms import BACKUP_CODE
from tests.support.totp_codes import backup_codes_held, code_for


def turned_on(world, path="/two-factor/"):
    client = world.client_for(world.alice)
    client.get("/two-factor/")
    device = TOTPDevice.objects.get(user=world.alice)
    return client, client.post(path, {"code": code_for(device)})


def test_the_codes_are_shown_straight_after_the_app_is_confirmed(world):
    client, response = turned_on(world)
    assert response["Location"] == "/two-factor/backup-codes/"

    page = client.get("/two-factor/backup-codes/")

    codes = page.context["codes"]
    assert len(codes) == len(set(codes)) == 10
    assert all(BACKUP_CODE.fullmatch(code) for code in codes)
    assert set(codes) == backup_codes_held(world.alice)
    text = page.content.decode()
    assert all(f"<code>{code}</code>" in text for code in codes)
    assert "shown only this once" in text and "Two-factor sign-in is on" in text
    assert "no-store" in page["Cache-Control"]


def test_a_second_look_shows_how_many_are_left_and_no_code(world):
    client, _ = turned_on(world)
    codes = client.get("/two-factor/backup-codes/").context["codes"]

    again = client.get("/two-factor/backup-codes/")

    assert again.context["codes"] is None and again.context["left"] == 10
    assert not any(code in again.content.decode() for code in codes)
    assert "10 backup codes left" in client.get("/two-factor/").content.decode()


def test_a_user_on_the_way_to_a_page_continues_there_after_the_codes(world):
    client, response = turned_on(world, "/two-factor/?next=/schools/100001/attendance/")
    assert response["Location"] == "/two-factor/backup-codes/?next=%2Fschools%2F100001%2Fattendance%2F"
    page = client.get(response["Location"]).content.decode()
    assert '<a href="/schools/100001/attendance/">I have kept them: continue</a>' in page


def test_without_the_app_there_are_no_backup_codes_to_see(world):
    response = world.client_for(world.alice).get("/two-factor/backup-codes/")
    assert response.status_code == 302 and response["Location"] == "/two-factor/"
    assert not StaticToken.objects.exists()
