"""Reporting periods: year to date, a term or half-term, a week, or custom dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rollbook.rules.calendar import (
    ONE_DAY,
    SchoolCalendar,
    academic_year_bounds,
    academic_year_label,
    academic_year_of,
    week_commencing,
)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    label: str
    #: The term or half-term this period is (or is the part so far of), so comparators can be matched by name.
    term: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(
                f"the period ends ({self.end:%d/%m/%Y}) before it starts ({self.start:%d/%m/%Y})"
            )

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def year_to_date(academic_year: int, as_of: dt.date) -> Period:
    start, end = academic_year_bounds(academic_year)
    return Period(
        start, min(end, as_of), f"{academic_year_label(academic_year)} to {min(end, as_of):%d/%m/%Y}"
    )


def whole_year(academic_year: int) -> Period:
    start, end = academic_year_bounds(academic_year)
    return Period(start, end, academic_year_label(academic_year))


def term(calendar: SchoolCalendar, name: str) -> Period:
    """A term or half-term of the school's calendar, by name."""
    named = calendar.named(name)
    return Period(
        named.start, named.end, f"{named.name} {academic_year_label(calendar.academic_year)}", named.name
    )


def term_so_far(calendar: SchoolCalendar, name: str, held_to: dt.date) -> Period:
    """A term or half-term cut at the last day data is held for; refused when it has not begun."""
    try:
        whole = term(calendar, name)
    except KeyError as unknown:
        raise ValueError(unknown.args[0]) from unknown
    if whole.start > held_to:
        raise ValueError(f"{whole.label} has not begun: the data runs to {held_to:%d/%m/%Y}")
    if whole.end <= held_to:
        return whole
    return Period(whole.start, held_to, f"{whole.label} to {held_to:%d/%m/%Y}", whole.term)


def week(day: dt.date) -> Period:
    monday = week_commencing(day)
    return Period(monday, monday + 4 * ONE_DAY, f"Week commencing {monday:%d/%m/%Y}")


def custom(start: dt.date, end: dt.date) -> Period:
    if academic_year_of(start) != academic_year_of(end):
        raise ValueError("a period must lie within one academic year (1 August to 31 July)")
    return Period(start, end, f"{start:%d/%m/%Y} to {end:%d/%m/%Y}")
