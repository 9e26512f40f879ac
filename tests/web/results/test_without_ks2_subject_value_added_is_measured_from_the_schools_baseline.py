"""Without KS2, subject value added is measured from the baseline schools supply, labelled as Rollbook's own:
the planted nation (tests/support/planted.py) with a standardised score for every pupil in place of KS2
still finds the school whose science is graded a grade high."""

from __future__ import annotations

import pytest

from rollbook import config
from rollbook.analytics.results import national
from rollbook.web.accounts.models import Membership
from rollbook.web.schools.models import School
from tests.support.planted import SCIENCE_SCHOOL, write_planted_nation


@pytest.fixture
def planted(world):
    write_planted_nation(world.lake, baseline="CAT4 mean SAS")
    national.publish(world.lake, config.ks4_national_root())
    school = School.objects.create(urn=SCIENCE_SCHOOL, la_code=823, estab=4100, name="Planted School")
    Membership.objects.create(user=world.pam, school=school, pupil_level=True)
    return world.client_for(world.pam)


def test_science_is_found_from_the_baseline_and_labelled_so(planted):
    data = planted.get(f"/schools/{SCIENCE_SCHOOL}/subjects/value-added/", {"format": "json"}).json()
    assert data["measured_as"] == ["Rollbook subject value added (from CAT4 mean SAS; not a DfE measure)"]
    science = next(row for row in data["subjects"] if row["subject"] == "combined_science")["value_added"]
    assert science["significance"] == "significantly above"
    assert science["value_added"] == pytest.approx(1, abs=0.3)
