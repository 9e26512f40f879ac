"""Persistent absence is 10% or more of own possible sessions; severe is 50% or more."""

from __future__ import annotations

import datetime as dt

from rollbook.analytics.attendance import measures
from rollbook.rules.periods import custom
from tests.support.small_world import URN, WEEK_1, present, pupil, register, write

# 200 sessions: 20 school weeks from Monday 9 September 2024 (weekdays only; the world has no holidays).
SESSIONS = 200
TWENTY_WEEKS = custom(WEEK_1, dt.date(2025, 1, 24))


def with_absences(absent: int) -> list[str]:
    return ["I"] * absent + present(SESSIONS - absent)


def test_exactly_ten_per_cent_is_persistent_and_just_under_is_not(lake):
    # A: 20 of 200 = 10.0% (persistent). B: 19 of 200 = 9.5% (not).
    write(lake, [pupil("A"), pupil("B")], register("A", with_absences(20)) + register("B", with_absences(19)))
    rows = measures(lake, [URN], TWENTY_WEEKS, by=["upn"])
    assert [(row["upn"], row["possible_sessions"], row["persistent_absentees"]) for row in rows] == [
        ("A", 200, 1),
        ("B", 200, 0),
    ]


def test_exactly_half_is_severe_and_just_under_is_not(lake):
    # C: 100 of 200 = 50.0% (severe). D: 99 of 200 = 49.5% (persistent, not severe).
    write(
        lake, [pupil("C"), pupil("D")], register("C", with_absences(100)) + register("D", with_absences(99))
    )
    (row,) = measures(lake, [URN], TWENTY_WEEKS)
    assert (row["persistent_absentees"], row["severe_absentees"], row["severe_absence_rate"]) == (2, 1, 50.0)
