"""An enrolment's sessions count from its admission date to its leaving date, both inclusive."""

from __future__ import annotations

import datetime as dt

from rollbook.analytics.attendance import measures
from tests.support.small_world import TWO_WEEKS, URN, present, pupil, register, write

WEDNESDAY = dt.date(2024, 9, 11)


def test_marks_before_admission_are_not_counted(lake):
    # Admitted on Wednesday of week 1: Monday and Tuesday's 4 G marks do not count; the 6 present from
    # Wednesday (inclusive) to Friday do. 6 possible, no absence.
    write(lake, [pupil("A", admission_date=WEDNESDAY)], register("A", ["G"] * 4 + present(6)))
    (row,) = measures(lake, [URN], TWO_WEEKS)
    assert (row["possible_sessions"], row["unauthorised_absence_sessions"]) == (6, 0)


def test_a_leavers_marks_count_up_to_and_including_the_leaving_date_only(lake):
    # Left on Wednesday of week 1: Monday to Wednesday's 6 marks count (4 present, 2 I); Thursday and
    # Friday's 4 O do not.
    write(lake, [pupil("A", leaving_date=WEDNESDAY)], register("A", present(4) + ["I", "I"] + ["O"] * 4))
    (row,) = measures(lake, [URN], TWO_WEEKS)
    assert (
        row["possible_sessions"],
        row["authorised_absence_sessions"],
        row["unauthorised_absence_sessions"],
    ) == (6, 2, 0)


def test_open_admission_and_leaving_dates_count_every_session(lake):
    write(lake, [pupil("A", admission_date=None, leaving_date=None)], register("A", present(10)))
    (row,) = measures(lake, [URN], TWO_WEEKS)
    assert row["possible_sessions"] == 10
