"""Staff sign in with their email as they write it: Rollbook keeps usernames in lower case, and a username
typed in other capitals names the same account."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client

from tests.support.worlds import PASSWORD


def signed_in_as(username: str, password: str = PASSWORD) -> str | None:
    response = Client().post("/login/", {"username": username, "password": password})
    return response.wsgi_request.user.get_username() if response.wsgi_request.user.is_authenticated else None


def test_an_email_typed_with_capitals_signs_in(world):
    User.objects.create_user("claire.jones@alder.sch.uk", password=PASSWORD)
    assert signed_in_as("Claire.Jones@Alder.sch.uk") == "claire.jones@alder.sch.uk"
    assert signed_in_as(" claire.jones@ALDER.SCH.UK ") == "claire.jones@alder.sch.uk"


def test_the_password_must_still_be_right(world):
    User.objects.create_user("claire.jones@alder.sch.uk", password=PASSWORD)
    assert signed_in_as("Claire.Jones@Alder.sch.uk", "Correct Horse Battery Staple") is None


def test_two_accounts_differing_only_in_capitals_are_told_apart_as_typed(world):
    User.objects.create_user("Sam", password="sam's own password")
    User.objects.create_user("sam", password=PASSWORD)
    assert signed_in_as("Sam", "sam's own password") == "Sam"
    assert signed_in_as("sam") == "sam"
    assert signed_in_as("SAM") is None
