"""Three-year subject value added weights each entrant of the latest year 3, of the year before 2 and of the
year before that 1, so equal cohorts count 50%, 33% and 17% and a bigger cohort counts for more; older
years are left out."""

from __future__ import annotations

import math

import pytest

from rollbook.rules.results.subject_value_added import Residual, three_year_value_added


def residual(year: int, value: float, pupil: str = "p") -> Residual:
    return Residual(f"{pupil}{year}{value}", "maths", year, 5 + value, 5, 1.0, "test")


def test_equal_cohorts_count_a_half_a_third_and_a_sixth():
    found = [residual(2018, 0.6), residual(2017, 0.3), residual(2016, -0.6)]
    # (3 x 0.6 + 2 x 0.3 + 1 x -0.6) / 6
    assert three_year_value_added(found)["maths"].value_added == pytest.approx(0.3)


def test_each_year_counts_by_its_weight_and_its_entrants_and_a_fourth_year_not_at_all():
    found = [residual(2018, 1.0, "a"), residual(2018, 1.0, "b"), residual(2017, -1.0),
             residual(2016, 0.0, "a"), residual(2016, 0.5, "b"), residual(2015, 5.0)]  # fmt: skip
    figure = three_year_value_added(found)["maths"]
    # (3 x (1 + 1) + 2 x -1 + 1 x (0 + 0.5)) / (3 x 2 + 2 x 1 + 1 x 2) = 4.5 / 10
    assert figure.value_added == pytest.approx(0.45)
    assert (figure.entrants, figure.years) == (5, (2016, 2017, 2018))
    # standard error: sqrt(9 x 2 + 4 x 1 + 1 x 2) / 10 = sqrt(24) / 10
    assert figure.ci_high - figure.value_added == pytest.approx(1.96 * math.sqrt(24) / 10)


def test_the_latest_years_with_entrants_count_when_a_year_had_no_exams():
    found = [residual(2021, 1.0), residual(2018, 0.0), residual(2017, 0.0), residual(2016, 9.0)]
    figure = three_year_value_added(found)["maths"]
    assert figure.years == (2017, 2018, 2021)
    assert figure.value_added == pytest.approx(0.5)  # 3 x 1 / 6
