"""Each register code counts where the DfE counts it (docs/attendance-measures.md)."""

from __future__ import annotations

import pytest

from rollbook.analytics.attendance import measures
from tests.support.small_world import TWO_WEEKS, URN, pupil, register, write


def figures_for(lake, codes):
    write(lake, [pupil("A")], register("A", codes))
    (row,) = measures(lake, [URN], TWO_WEEKS)
    return row


def test_late_before_the_register_closed_counts_as_present(lake):
    # 1 L and 1 "/": 2 present of 2 possible.
    row = figures_for(lake, ["L", "\\"])
    assert (row["present_sessions"], row["possible_sessions"], row["attendance_rate"]) == (2, 2, 100.0)


def test_arriving_after_the_register_closed_is_unauthorised_absence(lake):
    # 1 U and 1 "/": 1 unauthorised of 2 possible, 50%.
    row = figures_for(lake, ["U", "\\"])
    assert row["unauthorised_absence_sessions"] == 1
    assert row["unauthorised_absence_rate"] == 50.0


@pytest.mark.parametrize("code", ["D", "X", "Q", "Y1", "Y7", "Z", "#", "-"])
def test_codes_that_are_not_possible_sessions_are_in_neither_numerator_nor_denominator(lake, code):
    # 1 not-possible mark, 1 "\\" and 2 I: 4 marks but 3 possible sessions, 2 of them absent.
    row = figures_for(lake, [code, "\\", "I", "I"])
    assert row["possible_sessions"] == 3
    assert row["authorised_absence_sessions"] == 2
    assert row["overall_absence_rate"] == pytest.approx(100 * 2 / 3)


@pytest.mark.parametrize("code", ["V", "K", "P", "W", "B", "J"])
def test_approved_educational_activity_counts_as_attendance(lake, code):
    # J is the 2006 set's interview code, AEA; its 2024 successor J1 is authorised absence.
    row = figures_for(lake, [code, "\\"])
    assert (row["aea_sessions"], row["present_sessions"], row["attendance_rate"]) == (1, 1, 100.0)


def test_the_2024_interview_code_is_authorised_absence(lake):
    row = figures_for(lake, ["J1", "\\"])
    assert (row["aea_sessions"], row["authorised_absence_sessions"]) == (0, 1)
