"""TOTP codes as an authenticator app holding a device's key would show them, and the backup codes held."""

from __future__ import annotations

from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The six digits for now, or for a step (30 seconds) before or after."""
    return f"{totp(device.bin_key, device.step, device.t0 - steps_ahead * device.step, device.digits):06d}"


def wrong_code_for(device: TOTPDevice) -> str:
    """Six digits that no step the device accepts (one before now, now, one after) would produce."""
    accepted = {code_for(device, ahead) for ahead in (-1, 0, 1)}
    return next(code for code in (f"{n:06d}" for n in range(1_000_000)) if code not in accepted)


def backup_codes_held(user) -> set[str]:
    """The backup codes the database holds for `user`, each still unused."""
    return set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
