"""Usernames sign in whatever their capitals, so wrong passwords are counted against the username whatever
its capitals too: changing them buys no more guesses."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.support.worlds import PASSWORD


@pytest.fixture(autouse=True)
def lockout_on(settings):
    settings.AXES_ENABLED = True


def sign_in(username: str, password: str) -> int:
    return (
        Client()
        .post("/login/", {"username": username, "password": password}, REMOTE_ADDR="192.0.2.1")
        .status_code
    )


def test_guessing_in_other_capitals_counts_toward_the_same_lockout(world):
    assert [sign_in(name, "wrong guess") for name in ("alice", "Alice", "ALICE", "aLice")] == [200] * 4
    assert sign_in("alicE", "wrong guess") == 429
    assert sign_in("alice", PASSWORD) == 429
