"""Filters narrow the pupils measured; each accepts one value or several."""

from __future__ import annotations

import pytest

from rollbook.analytics.attendance import measures
from rollbook.analytics.filters import Filters
from tests.support.small_world import TWO_WEEKS, URN, write_two_week_school

# The two-week school's counted enrolments and their possible sessions (see small_world):
#   A 20  Y8 8A girl, FSM6, SEN K        B 20  Y8 8A boy, EAL, APKN     C 20  Y9 9B girl, SEN E
#   D  8  Y9 9B boy, FSM6, SEN K, EAL, APKN                            F 10  Y10 10A boy, BAFR
#   G  6  Y7 7A girl
# E (Year 12, SEN K, EAL) is never counted.


@pytest.mark.parametrize(
    ("filters", "pupils", "possible"),
    [
        (Filters(sex="F"), 3, 46),  # A 20 + C 20 + G 6
        (Filters(fsm6=True), 2, 28),  # A 20 + D 8
        (Filters(fsm6=False), 4, 56),  # B 20 + C 20 + F 10 + G 6
        (Filters(year_groups=[8, 9]), 4, 68),  # A 20 + B 20 + C 20 + D 8
        (Filters(year_groups=12), 0, 0),  # only E, who is left out anyway
        (Filters(reg_group="9B"), 2, 28),  # C 20 + D 8
        (Filters(upns=["A", "G"]), 2, 26),  # A 20 + G 6
        (Filters(sex="M", fsm6=True), 1, 8),  # D
        (Filters(sen="K"), 2, 28),  # A 20 + D 8 (E is Year 12)
        (Filters(sen=["K", "E"]), 3, 48),  # A 20 + C 20 + D 8
        (Filters(eal=True), 2, 28),  # B 20 + D 8 (E is Year 12)
        (Filters(ethnicity=["APKN", "BAFR"]), 3, 38),  # B 20 + D 8 + F 10
        (Filters(eal=False, ethnicity="WBRI"), 3, 46),  # A 20 + C 20 + G 6
    ],
)
def test_filters_keep_only_matching_pupils(lake, filters, pupils, possible):
    write_two_week_school(lake)
    (row,) = measures(lake, [URN], TWO_WEEKS, filters)
    assert (row["pupils"], row["possible_sessions"]) == (pupils, possible)
