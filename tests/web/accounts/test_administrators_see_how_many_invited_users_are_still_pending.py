"""A school's report pages tell whoever sets up its accounts how many people invited have not yet set up
their account, with the way to the pending users, as the set-up screens do; nobody else is told."""

from __future__ import annotations

from rollbook.web.accounts.newusers import NewUser, create_users
from tests.support.welcome_steps import welcome

SUMMARY = "/schools/100001/attendance/"
NOTICE = '1 pending user waiting for activation. <a href="/schools/100001/users/pending/">'


def test_the_administrator_is_told_until_the_invitation_is_used(world, admin, invited, client):
    assert NOTICE in admin.get(SUMMARY).content.decode()

    welcome(client, "cjones@alder.sch.uk", invited.code)

    assert "pending user" not in admin.get(SUMMARY).content.decode()


def test_staff_without_account_setup_are_not_told(world, invited):
    assert "pending user" not in world.client_for(world.pam).get(SUMMARY).content.decode()


def test_another_schools_invitations_are_not_counted(world, admin, bea):
    person = NewUser("Bo", "Birch", "bo@birch.sch.uk", "teacher", frozenset({"school_reports"}))
    create_users(world.birch, [person], bea, "http://testserver/welcome/")
    assert "pending user" not in admin.get(SUMMARY).content.decode()
