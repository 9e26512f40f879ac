"""A school's relative performance in a subject is its entrants' mean residual against their own other
subjects less the national mean residual, with the interval from the national spread."""

from __future__ import annotations

import statistics

import pytest

from rollbook.rules.comparison import Significance
from rollbook.rules.results.relative_difficulty import difficulty_from_other_subjects, relative_performance
from rollbook.rules.results.subject_points import SubjectPoints
from tests.support.difficulty_cohort import ENTRIES


def test_a_school_pupil_is_set_beside_the_national_residual():
    national = difficulty_from_other_subjects(ENTRIES)
    school = [SubjectPoints("E", "maths", 8), SubjectPoints("E", "french", 6)]
    found = relative_performance(school, national, 2018)
    # maths: (8 - 6) - 2.5 / 3; French: (6 - 8) - -1.75
    assert found["maths"].value_added == pytest.approx(2 - 2.5 / 3)
    assert found["french"].value_added == pytest.approx(-0.25)
    half = 1.96 * statistics.pstdev([1.5, 2, -1])
    assert (found["maths"].ci_low, found["maths"].ci_high) == pytest.approx((7 / 6 - half, 7 / 6 + half))
    assert found["maths"].significance is Significance.IN_LINE
    assert found["maths"].label == "Relative performance (against the pupils' own other subjects)"


def test_a_subject_with_no_national_difficulty_is_left_out():
    school = [SubjectPoints("E", "latin", 8), SubjectPoints("E", "maths", 6)]
    assert set(relative_performance(school, difficulty_from_other_subjects(ENTRIES), 2018)) == {"maths"}
