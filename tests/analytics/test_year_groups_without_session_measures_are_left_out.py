"""Years 12 and 13, and pupils not following the National Curriculum, are not in session measures."""

from __future__ import annotations

from rollbook.analytics.attendance import measures
from tests.support.small_world import TWO_WEEKS, URN, present, pupil, register, write


def test_sixth_formers_and_pupils_without_a_year_group_are_not_counted(lake):
    # Reception (0) and Year 11 count; Years 12 and 13 and a pupil with no NC year do not.
    pupils = [
        pupil("R", nc_year=0),
        pupil("Y11", nc_year=11),
        pupil("Y12", nc_year=12),
        pupil("Y13", nc_year=13),
        pupil("NONE", nc_year=None),
    ]
    write(lake, pupils, [mark for p in pupils for mark in register(p["upn"], present(2))])
    rows = measures(lake, [URN], TWO_WEEKS, by=["nc_year"])
    assert [(row["nc_year"], row["pupils"]) for row in rows] == [(0, 1), (11, 1)]
