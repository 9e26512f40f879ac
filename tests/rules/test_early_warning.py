"""The early-warning rule on hand-worked pupils."""

from __future__ import annotations

import pytest

from rollbook.rules.attendance.early_warning import outlook


def test_rising_recent_absence_flags_a_pupil_not_yet_persistently_absent():
    # 100 sessions so far, 8 missed (8%); the last four weeks 10 of 40 (25%); 200 sessions left.
    # By July: (8 + 0.25 x 200) / 300 = 58 / 300 = 19.3%: on course for persistent absence.
    seen = outlook(absent=8, possible=100, recent_absent=10, recent_possible=40, sessions_left=200)
    assert (seen.already_persistent, seen.at_risk) == (False, True)
    assert seen.projected_absence_rate == pytest.approx(100 * 58 / 300)
    assert "25.0% of the last 4 weeks" in seen.reason


def test_the_boundary_is_ten_percent_exactly():
    # 5 of 100 so far, last weeks 5 of 40 (12.5%), 120 left: (5 + 15) / 220 = 9.09%: not flagged.
    assert not outlook(5, 100, 5, 40, 120).at_risk
    # 5 of 100 so far, last weeks 6 of 40 (15%), 100 left: (5 + 15) / 200 = exactly 10%: flagged.
    assert outlook(5, 100, 6, 40, 100).at_risk


def test_a_pupil_already_persistently_absent_is_listed_as_such_not_predicted():
    seen = outlook(absent=12, possible=100, recent_absent=0, recent_possible=40, sessions_left=200)
    assert (seen.already_persistent, seen.at_risk) == (True, False)
    assert seen.reason == "already missed 12.0% this year"


def test_no_sessions_yet_means_no_outlook():
    assert outlook(0, 0, 0, 0, 300).projected_absence_rate is None
