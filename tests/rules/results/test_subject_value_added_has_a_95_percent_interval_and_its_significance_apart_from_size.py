"""A school's subject value added has the interval Progress 8 has, VA plus or minus 1.96 sigma / sqrt(n), and
its significance is read from the interval, not from the size: a big figure from few pupils can be in
line, a small one from many significant, and an interval that touches 0 is in line."""

from __future__ import annotations

import pytest

from rollbook.rules.comparison import Significance
from rollbook.rules.results.progress8 import confidence_interval
from rollbook.rules.results.subject_value_added import Residual, school_value_added


def va(values: list[float], sigma: float = 1.0):
    found = [Residual(f"p{i}", "maths", 2018, value, 0, sigma, "test") for i, value in enumerate(values)]
    return school_value_added(found)["maths"]


def test_the_interval_is_progress8s():
    figure = va([0.5, 1.5, 1.0, 0.0], sigma=1.5)
    # 0.75 +/- 1.96 x 1.5 / 2 = 0.75 +/- 1.47
    assert (figure.ci_low, figure.ci_high) == pytest.approx((-0.72, 2.22))
    assert (figure.ci_low, figure.ci_high) == pytest.approx(confidence_interval(0.75, 4, 1.5))


def test_nearly_a_grade_from_four_pupils_is_in_line():
    figure = va([0.9] * 4)  # 0.9 +/- 0.98
    assert figure.significance is Significance.IN_LINE


def test_a_tenth_of_a_grade_from_400_pupils_is_significantly_above():
    figure = va([0.1] * 400)  # 0.1 +/- 0.098
    assert figure.significance is Significance.ABOVE


def test_below_is_read_the_same_way():
    assert va([-0.1] * 400).significance is Significance.BELOW


def test_an_interval_touching_0_is_in_line():
    figure = va([0.98] * 4)  # 0.98 +/- 0.98: the interval starts at 0
    assert figure.ci_low == 0
    assert figure.significance is Significance.IN_LINE
