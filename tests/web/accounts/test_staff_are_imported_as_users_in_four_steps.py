"""Create multiple users: upload the MIS staff list, choose staff, give roles and administration rights, then
report access, confirm, and exactly those users are made, invited, with exactly those permissions."""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from django.core import mail

from rollbook.web.accounts.models import Invitation, Membership
from tests.support.staff_lists import upload

STEPS = "/schools/100001/users/import/"


def test_staff_are_imported_as_users_in_four_steps(world, admin, adam):
    response = upload(admin)
    assert response.status_code == 302
    assert response["Location"] == f"{STEPS}choose/"

    page = admin.get(f"{STEPS}choose/")
    assert b"Available staff to import (3)" in page.content
    assert b"Step 1 of 4" in page.content
    response = admin.post(
        f"{STEPS}choose/",
        {
            "chosen-1": "on",
            "email-1": "CJones@Alder.sch.uk",
            "chosen-2": "on",
            "email-2": "galexander@alder.sch.uk",
        },
    )
    assert response["Location"] == f"{STEPS}roles/"

    page = admin.get(f"{STEPS}roles/")
    assert b"Step 2 of 4" in page.content
    assert [choice.member.name for choice, _ in page.context["form"].lines()] == [
        "Claire Jones",
        "George Alexander",
    ]
    response = admin.post(
        f"{STEPS}roles/", {"role-1": "teacher", "role-2": "middle_leader", "account_setup-2": "on"}
    )
    assert response["Location"] == f"{STEPS}access/"

    page = admin.get(f"{STEPS}access/")
    assert b"Step 3 of 4" in page.content
    assert page.context["form"]["school_reports-1"].value() is True, (
        "school-level reports are ticked at first"
    )
    response = admin.post(f"{STEPS}access/", {"school_reports-1": "on", "pupil_level-2": "on"})
    assert response["Location"] == f"{STEPS}confirm/"

    page = admin.get(f"{STEPS}confirm/")
    assert b"Create 2 users" in page.content
    assert User.objects.filter(username__in=["cjones@alder.sch.uk", "galexander@alder.sch.uk"]).count() == 0

    response = admin.post(f"{STEPS}confirm/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"], "access codes are shown once and never cached"
    codes = re.findall(r'class="access-code">([A-Z2-9]{5}-[A-Z2-9]{5})<', response.content.decode())
    assert len(codes) == 2

    memberships = {
        m.user.username: m for m in Membership.objects.filter(school=world.alder, user__is_active=False)
    }
    assert set(memberships) == {"cjones@alder.sch.uk", "galexander@alder.sch.uk"}
    claire, george = memberships["cjones@alder.sch.uk"], memberships["galexander@alder.sch.uk"]
    assert (claire.role, claire.granted()) == ("teacher", ["school_reports"])
    assert (george.role, george.granted()) == ("middle_leader", ["account_setup", "pupil_level"])
    assert (claire.user.first_name, claire.user.last_name, claire.user.email) == (
        "Claire",
        "Jones",
        "cjones@alder.sch.uk",
    )
    assert not claire.user.has_usable_password()

    waiting = Invitation.objects.filter(school=world.alder, accepted__isnull=True, invited_by=adam)
    assert sorted(waiting.values_list("user__username", flat=True)) == sorted(memberships)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(memberships)
    for message in mail.outbox:
        assert "http://testserver/welcome/" in message.body
        assert not any(code in message.body or code.replace("-", "") in message.body for code in codes)

    assert admin.get(f"{STEPS}confirm/")["Location"] == STEPS, "the import is over once the users are made"
