"""The pupil list's week-by-week attendance for each pupil, on the two-week school of small_world.

Worked by hand (attended = present, late and approved educational activity; possible = attended + absent):
  A  week 1: 8 of 10 = 80%;  week 2: 8 of 10 = 80%.                2 weeks under 100%.
  B  V and K are approved educational activity, so attended: 100% both weeks.
  C  week 1: 0 of 10 = 0%;   week 2: 100%.
  D  week 1: no possible session at all, so no rate; week 2: 7 of 8 = 87.5% ("-" is not possible, M absent).
  E  Year 12: not in session measures, so not listed.
  F  admitted 16/09: week 1 before admission is not counted; week 2: 9 of 10 = 90%.
  G  left 11/09: Monday to Wednesday only, 4 of 6; nothing after leaving.
"""

from __future__ import annotations

import pytest

from rollbook.analytics.attendance.pupil_list import pupil_list
from rollbook.rules.calendar import england_default
from tests.support.small_world import TWO_WEEKS, URN, write_two_week_school

WEEK_1, WEEK_2 = "2024-09-09", "2024-09-16"


def test_each_pupils_weeks_follow_the_rules(lake):
    write_two_week_school(lake)
    rows = {row["upn"]: row for row in pupil_list(lake, URN, TWO_WEEKS, england_default(2024))}
    assert {upn: row["weeks"] for upn, row in rows.items()} == {
        "A": {WEEK_1: 80.0, WEEK_2: 80.0},
        "B": {WEEK_1: 100.0, WEEK_2: 100.0},
        "C": {WEEK_1: 0.0, WEEK_2: 100.0},
        "D": {WEEK_1: None, WEEK_2: 87.5},
        "F": {WEEK_2: 90.0},
        "G": {WEEK_1: pytest.approx(400 / 6)},
    }
    assert {upn: row["weeks_below_100"] for upn, row in rows.items()} == {
        "A": 2, "B": 0, "C": 1, "D": 1, "F": 1, "G": 1,
    }  # fmt: skip
