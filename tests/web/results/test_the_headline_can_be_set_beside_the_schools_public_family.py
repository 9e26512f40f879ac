"""Where public data is loaded, a school's KS4 headline can be set beside its Schools Like Yours family (the
family page's method and defaults) instead of national: the family's published figures, each school
weighted by its pupils, with the gaps and significance worked out against them."""

from __future__ import annotations

import pytest

from rollbook import config
from rollbook.analytics.public.family_figures import family_figures
from rollbook.analytics.results import national
from rollbook.ingest.public import import_public
from rollbook.lake.public import PublicStore
from rollbook.web.accounts.models import Membership
from rollbook.web.schools.models import School
from tests.support.ks4 import BIRCH, write_ks4_nation

IN_THE_DATA = 140862


@pytest.fixture
def family_school(world, shared_data):
    store = PublicStore(config.public_root())
    files = [shared_data / "performance-tables-2019", shared_data / "schools-like-yours-ks4-2019"]
    assert import_public(files, store, 2019).landed
    school = School.objects.create(urn=IN_THE_DATA, la_code=330, estab=4001, name="Family School")
    Membership.objects.create(user=world.alice, school=school)
    write_ks4_nation(world.lake, schools=(IN_THE_DATA, BIRCH))
    national.publish(world.lake, config.ks4_national_root())
    return world


def test_the_headline_beside_the_family(family_school):
    client = family_school.client_for(family_school.alice)
    data = client.get(f"/schools/{IN_THE_DATA}/ks4/", {"beside": "family", "format": "json"}).json()
    family = family_figures(IN_THE_DATA)
    assert family.schools == 20
    assert data["compared_with"].startswith("Schools like yours (20 schools")
    assert data["national_measures"]["attainment8"] == pytest.approx(family.measures["attainment8"])
    assert data["gaps"]["attainment8"]["difference"] == pytest.approx(33.0 - family.measures["attainment8"])
    assert data["national_measures"]["attainment8_english"] is None  # not in the public data
    page = client.get(f"/schools/{IN_THE_DATA}/ks4/", {"beside": "family"}).content.decode()
    assert "Schools like yours" in page


def test_a_school_not_in_the_public_data_is_told_so(family_school):
    response = family_school.client_for(family_school.bob).get("/schools/100002/ks4/", {"beside": "family"})
    assert response.status_code == 400 and "cannot be shown" in response.content.decode()
