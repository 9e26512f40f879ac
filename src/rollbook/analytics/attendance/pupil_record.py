"""One pupil's attendance: every mark in a register grid, counts by code, weekday and session, the trend
week by week, and earlier years where held.

Pupil-level: callers must check the pupil-level permission and audit the read before calling.
"""

from __future__ import annotations

import datetime as dt

from rollbook.analytics import engine as engines
from rollbook.analytics.attendance.figures import PupilRecord, RegisterWeek
from rollbook.analytics.attendance.groups import SESSION_NAMES, WEEKDAY_NAMES
from rollbook.analytics.attendance.sessions import enrolment_sessions, measures, reasons
from rollbook.analytics.filters import Filters
from rollbook.lake import Lake
from rollbook.rules.calendar import academic_year_label, academic_year_of, week_commencing
from rollbook.rules.periods import Period, whole_year
from rollbook.rules.years import label as year_label


class UnknownPupil(LookupError):
    """The UPN asked for is not a pupil the school's data holds."""


def pupil_record(lake: Lake, school: int, upn: str, period: Period) -> PupilRecord:
    """Everything the report shows about pupil `upn` at `school` in `period`; LookupError if not held."""
    only = Filters(upns=upn)
    pupils = engines.pupils(lake, [school], lake.academic_years(school))
    held = engines.run(pupils.filter(pupils.upn == upn).order_by("academic_year"))
    if not held:
        raise UnknownPupil(f"no pupil with UPN {upn} is held for school {school}")
    year = academic_year_of(period.end)
    details = next((row for row in held if row["academic_year"] == year), held[-1])
    earlier = [row["academic_year"] for row in held if row["academic_year"] < year]
    sessions = enrolment_sessions(lake, [school], period, only)
    marks = engines.run(sessions.select("date", "session", "code").order_by(["date", "session"]))
    return {
        "upn": upn,
        "name": f"{details['forename']} {details['surname']}",
        "year_group": year_label(details["nc_year"]),
        "reg_group": details["reg_group"],
        "fsm6": details["fsm6"],
        "sen": details["sen"],
        "admission_date": details["admission_date"],
        "leaving_date": details["leaving_date"],
        "measures": measures(lake, [school], period, only)[0],
        "weeks": measures(lake, [school], period, only, by=("week_commencing",)),
        "codes": [
            {key: row[key] for key in ("code", "category", "sessions", "rate")}
            for row in reasons(lake, [school], period, only)
        ],
        "by_weekday": [
            {**row, "label": f"{WEEKDAY_NAMES[row['weekday']]} {SESSION_NAMES[row['session']]}"}
            for row in measures(lake, [school], period, only, by=("weekday", "session"))
        ],
        "grid": _grid(marks),
        "earlier_years": [
            {
                "academic_year": academic_year_label(then),
                **measures(lake, [school], whole_year(then), only)[0],
            }
            for then in earlier
        ],
    }


def _grid(marks: list[dict]) -> list[RegisterWeek]:
    """The register "herringbone": a row per week, Monday AM to Friday PM, one code per cell ("" unmarked)."""
    weeks: dict[dt.date, list[str]] = {}
    for mark in marks:
        cells = weeks.setdefault(week_commencing(mark["date"]), [""] * 10)
        cells[2 * mark["date"].weekday() + (str(mark["session"]) == "PM")] = mark["code"]
    return [{"week_commencing": monday, "cells": cells} for monday, cells in sorted(weeks.items())]
