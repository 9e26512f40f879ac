"""With ROLLBOOK_REQUIRE_2FA_FOR_PUPIL_LEVEL=1, whoever may see pupils' names must set up two-factor sign-in
before anything else; others are left to choose."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.support.totp_codes import code_for


@pytest.fixture
def required(settings):
    settings.ROLLBOOK_REQUIRE_2FA_FOR_PUPIL_LEVEL = True


@pytest.mark.parametrize(
    "path", ["/", "/schools/100001/attendance/", "/schools/100001/attendance/pupil-list/"]
)
def test_pupil_level_access_without_an_app_is_sent_to_set_it_up(world, required, path):
    response = world.client_for(world.pam).get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/two-factor/?next=")


def test_once_set_up_the_pupil_list_opens(world, required):
    client = world.client_for(world.pam)
    page = client.get("/two-factor/")
    assert "You can see pupils' details" in page.content.decode()
    device = TOTPDevice.objects.get(user=world.pam)

    client.post("/two-factor/?next=/schools/100001/attendance/pupil-list/", {"code": code_for(device)})

    assert client.get("/schools/100001/attendance/pupil-list/").status_code == 200


def test_it_cannot_be_turned_off_while_required(world, required, with_app):
    device = with_app(world.pam)
    client = world.client_for(world.pam)
    client.post("/two-factor/code/", {"code": code_for(device)})

    response = client.post("/two-factor/remove/", {"code": code_for(device, steps_ahead=1)})

    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=world.pam, confirmed=True).exists()


def test_school_level_access_is_left_to_choose(world, required):
    assert world.client_for(world.alice).get("/schools/100001/attendance/").status_code == 200


def test_without_the_setting_pupil_level_access_is_left_to_choose(world):
    assert world.client_for(world.pam).get("/schools/100001/attendance/pupil-list/").status_code == 200
