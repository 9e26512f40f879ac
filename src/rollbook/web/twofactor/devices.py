"""A user's authenticator-app device, their backup codes, and whether the operator requires them.

Each user has at most one confirmed device, and at most one waiting to be confirmed, whose secret stays the
same until it is confirmed so that reloading the set-up page never invalidates what the app has scanned.
Backup codes (django-otp's static tokens) each sign in once, for when the phone is lost or left at home.
"""

from __future__ import annotations

import segno
from django.conf import settings
from django.db import transaction
from django.utils.safestring import SafeString, mark_safe
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from rollbook.web.accounts.models import visible_schools

DEVICE_NAME = "Authenticator app"
BACKUP_NAME = "Backup codes"
BACKUP_CODES = 10


def backup_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def backup_codes_left(user) -> int:
    device = backup_device(user)
    return device.token_set.count() if device is not None else 0


@transaction.atomic
def new_backup_codes(user) -> list[str]:
    """A fresh set of backup codes, replacing any the user had: shown to them once, then only checked."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remove_all(user) -> None:
    """Turn two-factor sign-in off: the authenticator app and the backup codes alike."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    """The device being set up: a new secret, or the one already shown."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def qr_code(device: TOTPDevice) -> SafeString:
    """The device's otpauth:// address as a QR code for an authenticator app to scan: SVG made here and put
    in the page, so no image is fetched from anywhere and the key never leaves the page. The quiet zone of
    four modules and the white ground let a phone read it on any background."""
    code = segno.make(device.config_url, error="m")
    return mark_safe(code.svg_inline(scale=5, border=4, dark="#000", light="#fff", svgclass="qr-code"))


def required_for(user) -> bool:
    """Whether this user must use two-factor sign-in: when the operator says so (ROLLBOOK_REQUIRE_2FA_FOR_
    PUPIL_LEVEL=1), anyone who may see pupils' names at any school."""
    return settings.ROLLBOOK_REQUIRE_2FA_FOR_PUPIL_LEVEL and visible_schools(user, pupil_level=True).exists()
