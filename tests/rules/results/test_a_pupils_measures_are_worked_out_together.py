"""measure_pupil discounts once and works out every measure from what counts, with P8 only when there is
prior attainment and estimates; headline sums a group of pupils, showing no P8 where the DfE has none."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rollbook.rules.results.headline import headline
from rollbook.rules.results.prior_attainment import Band, Baseline, prior_attainment
from rollbook.rules.results.progress8 import Estimate, Estimates
from rollbook.rules.results.pupil_measures import measure_pupil
from tests.support.ks4_results import gcses, results

ESTIMATES = Estimates(2018, Baseline.FINE_LEVELS, (Estimate(Decimal("4.0"), 40, 9, 9, 11, 11),), "test")
FULL = dict(english_language="6", english_literature="5", maths="5", combined_science="5-4", history="4",
            french="4", art="6")  # fmt: skip


def test_a_pupil_with_every_measure():
    prior = prior_attainment("4.5", "4.6", Baseline.FINE_LEVELS)
    pupil = measure_pupil("A123", [*gcses(**FULL), *results(("Photography", "GCSE", "4"))], prior, ESTIMATES)
    # maths 10, English 12, EBacc 4.5 + 4.5 + 4 (history or French), open 6 + 4 + 5: 50; the photography 4
    # is discounted against art 6.
    assert pupil.attainment8.total == 50
    assert [d.result.subject.key for d in pupil.discounted] == ["photography"]
    assert (pupil.ebacc.entered, pupil.ebacc.achieved_4, pupil.ebacc.achieved_5) == (True, True, True)
    assert pupil.basics.achieved_5
    assert pupil.prior_band is Band.MIDDLE
    assert pupil.progress8.progress8 == pytest.approx(1.0)  # (50 - 40) / 10


def test_without_prior_attainment_there_is_no_p8():
    assert measure_pupil("A123", gcses(**FULL), None, ESTIMATES).progress8 is None


def test_a_headline_is_the_mean_and_rates_over_every_pupil():
    prior = prior_attainment("4.0", "4.0", Baseline.FINE_LEVELS)
    pupils = [measure_pupil("A", gcses(**FULL), prior, ESTIMATES), measure_pupil("B", gcses(maths="3"))]
    figures = headline(pupils, cohort_year=2018, sigma=1.283)
    assert figures.pupils == 2
    assert figures.attainment8 == 28  # (50 + 6) / 2
    assert (figures.ebacc_entry_rate, figures.basics_4_rate, figures.basics_5_rate) == (50, 50, 50)
    assert figures.ebacc_aps == pytest.approx((6 + 5 + 4.5 + 4.5 + 4 + 4) / 6 / 2 + 3 / 6 / 2)
    assert figures.progress8.pupils == 1
    assert figures.progress8.progress8 == pytest.approx(1.0)


def test_a_headline_for_2024_25_shows_no_p8_and_says_why():
    prior = prior_attainment("100", "100", Baseline.SCALED_SCORES)
    estimates = Estimates(2024, Baseline.SCALED_SCORES, (Estimate(Decimal(80), 40, 9, 9, 11, 11),), "test")
    figures = headline([measure_pupil("A", gcses(**FULL), prior, estimates)], cohort_year=2024, sigma=1.3)
    assert figures.progress8 is None
    assert "no KS2 tests" in figures.progress8_status.reason
