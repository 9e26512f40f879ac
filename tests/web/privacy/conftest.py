"""The web world with PUPIL on the roll of both Alder and Birch, and an import report and an access-log
entry naming them."""

from __future__ import annotations

import datetime as dt

import pytest
from pupil_at_two_schools import PUPIL, REGISTERS, join

from registers import marks, pupil
from rollbook.web.audit.models import AccessRecord
from rollbook.web.imports.models import ImportRecord


@pytest.fixture
def pupil_world(world):
    for urn, codes in REGISTERS.items():
        join(world.lake, urn, {"pupils": [pupil(PUPIL)], "marks": marks(PUPIL, codes)})
    for school in (world.alder, world.birch):
        ImportRecord.objects.create(
            school=school,
            actor="cli:office",
            outcome=ImportRecord.LANDED,
            report=f"Landed.\nWarnings (2):\n  - pupils.csv, line 3, UPN {PUPIL}: forename is 'Sam' here\n"
            f"  - pupils.csv, line 4, UPN B0000000002: surname is 'Lee' here",
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
