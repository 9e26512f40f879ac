"""A subject's estimate for a prior-attainment group is the mean points of the national entrants in it; each
entrant's residual is their points minus it; a school's value added is its entrants' mean residual."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rollbook.rules.results.subject_points import SubjectPoints
from rollbook.rules.results.subject_value_added import build_estimates, residuals, school_value_added

LOW, HIGH = Decimal("99.5"), Decimal("104.5")
GROUPS = {"p1": LOW, "p2": LOW, "p3": LOW, "p4": HIGH, "p5": HIGH}
#: History: group 99.5 scores 4, 6 and 5 (mean 5); group 104.5 scores 7 and 5 (mean 6).
NATION = [SubjectPoints(pupil, "history", points) for pupil, points in (("p1", 4), ("p2", 6), ("p3", 5),
                                                                        ("p4", 7), ("p5", 5))]  # fmt: skip


def estimates():
    return build_estimates(NATION, GROUPS, 2018, "KS2 scaled scores", least=1)


def test_each_groups_estimate_is_its_entrants_mean():
    history = estimates().subjects["history"]
    assert [(row.group, row.points, row.entrants) for row in history.groups] == [(LOW, 5, 3), (HIGH, 6, 2)]


def test_each_entrants_residual_is_written_out():
    found = residuals(NATION, GROUPS, estimates())
    assert [(r.pupil, r.expected, r.value) for r in found] == [
        ("p1", 5, -1), ("p2", 5, 1), ("p3", 5, 0), ("p4", 6, 1), ("p5", 6, -1)
    ]  # fmt: skip


def test_sigma_is_the_spread_of_the_national_residuals():
    # residuals -1, 1, 0, 1, -1: variance 4 / 5
    assert estimates().subjects["history"].sigma == pytest.approx(0.8**0.5)


def test_a_schools_value_added_is_its_entrants_mean_residual():
    school = [SubjectPoints("p2", "history", 6), SubjectPoints("p4", "history", 7)]
    history = school_value_added(residuals(school, GROUPS, estimates()))["history"]
    assert (history.entrants, history.value_added, history.years) == (2, 1.0, (2018,))


def test_a_pupil_with_no_group_or_a_subject_with_no_estimate_is_not_measured():
    school = [SubjectPoints("p9", "history", 6), SubjectPoints("p1", "latin", 7)]
    assert residuals(school, GROUPS, estimates()) == []
