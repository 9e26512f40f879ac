"""The pupil list: one row per pupil, with their weeks, year-to-date band and early-warning outlook.

Pupil-level: callers must check the pupil-level permission and audit the read before calling.
"""

from __future__ import annotations

import datetime as dt

import ibis.expr.types as ir

from rollbook.analytics import engine as engines
from rollbook.analytics.attendance.figures import ListedPupil
from rollbook.analytics.attendance.sessions import (
    academic_years_in,
    attended_and_absent,
    enrolment_sessions,
    measures,
    year_to_date_held,
)
from rollbook.analytics.filters import Filters
from rollbook.lake import Lake
from rollbook.rules.attendance.early_warning import RECENT_WEEKS, outlook
from rollbook.rules.attendance.measures import rate
from rollbook.rules.calendar import SchoolCalendar
from rollbook.rules.periods import Period, custom
from rollbook.rules.years import label as year_label

#: Year-to-date attendance bands, highest first: (lowest attendance in the band, its name).
BANDS = (
    (100, "100%"),
    (97, "97–99.9%"),
    (95, "95–96.9%"),
    (90, "90–94.9%"),
    (50, "50–89.9%"),
    (0, "under 50%"),
)
BAND_NAMES = tuple(name for _, name in BANDS)


def band(attendance: float | None) -> str | None:
    """The band a year-to-date attendance falls in; the lower bound belongs to the band (97.0 is 97–99.9)."""
    if attendance is None:
        return None
    return next(name for lowest, name in BANDS if attendance >= lowest)


def pupil_list(
    lake: Lake, school: int, period: Period | None, calendar: SchoolCalendar, filters: Filters = Filters()
) -> list[ListedPupil]:
    """Every measured pupil: the period's and year's attendance, each week, the band and the outlook."""
    year_so_far = year_to_date_held(lake, school, academic_year=calendar.academic_year)
    period = period or year_so_far
    held_to = year_so_far.end
    recent = custom(max(held_to - dt.timedelta(weeks=RECENT_WEEKS) + dt.timedelta(days=1), year_so_far.start),
                    held_to)  # fmt: skip
    in_period = {row["upn"]: row for row in measures(lake, [school], period, filters, by=("upn",))}
    this_year = {row["upn"]: row for row in measures(lake, [school], year_so_far, filters, by=("upn",))}
    lately = {row["upn"]: row for row in measures(lake, [school], recent, filters, by=("upn",))}
    weeks = weekly_attendance(enrolment_sessions(lake, [school], period, filters))
    sessions_left = 2 * len(calendar.school_days(start=held_to + dt.timedelta(days=1)))
    rows = []
    for pupil in _pupils(lake, school, period, filters):
        upn = pupil["upn"]
        if upn not in in_period:
            continue
        ours, year = in_period[upn], this_year.get(upn, {})
        recent_row = lately.get(upn, {})
        seen = outlook(
            _absent(year), year.get("possible_sessions", 0), _absent(recent_row),
            recent_row.get("possible_sessions", 0), sessions_left,
        )  # fmt: skip
        pupil_weeks = weeks.get(upn, {})
        rows.append(
            {
                "upn": upn,
                "name": _name(pupil),
                "year_group": year_label(pupil["nc_year"]),
                "reg_group": pupil["reg_group"],
                "attendance_rate": ours["attendance_rate"],
                "year_to_date_attendance_rate": year.get("attendance_rate"),
                "band": band(year.get("attendance_rate")),
                "weeks_below_100": sum(rate is not None and rate < 100 for rate in pupil_weeks.values()),
                "weeks": pupil_weeks,
                "persistently_absent": seen.already_persistent,
                "at_risk": seen.at_risk,
                "outlook": seen.reason,
            }
        )
    return sorted(rows, key=lambda row: (-row["weeks_below_100"], row["attendance_rate"] or 0, row["name"]))


def weekly_attendance(sessions: ir.Table) -> dict[str, dict[str, float | None]]:
    """Each pupil's attendance rate week by week (weeks named by their Monday, ISO), in week order.

    The engine sums each pupil's weeks into sessions attended and possible (`attended_and_absent`, as
    `group_totals` counts them) and names the week; only the rate is made here. A big school's year is tens of
    thousands of pupil-weeks, too many to build a whole summary, or even a tally, for each on every page.
    """
    attended, absent = attended_and_absent(sessions)
    weekly = sessions.group_by(["upn", "week_commencing"]).aggregate(
        attended=attended.sum(), possible=(attended + absent).sum()
    )
    named = weekly.mutate(week=weekly.week_commencing.strftime("%Y-%m-%d"))
    by_pupil: dict[str, dict[str, float | None]] = {}
    for row in engines.run(named.order_by(["upn", "week_commencing"]).drop("week_commencing")):
        by_pupil.setdefault(row["upn"], {})[row["week"]] = rate(row["attended"], row["possible"])
    return by_pupil


def _absent(row: dict) -> int:
    return row.get("authorised_absence_sessions", 0) + row.get("unauthorised_absence_sessions", 0)


def pupil_names(lake: Lake, school: int, period: Period, filters: Filters = Filters()) -> dict[str, str]:
    """Each pupil's name as a list shows it (Surname, Forename), by UPN."""
    return {pupil["upn"]: _name(pupil) for pupil in _pupils(lake, school, period, filters)}


def _name(pupil: dict) -> str:
    return f"{pupil['surname']}, {pupil['forename']}"


def _pupils(lake: Lake, school: int, period: Period, filters: Filters) -> list[dict[str, object]]:
    pupils = filters.apply(engines.pupils(lake, [school], academic_years_in(period)))
    return engines.run(pupils.select("upn", "forename", "surname", "nc_year", "reg_group").order_by("upn"))
