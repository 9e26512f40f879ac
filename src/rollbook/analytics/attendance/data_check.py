"""The data check: week by week, is every session of every pupil on roll marked, and marked finally?

A data manager trusts the other reports only when this one is clean: every expected session has a mark,
no `-` (no mark yet) is left, and no `N` (reason not yet established) is older than five school days.
Expected sessions come from the school's calendar: two per school day for each pupil on roll that day.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import numpy as np

from rollbook.analytics import engine as engines
from rollbook.analytics.attendance.figures import DataCheckWeek
from rollbook.analytics.attendance.sessions import academic_years_in, enrolment_sessions
from rollbook.analytics.filters import Filters
from rollbook.lake import Lake
from rollbook.rules.attendance.codes import CATEGORY_OF, NO_MARK, NOT_POSSIBLE, Category
from rollbook.rules.calendar import SchoolCalendar, week_commencing
from rollbook.rules.periods import Period
from rollbook.rules.years import SESSION_MEASURE_YEARS

#: The code for a reason not yet established, which schools must resolve within five school days.
NOT_YET_ESTABLISHED = "N"
RESOLVE_WITHIN_SCHOOL_DAYS = 5


def data_check(
    lake: Lake,
    school: int,
    period: Period,
    calendar: SchoolCalendar,
    as_of: dt.date,
    filters: Filters = Filters(),
    engine: str | None = None,
) -> list[DataCheckWeek]:
    """One row per week of the period: pupils on roll, marks by category and code, and the gaps."""
    days = calendar.school_days(period.start, min(period.end, as_of))
    on_roll = _pupils_on_roll(lake, school, period, days, filters, engine)
    sessions = enrolment_sessions(lake, [school], period, filters, engine)
    counts = engines.run(sessions.group_by(["date", "code"]).aggregate(marks=sessions.count()), engine)
    overdue_from = _school_days_before(calendar.school_days(end=as_of), RESOLVE_WITHIN_SCHOOL_DAYS)
    weeks: dict[dt.date, dict] = defaultdict(_empty_week)
    school_days = set(days)
    for day, pupils in zip(days, on_roll, strict=True):
        week = weeks[week_commencing(day)]
        week["pupils_on_roll"] = max(week["pupils_on_roll"], int(pupils))
        week["expected_sessions"] += 2 * int(pupils)
    for row in counts:
        day, code, marks = row["date"], row["code"], row["marks"]
        week = weeks[week_commencing(day)]
        week["codes"][code] += marks
        if day not in school_days:
            week["marks_on_closed_days"] += marks
        elif code != NO_MARK:
            week["marked_sessions"] += marks
        if code == NOT_YET_ESTABLISHED and overdue_from is not None and day <= overdue_from:
            week["unresolved_n"] += marks
    return [_finished(monday, week) for monday, week in sorted(weeks.items())]


def _empty_week() -> dict:
    return {"pupils_on_roll": 0, "expected_sessions": 0, "marked_sessions": 0, "marks_on_closed_days": 0,
            "unresolved_n": 0, "codes": Counter()}  # fmt: skip


def _finished(monday: dt.date, week: dict) -> DataCheckWeek:
    codes: Counter = week.pop("codes")
    by_category = Counter()
    for code, marks in codes.items():
        by_category[CATEGORY_OF[code]] += marks
    return {
        "week_commencing": monday.isoformat(),
        **{key: week[key] for key in ("pupils_on_roll", "expected_sessions", "marked_sessions")},
        "present": by_category[Category.PRESENT],
        "aea": by_category[Category.AEA],
        "absent": by_category[Category.AUTHORISED] + by_category[Category.UNAUTHORISED],
        "authorised": by_category[Category.AUTHORISED],
        "unauthorised": by_category[Category.UNAUTHORISED],
        "not_counted": by_category[NOT_POSSIBLE] - codes[NO_MARK],
        "no_mark_yet": codes[NO_MARK],
        "missing_marks": max(week["expected_sessions"] - week["marked_sessions"] - codes[NO_MARK], 0),
        "unresolved_n": week["unresolved_n"],
        "marks_on_closed_days": week["marks_on_closed_days"],
        "codes": dict(sorted(codes.items())),
    }


def _pupils_on_roll(lake, school, period, days, filters, engine) -> np.ndarray:
    """How many pupils (in year groups with session measures) are on roll on each school day."""
    pupils = filters.apply(engines.pupils(lake, [school], academic_years_in(period), engine))
    pupils = pupils.filter(pupils.nc_year.isin(SESSION_MEASURE_YEARS))
    rows = engines.run(pupils.select("admission_date", "leaving_date"), engine)
    never, always = np.datetime64("1900-01-01"), np.datetime64("2999-12-31")
    admitted = np.array([row["admission_date"] or never for row in rows], dtype="datetime64[D]")
    leaving = np.array([row["leaving_date"] or always for row in rows], dtype="datetime64[D]")
    on = np.array(days, dtype="datetime64[D]")
    return ((admitted[None, :] <= on[:, None]) & (on[:, None] <= leaving[None, :])).sum(axis=1)


def _school_days_before(days: list[dt.date], count: int) -> dt.date | None:
    """The school day with `count` school days after it in `days`: an N mark on or before it has waited
    five school days and is overdue."""
    return days[-1 - count] if len(days) > count else None
