"""The JSON API, for a session that has not yet given its second factor, answers in JSON that it is needed,
rather than redirecting a program to a page meant for a person."""

from __future__ import annotations

from tests.support.totp_codes import code_for

SUMMARY = "/api/v1/schools/100001/attendance/summary"


def test_without_the_code_the_api_refuses_in_json(world, with_app):
    device = with_app(world.pam)
    client = world.client_for(world.pam)

    response = client.get(SUMMARY)

    assert response.status_code == 403
    assert response.json() == {
        "detail": "two-factor sign-in: give a code from your authenticator app at /two-factor/code/ first"
    }
    client.post("/two-factor/code/", {"code": code_for(device)})
    assert client.get(SUMMARY).status_code == 200


def test_when_required_and_not_set_up_the_api_says_to_set_it_up(world, settings):
    settings.ROLLBOOK_REQUIRE_2FA_FOR_PUPIL_LEVEL = True
    response = world.client_for(world.pam).get(SUMMARY)
    assert response.status_code == 403
    assert response.json() == {
        "detail": "this account needs two-factor sign-in: set it up at /two-factor/ first"
    }
