"""An access code works for 14 days."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from rollbook.web.accounts.models import Invitation
from rollbook.web.accounts.welcome import NOT_RECOGNISED
from tests.support.welcome_steps import PASSWORD, give_code


def expire(user) -> None:
    Invitation.objects.filter(user=user).update(expires=timezone.now())


def test_an_invitation_lasts_fourteen_days(invited):
    invitation = invited.user.invitation
    assert invitation.expires - invitation.sent == dt.timedelta(days=14)


def test_an_expired_code_is_refused(client, invited):
    expire(invited.user)
    response = give_code(client, "cjones@alder.sch.uk", invited.code)
    assert response.status_code == 400
    assert NOT_RECOGNISED in response.content.decode()


def test_a_code_that_expires_before_the_password_is_chosen_sets_nothing(client, invited):
    give_code(client, "cjones@alder.sch.uk", invited.code)
    expire(invited.user)
    response = client.post("/welcome/password/", {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response["Location"] == "/welcome/"
    invited.user.refresh_from_db()
    assert not invited.user.is_active and not invited.user.has_usable_password()
