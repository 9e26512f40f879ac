"""Pupils who join or leave during the year carry admission and leaving dates, and no marks outside them."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from rollbook.synth import generate_schools
from rollbook.synth.marks import OFF_ROLL
from rollbook.synth.pupils import year_11_leaving_date


@pytest.fixture(scope="module")
def school_years():
    return generate_schools(3, seed=21, academic_year=2024)


def _on_roll(pupils, days):
    dates = np.array(days, dtype="datetime64[D]")
    leaving = pupils.leaving[:, None]
    return (pupils.admission[:, None] <= dates) & (np.isnat(leaving) | (dates <= leaving))


def test_there_are_joiners_and_leavers(school_years):
    for year in school_years:
        first_day = np.datetime64(year.days[0])
        assert (year.pupils.admission > first_day).any()
        leavers = ~np.isnat(year.pupils.leaving) & (year.pupils.nc_year != 11)
        assert leavers.any()


def test_marks_only_between_admission_and_leaving(school_years):
    for year in school_years:
        on_roll = np.repeat(_on_roll(year.pupils, year.days), 2, axis=1)
        assert (year.marks[~on_roll] == OFF_ROLL).all()
        assert (year.marks[on_roll] != OFF_ROLL).all()


def test_year_11_leave_on_the_last_friday_in_june(school_years):
    last_friday = np.datetime64(year_11_leaving_date(2024))
    assert last_friday == np.datetime64(dt.date(2025, 6, 27))
    for year in school_years:
        year_11 = year.pupils.nc_year == 11
        assert (year.pupils.leaving[year_11] <= last_friday).all()
