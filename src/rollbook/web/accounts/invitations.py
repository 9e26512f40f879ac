"""How a user made by their school gets in. The access code is shown once, to whoever made the account, and
kept only as a hash; the email carries only a link. A code works once, for 14 days, and five wrong guesses
lock it until the school sends a new one."""

from __future__ import annotations

import datetime as dt
import logging
import re
import secrets

from django.contrib.auth.hashers import check_password, make_password
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from rollbook.web.accounts.models import Invitation

#: No 0 or O, 1, I or L: a code read aloud or copied from paper comes out the same.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10
LIFETIME = dt.timedelta(days=14)
MAX_WRONG_CODES = 5

WAITING, EXPIRED, LOCKED, ACCEPTED = "Waiting", "Expired", "Locked after wrong codes", "Accepted"

log = logging.getLogger(__name__)


class InvitationUnusable(Exception):
    """The invitation was used, withdrawn, locked or expired between checking the code and choosing a
    password."""


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def shown(code: str) -> str:
    """A code as people are shown it, in two halves: ABCDE-FGHJK."""
    return f"{code[:5]}-{code[5:]}"


def normalise_code(text: str) -> str:
    """What was typed, without the spaces and dashes people add, in capitals."""
    return re.sub(r"[\s-]+", "", text).upper()


def invite(user, school, invited_by) -> str:
    """Give `user` a fresh code, replacing any earlier one, and return it: the only time it is unhashed."""
    code = new_code()
    now = timezone.now()
    Invitation.objects.update_or_create(
        user=user,
        defaults={
            "school": school,
            "invited_by": invited_by,
            "code_hash": make_password(code),
            "sent": now,
            "expires": now + LIFETIME,
            "wrong_codes": 0,
            "accepted": None,
        },
    )
    return code


def pending(school) -> QuerySet[Invitation]:
    """The school's invitations not yet used: waiting, expired or locked, so someone may need a new code."""
    return Invitation.objects.filter(school=school, accepted__isnull=True)


def status(invitation: Invitation) -> str:
    if invitation.accepted:
        return ACCEPTED
    if invitation.wrong_codes >= MAX_WRONG_CODES:
        return LOCKED
    if invitation.expires <= timezone.now():
        return EXPIRED
    return WAITING


def check(username: str, code: str) -> Invitation | None:
    """The waiting invitation this username and code open, or None. A wrong code counts against the
    invitation whatever its state; the answer never says which part was wrong."""
    invitation = (
        Invitation.objects.select_related("user").filter(user__username=username.strip().lower()).first()
    )
    if invitation is None:
        make_password(code)  # take as long as a real check, so the time taken does not tell
        return None
    right = check_password(normalise_code(code), invitation.code_hash)
    if not right:
        Invitation.objects.filter(pk=invitation.pk).update(wrong_codes=F("wrong_codes") + 1)
    return invitation if right and status(invitation) == WAITING else None


def waiting(pk: int | None) -> Invitation | None:
    """The invitation with this id if it can still be used."""
    invitation = Invitation.objects.select_related("user").filter(pk=pk).first() if pk else None
    return invitation if invitation and status(invitation) == WAITING else None


@transaction.atomic
def accept(invitation: Invitation, password_form) -> None:
    """Spend the code, once even if two requests race, then set the chosen password and activate the user.
    `password_form` is a valid SetPasswordForm for the invitation's user."""
    now = timezone.now()
    spent = Invitation.objects.filter(
        pk=invitation.pk, accepted__isnull=True, expires__gt=now, wrong_codes__lt=MAX_WRONG_CODES
    ).update(accepted=now)
    if not spent:
        raise InvitationUnusable
    user = password_form.save(commit=False)
    user.is_active = True
    user.save(update_fields=["password", "is_active"])


def withdraw(invitation: Invitation) -> None:
    """Cancel an invitation, removing the account it was made for (and so its memberships) unless that
    account has ever been used."""
    user = invitation.user
    if user.is_active or user.last_login:
        invitation.delete()
    else:
        user.delete()


def send(invitation: Invitation, welcome_url: str) -> bool:
    """Email the person a link to the welcome page; whether the mail server took it. The code is not in it:
    the school gives that separately, so a misdirected email alone opens nothing."""
    context = {"invitation": invitation, "welcome_url": welcome_url, "lifetime_days": LIFETIME.days}
    try:
        send_mail(
            render_to_string("accounts/invitation_subject.txt", context).strip(),
            render_to_string("accounts/invitation_email.txt", context),
            None,
            [invitation.user.email],
        )
    except OSError:
        log.warning("The invitation email to user %s could not be sent", invitation.user.pk, exc_info=True)
        return False
    return True
