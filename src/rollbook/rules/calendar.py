"""The school year: academic years from 1 August, six half-terms, Monday-to-Friday weeks, AM/PM sessions.

A school's own half-term dates are used where the school has set them; otherwise `england_default` gives
dates that follow the usual pattern of English local authorities' calendars. The defaults are a starting
point, not a claim about any one authority's dates.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

import holidays
from dateutil.easter import easter

ONE_DAY = dt.timedelta(days=1)
ONE_WEEK = dt.timedelta(days=7)
MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)


class Session(StrEnum):
    AM = "AM"
    PM = "PM"


SESSIONS = (Session.AM, Session.PM)

HALF_TERM_NAMES = ("Autumn 1", "Autumn 2", "Spring 1", "Spring 2", "Summer 1", "Summer 2")
TERM_NAMES = ("Autumn", "Spring", "Summer")


def academic_year_of(day: dt.date) -> int:
    """The academic year holding `day`, named by its first calendar year (2024 is 2024/25)."""
    return day.year if day.month >= 8 else day.year - 1


def academic_year_label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def academic_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 8, 1), dt.date(year + 1, 7, 31)


def parse_academic_year(text: str) -> int:
    """Read "2024", "2024/25" or "2024/2025" (and "2024-25") as 2024."""
    head, _, tail = text.strip().replace("-", "/").partition("/")
    year = int(head)
    if tail and int(tail) % 100 != (year + 1) % 100:
        raise ValueError(f"{text!r} is not an academic year")
    return year


def week_commencing(day: dt.date) -> dt.date:
    """The Monday of the week holding `day`."""
    return day - dt.timedelta(days=day.weekday())


def weekdays(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    day = start
    while day <= end:
        if day.weekday() < SATURDAY:
            yield day
        day += ONE_DAY


@dataclass(frozen=True)
class HalfTerm:
    name: str
    start: dt.date
    end: dt.date

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class SchoolCalendar:
    """One school's academic year: its six half-terms and any closures inside them (bank holidays, INSET)."""

    academic_year: int
    half_terms: tuple[HalfTerm, ...]
    closures: frozenset[dt.date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if len(self.half_terms) != len(HALF_TERM_NAMES):
            raise ValueError("a school year has six half-terms")
        first, last = academic_year_bounds(self.academic_year)
        previous_end = first - ONE_DAY
        for half_term in self.half_terms:
            if half_term.start > half_term.end:
                raise ValueError(f"{half_term.name} ends before it starts")
            if half_term.start <= previous_end:
                raise ValueError(f"{half_term.name} overlaps the half-term before it")
            previous_end = half_term.end
        if previous_end > last:
            raise ValueError(f"Summer 2 ends after the academic year ({last:%d/%m/%Y})")

    @property
    def terms(self) -> tuple[HalfTerm, ...]:
        return tuple(
            HalfTerm(name, self.half_terms[2 * i].start, self.half_terms[2 * i + 1].end)
            for i, name in enumerate(TERM_NAMES)
        )

    def is_school_day(self, day: dt.date) -> bool:
        return (
            day.weekday() < SATURDAY
            and day not in self.closures
            and any(day in half_term for half_term in self.half_terms)
        )

    def school_days(self, start: dt.date | None = None, end: dt.date | None = None) -> list[dt.date]:
        first = max(start or self.half_terms[0].start, self.half_terms[0].start)
        last = min(end or self.half_terms[-1].end, self.half_terms[-1].end)
        return [day for day in weekdays(first, last) if self.is_school_day(day)]

    def last_school_day_before(self, day: dt.date) -> dt.date | None:
        """The latest school day of this year before `day`, or None when none has been yet."""
        days = self.school_days(end=day - ONE_DAY)
        return days[-1] if days else None

    def half_term_of(self, day: dt.date) -> HalfTerm | None:
        return next((half_term for half_term in self.half_terms if day in half_term), None)

    def term_of(self, day: dt.date) -> HalfTerm | None:
        return next((term for term in self.terms if day in term), None)

    def named(self, name: str) -> HalfTerm:
        """A term or half-term by name ("Spring", "spring 2"), case-insensitive."""
        for period in (*self.terms, *self.half_terms):
            if period.name.lower() == name.strip().lower():
                return period
        choices = ", ".join(TERM_NAMES + HALF_TERM_NAMES)
        raise KeyError(f"no term or half-term called {name!r}; choose one of {choices}")


def _on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _last_monday(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return _on_or_before(following - ONE_DAY, MONDAY)


def _week_off(monday: dt.date) -> tuple[dt.date, dt.date]:
    """The Friday before and the Monday after a one-week break starting `monday`."""
    return monday - dt.timedelta(days=3), monday + ONE_WEEK


@functools.cache
def england_default(academic_year: int) -> SchoolCalendar:
    """Typical English term dates for `academic_year` (about 190 school days); made once per year, as every
    page of a school without its own dates asks for them.

    Autumn starts on the first Wednesday from 2 September (after two INSET days) and ends on the last
    Friday on or before 22 December, with half-term in the week of the last Monday of October. Spring
    starts on 4 January (the next Monday if that falls on a Friday or the weekend), with half-term in the
    week of the first Monday from 12 February, and breaks for the two weeks from the Monday of Holy Week.
    Summer half-term is the week of the last Monday of May and the year ends on the last Friday on or
    before 23 July. Every bank holiday in England that falls in term is a closure (the early May bank
    holiday, and the one-off ones: 8 May 2020 instead of 4 May, 19 September 2022, 8 May 2023), and so are
    three INSET days (the first days of spring and summer terms and the last day of the year) besides the
    two before autumn term starts.
    """
    y, n = academic_year, academic_year + 1
    autumn_start = _on_or_after(dt.date(y, 9, 2), WEDNESDAY)
    autumn_break = _last_monday(y, 10)
    autumn_end = _on_or_before(dt.date(y, 12, 22), FRIDAY)
    spring_start = dt.date(n, 1, 4)
    if spring_start.weekday() >= FRIDAY:
        spring_start = _on_or_after(spring_start, MONDAY)
    spring_break = _on_or_after(dt.date(n, 2, 12), MONDAY)
    holy_week = week_commencing(easter(n) - 2 * ONE_DAY)
    summer_break = _last_monday(n, 5)
    summer_end = _on_or_before(dt.date(n, 7, 23), FRIDAY)
    autumn1_end, autumn2_start = _week_off(autumn_break)
    spring1_end, spring2_start = _week_off(spring_break)
    summer1_end, summer2_start = _week_off(summer_break)
    half_terms = (
        HalfTerm("Autumn 1", autumn_start, autumn1_end),
        HalfTerm("Autumn 2", autumn2_start, autumn_end),
        HalfTerm("Spring 1", spring_start, spring1_end),
        HalfTerm("Spring 2", spring2_start, holy_week - dt.timedelta(days=3)),
        HalfTerm("Summer 1", holy_week + 2 * ONE_WEEK, summer1_end),
        HalfTerm("Summer 2", summer2_start, summer_end),
    )
    in_term = {day for day in bank_holidays(academic_year) if any(day in half for half in half_terms)}
    inset = {half_terms[2].start, half_terms[4].start, half_terms[5].end}
    return SchoolCalendar(academic_year, half_terms, frozenset({*in_term, *inset}))


def bank_holidays(academic_year: int) -> list[dt.date]:
    """England's bank holidays in the academic year (1 August to 31 July), from the `holidays` package,
    which keeps the one-off ones a hand-written rule would miss."""
    first, last = academic_year_bounds(academic_year)
    england = holidays.country_holidays("GB", subdiv="ENG", years=(first.year, last.year))
    return sorted(day for day in england if first <= day <= last)
