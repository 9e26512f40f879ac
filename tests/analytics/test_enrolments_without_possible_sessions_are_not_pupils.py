"""An enrolment counts in `pupils` only with at least one possible session (DfE)."""

from __future__ import annotations

from rollbook.analytics.attendance import measures
from tests.support.small_world import TWO_WEEKS, URN, present, pupil, register, write


def test_a_dual_registered_pupil_attending_elsewhere_full_time_is_not_counted(lake):
    # A: 10 D (attending the other school) is 0 possible sessions; B: 10 present.
    write(lake, [pupil("A"), pupil("B")], register("A", ["D"] * 10) + register("B", present(10)))
    (row,) = measures(lake, [URN], TWO_WEEKS)
    assert (row["pupils"], row["possible_sessions"], row["persistent_absentees"]) == (1, 10, 0)


def test_a_school_with_no_possible_sessions_has_no_rates(lake):
    write(lake, [pupil("A")], register("A", ["#"] * 10))
    (row,) = measures(lake, [URN], TWO_WEEKS)
    assert row["pupils"] == 0
    assert row["attendance_rate"] is None
    assert row["persistent_absence_rate"] is None
