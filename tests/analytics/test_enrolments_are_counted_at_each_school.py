"""A pupil on roll at two schools is two enrolments, each tested against its own sessions."""

from __future__ import annotations

from rollbook.analytics.attendance import measures
from tests.support.small_world import OTHER_URN, TWO_WEEKS, URN, present, pupil, register, write


def test_the_same_upn_at_two_schools_is_counted_once_at_each(lake):
    # At URN: 8 present, 2 I (20%, persistent). At OTHER_URN: 10 present (0%).
    # One pupil with 20 sessions and 2 absences would be 10%; as two enrolments, one of two is persistent.
    write(lake, [pupil("A")], register("A", present(8) + ["I", "I"]), school=URN)
    write(lake, [pupil("A")], register("A", present(10)), school=OTHER_URN)
    (both,) = measures(lake, [URN, OTHER_URN], TWO_WEEKS)
    assert (both["pupils"], both["possible_sessions"], both["persistent_absentees"]) == (2, 20, 1)
    per_school = measures(lake, [URN, OTHER_URN], TWO_WEEKS, by=["school"])
    assert [(row["school"], row["pupils"], row["persistent_absentees"]) for row in per_school] == [
        (URN, 1, 1),
        (OTHER_URN, 1, 0),
    ]


def test_asking_for_one_school_reads_only_that_school(lake):
    write(lake, [pupil("A")], register("A", present(8) + ["I", "I"]), school=URN)
    write(lake, [pupil("A")], register("A", present(10)), school=OTHER_URN)
    (row,) = measures(lake, [OTHER_URN], TWO_WEEKS)
    assert (row["pupils"], row["possible_sessions"], row["persistent_absentees"]) == (1, 10, 0)
