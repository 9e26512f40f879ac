"""Maths is always doubled; a second maths result counts nowhere, not even in open."""

from __future__ import annotations

from rollbook.rules.results.attainment8 import attainment8
from tests.support.ks4_results import results


def test_maths_alone_is_doubled():
    assert attainment8(results(("Maths", "GCSE", "6"))).maths == 12


def test_a_second_maths_qualification_does_not_spill_into_open():
    a8 = attainment8(results(("Maths", "GCSE", "6"), ("Mathematics", "GCSE (A*-G)", "A")))
    assert a8.maths == 14  # the legacy A (7 points) is the better, doubled
    assert a8.open == 0
