"""A pupil's P8 is (A8 - their group's estimate) / 10, element scores divide by the element's slots, and
the overall score equals the slot-weighted sum of the elements."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rollbook.rules.results.attainment8 import attainment8
from rollbook.rules.results.progress8 import Estimate, pupil_progress8
from tests.support.ks4_results import elements, results

#: Group 5.0 of the 2019 early estimates (A8 49.29), with element estimates adding up to it.
GROUP_5 = Estimate(Decimal("5.0"), 49.29, english=10, maths=10, ebacc=14, open=15.29)


def r1():
    return attainment8(
        results(("Maths", "GCSE", "5"), ("English Lang", "GCSE", "6"), ("English Lit", "GCSE", "4"),
                ("Combined Science", "GCSE", "5-4"), ("History", "GCSE", "6"), ("French", "GCSE", "3"),
                ("Art", "GCSE", "7"), ("Sport", "BTEC Tech Award", "L2M"))
    )  # fmt: skip


def test_r1_scoring_53_5_against_49_29_has_p8_0_421():
    progress = pupil_progress8(r1(), GROUP_5)
    assert progress.progress8 == pytest.approx(0.421)
    # English (12 - 10) / 2; maths (10 - 10) / 2; EBacc (15 - 14) / 3; open (16.5 - 15.29) / 3
    assert progress.english == pytest.approx(1.0)
    assert progress.maths == pytest.approx(0.0)
    assert progress.ebacc == pytest.approx(1 / 3)
    assert progress.open == pytest.approx(1.21 / 3)


def test_p8_is_the_slot_weighted_sum_of_its_elements():
    p = pupil_progress8(elements(english=7, maths=16, ebacc=20, open=9), GROUP_5)
    assert p.progress8 == pytest.approx((2 * p.english + 2 * p.maths + 3 * p.ebacc + 3 * p.open) / 10)
