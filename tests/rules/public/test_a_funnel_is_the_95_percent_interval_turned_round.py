"""A Progress 8 funnel's limits for n pupils are 0 ± 1.96 σ / √n (95%) and ± 3.09 σ / √n (99.8%): a school
is outside the 95% funnel exactly when the DfE's 95% interval around its score leaves out 0."""

from __future__ import annotations

import pytest

from rollbook.rules.public.funnels import funnel
from rollbook.rules.results.progress8 import confidence_interval


def test_the_limits_for_a_hundred_pupils_in_2019():
    shape = funnel("Progress 8, 2019")
    assert (shape.pupils, shape.sigma) == ("P8 pupils, 2019", 1.282479)
    # 1.96 × 1.282479 / 10 = 0.25137; 3.09 × 1.282479 / 10 = 0.39629.
    assert shape.limits(100)["95%"] == pytest.approx((-0.25137, 0.25137), abs=1e-5)
    assert shape.limits(100)["99.8%"] == pytest.approx((-0.39629, 0.39629), abs=1e-5)


def test_outside_the_funnel_is_an_interval_leaving_out_zero():
    shape = funnel("Progress 8, 2019")
    for score in (0.24, 0.26, -0.26):
        low, high = confidence_interval(score, 100, shape.sigma)
        assert (not low <= 0 <= high) == (
            not shape.limits(100)["95%"][0] <= score <= shape.limits(100)["95%"][1]
        )


def test_an_element_and_an_earlier_year_have_their_own_spread_and_others_none():
    assert funnel("Progress 8, maths slot, 2019").sigma == 1.365617
    assert funnel("Progress 8, 2018").pupils == "P8 pupils, 2018"
    assert funnel("Attainment 8, 2019") is None
