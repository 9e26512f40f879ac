"""Two-factor sign-in is enforced here, for every page, rather than view by view."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from rollbook.web.twofactor import devices

#: Pages a signed-in user may reach before giving a code: signing out, or in as somebody else.
ALWAYS_OPEN = {"login", "logout"}
#: What the JSON API answers a session held at each page.
API_ANSWERS = {
    "twofactor:verify": "two-factor sign-in: give a code from your authenticator app at {page} first",
    "twofactor:setup": "this account needs two-factor sign-in: set it up at {page} first",
}


def _redirect(view_name: str, request):
    """To the code or set-up page, then back; the JSON API, asked by a program, says so in JSON instead (a
    person opening its docs in a browser, which prefers HTML, is sent to the page)."""
    if request.path.startswith("/api/") and _prefers_json(request):
        return JsonResponse({"detail": API_ANSWERS[view_name].format(page=reverse(view_name))}, status=403)
    return redirect(f"{reverse(view_name)}?{urlencode({'next': request.get_full_path()})}")


def _prefers_json(request) -> bool:
    return request.get_preferred_type(["application/json", "text/html"]) == "application/json"


class TwoFactorMiddleware:
    """After the password, a user with an authenticator app is held at the code page until they give a
    code; a user the operator requires to have one (pupil-level access, ROLLBOOK_REQUIRE_2FA_FOR_PUPIL_LEVEL)
    and who has none is held at the set-up page. Goes after django-otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        here = request.resolver_match.view_name
        if here in ALWAYS_OPEN:
            return None
        if devices.confirmed_device(user) is not None:
            return None if here == "twofactor:verify" else _redirect("twofactor:verify", request)
        if devices.required_for(user):
            return None if here == "twofactor:setup" else _redirect("twofactor:setup", request)
        return None
