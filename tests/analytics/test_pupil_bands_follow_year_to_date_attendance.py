"""Year-to-date attendance bands on the pupil list: each band includes its lower bound."""

from __future__ import annotations

import pytest

from rollbook.analytics.attendance.pupil_list import band


@pytest.mark.parametrize(
    ("attendance", "named"),
    [
        (100.0, "100%"),
        (99.99, "97–99.9%"),
        (97.0, "97–99.9%"),
        (96.99, "95–96.9%"),
        (95.0, "95–96.9%"),
        (90.0, "90–94.9%"),
        (89.99, "50–89.9%"),
        (50.0, "50–89.9%"),
        (49.9, "under 50%"),
        (0.0, "under 50%"),
        (None, None),
    ],
)
def test_each_attendance_falls_in_one_band(attendance, named):
    assert band(attendance) == named
