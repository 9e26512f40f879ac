"""A user's authenticator-app device, and whether the operator requires them to have one.

Each user has at most one confirmed device, and at most one waiting to be confirmed, whose secret stays the
same until it is confirmed so that reloading the set-up page never invalidates what the app has scanned.
"""

from __future__ import annotations

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from rollbook.web.accounts.models import visible_schools

DEVICE_NAME = "Authenticator app"


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    """The device being set up: a new secret, or the one already shown."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def required_for(user) -> bool:
    """Whether this user must use two-factor sign-in: when the operator says so (ROLLBOOK_REQUIRE_2FA_FOR_
    PUPIL_LEVEL=1), anyone who may see pupils' names at any school."""
    return settings.ROLLBOOK_REQUIRE_2FA_FOR_PUPIL_LEVEL and visible_schools(user, pupil_level=True).exists()
