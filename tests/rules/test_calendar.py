"""Academic years, half-terms, weeks and England's default term dates."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.rules.calendar import (
    HALF_TERM_NAMES,
    HalfTerm,
    SchoolCalendar,
    academic_year_bounds,
    academic_year_label,
    academic_year_of,
    england_default,
    parse_academic_year,
    week_commencing,
)


def test_the_academic_year_starts_on_1_august():
    assert academic_year_of(dt.date(2024, 7, 31)) == 2023
    assert academic_year_of(dt.date(2024, 8, 1)) == 2024
    assert academic_year_bounds(2024) == (dt.date(2024, 8, 1), dt.date(2025, 7, 31))
    assert academic_year_label(2024) == "2024/25"
    assert academic_year_label(2099) == "2099/00"


@pytest.mark.parametrize("text", ["2024", "2024/25", "2024/2025", "2024-25"])
def test_academic_years_read_as_schools_write_them(text):
    assert parse_academic_year(text) == 2024


def test_a_mismatched_academic_year_is_refused():
    with pytest.raises(ValueError):
        parse_academic_year("2024/27")


def test_weeks_commence_on_monday():
    assert week_commencing(dt.date(2024, 9, 6)) == dt.date(2024, 9, 2)  # a Friday
    assert week_commencing(dt.date(2024, 9, 2)) == dt.date(2024, 9, 2)
    assert week_commencing(dt.date(2024, 9, 8)) == dt.date(2024, 9, 2)  # a Sunday


@pytest.mark.parametrize("year", range(2018, 2031))
def test_default_dates_give_about_190_school_days(year):
    calendar = england_default(year)
    assert 185 <= len(calendar.school_days()) <= 195
    assert [h.name for h in calendar.half_terms] == list(HALF_TERM_NAMES)


def test_default_2024_25_dates_follow_the_usual_pattern():
    calendar = england_default(2024)
    autumn1, autumn2, spring1, spring2, summer1, summer2 = calendar.half_terms
    assert autumn1.start == dt.date(2024, 9, 4)  # first Wednesday from 2 September
    assert autumn1.end == dt.date(2024, 10, 25)  # half-term is the week of the last Monday of October
    assert autumn2.start == dt.date(2024, 11, 4)
    assert autumn2.end == dt.date(2024, 12, 20)
    assert summer1.end == dt.date(2025, 5, 23)  # spring bank holiday week off
    assert summer2.start == dt.date(2025, 6, 2)
    assert not calendar.is_school_day(dt.date(2025, 5, 5))  # early May bank holiday
    assert not calendar.is_school_day(dt.date(2024, 9, 7))  # a Saturday
    assert not calendar.is_school_day(dt.date(2024, 10, 30))  # half-term
    assert calendar.is_school_day(dt.date(2024, 9, 4))


def test_terms_join_their_half_terms_and_are_found_by_name():
    calendar = england_default(2024)
    autumn = calendar.named("autumn")
    assert (autumn.start, autumn.end) == (dt.date(2024, 9, 4), dt.date(2024, 12, 20))
    assert calendar.named("Spring 2") == calendar.half_terms[3]
    assert calendar.term_of(dt.date(2025, 3, 3)).name == "Spring"
    assert calendar.half_term_of(dt.date(2024, 10, 30)) is None
    with pytest.raises(KeyError, match="choose one of"):
        calendar.named("Michaelmas")


def test_a_school_can_set_its_own_half_terms():
    d = dt.date
    own = SchoolCalendar(
        2024,
        (
            HalfTerm("Autumn 1", d(2024, 9, 2), d(2024, 10, 18)),
            HalfTerm("Autumn 2", d(2024, 11, 4), d(2024, 12, 18)),
            HalfTerm("Spring 1", d(2025, 1, 6), d(2025, 2, 14)),
            HalfTerm("Spring 2", d(2025, 2, 24), d(2025, 4, 4)),
            HalfTerm("Summer 1", d(2025, 4, 22), d(2025, 5, 23)),
            HalfTerm("Summer 2", d(2025, 6, 2), d(2025, 7, 22)),
        ),
    )
    # This school starts on Monday 2 September and takes two weeks at autumn half-term.
    assert own.is_school_day(d(2024, 9, 2))
    assert not england_default(2024).is_school_day(d(2024, 9, 2))
    assert not own.is_school_day(d(2024, 10, 21))
    assert england_default(2024).is_school_day(d(2024, 10, 21))


def test_overlapping_half_terms_are_refused():
    d = dt.date
    halves = list(england_default(2024).half_terms)
    halves[1] = HalfTerm("Autumn 2", d(2024, 10, 20), d(2024, 12, 20))
    with pytest.raises(ValueError, match="overlaps"):
        SchoolCalendar(2024, tuple(halves))
