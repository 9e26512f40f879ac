"""Year group names and reporting periods."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.rules import periods, years
from rollbook.rules.calendar import england_default


@pytest.mark.parametrize(
    ("text", "value"), [("R", 0), ("7", 7), ("Year 11", 11), ("y9", 9), ("N1", -2), ("X", None)]
)
def test_year_groups_read_as_schools_write_them(text, value):
    assert years.parse_nc_year(text) == value


def test_year_groups_are_named_as_schools_name_them():
    assert years.label(0) == "Reception"
    assert years.label(7) == "Year 7"
    assert years.label(None) == "Not following the National Curriculum"


def test_sixth_form_is_outside_session_measures():
    assert 11 in years.SESSION_MEASURE_YEARS
    assert 12 not in years.SESSION_MEASURE_YEARS


def test_year_to_date_runs_from_1_august_to_the_day():
    period = periods.year_to_date(2024, dt.date(2024, 11, 22))
    assert (period.start, period.end) == (dt.date(2024, 8, 1), dt.date(2024, 11, 22))
    assert period.label == "2024/25 to 22/11/2024"


def test_a_week_runs_monday_to_friday():
    period = periods.week(dt.date(2024, 11, 20))
    assert (period.start, period.end) == (dt.date(2024, 11, 18), dt.date(2024, 11, 22))


def test_a_term_comes_from_the_school_calendar():
    period = periods.term(england_default(2024), "Spring 1")
    assert (period.start, period.end) == (dt.date(2025, 1, 6), dt.date(2025, 2, 14))


def test_a_custom_period_stays_in_one_academic_year():
    with pytest.raises(ValueError, match="one academic year"):
        periods.custom(dt.date(2024, 7, 1), dt.date(2024, 9, 30))
    with pytest.raises(ValueError, match="before it starts"):
        periods.custom(dt.date(2024, 9, 30), dt.date(2024, 9, 1))
