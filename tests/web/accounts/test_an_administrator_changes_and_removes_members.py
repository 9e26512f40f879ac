"""Manage users lists the school's members with role and permissions; an administrator changes them or
removes a member, but cannot lock themselves out."""

from __future__ import annotations

from rollbook.web.accounts.views import KEEP_OWN_SETUP

PAGE = "/schools/100001/users/"


def test_members_are_listed_with_role_and_permissions(world, admin, invited):
    page = admin.get(PAGE)
    rows = {membership.user.username: granted for membership, granted in page.context["rows"]}
    assert {"adam", "alice", "pam", "cjones@alder.sch.uk"} <= set(rows)
    assert set(rows) == set(world.alder.memberships.values_list("user__username", flat=True))
    assert rows["pam"] == ["School-level reports", "Pupil-level reports"]
    assert b"Invited, not yet signed in" in page.content


def test_a_members_role_and_permissions_are_changed(world, admin):
    response = admin.post(f"{PAGE}{world.alice.pk}/", {"role": "middle_leader", "collaborate": "on"})
    assert response["Location"] == PAGE
    membership = world.alice.memberships.get(school=world.alder)
    assert (membership.role, membership.granted()) == ("middle_leader", ["collaborate"])


def test_a_member_is_removed_from_the_school_after_asking(world, admin):
    assert b"Remove from Alder School" in admin.get(f"{PAGE}{world.alice.pk}/remove/").content
    assert world.alice.memberships.exists()
    assert admin.post(f"{PAGE}{world.alice.pk}/remove/")["Location"] == PAGE
    assert not world.alice.memberships.exists()
    world.alice.refresh_from_db()
    assert world.alice.is_active, "the account stays"


def test_an_administrator_cannot_lock_themselves_out(world, admin, adam):
    response = admin.post(f"{PAGE}{adam.pk}/", {"role": "teacher", "school_reports": "on"})
    assert response.status_code == 400
    assert KEEP_OWN_SETUP in response.content.decode()
    admin.post(f"{PAGE}{adam.pk}/remove/")
    assert adam.memberships.get(school=world.alder).account_setup
