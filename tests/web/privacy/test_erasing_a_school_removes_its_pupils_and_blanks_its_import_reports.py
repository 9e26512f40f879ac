"""Erasing a school removes every year of its lake data, blanks its import reports and clears UPNs from its
access log; other schools, and the school itself, stay."""

from __future__ import annotations

import pytest

from rollbook.lake import Lake, PartitionKey
from rollbook.web.audit.models import AccessRecord
from rollbook.web.imports.models import ImportRecord
from rollbook.web.privacy.models import ErasureRecord
from rollbook.web.schools.models import School
from tests.support.pupil_at_two_schools import PUPIL, contents

ERASE = "/operator/privacy/erase-school/"
ASK = {"school-urn": "100001", "school-reason": "School closed; data sharing agreement ended"}


@pytest.fixture
def alder_last_year(pupil_world) -> Lake:
    """Alder's registers of 2024/25 again as 2023/24, so that the school has two years."""
    lake = pupil_world.lake
    lake.replace(
        {
            PartitionKey(table, 2023, 100001): lake.read(PartitionKey(table, 2024, 100001))
            for table in ("pupils", "marks")
        }
    )
    return lake


def test_confirmed_every_year_of_the_school_goes_and_the_other_school_stays(pupil_world, alder_last_year):
    operator = pupil_world.client_for(pupil_world.operator)
    before = contents(alder_last_year)
    shown = operator.post(ERASE, ASK)
    assert shown.context["plan"]["tables"] == {
        "pupils": 6,
        "marks": 60,
        "results": 0,
        "prior_attainment": 0,
        "baselines": 0,
    }
    assert contents(alder_last_year) == before
    operator.post(ERASE, {**ASK, "school-again": "100001"})
    assert contents(alder_last_year) == {key: rows for key, rows in before.items() if key.school != 100001}
    record = ErasureRecord.objects.get()
    assert (record.kind, record.urn, record.upn_hash) == (ErasureRecord.SCHOOL, 100001, "")
    assert record.removed["tables"] == {
        "pupils": 6,
        "marks": 60,
        "results": 0,
        "prior_attainment": 0,
        "baselines": 0,
    }
    assert School.objects.filter(urn=100001).exists()


def test_its_import_reports_are_blanked_and_upns_leave_its_access_log(pupil_world):
    operator = pupil_world.client_for(pupil_world.operator)
    operator.post(ERASE, {**ASK, "school-again": "100001"})
    alder, birch = (ImportRecord.objects.get(school=each) for each in (pupil_world.alder, pupil_world.birch))
    assert (alder.problems, alder.summary) == ({}, "Landed.")
    assert birch.problems["warnings"]["listed"][0]["upn"] == PUPIL
    (access,) = AccessRecord.objects.filter(actor="pam")
    assert PUPIL not in access.what and PUPIL.lower() not in access.path
    removed = ErasureRecord.objects.get().removed
    assert (removed["import_reports"], removed["access_records"]) == (1, 1)
