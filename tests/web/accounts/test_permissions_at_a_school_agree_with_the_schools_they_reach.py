"""A reader's permissions at one school, found in one query, are exactly those by which `schools_for`
reaches that school: through the school itself, its trust or its local authority, for every role."""

from __future__ import annotations

from rollbook.web.accounts.models import PERMISSIONS, permissions_at, schools_for


def test_every_role_holds_at_each_school_what_schools_for_says(world):
    users = [
        world.alice,
        world.pam,
        world.bob,
        world.carol,
        world.operator,
        world.dora,
        world.trudy,
        world.lara,
    ]
    for user in users:
        for school in (world.alder, world.birch):
            reached = {name for name in PERMISSIONS if schools_for(user, name).filter(pk=school.pk).exists()}
            assert permissions_at(user, school) == reached, (user.username, school.name)


def test_a_trust_user_holds_its_permissions_at_the_trusts_school_only(world):
    assert "school_reports" in permissions_at(world.trudy, world.alder)
    assert permissions_at(world.trudy, world.birch) == frozenset()


def test_a_removed_member_holds_nothing(world):
    world.pam.is_active = False
    assert permissions_at(world.pam, world.alder) == frozenset()
