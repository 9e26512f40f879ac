"""Pending users lists everyone invited who has not set up their account; a cancelled invitation cannot be
used, and takes the unused account with it."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client

from rollbook.web.accounts.welcome import NOT_RECOGNISED
from tests.support.welcome_steps import give_code, welcome


def test_pending_users_are_listed_until_they_set_up_their_account(admin, invited):
    page = admin.get("/schools/100001/users/pending/")
    assert [invitation.user for invitation, _ in page.context["rows"]] == [invited.user]
    assert [status for _, status in page.context["rows"]] == ["Waiting"]
    welcome(Client(), "cjones@alder.sch.uk", invited.code)
    assert admin.get("/schools/100001/users/pending/").context["rows"] == []


def test_another_schools_invitations_are_not_listed(world, bea, invited):
    page = world.client_for(bea).get("/schools/100002/users/pending/")
    assert page.context["rows"] == []
    response = world.client_for(bea).post(
        f"/schools/100002/users/pending/{invited.user.invitation.pk}/cancel/"
    )
    assert response.status_code == 404


def test_a_cancelled_invitation_cannot_be_used(client, admin, invited):
    response = admin.post(f"/schools/100001/users/pending/{invited.user.invitation.pk}/cancel/")
    assert response["Location"] == "/schools/100001/users/pending/"
    assert not User.objects.filter(username="cjones@alder.sch.uk").exists()
    response = give_code(client, "cjones@alder.sch.uk", invited.code)
    assert response.status_code == 400
    assert NOT_RECOGNISED in response.content.decode()
