"""Every change to who may see what is recorded, with who made it, however it was made."""

from __future__ import annotations

from rollbook.web.accounts.models import Membership, Role
from rollbook.web.audit.models import AccessRecord, Kind


def permission_records():
    return list(AccessRecord.objects.filter(kind=Kind.PERMISSION).order_by("at", "pk"))


def test_a_grant_made_in_the_admin_names_the_operator(world):
    membership = Membership.objects.get(user=world.alice, school=world.alder)
    before = len(permission_records())
    response = world.client_for(world.operator).post(
        f"/admin/accounts/membership/{membership.pk}/change/",
        {
            "user": world.alice.pk,
            "school": world.alder.pk,
            "role": Role.SENIOR_LEADER,
            "school_reports": "on",
            "pupil_level": "on",
        },
        REMOTE_ADDR="192.0.2.9",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    (record,) = permission_records()[before:]
    assert (record.actor, record.school, record.address) == ("operator", world.alder, "192.0.2.9")
    assert record.what == (
        "alice changed to Senior leader at Alder School (100001): school_reports, pupil_level"
    )


def test_a_removal_is_recorded(world):
    Membership.objects.get(user=world.bob).delete()
    record = permission_records()[-1]
    assert (record.what, record.school, record.actor) == (
        "bob removed from Birch School (100002)",
        world.birch,
        "system",  # no request: made from code, as the CLI or a migration would
    )
