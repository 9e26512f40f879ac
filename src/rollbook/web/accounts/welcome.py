"""The welcome page, where a new user gives their username and access code, then chooses a password with
the site's password rules; on success they are signed in. Neither page says which part of a refused code
was wrong."""

from __future__ import annotations

from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from rollbook.web.accounts import invitations
from rollbook.web.accounts.forms import WelcomeForm

#: The invitation whose code this browser has given, between the two welcome pages.
SESSION_KEY = "welcome-invitation"
NOT_RECOGNISED = (
    "That username and access code do not match an invitation that can still be used. Check both and try "
    f"again. Codes last {invitations.LIFETIME.days} days and stop working after "
    f"{invitations.MAX_WRONG_CODES} wrong tries: if yours has, ask whoever set up your account to send "
    "a new one."
)
#: Signing in from here skips django-axes (no password was given), so the backend is named.
BACKEND = "rollbook.web.accounts.backends.AnyCaseUsernameBackend"


@never_cache
@sensitive_post_parameters("code")
def welcome(request):
    form = WelcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = invitations.check(form.cleaned_data["username"], form.cleaned_data["code"])
        if invitation is not None:
            request.session[SESSION_KEY] = invitation.pk
            return redirect("accounts:welcome_password")
        form.add_error(None, NOT_RECOGNISED)
    return render(request, "accounts/welcome.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
def choose_password(request):
    invitation = invitations.waiting(request.session.get(SESSION_KEY))
    if invitation is None:
        return redirect("accounts:welcome")
    form = SetPasswordForm(invitation.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitations.accept(invitation, form)
        except invitations.InvitationUnusable:
            return redirect("accounts:welcome")
        login(request, invitation.user, backend=BACKEND)
        request.session.pop(SESSION_KEY, None)
        return redirect("home")
    page = {"form": form, "person": invitation.user}
    return render(request, "accounts/welcome_password.html", page, status=400 if form.errors else 200)
