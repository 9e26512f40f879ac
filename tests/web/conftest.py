"""The base test world for the web: two schools with a week of registers, and a user for every role.

- alice: a member of Alder School, with school-level reports only
- pam: a member of Alder School with pupil-level access
- bob: a member of Birch School
- carol: signed up, but a member of no school
- operator: a superuser, who runs the deployment but is a member of no school
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client

from registers import write_school
from rollbook.lake import Lake
from rollbook.web.accounts.models import Membership
from rollbook.web.schools.models import School

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
    alder = School.objects.create(urn=100001, la_code=823, estab=4001, name="Alder School")
    birch = School.objects.create(urn=100002, la_code=202, estab=4002, name="Birch School")
    users = {
        name: User.objects.create_user(name, password=PASSWORD) for name in ("alice", "pam", "bob", "carol")
    }
    operator = User.objects.create_superuser("operator", password=PASSWORD)
    Membership.objects.create(user=users["alice"], school=alder)
    Membership.objects.create(user=users["pam"], school=alder, pupil_level=True)
    Membership.objects.create(user=users["bob"], school=birch)
    lake = Lake(data_dir / "lake")
    # Alder: A present all week; B ill Monday and Tuesday (4 of 10): 20% absence, persistently absent.
    write_school(lake, alder.urn, {"A0000000001": "/\\" * 5, "B0000000002": "IIII" + "/\\" * 3})
    # Birch: one pupil, unauthorised absence all week.
    write_school(lake, birch.urn, {"C0000000003": "O" * 10})
    return World(alder, birch, users["alice"], users["pam"], users["bob"], users["carol"], operator, lake)
