"""Create a single user: name, email (their username), school role and the five permissions."""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from django.core import mail

from rollbook.web.accounts.models import Membership

PAGE = "/schools/100001/users/new/"


def test_a_single_user_is_created_with_the_permissions_chosen(world, admin):
    form = admin.get(PAGE).context["form"]
    assert [name for name in form.fields if form[name].initial is True] == ["school_reports"]
    response = admin.post(
        PAGE,
        {
            "first_name": "George",
            "last_name": "Alexander",
            "email": "GAlexander@alder.sch.uk",
            "role": "senior_leader",
            "manage_data": "on",
            "pupil_level": "on",
        },
    )
    assert response.status_code == 200
    assert re.search(r'class="access-code">[A-Z2-9]{5}-[A-Z2-9]{5}<', response.content.decode())
    membership = Membership.objects.get(user__username="galexander@alder.sch.uk", school=world.alder)
    assert (membership.role, membership.granted()) == ("senior_leader", ["manage_data", "pupil_level"])
    assert not membership.user.is_active
    assert [message.to for message in mail.outbox] == [["galexander@alder.sch.uk"]]


def test_an_email_with_an_account_is_refused(world, admin):
    response = admin.post(
        PAGE, {"first_name": "A", "last_name": "B", "email": "adam@alder.sch.uk", "role": "teacher"}
    )
    assert response.status_code == 400
    assert b"adam@alder.sch.uk already has an account." in response.content
    assert User.objects.filter(email="adam@alder.sch.uk").count() == 1


def test_only_a_schools_own_roles_are_offered(admin):
    response = admin.post(
        PAGE, {"first_name": "A", "last_name": "B", "email": "ab@alder.sch.uk", "role": "la_user"}
    )
    assert response.status_code == 400
    assert not User.objects.filter(username="ab@alder.sch.uk").exists()
