"""A figure for a measure no sentence knows, or two figures for the same measure, item and year, are refused
with the reason, rather than quietly read."""

from __future__ import annotations

import pytest

from rollbook.rules.insight.areas_of_interest import areas_of_interest
from rollbook.rules.insight.figures import Figure


def test_an_unknown_measure():
    with pytest.raises(ValueError, match="no measure is called 'atainment8'"):
        areas_of_interest([Figure("atainment8", 2018, 46.0, 100)], 2018)


def test_two_figures_for_one_item():
    twice = [Figure("subject_aps", 2018, 4.0, 30, item="maths")] * 2
    with pytest.raises(ValueError, match="two figures for subject_aps in maths in 2018/19"):
        areas_of_interest(twice, 2018)
