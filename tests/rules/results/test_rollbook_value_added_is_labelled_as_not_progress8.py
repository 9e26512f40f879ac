"""Value added from a school's own baseline, against the held national cohort, is Rollbook's measure and
says it is not Progress 8."""

from __future__ import annotations

import pytest

from rollbook.rules.results.value_added import build_value_added, pupil_value_added, school_value_added

COHORT = [(90, 30), (92, 40), (100, 50), (104, 60)]


def test_a_pupil_is_measured_against_their_baseline_bands_mean():
    estimates = build_value_added(COHORT, "CAT4 mean standard age score", band_pupils=1)
    assert estimates.bands == ((90, 35), (100, 55))
    assert pupil_value_added(95, 45, estimates) == pytest.approx(1.0)  # (45 - 35) / 10
    assert estimates.sigma == pytest.approx(0.5)  # residuals -0.5, 0.5, -0.5, 0.5


def test_a_schools_value_added_has_an_interval_and_is_not_called_p8():
    estimates = build_value_added(COHORT, "CAT4", band_pupils=1)
    school = school_value_added([1.0, 0.0], estimates)
    assert school.value_added == 0.5
    assert (school.ci_low, school.ci_high) == pytest.approx((0.5 - 0.69296, 0.5 + 0.69296), abs=1e-5)
    assert "not Progress 8" in school.label


def test_thin_bands_join_their_neighbour():
    estimates = build_value_added(COHORT, "CAT4", band_pupils=3)
    assert estimates.bands == ((90, 45),)
