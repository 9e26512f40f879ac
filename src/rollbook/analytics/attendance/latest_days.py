"""The attendance officer's latest days: who has been absent day after day, which N marks are overdue, and
which sessions have no mark at all.

Pupil-level: callers must check the pupil-level permission and audit the read before calling.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from rollbook.analytics import engine as engines
from rollbook.analytics.attendance.data_check import NOT_YET_ESTABLISHED, RESOLVE_WITHIN_SCHOOL_DAYS
from rollbook.analytics.attendance.figures import LatestDays
from rollbook.analytics.attendance.sessions import academic_years_in, enrolment_sessions
from rollbook.analytics.filters import Filters
from rollbook.lake import Lake
from rollbook.rules.attendance.codes import ABSENT, CATEGORY_OF, NO_MARK
from rollbook.rules.attendance.measures import on_roll as is_on_roll
from rollbook.rules.calendar import SESSIONS, SchoolCalendar
from rollbook.rules.periods import custom
from rollbook.rules.years import SESSION_MEASURE_YEARS

#: How far back the view looks, in school days: enough to see a run of absence and the amendment window.
LOOK_BACK_SCHOOL_DAYS = 20


def latest_days(
    lake: Lake,
    school: int,
    calendar: SchoolCalendar,
    as_of: dt.date,
    consecutive_days: int,
    filters: Filters = Filters(),
) -> LatestDays:
    """The three lists, for the school days up to `as_of`."""
    days = calendar.school_days(end=as_of)[-LOOK_BACK_SCHOOL_DAYS:]
    if not days:
        return {"absent_day_after_day": [], "overdue_n": [], "no_mark": []}
    window = custom(days[0], days[-1])
    sessions = enrolment_sessions(lake, [school], window, filters)
    marks = engines.run(sessions.select("upn", "date", "session", "code"))
    pupils = _pupils_on_roll(lake, school, window, filters)
    by_pupil: dict[str, dict[tuple[dt.date, str], str]] = defaultdict(dict)
    for mark in marks:
        by_pupil[mark["upn"]][mark["date"], str(mark["session"])] = mark["code"]
    overdue_up_to = days[-1 - RESOLVE_WITHIN_SCHOOL_DAYS] if len(days) > RESOLVE_WITHIN_SCHOOL_DAYS else None
    result: dict[str, list[dict[str, object]]] = {"absent_day_after_day": [], "overdue_n": [], "no_mark": []}
    for pupil in pupils:
        register = by_pupil.get(pupil["upn"], {})
        on_roll = [day for day in days if is_on_roll(day, pupil["admission_date"], pupil["leaving_date"])]
        run = _absent_days_running(on_roll, register)
        if run and len(run) >= consecutive_days:
            codes = sorted({register[day, str(session)] for day in run for session in SESSIONS})
            result["absent_day_after_day"].append(_row(pupil, days=len(run), since=run[0], codes=codes))
        for (day, session), code in sorted(register.items()):
            if code == NOT_YET_ESTABLISHED and overdue_up_to is not None and day <= overdue_up_to:
                result["overdue_n"].append(_row(pupil, date=day, session=session))
        for day in on_roll:
            for session in map(str, SESSIONS):
                if register.get((day, session), NO_MARK) == NO_MARK:
                    result["no_mark"].append(_row(pupil, date=day, session=session))
    result["absent_day_after_day"].sort(key=lambda row: (-row["days"], row["name"]))
    return result


def _absent_days_running(days: list[dt.date], register: dict) -> list[dt.date]:
    """The school days, up to the last one, on which the pupil was absent both sessions without a break."""
    run: list[dt.date] = []
    for day in reversed(days):
        codes = [register.get((day, str(session))) for session in SESSIONS]
        if not all(code is not None and CATEGORY_OF.get(code) in ABSENT for code in codes):
            break
        run.insert(0, day)
    return run


def _row(pupil: dict, **found: object) -> dict[str, object]:
    return {
        "upn": pupil["upn"],
        "name": f"{pupil['surname']}, {pupil['forename']}",
        "reg_group": pupil["reg_group"],
        **found,
    }


def _pupils_on_roll(lake: Lake, school: int, window, filters: Filters) -> list[dict[str, object]]:
    pupils = filters.apply(engines.pupils(lake, [school], academic_years_in(window)))
    pupils = pupils.filter(pupils.nc_year.isin(SESSION_MEASURE_YEARS))
    columns = ("upn", "forename", "surname", "reg_group", "admission_date", "leaving_date")
    return engines.run(pupils.select(*columns).order_by("upn"))
