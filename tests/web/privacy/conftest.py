"""The web world with PUPIL on the roll of both Alder and Birch, and an import report (warning about them and
OTHER) and an access-log entry naming them."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.web.audit.models import AccessRecord
from rollbook.web.imports.models import ImportRecord
from tests.support.pupil_at_two_schools import OTHER, PUPIL, REGISTERS, join, warning
from tests.support.pupils import pupil
from tests.support.registers import register


@pytest.fixture
def pupil_world(world):
    for urn, codes in REGISTERS.items():
        join(world.lake, urn, {"pupils": [pupil(PUPIL)], "marks": register(PUPIL, codes)})
    for school in (world.alder, world.birch):
        ImportRecord.objects.create(
            school=school,
            actor="cli:office",
            outcome=ImportRecord.LANDED,
            summary="Landed.",
            problems={"warnings": {"listed": [warning(3, PUPIL, "forename"), warning(4, OTHER, "surname")]}},
            started=dt.datetime(2024, 9, 16, 8, tzinfo=dt.UTC),
        )
    AccessRecord.objects.create(
        user=world.pam,
        actor="pam",
        school=world.alder,
        what=f"attendance pupil {PUPIL} (page)",
        path=f"/schools/100001/attendance/pupil/?upn={PUPIL.lower()}",
    )
    return world
