"""Five wrong passwords in a row for one username from one address pause signing in there for 30 minutes
(django-axes), and the sign-in page says so in plain English."""

from __future__ import annotations

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

from tests.support.settings_probe import settings_under
from tests.support.worlds import PASSWORD


@pytest.fixture(autouse=True)
def lockout_on(settings):
    """The lockout is off while pytest runs (Django's Client.login() authenticates without a request)."""
    settings.AXES_ENABLED = True


def sign_in(username: str, password: str, address: str = "192.0.2.1", client: Client | None = None):
    return (client or Client()).post(
        "/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def guess(username: str, times: int, address: str = "192.0.2.1"):
    return [sign_in(username, "wrong guess", address).status_code for _ in range(times)][-1]


def test_the_fifth_wrong_password_locks_out_that_username_from_that_address(world):
    assert [sign_in("alice", "wrong guess").status_code for _ in range(4)] == [200] * 4
    assert guess("alice", 1) == 429

    response = sign_in("alice", PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in response.wsgi_request.session


def test_the_lockout_page_says_why_and_for_how_long(world):
    guess("alice", 5)
    page = sign_in("alice", PASSWORD).content.decode()
    assert "paused after 5 wrong passwords in a row" in page
    assert "try again in 30 minutes" in page


def test_the_same_username_from_another_address_still_signs_in(world):
    guess("alice", 5)
    assert sign_in("alice", PASSWORD, address="198.51.100.7").status_code == 302


def test_another_username_from_the_same_address_still_signs_in(world):
    guess("alice", 5)
    assert sign_in("bob", PASSWORD).status_code == 302


def test_a_right_password_before_the_limit_starts_the_count_again(world):
    guess("alice", 4)
    assert sign_in("alice", PASSWORD).status_code == 302
    assert guess("alice", 4) == 200


def test_the_lockout_lifts_after_30_minutes(world):
    guess("alice", 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=31))
    assert sign_in("alice", PASSWORD).status_code == 302


def test_outside_the_test_suite_the_lockout_is_on_by_default(tmp_path):
    found = settings_under(tmp_path, ["AXES_ENABLED", "AXES_FAILURE_LIMIT", "AXES_COOLOFF_TIME"])
    assert found == {"AXES_ENABLED": True, "AXES_FAILURE_LIMIT": 5, "AXES_COOLOFF_TIME": "0:30:00"}


def test_the_limit_and_cool_off_come_from_the_environment(tmp_path):
    found = settings_under(
        tmp_path,
        ["AXES_FAILURE_LIMIT", "AXES_COOLOFF_TIME"],
        ROLLBOOK_LOGIN_FAILURE_LIMIT="3",
        ROLLBOOK_LOGIN_COOLOFF_MINUTES="60",
    )
    assert found == {"AXES_FAILURE_LIMIT": 3, "AXES_COOLOFF_TIME": "1:00:00"}
