"""KS2 prior attainment: fine levels averaged and rounded half up to 1 dp, scaled scores averaged into the
34 groups; low, middle and high bands at level 4 and 5, or scores 100 and 110."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rollbook.rules.results.prior_attainment import (
    SCALED_SCORE_GROUPS,
    BadPriorAttainment,
    Band,
    Baseline,
    baseline_for,
    fine_level,
    ks2_year,
    prior_attainment,
)

FINE, SCALED = Baseline.FINE_LEVELS, Baseline.SCALED_SCORES


def test_4matrix_example_44_fine_level_4_93_and_4_97_round_up_to_group_5_0():
    # English 68 marks at level 4 (threshold 41, next 69): 4 + 27 / 29 = 4.931 -> 4.93 (fine points 29.58).
    english = fine_level(4, 68, 41, 69)
    assert english == Decimal("4.93")
    # Maths fine points 29.82 = 4.97 x 6; (29.58 + 29.82) / 2 / 6 = 4.95, which rounds half up to 5.0.
    prior = prior_attainment(english, "4.97", FINE)
    assert prior.average == Decimal("5.0")
    assert prior.group == Decimal("5.0")


def test_4matrix_example_136_is_group_4_9():
    # ((26.28 + 32.75) / 2) / 6 = 4.919 -> 4.9
    prior = prior_attainment(Decimal("26.28") / 6, Decimal("32.75") / 6, FINE)
    assert prior.group == Decimal("4.9")


def test_fine_level_bands_change_at_4_0_and_5_0():
    assert [prior_attainment(level, level, FINE).band for level in ("3.94", "4.0", "4.94", "5.0")] == [
        Band.LOW, Band.MIDDLE, Band.MIDDLE, Band.HIGH
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("reading", "maths", "group", "band"),
    [(80, 84, "80", Band.LOW), (86, 87, "86.5", Band.LOW), (92, 93, "92.5", Band.LOW),
     (99, 100, "99.5", Band.LOW), (100, 100, "99.5", Band.MIDDLE), (104, 107, "105.5", Band.MIDDLE),
     (109, 110, "109.5", Band.MIDDLE), (110, 110, "109.5", Band.HIGH), (120, 120, "119.5", Band.HIGH)],
)  # fmt: skip
def test_scaled_scores_fall_into_their_group_and_band(reading, maths, group, band):
    prior = prior_attainment(str(reading), str(maths), SCALED)
    assert (prior.group, prior.band) == (Decimal(group), band)


def test_there_are_34_scaled_score_groups():
    assert len(SCALED_SCORE_GROUPS) == 34


@pytest.mark.parametrize(
    ("reading", "baseline"),
    [("121", SCALED), ("79", SCALED), ("100.5", SCALED), ("seven", SCALED), ("7.2", FINE), ("0.5", FINE)],
)
def test_a_score_off_its_scale_is_refused(reading, baseline):
    with pytest.raises(BadPriorAttainment):
        prior_attainment(reading, "100" if baseline is SCALED else "4.5", baseline)


def test_which_baseline_a_year_group_has():
    assert ks2_year(2018, 11) == 2014  # Year 11 in 2018/19 were in Year 6 in summer 2014
    assert ks2_year(2024, 7) == 2024
    assert baseline_for(2014) is FINE
    assert baseline_for(2016) is SCALED
    assert baseline_for(2020) is None and baseline_for(2021) is None
    assert baseline_for(2022) is SCALED
