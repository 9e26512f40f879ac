"""The base test world for the web: two schools with a week of registers, and a user for every role.

- alice: a member of Alder School, with school-level reports only
- pam: a member of Alder School with pupil-level access
- bob: a member of Birch School
- dora: Alder's data manager: account set-up and manage data, school-level reports
- trudy: a user of the Oak Trust, which runs Alder (not Birch)
- lara: a user of Alder's local authority (823, Bedford)
- carol: signed up, but a member of no school
- operator: a superuser, who runs the deployment but is a member of no school
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client

from rollbook.lake import Lake
from rollbook.web.accounts.models import Membership, Role
from rollbook.web.schools.models import LocalAuthority, School, Trust
from tests.support.registers import write_school

PASSWORD = "correct horse battery staple"


@dataclass
class World:
    alder: School
    birch: School
    alice: User
    pam: User
    bob: User
    carol: User
    operator: User
    lake: Lake
    dora: User
    trudy: User
    lara: User

    def client_for(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """A deliberately slow password hash costs seconds per user; tests need none of its strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db, data_dir) -> World:
    oak = Trust.objects.create(uid=5001, name="Oak Trust")
    alder = School.objects.create(urn=100001, la_code=823, estab=4001, name="Alder School", trust=oak)
    birch = School.objects.create(urn=100002, la_code=202, estab=4002, name="Birch School")
    users = {
        name: User.objects.create_user(name, password=PASSWORD)
        for name in ("alice", "pam", "bob", "carol", "dora", "trudy", "lara")
    }
    operator = User.objects.create_superuser("operator", password=PASSWORD)
    Membership.objects.create(user=users["alice"], school=alder)
    Membership.objects.create(user=users["pam"], school=alder, pupil_level=True)
    Membership.objects.create(user=users["bob"], school=birch)
    Membership.objects.create(
        user=users["dora"], school=alder, role=Role.DATA_MANAGER, account_setup=True, manage_data=True
    )
    Membership.objects.create(user=users["trudy"], trust=oak, role=Role.TRUST_USER)
    bedford = LocalAuthority.objects.create(code=823, name="Bedford")
    Membership.objects.create(user=users["lara"], local_authority=bedford, role=Role.LA_USER)
    lake = Lake(data_dir / "lake")
    # Alder: A present all week; B ill Monday and Tuesday (4 of 10): 20% absence, persistently absent.
    write_school(lake, alder.urn, {"A0000000001": "/\\" * 5, "B0000000002": "IIII" + "/\\" * 3})
    # Birch: one pupil, unauthorised absence all week.
    write_school(lake, birch.urn, {"C0000000003": "O" * 10})
    return World(
        alder, birch, *(users[name] for name in ("alice", "pam", "bob", "carol")), operator, lake,
        *(users[name] for name in ("dora", "trudy", "lara")),
    )  # fmt: skip
