"""The cap: a pupil below their group's minimum counts at the minimum in a school's P8, their own score and
element scores unchanged; estimates built from a cohort set minimums so that 1% of it is capped."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rollbook.rules.results.prior_attainment import Baseline, prior_attainment
from rollbook.rules.results.progress8 import (
    Estimate,
    build_estimates,
    pupil_progress8,
    school_progress8,
)
from tests.support.ks4_results import elements

CAPPED = Estimate(Decimal("5.0"), 49.29, english=10, maths=10, ebacc=14, open=15.29, minimum=-2.5)


def test_a_pupil_far_below_the_estimate_counts_at_the_minimum():
    pupils = [pupil_progress8(elements(open=a8), CAPPED) for a8 in (53.5, 10.0, 54.29)]
    assert [p.progress8 for p in pupils] == pytest.approx([0.421, -3.929, 0.5])
    assert [p.capped for p in pupils] == [False, True, False]
    school = school_progress8(pupils, sigma=1.283)
    # (0.421 - 2.5 + 0.5) / 3, where the uncapped mean would be (0.421 - 3.929 + 0.5) / 3 = -1.0027
    assert school.progress8 == pytest.approx(-0.526333, abs=1e-6)
    assert school.capped_pupils == 1
    assert school.open == pytest.approx(((53.5 + 10 + 54.29) / 3 - 15.29) / 3)


def test_a_positive_score_is_never_capped():
    assert not pupil_progress8(elements(open=90), CAPPED).capped


def test_a_cohorts_minimums_sit_the_same_number_of_its_groups_spreads_below_the_mean():
    four, five = (prior_attainment(level, level, Baseline.FINE_LEVELS) for level in ("4.0", "5.0"))
    cohort = [(four, elements(open=30)), (four, elements(open=40)),
              (five, elements(open=50)), (five, elements(open=60)), (five, elements(open=70))]  # fmt: skip
    estimates = build_estimates(cohort, cohort_year=2018)
    low, high = estimates.rows
    assert (low.attainment8, high.attainment8) == (35, 60)
    # Spreads of P8: group 4.0 sd(30, 40) / 10 = 0.5; group 5.0 sd(50, 60, 70) / 10 = sqrt(2/3). Scores in
    # spreads: -1, 1, -sqrt(1.5), 0, sqrt(1.5); the 1st percentile of five is the lowest, so k = sqrt(1.5).
    assert low.minimum == pytest.approx(-(1.5**0.5) * 0.5)
    assert high.minimum == pytest.approx(-1.0)
    assert (low.pupils, high.pupils) == (2, 3)
