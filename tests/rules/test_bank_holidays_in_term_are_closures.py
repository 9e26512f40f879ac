"""England's bank holidays that fall in term are closures in the default calendar, one-off ones included."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.rules.calendar import bank_holidays, england_default


@pytest.mark.parametrize(
    ("academic_year", "closed", "open_"),
    [
        # VE Day: the early May bank holiday moved from Monday 4 May to Friday 8 May 2020.
        (2019, dt.date(2020, 5, 8), dt.date(2020, 5, 4)),
        # The state funeral of Queen Elizabeth II.
        (2022, dt.date(2022, 9, 19), dt.date(2022, 9, 20)),
        # The coronation of King Charles III, a week after the early May bank holiday.
        (2022, dt.date(2023, 5, 8), dt.date(2023, 5, 9)),
        (2022, dt.date(2023, 5, 1), dt.date(2023, 5, 2)),
    ],
)
def test_a_bank_holiday_in_term_is_not_a_school_day(academic_year, closed, open_):
    calendar = england_default(academic_year)
    assert not calendar.is_school_day(closed)
    assert calendar.is_school_day(open_)


def test_the_academic_years_bank_holidays_run_from_august_to_july():
    days = bank_holidays(2024)
    assert days[0] == dt.date(2024, 8, 26)  # the summer bank holiday
    assert days[-1] == dt.date(2025, 5, 26)  # the spring bank holiday
    assert dt.date(2024, 12, 25) in days and dt.date(2025, 4, 18) in days
