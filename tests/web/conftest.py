"""The base test world for the web: two schools with a week of registers, and a user for every role.

- alice: a member of Alder School
- bob: a member of Birch School
- carol: signed up, but a member of no school
- operator: a superuser, who runs the deployment but is a member of no school
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pyarrow as pa
import pytest
from django.contrib.auth.models import User
from django.test import Client

from rollbook.lake import MARKS, PUPILS, Lake, PartitionKey
from rollbook.web.accounts.models import Membership
from rollbook.web.schools.models import School

YEAR = 2024
MONDAY = dt.date(2024, 9, 9)
PASSWORD = "correct horse battery staple"


@dataclass
class World:
    alder: School
    birch: School
    alice: User
    bob: User
    carol: User
    operator: User
    lake: Lake

    def client_for(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client


def week_of_marks(upn: str, codes: str) -> list[dict[str, object]]:
    """Ten sessions from MONDAY, one character each, AM then PM."""
    return [
        {
            "upn": upn,
            "date": MONDAY + dt.timedelta(days=index // 2),
            "session": ("AM", "PM")[index % 2],
            "code": code,
        }
        for index, code in enumerate(codes)
    ]


def pupil(upn: str, **attributes: object) -> dict[str, object]:
    return {
        "upn": upn,
        "forename": "Pat",
        "surname": upn,
        "dob": dt.date(2012, 3, 1),
        "sex": "F",
        "nc_year": 8,
        "reg_group": "8A",
        "fsm6": False,
        "sen": "N",
        "eal": False,
        "ethnicity": "WBRI",
        "admission_date": dt.date(2023, 9, 1),
        "leaving_date": None,
    } | attributes


def write_school(lake: Lake, urn: int, registers: dict[str, str]) -> None:
    pupils = [pupil(upn) for upn in registers]
    marks = [mark for upn, codes in registers.items() for mark in week_of_marks(upn, codes)]
    lake.replace(
        {
            PartitionKey("pupils", YEAR, urn): pa.Table.from_pylist(pupils, schema=PUPILS),
            PartitionKey("marks", YEAR, urn): pa.Table.from_pylist(marks, schema=MARKS),
        }
    )


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """A deliberately slow password hash costs seconds per user; tests need none of its strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db, data_dir) -> World:
    alder = School.objects.create(urn=100001, la_code=823, estab=4001, name="Alder School")
    birch = School.objects.create(urn=100002, la_code=202, estab=4002, name="Birch School")
    users = {name: User.objects.create_user(name, password=PASSWORD) for name in ("alice", "bob", "carol")}
    operator = User.objects.create_superuser("operator", password=PASSWORD)
    Membership.objects.create(user=users["alice"], school=alder)
    Membership.objects.create(user=users["bob"], school=birch)
    lake = Lake(data_dir / "lake")
    # Alder: A present all week; B ill Monday and Tuesday (4 of 10): 20% absence, persistently absent.
    write_school(lake, alder.urn, {"A0000000001": "/\\" * 5, "B0000000002": "IIII" + "/\\" * 3})
    # Birch: one pupil, unauthorised absence all week.
    write_school(lake, birch.urn, {"C0000000003": "O" * 10})
    return World(alder, birch, users["alice"], users["bob"], users["carol"], operator, lake)
