"""A user who has turned on two-factor sign-in sees nothing after their password until they give a code."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.support.totp_codes import code_for
from tests.support.worlds import PASSWORD


def sign_in_with_password(username: str) -> Client:
    client = Client()
    response = client.post("/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


@pytest.mark.parametrize(
    "path", ["/", "/schools/100001/attendance/", "/schools/100001/attendance/360/", "/api/v1/docs"]
)
def test_after_the_password_every_page_asks_for_the_code(world, with_app, path):
    with_app(world.alice)
    client = sign_in_with_password("alice")

    response = client.get(path, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")  # as a browser

    assert response.status_code == 302
    assert response["Location"].startswith("/two-factor/code/?next=")


def test_the_right_code_opens_the_page_that_was_asked_for(world, with_app):
    device = with_app(world.alice)
    client = sign_in_with_password("alice")
    asked_for = client.get("/schools/100001/attendance/360/")["Location"]
    assert client.get(asked_for).status_code == 200

    response = client.post(asked_for, {"code": code_for(device)})

    assert response.status_code == 302
    assert response["Location"] == "/schools/100001/attendance/360/"
    assert client.get("/schools/100001/attendance/360/").status_code == 200


def test_the_session_key_changes_when_the_code_is_given(world, with_app):
    device = with_app(world.alice)
    client = sign_in_with_password("alice")
    before = client.session.session_key

    client.post("/two-factor/code/", {"code": code_for(device)})

    assert client.session.session_key != before


def test_a_code_page_never_sends_a_user_to_another_site(world, with_app):
    device = with_app(world.alice)
    client = sign_in_with_password("alice")

    response = client.post("/two-factor/code/?next=https://elsewhere.example/", {"code": code_for(device)})

    assert response["Location"] == "/"


def test_without_an_app_the_password_is_enough(world):
    client = sign_in_with_password("alice")
    assert client.get("/schools/100001/attendance/").status_code == 200


def test_signing_out_needs_no_code(world, with_app):
    with_app(world.alice)
    client = sign_in_with_password("alice")
    assert client.post("/logout/")["Location"] == "/login/"
