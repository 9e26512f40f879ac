"""A subject's difficulty by the pupils' own other subjects is minus the mean, over its entrants with another
subject, of their points in it less the mean of their points in their other subjects."""

from __future__ import annotations

import statistics

import pytest

from rollbook.rules.results.relative_difficulty import difficulty_from_other_subjects, hardest_first
from tests.support.difficulty_cohort import ENTRIES

# Residuals: maths A 6 - 4.5, B 7 - 5, C 5 - 6 = 1.5, 2, -1; French A 4 - 5.5, B 5 - 7 = -1.5, -2;
# history A 5 - 5, C 6 - 5 = 0, 1. Pupil D has one subject and no residual.


def test_each_subjects_difficulty_is_minus_its_mean_residual():
    found = difficulty_from_other_subjects(ENTRIES)
    assert {s: d.difficulty for s, d in found.items()} == pytest.approx(
        {"maths": -2.5 / 3, "french": 1.75, "history": -0.5}
    )
    assert {s: d.pupils for s, d in found.items()} == {"maths": 3, "french": 2, "history": 2}


def test_its_spread_is_the_national_residuals():
    assert difficulty_from_other_subjects(ENTRIES)["maths"].sigma == pytest.approx(
        statistics.pstdev([1.5, 2, -1])
    )


def test_the_chart_runs_from_the_hardest():
    assert [d.subject for d in hardest_first(difficulty_from_other_subjects(ENTRIES))] == [
        "french", "history", "maths"
    ]  # fmt: skip
