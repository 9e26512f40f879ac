"""A school's user pages, for whoever holds account set-up there: its members, creating one user, and the
invitations still waiting. Each view checks its form and calls one function beneath it."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_POST

from rollbook.web.accounts import invitations
from rollbook.web.accounts.access import account_setup_required
from rollbook.web.accounts.forms import MembershipForm, SingleUserForm
from rollbook.web.accounts.models import PERMISSIONS, Invitation, Membership
from rollbook.web.accounts.newusers import Created, EmailTaken, create_users

KEEP_OWN_SETUP = "You cannot take away your own account set-up: ask another administrator to."


def welcome_url(request) -> str:
    return request.build_absolute_uri(reverse("accounts:welcome"))


def show_codes(request, school, created: list[Created], heading: str):
    """The access codes just made. This page is the only place they are ever shown, so it is not cached."""
    page = {"school": school, "created": created, "heading": heading, "lifetime": invitations.LIFETIME.days}
    response = render(request, "accounts/created.html", page)
    add_never_cache_headers(response)
    return response


@account_setup_required
@require_GET
def manage(request, school):
    members = (
        Membership.objects.filter(school=school)
        .select_related("user", "user__invitation")
        .order_by("user__last_name", "user__first_name", "user__username")
    )
    rows = [(membership, [PERMISSIONS[name] for name in membership.granted()]) for membership in members]
    return render(request, "accounts/manage.html", {"school": school, "rows": rows, "tab": "manage"})


@account_setup_required
def change(request, school, user_id: int):
    membership = get_object_or_404(Membership, school=school, user_id=user_id)
    form = MembershipForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        if membership.user == request.user and not form.cleaned_data["account_setup"]:
            form.add_error("account_setup", KEEP_OWN_SETUP)
        else:
            form.save()
            messages.success(request, f"{_name(membership.user)}'s role and permissions are saved.")
            return redirect("accounts:manage", school.urn)
    page = {"school": school, "membership": membership, "form": form, "tab": "manage"}
    return render(request, "accounts/change.html", page, status=400 if form.errors else 200)


@account_setup_required
def remove(request, school, user_id: int):
    """Take a member out of the school, after asking; their account stays, with any other memberships."""
    membership = get_object_or_404(Membership, school=school, user_id=user_id)
    if membership.user == request.user:
        messages.error(request, "You cannot remove yourself: ask another administrator to.")
        return redirect("accounts:manage", school.urn)
    if request.method == "POST":
        membership.delete()
        messages.success(request, f"{_name(membership.user)} is no longer a user of {school.name}.")
        return redirect("accounts:manage", school.urn)
    return render(
        request, "accounts/remove.html", {"school": school, "membership": membership, "tab": "manage"}
    )


@account_setup_required
def create_user(request, school):
    form = SingleUserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = create_users(school, [form.new_user()], request.user, welcome_url(request))
        except EmailTaken as clash:
            form.add_error("email", str(clash))
        else:
            return show_codes(request, school, created, "User created")
    page = {"school": school, "form": form, "tab": "create"}
    return render(request, "accounts/create_user.html", page, status=400 if form.errors else 200)


@account_setup_required
@require_GET
def pending(request, school):
    waiting = invitations.pending(school).select_related("user", "invited_by")
    rows = [(invitation, invitations.status(invitation)) for invitation in waiting]
    return render(request, "accounts/pending.html", {"school": school, "rows": rows, "tab": "pending"})


def _waiting_invitation(school, pk: int) -> Invitation:
    return get_object_or_404(invitations.pending(school).select_related("user"), pk=pk)


@account_setup_required
@require_POST
def resend(request, school, pk: int):
    """A new code and a new email, for a lost, expired or locked invitation; the old code stops working."""
    invitation = _waiting_invitation(school, pk)
    code = invitations.invite(invitation.user, school, request.user)
    invitation.refresh_from_db()
    emailed = invitations.send(invitation, welcome_url(request))
    return show_codes(request, school, [Created(invitation.user, code, emailed)], "New access code")


@account_setup_required
@require_POST
def cancel(request, school, pk: int):
    invitation = _waiting_invitation(school, pk)
    invitations.withdraw(invitation)
    messages.success(
        request, f"The invitation for {invitation.user.email} is cancelled and the account removed."
    )
    return redirect("accounts:pending", school.urn)


def _name(user) -> str:
    return user.get_full_name() or user.get_username()
