"""The base test world: Alder and Birch with registers in the lake, and a user for every role.

- alice: a member of Alder School, with school-level reports only
- pam: a member of Alder School with pupil-level access
- bob: a member of Birch School
- dora: Alder's data manager: account set-up and manage data, school-level reports
- trudy: a user of the Oak Trust, which runs Alder (not Birch)
- lara: a user of Alder's local authority (823, Bedford)
- carol: signed up, but a member of no school
- operator: a superuser, who runs the deployment but is a member of no school

The web tests' `world` fixture (tests/web/conftest.py) builds it with a week of registers, the browser
tests' (tests/browser/conftest.py) with a fortnight and Alder's pupils in two year groups.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.test import Client

from rollbook.lake import Lake
from rollbook.web.accounts.models import Membership, Role
from rollbook.web.schools.models import LocalAuthority, School, Trust
from tests.support.pupils import pupil
from tests.support.registers import register, write

PASSWORD = "correct horse battery staple"
ALDER, BIRCH = 100001, 100002
#: A week from Monday 09/09/2024. Alder: A present all week; B ill Monday and Tuesday (4 of 10): 20%
#: absence, persistently absent. Birch: one pupil, unauthorised absence all week.
A_WEEK = {
    ALDER: {"A0000000001": "/\\" * 5, "B0000000002": "IIII" + "/\\" * 3},
    BIRCH: {"C0000000003": "O" * 10},
}


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


def build_world(
    lake: Lake,
    *,
    registers: Mapping[int, Mapping[str, Sequence[str]]] = A_WEEK,
    year_groups: Mapping[str, int] | None = None,
) -> World:
    """The schools, users and memberships in the database, and each school's `registers` (URN to UPN to
    codes from Monday 09/09/2024) in `lake`; a pupil is in Year 8 (form 8A) unless `year_groups` (UPN to
    NC year) puts them in another year (form <year>A)."""
    oak = Trust.objects.create(uid=5001, name="Oak Trust")
    alder = School.objects.create(urn=ALDER, la_code=823, estab=4001, name="Alder School", trust=oak)
    birch = School.objects.create(urn=BIRCH, la_code=202, estab=4002, name="Birch School")
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
    years = year_groups or {}
    for urn, codes in registers.items():
        in_year = {upn: years.get(upn, 8) for upn in codes}
        pupils = [pupil(upn, nc_year=year, reg_group=f"{year}A") for upn, year in in_year.items()]
        write(lake, pupils, [mark for upn, each in codes.items() for mark in register(upn, each)], urn)
    return World(
        alder, birch, *(users[name] for name in ("alice", "pam", "bob", "carol")), operator, lake,
        *(users[name] for name in ("dora", "trudy", "lara")),
    )  # fmt: skip
