"""Setting up, using and removing two-factor sign-in with an authenticator app."""

from __future__ import annotations

import datetime as dt
import math
from base64 import b32encode
from urllib.parse import urlencode

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp.models import Device

from rollbook.web.audit.models import Kind, record
from rollbook.web.twofactor import devices
from rollbook.web.twofactor.forms import CodeForm, SignInCodeForm

WRONG_CODE = "That code is not right. Codes change every 30 seconds: enter the one your app shows now."
THROTTLED = "Too soon after a wrong code: wait {wait}, then enter the code your app shows."
TURNED_ON = "Two-factor sign-in is on. Each time you sign in, you will be asked for a code."
STAYS_ON = "You have access to pupils' details, which needs two-factor sign-in: it stays on."
WRONG_BACKUP_CODE = "That backup code is not right, or has been used already: each one works once."
NO_BACKUP_CODES = "You have no backup codes left. Enter the code your authenticator app shows."
USED_BACKUP_CODE = (
    "You signed in with a backup code, which now will not work again. {left} left: make new ones on the "
    "two-factor sign-in page if you are running short."
)
#: Where backup codes wait between being made and being shown, once.
NEW_CODES = "twofactor_new_backup_codes"


def _next(request) -> str:
    """Where to go after a code: the page asked for, if it is on this site, or the home page."""
    wanted = request.POST.get("next") or request.GET.get("next")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _check(request, device: Device, form: CodeForm, wrong: str = WRONG_CODE) -> Device | None:
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
        form.add_error("code", wrong)
    return verified


def _wait(until: dt.datetime) -> str:
    """How long until `until`, in words: seconds, or whole minutes from two minutes on."""
    seconds = max(1, math.ceil((until - timezone.now()).total_seconds()))
    if seconds < 120:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    return f"{math.ceil(seconds / 60)} minutes"


def _signed_in_with(request, device: Device) -> None:
    """Mark the session as having passed the second factor, under a new session key."""
    request.session.cycle_key()
    django_otp.login(request, device)


@login_required
def verify(request):
    """The second step of signing in, for a user with an authenticator app: its code, or a backup code."""
    device = devices.confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(_next(request))
    form = SignInCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and (verified := _verify_sign_in(request, device, form)):
        _signed_in_with(request, verified)
        if form.is_backup_code():  # to the page that says how many are left, then on
            left = devices.backup_codes_left(request.user)
            record(Kind.TWO_FACTOR, f"Signed in with a backup code ({left} left)", request=request)
            messages.warning(request, USED_BACKUP_CODE.format(left=left))
            return _to_backup_codes(request, always_next=True)
        return redirect(_next(request))
    return render(request, "twofactor/verify.html", {"form": form, "next": _next(request)})


def _verify_sign_in(request, app: Device, form: SignInCodeForm) -> Device | None:
    if not form.is_backup_code():
        return _check(request, app, form)
    backup = devices.backup_device(request.user)
    if backup is None:
        form.add_error("code", NO_BACKUP_CODES)
        return None
    return _check(request, backup, form, wrong=WRONG_BACKUP_CODE)


@login_required
def setup(request):
    """Turn on two-factor sign-in: the secret for an authenticator app, then a code from it to confirm."""
    user = request.user
    if devices.confirmed_device(user) is not None:
        return _enabled(request, SignInCodeForm(), devices.required_for(user))
    device = devices.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and (verified := _check(request, device, form)):
        verified.confirmed = True
        verified.save(update_fields=["confirmed"])
        _signed_in_with(request, verified)
        messages.success(request, TURNED_ON)
        request.session[NEW_CODES] = devices.new_backup_codes(user)
        record(Kind.TWO_FACTOR, "Turned two-factor sign-in on, with new backup codes", request=request)
        return _to_backup_codes(request)
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
    """Turn two-factor sign-in off, with a current code or a backup code, unless the operator requires it for
    this user."""
    user = request.user
    device = devices.confirmed_device(user)
    if device is None:
        return redirect("twofactor:setup")
    form = SignInCodeForm(request.POST)  # a backup code will do: the way back for a lost phone
    required = devices.required_for(user)
    if required:
        form.is_valid()
        form.add_error(None, STAYS_ON)
        return _enabled(request, form, required=True, status=403)
    if form.is_valid() and _verify_sign_in(request, device, form):
        devices.remove_all(user)
        way = "a backup code" if form.is_backup_code() else "a code from the app"
        record(Kind.TWO_FACTOR, f"Turned two-factor sign-in off, with {way}", request=request)
        messages.success(request, "Two-factor sign-in is off. You can set it up again at any time.")
        return redirect("twofactor:setup")
    return _enabled(request, form, required=False)


def _enabled(request, form: CodeForm, required: bool, status: int = 200):
    """The page for a user whose two-factor sign-in is on."""
    left = devices.backup_codes_left(request.user)
    context = {"form": form, "required": required, "backup_codes_left": left}
    return render(request, "twofactor/enabled.html", context, status=status)


@never_cache
@login_required
def backup_codes(request):
    """Codes made a moment ago, shown this once; how many are left; and making a new set, with a current
    code from the app, which stops the old ones working."""
    user = request.user
    device = devices.confirmed_device(user)
    if device is None:
        return redirect("twofactor:setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and _check(request, device, form):
        request.session[NEW_CODES] = devices.new_backup_codes(user)
        record(Kind.TWO_FACTOR, "Made new backup codes; the old ones no longer work", request=request)
        return _to_backup_codes(request)
    return render(
        request,
        "twofactor/backup_codes.html",
        {
            "codes": request.session.pop(NEW_CODES, None),
            "left": devices.backup_codes_left(user),
            "form": form,
            "next": _next(request) if "next" in request.GET else "",
        },
    )


def _to_backup_codes(request, always_next: bool = False):
    """To the backup codes page, passing on where the user was going, if anywhere."""
    target = resolve_url("twofactor:backup_codes")
    going_on = always_next or "next" in request.GET or "next" in request.POST
    return redirect(f"{target}?{urlencode({'next': _next(request)})}" if going_on else target)
