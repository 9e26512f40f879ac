"""Absence frequency: each pupil's attendance week by week, every week under 100% marked, and their spells
of absence counted.

Both are worked out by the engine, which hands back a row per pupil per week and a row per pupil: a big
school's register is hundreds of thousands of marks, too many to walk one by one for every page.

Pupil-level: callers must check the pupil-level permission and audit the read before calling.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from rollbook.analytics import engine as engines
from rollbook.analytics.attendance.figures import AbsenceFrequency
from rollbook.analytics.attendance.pupil_list import band, pupil_names, weekly_attendance
from rollbook.analytics.attendance.sessions import enrolment_sessions, measures, year_to_date_held
from rollbook.analytics.filters import Filters
from rollbook.lake import Lake
from rollbook.rules.attendance.codes import ABSENT, ATTENDING
from rollbook.rules.calendar import academic_year_of
from rollbook.rules.periods import Period


def absence_frequency(
    lake: Lake, school: int, period: Period, filters: Filters = Filters()
) -> AbsenceFrequency:
    """Pupils with any week under 100% attendance, most spells first, with every week's attendance and
    their year-to-date attendance band (as the pupil list bands them)."""
    sessions = enrolment_sessions(lake, [school], period, filters)
    year_so_far = year_to_date_held(lake, school, academic_year=academic_year_of(period.end))
    this_year = {row["upn"]: row for row in measures(lake, [school], year_so_far, filters, by=("upn",))}
    by_pupil = weekly_attendance(sessions)
    weeks = sorted({week for attendance in by_pupil.values() for week in attendance})
    spells = {row["upn"]: row for row in engines.run(_spells(sessions))}
    names = pupil_names(lake, school, period, filters)
    pupils = []
    for upn, attendance in by_pupil.items():
        below = sum(value is not None and value < 100 for value in attendance.values())
        if not below:
            continue
        found = spells.get(upn, {})
        year = this_year.get(upn, {}).get("attendance_rate")
        pupils.append(
            {
                "upn": upn,
                "name": names.get(upn, upn),
                "year_to_date_attendance_rate": year,
                "band": band(year),
                "weeks_below_100": below,
                "spells": found.get("spells", 0),
                "longest_spell_sessions": found.get("longest", 0),
                "absent_sessions": found.get("absent", 0),
                "weeks": attendance,
            }
        )
    pupils.sort(key=lambda pupil: (-pupil["spells"], -pupil["weeks_below_100"], pupil["name"]))
    return {"weeks": weeks, "pupils": pupils}


def _spells(sessions: ir.Table) -> ir.Table:
    """Per pupil with any absence: the number of spells, the longest and the absent sessions, as
    `rules.spells` defines a spell. Only sessions that attend or are absent count: a spell starts at an
    absent session whose previous such session (in register order) was not absent, and each absent session
    belongs to the spell of the latest start before it."""
    counted = sessions.filter(sessions.category.isin(sorted(map(str, ABSENT | ATTENDING))))
    counted = counted.mutate(absent=counted.category.isin(sorted(map(str, ABSENT))))
    in_order = {"group_by": "upn", "order_by": ["date", "session"]}
    before = counted.absent.lag().over(ibis.window(**in_order))
    marked = counted.mutate(starts=(counted.absent & ~before.fill_null(False)).cast("int32"))
    numbered = marked.mutate(spell=marked.starts.cumsum(**in_order))
    absences = numbered.filter(numbered.absent)
    lengths = absences.group_by(["upn", "spell"]).aggregate(sessions=absences.count())
    return lengths.group_by("upn").aggregate(
        spells=lengths.count(), longest=lengths.sessions.max(), absent=lengths.sessions.sum()
    )
