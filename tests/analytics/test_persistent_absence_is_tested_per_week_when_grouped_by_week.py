"""Grouped by week, each enrolment is tested against its own possible sessions in that week."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.analytics.attendance import measures
from tests.support.small_world import TWO_WEEKS, URN, WEEK_1, WEEK_2, present, pupil, register, write


def test_a_pupil_absent_in_one_week_is_persistent_that_week_only(lake):
    # A: week 1 all present; week 2 5 I of 10 (50%): persistent and severe in week 2, and over both weeks
    # 5 of 20 (25%): persistent but not severe.
    write(lake, [pupil("A")], register("A", present(10) + present(5) + ["I"] * 5))
    weeks = measures(lake, [URN], TWO_WEEKS, by=["week_commencing"])
    assert [(w["week_commencing"], w["persistent_absentees"], w["severe_absentees"]) for w in weeks] == [
        (WEEK_1, 0, 0),
        (WEEK_2, 1, 1),
    ]
    (period,) = measures(lake, [URN], TWO_WEEKS)
    assert (period["persistent_absentees"], period["severe_absentees"]) == (1, 0)


def test_weeks_run_monday_to_friday_and_are_labelled_by_their_monday(lake):
    # Friday of week 1 (2 I) and Monday of week 2 (2 present) fall in different weeks.
    friday = dt.date(2024, 9, 13)
    write(
        lake, [pupil("A")], register("A", ["I", "I"], start=friday) + register("A", present(2), start=WEEK_2)
    )
    weeks = measures(lake, [URN], TWO_WEEKS, by=["week_commencing"])
    assert [(w["week_commencing"], w["overall_absence_rate"]) for w in weeks] == [
        (WEEK_1, pytest.approx(100.0)),
        (WEEK_2, pytest.approx(0.0)),
    ]
