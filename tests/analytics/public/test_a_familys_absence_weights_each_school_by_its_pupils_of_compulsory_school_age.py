"""A school's public family's absence is its members' published figures, each school weighted by its pupils of
compulsory school age: not the school's own, not a school outside the family, not a member without figures.

Worked by hand, the family of school 101 (every other school holding the default criteria; 105 lacks one):
  overall absence: (100 x 4.0 + 300 x 6.0 + 600 x 5.0) / 1,000 = 5,200 / 1,000 = 5.2% over 102, 103 and 104;
  persistent absence: 104's is not published, so (100 x 10.0 + 300 x 20.0) / 400 = 7,000 / 400 = 17.5%;
  106 is in the family but has no absence published, so it is not counted (3 schools, 1,000 pupils).
"""

from __future__ import annotations

import pytest

from rollbook.analytics.public.family_figures import family_absence, public_family
from tests.support.public_world import sly_school, world

SCHOOLS = [sly_school(101, 20, 500), sly_school(102, 22, 100), sly_school(103, 25, 300),
           sly_school(104, 30, 600), sly_school(105, None, 900), sly_school(106, 35, 1000)]  # fmt: skip
ABSENCE = [
    {"urn": 101, "overall_absence_rate": 9.0, "persistent_absence_rate": 30.0},  # the school itself
    {"urn": 102, "overall_absence_rate": 4.0, "persistent_absence_rate": 10.0},
    {"urn": 103, "overall_absence_rate": 6.0, "persistent_absence_rate": 20.0},
    {"urn": 104, "overall_absence_rate": 5.0, "persistent_absence_rate": None},  # suppressed
    {"urn": 105, "overall_absence_rate": 50.0, "persistent_absence_rate": 90.0},  # not in the family
]


def test_the_family_is_weighted_by_pupils_of_compulsory_school_age(data_dir):
    store = world(data_dir, sly=SCHOOLS, absence=ABSENCE)

    assert public_family(101, store).members == (102, 103, 104, 106)
    found = family_absence(101, store)
    assert (found.year, found.schools, found.pupils) == (2019, 3, 1000)
    assert found.measures["overall_absence_rate"] == pytest.approx(5.2)
    assert found.measures["persistent_absence_rate"] == pytest.approx(17.5)


def test_without_absence_loaded_there_are_no_figures(data_dir):
    store = world(data_dir, sly=SCHOOLS)

    with pytest.raises(LookupError, match="no school absence data is loaded for 2019"):
        family_absence(101, store)
