"""A subject's attainment is over its entrants: average points and the shares at grade 4, 5 and 7 or above
(a double award by its lower grade); a subject with only technical awards has no grade shares."""

from __future__ import annotations

import pytest

from rollbook.rules.results.pupil_measures import measure_pupil
from rollbook.rules.results.subject_attainment import subject_attainment
from tests.support.entries_cohort import PUPILS
from tests.support.ks4_results import results


def test_maths_over_its_three_entrants():
    maths = subject_attainment(PUPILS)["maths"]  # 5, 3, 6; P4 was absent
    assert (maths.entrants, maths.average_points) == (3, pytest.approx(14 / 3))
    assert (maths.grade_4, maths.grade_5, maths.grade_7) == pytest.approx((200 / 3, 200 / 3, 0))


def test_combined_science_reaches_by_its_lower_grade():
    science = subject_attainment(PUPILS)["combined_science"]  # 5-4 and 3-3
    assert (science.average_points, science.grade_4, science.grade_5) == (3.75, 50.0, 0.0)


def test_a_technical_award_has_no_grade_shares():
    pupil = measure_pupil("t", results(("Sport", "BTEC Tech Award", "L2M")))
    sport = subject_attainment([pupil])["sport"]
    assert (sport.average_points, sport.grade_4, sport.grade_7) == (5.5, None, None)
