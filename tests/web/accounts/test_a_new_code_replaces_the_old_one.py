"""Sending a new code, for a lost, expired or locked invitation, shows the new code once, emails the link
again, and stops the old code working."""

from __future__ import annotations

import re

from django.core import mail

from rollbook.web.accounts.models import Invitation
from tests.support.welcome_steps import give_code


def test_a_new_code_replaces_the_old_one_and_unlocks(client, admin, invited):
    Invitation.objects.filter(user=invited.user).update(wrong_codes=5)
    mail.outbox.clear()
    response = admin.post(f"/schools/100001/users/pending/{invited.user.invitation.pk}/resend/")
    assert response.status_code == 200
    [new_code] = re.findall(r'class="access-code">([A-Z2-9-]{11})<', response.content.decode())
    assert [message.to for message in mail.outbox] == [["cjones@alder.sch.uk"]]
    assert give_code(client, "cjones@alder.sch.uk", invited.code).status_code == 400
    assert give_code(client, "cjones@alder.sch.uk", new_code)["Location"] == "/welcome/password/"


def test_a_code_is_only_resent_by_post(admin, invited):
    assert admin.get(f"/schools/100001/users/pending/{invited.user.invitation.pk}/resend/").status_code == 405
