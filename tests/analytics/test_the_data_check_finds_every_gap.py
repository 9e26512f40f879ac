"""The data check counts, week by week, what was expected, what was marked and what is still open.

Week commencing 09/09/2024, England's default calendar (term began Wednesday 04/09/2024):
  A: present all 10 sessions.
  B: N on Monday morning and afternoon, present Tuesday to Thursday, "-" (no mark yet) on Friday.
  C: admitted Wednesday 11/09; present Wednesday and Thursday; nothing at all on Friday.
  Expected: A 10 + B 10 + C 6 (Wednesday to Friday) = 26.  Marked: 10 + 8 + 4 = 22 (a "-" is not a mark).
  No mark yet: 2.  Missing altogether: 26 - 22 - 2 = 2.  Present 20; unauthorised (N) 2.
  The N marks on Monday 09/09 are overdue once five school days have passed: by Monday 16/09, not on 13/09.
"""

from __future__ import annotations

import datetime as dt

from rollbook.analytics.attendance.data_check import data_check
from rollbook.rules.calendar import england_default
from rollbook.rules.periods import custom
from tests.support.small_world import URN, WEEK_1, present, pupil, register, write

WEDNESDAY = dt.date(2024, 9, 11)
WEEK = custom(WEEK_1, dt.date(2024, 9, 13))


def write_week(lake):
    marks = (
        register("A", present(10))
        + register("B", ["N", "N"] + present(6) + ["-", "-"])
        + register("C", present(4), start=WEDNESDAY)
    )
    write(lake, [pupil("A"), pupil("B"), pupil("C", admission_date=WEDNESDAY)], marks)


def test_expected_marked_and_missing_sessions(lake):
    write_week(lake)
    (week,) = data_check(lake, URN, WEEK, england_default(2024), as_of=dt.date(2024, 9, 13))
    assert week["week_commencing"] == "2024-09-09"
    assert (week["pupils_on_roll"], week["expected_sessions"], week["marked_sessions"]) == (3, 26, 22)
    assert (week["no_mark_yet"], week["missing_marks"]) == (2, 2)
    assert (week["present"], week["absent"], week["unauthorised"], week["not_counted"]) == (20, 2, 2, 0)
    assert week["codes"] == {"-": 2, "/": 10, "N": 2, "\\": 10}
    assert week["unresolved_n"] == 0


def test_an_n_left_five_school_days_is_overdue(lake):
    write_week(lake)
    (week,) = data_check(lake, URN, WEEK, england_default(2024), as_of=dt.date(2024, 9, 16))
    assert week["unresolved_n"] == 2
