"""What a locked-out sign-in sees: the sign-in page with a plain-English reason, not django-axes' one line."""

from __future__ import annotations

import math

from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render


def username(request, credentials=None) -> str:
    """The name wrong passwords are counted against (AXES_USERNAME_CALLABLE): as sign-in matches it, in any
    capitals, so that changing the capitals does not buy more guesses."""
    given = (credentials or {}).get("username") or getattr(request, "POST", {}).get("username") or ""
    return given.strip().lower()


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE): 429 Too Many Requests, saying for how long."""
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    return render(
        request,
        "security/locked_out.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
