"""Publishing the national KS4 figures also publishes the year's subject figures beside them: on the
hand-worked nation of tests/support/ks4.py (three pupils, all on KS2 fine levels, every subject's groups
too thin to stand alone, so each subject has one estimate: its entrants' mean points), worked out here.

Maths: A1 5, A2 3, B1 7, estimate 5, residuals 0, -2, +2, sigma sqrt(8/3). English as an area (both
English subjects, the better counts): A1 6, B1 8, estimate 7, residuals -1, +1, sigma 1. Science as an
area: A1 combined 5-5 is 5, B1 the best two singles (7, 6) is 6.5; estimate 5.75.
"""

from __future__ import annotations

import math

import pytest

from rollbook.analytics.results import national, subjects
from tests.support.ks4 import YEAR, write_ks4_nation


@pytest.fixture
def found(lake, data_dir):
    write_ks4_nation(lake)
    national.publish(lake, data_dir / "ks4-national")
    figures, provisional = subjects.latest(data_dir / "ks4-national", YEAR)
    assert not provisional
    return figures


def test_entry_shares_are_of_the_whole_national_cohort(found):
    assert found.pupils == 3 and found.schools == 2
    assert found.entries.subject_share("maths") == 100
    assert found.entries.subject_share("english_literature") == pytest.approx(200 / 3)  # A1 and B1
    assert found.entries.subject_share("music") == pytest.approx(100 / 3)
    assert found.entries.area_share("English") == pytest.approx(200 / 3)  # A2 sat English language only
    assert found.entries.area_share("languages") == pytest.approx(200 / 3)


def test_the_subject_value_added_estimates_and_their_spread(found):
    maths = found.subject_estimates["KS2 fine levels"].subjects["maths"]
    assert [(g.points, g.entrants) for g in maths.groups] == [(5, 3)]
    assert maths.sigma == pytest.approx(math.sqrt(8 / 3))
    areas = found.area_estimates["KS2 fine levels"].subjects
    assert areas["English"].groups[0].points == 7 and areas["English"].sigma == pytest.approx(1)
    assert areas["science"].groups[0].points == pytest.approx(5.75)
    assert areas["science"].sigma == pytest.approx(0.75)


def test_relative_difficulty_by_own_other_subjects(found):
    # Maths against the pupil's other subjects: A1 5 - 40/8 = 0, A2 3 - 6/2 = 0, B1 7 - 54/8 = 0.25.
    assert found.difficulty["maths"].difficulty == pytest.approx(-0.25 / 3)
    # Art: A1 7 - 38/8 = 2.25, A2 2 - 7/2 = -1.5; its entrants score 0.375 higher in it.
    assert found.difficulty["art_and_design"].difficulty == pytest.approx(-0.375)
    assert found.pair_difficulty == {}  # no pair of subjects has the 30 pupils in common it needs


def test_each_schools_figures_are_kept_to_rank_schools_by(found):
    assert found.school_figures["subject_aps"]["maths"] == [4, 7]  # Alder (5 + 3) / 2, Birch 7
    assert found.school_figures["subject_entry"]["english_literature"] == [50, 100]
    assert found.school_figures["area_value_added"]["maths"] == [-1, 2]
    assert found.school_figures["attainment8"][""] == [33, 71]
    assert found.school_figures["progress8"][""] == [pytest.approx(-0.425), pytest.approx(0.85)]


def test_a_later_year_is_set_beside_them_as_provisional(found, data_dir):
    later, provisional = subjects.latest(data_dir / "ks4-national", YEAR + 1)
    assert provisional and later.academic_year == YEAR
