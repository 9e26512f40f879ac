"""create_users makes each person an inactive member of the school with exactly the permissions chosen and
an invitation; if any email already has an account, it makes nobody."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import User

from rollbook.web.accounts.models import Invitation, Membership
from rollbook.web.accounts.newusers import EmailTaken, NewUser, create_users

CLAIRE = NewUser("Claire", "Jones", "CJones@alder.sch.uk", "teacher", frozenset({"pupil_level"}))
GEORGE = NewUser("George", "Alexander", "galexander@alder.sch.uk", "senior_leader", frozenset())


def test_each_user_is_inactive_with_an_invitation_and_exactly_the_chosen_permissions(world, adam):
    claire, george = create_users(world.alder, [CLAIRE, GEORGE], adam, "https://rollbook.example/welcome/")
    assert claire.user.username == claire.user.email == "cjones@alder.sch.uk"
    assert not claire.user.is_active and not claire.user.has_usable_password()
    membership = Membership.objects.get(user=claire.user)
    assert (membership.school, membership.role, membership.granted()) == (
        world.alder,
        "teacher",
        ["pupil_level"],
    )
    assert Membership.objects.get(user=george.user).granted() == []
    invitation = Invitation.objects.get(user=claire.user)
    assert (invitation.school, invitation.invited_by, invitation.accepted) == (world.alder, adam, None)
    assert check_password(claire.code, invitation.code_hash)
    assert claire.code not in invitation.code_hash
    assert claire.emailed and george.emailed


def test_nobody_is_created_when_one_email_already_has_an_account(world, adam):
    User.objects.create_user("galexander@alder.sch.uk")
    with pytest.raises(EmailTaken) as clash:
        create_users(world.alder, [CLAIRE, GEORGE], adam, "https://rollbook.example/welcome/")
    assert clash.value.emails == ["galexander@alder.sch.uk"]
    assert not User.objects.filter(username="cjones@alder.sch.uk").exists()
