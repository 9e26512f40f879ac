"""Setting up, using and removing two-factor sign-in with an authenticator app."""

from __future__ import annotations

import datetime as dt
import math
from base64 import b32encode

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from rollbook.web.twofactor import devices
from rollbook.web.twofactor.forms import CodeForm

WRONG_CODE = "That code is not right. Codes change every 30 seconds: enter the one your app shows now."
THROTTLED = "Too soon after a wrong code: wait {wait}, then enter the code your app shows."
TURNED_ON = "Two-factor sign-in is on. Each time you sign in, you will be asked for a code."
STAYS_ON = "You have access to pupils' details, which needs two-factor sign-in: it stays on."


def _next(request) -> str:
    """Where to go after a code: the page asked for, if it is on this site, or the home page."""
    wanted = request.POST.get("next") or request.GET.get("next")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _check(request, device: TOTPDevice, form: CodeForm) -> TOTPDevice | None:
    """The device, fresh from the database, if the form's code is right for it; else the form says why.
    django-otp throttles each device: every wrong code doubles the wait before the next is tried."""
    if not form.is_valid():
        return None
    allowed, throttled = device.verify_is_allowed()
    if not allowed:
        form.add_error("code", THROTTLED.format(wait=_wait(throttled["locked_until"])))
        return None
    verified = django_otp.verify_token(request.user, device.persistent_id, form.cleaned_data["code"])
    if verified is None:
        form.add_error("code", WRONG_CODE)
    return verified


def _wait(until: dt.datetime) -> str:
    """How long until `until`, in words: seconds, or whole minutes from two minutes on."""
    seconds = max(1, math.ceil((until - timezone.now()).total_seconds()))
    if seconds < 120:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    return f"{math.ceil(seconds / 60)} minutes"


def _signed_in_with(request, device: TOTPDevice) -> None:
    """Mark the session as having passed the second factor, under a new session key."""
    request.session.cycle_key()
    django_otp.login(request, device)


@login_required
def verify(request):
    """The second step of signing in, for a user with an authenticator app."""
    device = devices.confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and (verified := _check(request, device, form)):
        _signed_in_with(request, verified)
        return redirect(_next(request))
    return render(request, "twofactor/verify.html", {"form": form, "next": _next(request)})


@login_required
def setup(request):
    """Turn on two-factor sign-in: the secret for an authenticator app, then a code from it to confirm."""
    user = request.user
    if devices.confirmed_device(user) is not None:
        return render(
            request, "twofactor/enabled.html", {"form": CodeForm(), "required": devices.required_for(user)}
        )
    device = devices.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and (verified := _check(request, device, form)):
        verified.confirmed = True
        verified.save(update_fields=["confirmed"])
        _signed_in_with(request, verified)
        messages.success(request, TURNED_ON)
        return redirect(_next(request) if "next" in request.GET else "twofactor:setup")
    secret = b32encode(device.bin_key).decode()
    return render(
        request,
        "twofactor/setup.html",
        {
            "form": form,
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "uri": device.config_url,
            "qr_code": devices.qr_code(device),
            "required": devices.required_for(user),
            "next": request.GET.get("next", ""),
        },
    )


@login_required
@require_POST
def remove(request):
    """Turn two-factor sign-in off, with a current code, unless the operator requires it for this user."""
    user = request.user
    device = devices.confirmed_device(user)
    if device is None:
        return redirect("twofactor:setup")
    form = CodeForm(request.POST)
    required = devices.required_for(user)
    if required:
        form.is_valid()
        form.add_error(None, STAYS_ON)
        return render(request, "twofactor/enabled.html", {"form": form, "required": True}, status=403)
    if _check(request, device, form):
        TOTPDevice.objects.filter(user=user).delete()
        messages.success(request, "Two-factor sign-in is off. You can set it up again at any time.")
        return redirect("twofactor:setup")
    return render(request, "twofactor/enabled.html", {"form": form, "required": False})
