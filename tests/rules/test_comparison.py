"""Rounding, difference shading and significance, on boundaries worked out by hand."""

from __future__ import annotations

import pytest

from rollbook.rules.comparison import Direction, display, rate_differs, shade, share_differs


@pytest.mark.parametrize(
    ("school", "national", "depth"),
    [
        (93.99, 93.0, 0),  # 0.99 points: no shading
        (94.0, 93.0, 1),  # 1.00
        (94.99, 93.0, 1),  # 1.99
        (95.0, 93.0, 2),  # 2.00
        (96.99, 93.0, 2),  # 3.99
        (97.0, 93.0, 3),  # 4.00
        (93.1, 92.1, 1),  # 0.99999... in floating point, 1.00 to a reader
    ],
)
def test_shading_depth_follows_the_size_of_the_gap(school, national, depth):
    assert shade("attendance_rate", school, national).depth == depth
    assert shade("attendance_rate", national, school).depth == depth


def test_higher_attendance_is_better_and_higher_absence_is_worse():
    assert shade("attendance_rate", 95.0, 93.0).direction is Direction.BETTER
    assert shade("overall_absence_rate", 7.0, 5.0).direction is Direction.WORSE
    assert shade("persistent_absence_rate", 20.0, 25.0).direction is Direction.BETTER
    assert shade("overall_absence_rate", 7.0, 5.0).css_class == "shade-worse-2"
    assert shade("overall_absence_rate", 5.0, 5.0).css_class == ""
    assert shade("overall_absence_rate", None, 5.0).depth == 0


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [(92.25, 1, "92.3"), (92.35, 1, "92.4"), (92.5, 0, "93"), (0.04999, 1, "0.0"), (None, 1, "–")],
)
def test_figures_round_half_up_as_people_do(value, places, shown):
    assert display(value, places) == shown


def test_a_session_rate_is_tested_with_pupils_as_the_sample():
    # 50 pupils missed 20 of 100 sessions and 50 missed none: rate 10%. Residuals a - 0.1p are +10 and -10,
    # so the variance is 100 * 10^2 / 10,000^2 * 100/99 = 1.0101e-4 and the standard error 1.005 points.
    numerators = [20] * 50 + [0] * 50
    denominators = [100] * 100
    z, significant = rate_differs(numerators, denominators, 8.0)
    assert z == pytest.approx(0.02 / 0.010050378, rel=1e-6) and significant  # 1.99 standard errors
    z, significant = rate_differs(numerators, denominators, 8.1)
    assert z == pytest.approx(0.019 / 0.010050378, rel=1e-6) and not significant  # 1.89


def test_two_pupils_are_not_enough_to_call_a_difference():
    # rate 2/20 = 10%; residuals +1 and -1; variance 2 / 400 * 2 = 0.01; z = (0.10 - 0.05) / 0.1 = 0.5
    z, significant = rate_differs([2, 0], [10, 10], 5.0)
    assert z == pytest.approx(0.5) and not significant


def test_a_share_of_pupils_is_tested_against_the_comparators_share():
    # 30 of 100 against 20%: standard error sqrt(0.2 * 0.8 / 100) = 0.04, z = 0.10 / 0.04 = 2.5
    assert share_differs(30, 100, 20.0) == (pytest.approx(2.5), True)
    assert share_differs(27, 100, 20.0) == (pytest.approx(1.75), False)
    assert share_differs(0, 0, 20.0) == (0.0, False)
    assert share_differs(3, 100, 0.0)[1] is True  # the comparator has none at all
