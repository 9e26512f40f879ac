"""An area's schools (England, a region, a local authority or a trust's URNs) are its state-funded
mainstream schools, each with every figure held beside its name, LA, region, rating and grid reference."""

from __future__ import annotations

import pytest

from rollbook.analytics.public.areas import Area
from rollbook.analytics.public.explore import schools_in_area
from tests.support.public_world import world

KS4 = [
    {"urn": 1, "name": "Camden School", "la_code": 202, "attainment8": 50.0},
    {"urn": 2, "name": "Manchester School", "la_code": 352, "attainment8": 40.0},
    {"urn": 3, "name": "Another Camden School", "la_code": 202, "attainment8": 45.0},
    {"urn": 4, "name": "Special School", "la_code": 202, "record_type": "2"},
    {"urn": 5, "name": "Independent School", "la_code": 202, "school_type": "IND"},
]
CENSUS = [{"urn": 1, "pupils_on_roll": 900, "fsm6_rate": 30.5}, {"urn": 9, "pupils_on_roll": 200}]


def urns(found) -> list[int]:
    return [school.urn for school in found.schools]


@pytest.fixture
def store(data_dir):
    return world(data_dir, KS4, census=CENSUS, ofsted={1: 2})


def test_england_is_every_state_funded_mainstream_school_by_name(store):
    assert urns(schools_in_area(2019, Area.england(), store)) == [3, 1, 2]


def test_a_region_a_local_authority_and_a_trust(store):
    assert urns(schools_in_area(2019, Area.region("North West"), store)) == [2]
    assert urns(schools_in_area(2019, Area.local_authority(202), store)) == [3, 1]
    assert urns(schools_in_area(2019, Area.trust(7, "A Trust", [1, 2, 4]), store)) == [1, 2]
    assert urns(schools_in_area(2019, Area.trust(8, "An Empty Trust", []), store)) == []


def test_each_school_carries_every_measure_and_its_details(store):
    found = schools_in_area(2019, Area.england(), store)
    camden = found.schools[1]

    assert (camden.local_authority, camden.region, camden.ofsted_rating, camden.school_type) == (
        "Camden",  # from the DfE's LA list shipped with Rollbook, as no LA file is loaded
        "London",
        "Good",
        "Converter academy",
    )
    assert (camden.measures["attainment8"], camden.measures["fsm6_rate"], camden.measures["progress8"]) == (
        50.0,
        30.5,
        None,
    )
    assert [each.key for each in found.measures] == ["attainment8", "pupils_on_roll", "fsm6_rate"]
    assert camden.as_dict()["fsm6_rate"] == 30.5


def test_a_year_without_ks4_results_is_not_found(data_dir):
    store = world(data_dir, census=CENSUS)

    with pytest.raises(LookupError, match="no school-level KS4 results are loaded for 2019"):
        schools_in_area(2019, Area.england(), store)
