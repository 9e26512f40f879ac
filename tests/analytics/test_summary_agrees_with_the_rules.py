"""The summary's every number equals the rules' `summarise` over tallies worked out by hand."""

from __future__ import annotations

import pytest

from rollbook.analytics.attendance import summary
from rollbook.rules.attendance.measures import SUMMARY_KEYS, Tally, summarise
from tests.support.small_world import TWO_WEEK_SCHOOL, TWO_WEEKS, URN, WEEK_1, WEEK_2, write_two_week_school

# Over both weeks (see small_world for the registers):
#   A 16 present (L counts as present), 2 authorised (I), 2 unauthorised (U): 4/20 = 20%, persistent.
#   B 18 present, 2 AEA (V, K), no absence.
#   C 10 present, 10 unauthorised (O): 10/20 = 50%, persistent and severe (50% counts).
#   D 7 present, 1 authorised (M): D, X, Y1, Z, # and "-" are not possible, so 1/8 = 12.5%, persistent.
#   E Year 12: left out.
#   F admitted in week 2: 9 present, 1 unauthorised (N): 1/10 = 10%, persistent (10% counts).
#   G left on the Wednesday of week 1: 4 present, 2 authorised: 2/6 = 33%, persistent.
BOTH_WEEKS = {
    "A": Tally(present=16, authorised=2, unauthorised=2),
    "B": Tally(present=18, aea=2),
    "C": Tally(present=10, unauthorised=10),
    "D": Tally(present=7, authorised=1),
    "F": Tally(present=9, unauthorised=1),
    "G": Tally(present=4, authorised=2),
}
# Week 1: A 8 present + 2 I; B 9 present + V; C 10 O; D nothing possible (not counted); G 4 present + 2 I.
# Week 2: A 8 present + 2 U; B 9 present + K; C 10 present; D 7 present + M; F 9 present + N.
WEEK_1_TALLIES = [
    Tally(present=8, authorised=2),
    Tally(present=9, aea=1),
    Tally(unauthorised=10),
    Tally(),
    Tally(present=4, authorised=2),
]
WEEK_2_TALLIES = [
    Tally(present=8, unauthorised=2),
    Tally(present=9, aea=1),
    Tally(present=10),
    Tally(present=7, authorised=1),
    Tally(present=9, unauthorised=1),
]


@pytest.fixture
def report(lake):
    write_two_week_school(lake)
    return summary(lake, URN, TWO_WEEKS)


def test_the_period_figures_equal_summarise_over_the_hand_tallies(report):
    assert report["measures"] == summarise(BOTH_WEEKS.values())


def test_the_hand_working_gives_the_expected_headline_figures(report):
    figures = report["measures"]
    assert list(figures) == list(SUMMARY_KEYS)
    assert figures["pupils"] == 6
    assert figures["possible_sessions"] == 84  # 20 + 20 + 20 + 8 + 10 + 6
    assert figures["present_sessions"] == 64
    assert figures["aea_sessions"] == 2
    assert figures["authorised_absence_sessions"] == 5
    assert figures["unauthorised_absence_sessions"] == 13
    assert figures["attendance_rate"] == pytest.approx(100 * 66 / 84)
    assert figures["overall_absence_rate"] == pytest.approx(100 * 18 / 84)
    assert figures["persistent_absentees"] == 5  # all but B
    assert figures["persistent_absence_rate"] == pytest.approx(100 * 5 / 6)
    assert figures["severe_absentees"] == 1  # C
    assert figures["severe_absence_rate"] == pytest.approx(100 * 1 / 6)


def test_each_week_equals_summarise_over_that_weeks_hand_tallies(report):
    assert report["weeks"] == [
        {"week_commencing": WEEK_1.isoformat(), **summarise(WEEK_1_TALLIES)},
        {"week_commencing": WEEK_2.isoformat(), **summarise(WEEK_2_TALLIES)},
    ]


def test_the_hand_tallies_agree_with_the_rules_reading_of_the_registers():
    # Guards the hand-working itself: the counted slice of each register, tallied by the rules.
    from tests.support.small_world import tally

    counted_sessions = {
        "A": slice(0, 20),
        "B": slice(0, 20),
        "C": slice(0, 20),
        "D": slice(0, 20),
        "F": slice(10, 20),
        "G": slice(0, 6),
    }
    for upn, sessions in counted_sessions.items():
        assert tally(TWO_WEEK_SCHOOL[upn][1][sessions]) == BOTH_WEEKS[upn], upn
