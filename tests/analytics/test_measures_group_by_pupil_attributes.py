"""Measures per group: each group's enrolments summarised on their own."""

from __future__ import annotations

import pytest

from rollbook.analytics.attendance import measures
from rollbook.rules.attendance.measures import Tally, summarise
from tests.support.small_world import TWO_WEEKS, URN, write_two_week_school

# Hand tallies over both weeks (worked in test_summary_agrees_with_the_rules).
A = Tally(present=16, authorised=2, unauthorised=2)
B = Tally(present=18, aea=2)
C = Tally(present=10, unauthorised=10)
D = Tally(present=7, authorised=1)
F = Tally(present=9, unauthorised=1)
G = Tally(present=4, authorised=2)


@pytest.fixture(autouse=True)
def school(lake):
    write_two_week_school(lake)


def test_grouping_by_year_group_gives_one_row_per_year_in_order(lake):
    rows = measures(lake, [URN], TWO_WEEKS, by=["nc_year"])
    assert rows == [
        {"nc_year": 7, **summarise([G])},
        {"nc_year": 8, **summarise([A, B])},
        {"nc_year": 9, **summarise([C, D])},
        {"nc_year": 10, **summarise([F])},
    ]


def test_grouping_by_fsm6_separates_disadvantaged_pupils(lake):
    rows = measures(lake, [URN], TWO_WEEKS, by=["fsm6"])
    assert rows == [
        {"fsm6": False, **summarise([B, C, F, G])},
        {"fsm6": True, **summarise([A, D])},
    ]


def test_grouping_by_send_separates_each_level_of_need(lake):
    # E EHC plan: C. K SEN support: A and D (E is Year 12). N no SEN: B, F, G.
    rows = measures(lake, [URN], TWO_WEEKS, by=["sen"])
    assert rows == [
        {"sen": "E", **summarise([C])},
        {"sen": "K", **summarise([A, D])},
        {"sen": "N", **summarise([B, F, G])},
    ]
    # SEN support by hand: 28 possible, 3 authorised (A 2 I, D 1 M), 2 unauthorised (A 2 U); both
    # persistent (A 4/20, D 1/8), neither severe.
    support = rows[1]
    assert (support["pupils"], support["possible_sessions"], support["overall_absence_rate"]) == (
        2,
        28,
        100 * 5 / 28,
    )
    assert (support["persistent_absentees"], support["severe_absentees"]) == (2, 0)


def test_grouping_by_eal_separates_pupils_with_english_as_an_additional_language(lake):
    rows = measures(lake, [URN], TWO_WEEKS, by=["eal"])
    assert rows == [
        {"eal": False, **summarise([A, C, F, G])},
        {"eal": True, **summarise([B, D])},
    ]
    # EAL by hand: B 20 + D 8 = 28 possible, 25 present, 2 AEA, 1 authorised; D persistent (1/8).
    assert [rows[1][key] for key in ("possible_sessions", "present_sessions", "aea_sessions")] == [28, 25, 2]
    assert rows[1]["persistent_absentees"] == 1


def test_grouping_by_ethnicity_gives_one_row_per_recorded_code(lake):
    rows = measures(lake, [URN], TWO_WEEKS, by=["ethnicity"])
    assert rows == [
        {"ethnicity": "APKN", **summarise([B, D])},
        {"ethnicity": "BAFR", **summarise([F])},
        {"ethnicity": "WBRI", **summarise([A, C, G])},
    ]
    # WBRI by hand: 46 possible, 4 authorised + 12 unauthorised = 16 absent; A, C and G persistent, C severe.
    wbri = rows[2]
    assert (wbri["possible_sessions"], wbri["overall_absence_rate"]) == (46, 100 * 16 / 46)
    assert (wbri["persistent_absentees"], wbri["severe_absentees"]) == (3, 1)


def test_grouping_by_registration_group_orders_groups_as_text(lake):
    # "10A" sorts before "7A": groups are ordered by their names, not by year.
    rows = measures(lake, [URN], TWO_WEEKS, by=["reg_group"])
    assert rows == [
        {"reg_group": "10A", **summarise([F])},
        {"reg_group": "7A", **summarise([G])},
        {"reg_group": "8A", **summarise([A, B])},
        {"reg_group": "9B", **summarise([C, D])},
    ]


def test_grouping_by_two_attributes_gives_their_combinations(lake):
    rows = measures(lake, [URN], TWO_WEEKS, by=["sex", "fsm6"])
    assert rows == [
        {"sex": "F", "fsm6": False, **summarise([C, G])},
        {"sex": "F", "fsm6": True, **summarise([A])},
        {"sex": "M", "fsm6": False, **summarise([B, F])},
        {"sex": "M", "fsm6": True, **summarise([D])},
    ]


def test_grouping_by_pupil_gives_each_enrolments_own_figures(lake):
    rows = measures(lake, [URN], TWO_WEEKS, by=["upn"])
    assert rows == [
        {"upn": upn, **summarise([tally])} for upn, tally in zip("ABCDFG", [A, B, C, D, F, G], strict=True)
    ]


def test_an_unknown_grouping_is_refused(lake):
    with pytest.raises(ValueError, match="cannot group by forename"):
        measures(lake, [URN], TWO_WEEKS, by=["forename"])
