"""A school's P8 interval is P8 plus or minus 1.96 sigma / sqrt(pupils), and its band follows from the
unrounded score and interval."""

from __future__ import annotations

import pytest

from rollbook.rules.results.progress8 import SIGMA_2019, Band, banding, confidence_interval


def test_acland_burghley_2019_interval_is_minus_0_30_to_0_14():
    # -0.08 +/- 1.96 x 1.283 / sqrt(128) = -0.08 +/- 0.2223
    low, high = confidence_interval(-0.08, 128, SIGMA_2019)
    assert (round(low, 2), round(high, 2)) == (-0.30, 0.14)


def test_an_interval_worked_by_hand():
    # 0.2 +/- 1.96 x 1.5 / sqrt(100) = 0.2 +/- 0.294
    assert confidence_interval(0.2, 100, 1.5) == pytest.approx((-0.094, 0.494))


@pytest.mark.parametrize(
    ("score", "low", "high", "band"),
    [(0.6, 0.1, 1.1, Band.WELL_ABOVE), (0.5, 0.2, 0.8, Band.WELL_ABOVE), (0.3, 0.05, 0.55, Band.ABOVE),
     (0.1, -0.1, 0.3, Band.AVERAGE), (-0.2, -0.4, 0.0, Band.AVERAGE), (-0.3, -0.55, -0.05, Band.BELOW),
     (-0.5, -0.8, -0.2, Band.BELOW), (-0.7, -1.0, -0.4, Band.WELL_BELOW), (0.7, -0.1, 1.5, Band.AVERAGE)],
)  # fmt: skip
def test_bands(score, low, high, band):
    assert banding(score, low, high) is band


def test_bands_read_as_the_dfe_words():
    assert [band.label for band in Band] == [
        "Well above average", "Above average", "Average", "Below average", "Well below average"
    ]  # fmt: skip
