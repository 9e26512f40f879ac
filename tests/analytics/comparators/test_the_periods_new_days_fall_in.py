"""Which periods a publish's new days fall in (summed again), and which a later day could still fall in
(whose tallies are kept), worked by hand on England's default 2024/25 calendar: Autumn 1 ends Friday 25
October, Autumn 2 begins Monday 4 November."""

from __future__ import annotations

import datetime as dt

from rollbook.analytics.comparators.tallies import Periods
from rollbook.rules.calendar import england_default

CALENDAR = england_default(2024)


def test_a_tuesday_falls_in_its_week_half_term_term_year_and_weekday():
    held = Periods.holding(CALENDAR, dt.date(2024, 10, 14), dt.date(2024, 10, 15))
    assert held == Periods(
        year=True,
        half_terms=frozenset({0}),  # Autumn 1
        terms=frozenset({0}),  # Autumn
        weeks=(dt.date(2024, 10, 14), dt.date(2024, 10, 14)),
        weekdays=frozenset({1}),
    )


def test_days_across_the_holiday_reach_the_next_half_term_and_both_weeks():
    # Published to Friday 25 October, the last day of Autumn 1; now to Tuesday 5 November: the holiday and
    # Autumn 2's first two days. Autumn 1 holds none of them; the Autumn term holds them all.
    held = Periods.holding(CALENDAR, dt.date(2024, 10, 25), dt.date(2024, 11, 5))
    assert held.half_terms == frozenset({1})
    assert held.terms == frozenset({0})
    assert held.weeks == (dt.date(2024, 10, 21), dt.date(2024, 11, 4))
    assert held.weekdays == frozenset(range(7))  # eleven days: every weekday


def test_after_a_friday_the_week_is_over_but_the_half_term_is_not():
    still = Periods.open_after(CALENDAR, dt.date(2024, 10, 18))
    assert (still.year, still.half_terms, still.terms) == (True, frozenset(range(6)), frozenset(range(3)))
    assert still.weeks[0] == dt.date(2024, 10, 13)  # the week of Monday 14 October: Sunday 20th is to come


def test_after_the_last_day_of_autumn_1_it_is_closed():
    still = Periods.open_after(CALENDAR, dt.date(2024, 10, 25))
    assert still.half_terms == frozenset(range(1, 6))
    assert Periods.open_after(CALENDAR, dt.date(2025, 7, 31)) == Periods()  # the year is over
