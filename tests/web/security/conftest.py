"""Security tests use the web world (tests/web/conftest.py), and can give a user an authenticator app."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django_otp.plugins.otp_totp.models import TOTPDevice


@pytest.fixture
def with_app(db):
    """Give a user a confirmed authenticator-app device, as if they had set up two-factor sign-in."""

    def with_app(user: User) -> TOTPDevice:
        return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)

    return with_app
