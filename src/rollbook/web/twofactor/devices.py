"""A user's authenticator-app device, and whether the operator requires them to have one.

Each user has at most one confirmed device, and at most one waiting to be confirmed, whose secret stays the
same until it is confirmed so that reloading the set-up page never invalidates what the app has scanned.
"""

from __future__ import annotations

import segno
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django_otp.plugins.otp_totp.models import TOTPDevice

from rollbook.web.accounts.models import visible_schools

DEVICE_NAME = "Authenticator app"


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
