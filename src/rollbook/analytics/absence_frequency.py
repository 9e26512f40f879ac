"""Absence frequency: each pupil's attendance week by week, every week under 100% marked, and their spells
of absence counted.

Pupil-level: callers must check the pupil-level permission and audit the read before calling.
"""

from __future__ import annotations

from itertools import groupby

from rollbook.analytics import engine as engines
from rollbook.analytics.attendance import Filters, enrolment_sessions, measures
from rollbook.analytics.pupil_reports import pupil_names
from rollbook.lake import Lake
from rollbook.rules.codes import Category
from rollbook.rules.periods import Period
from rollbook.rules.spells import spells


def absence_frequency(
    lake: Lake, school: int, period: Period, filters: Filters = Filters()
) -> dict[str, object]:
    """Pupils with any week under 100% attendance, most spells first, with every week's attendance."""
    weekly = measures(lake, [school], period, filters, by=("upn", "week_commencing"))
    weeks = sorted({row["week_commencing"] for row in weekly})
    by_pupil: dict[str, dict] = {}
    for row in weekly:
        by_pupil.setdefault(row["upn"], {})[row["week_commencing"].isoformat()] = row["attendance_rate"]
    sessions = enrolment_sessions(lake, [school], period, filters)
    ordered = engines.run(
        sessions.select("upn", "date", "session", "category").order_by(["upn", "date", "session"])
    )
    spell_lengths = {
        upn: spells(Category(row["category"]) for row in rows)
        for upn, rows in groupby(ordered, key=lambda r: r["upn"])
    }
    names = pupil_names(lake, school, period, filters)
    pupils = []
    for upn, attendance in by_pupil.items():
        below = [week for week, rate in attendance.items() if rate is not None and rate < 100]
        if not below:
            continue
        lengths = spell_lengths.get(upn, [])
        pupils.append(
            {
                "upn": upn,
                "name": names.get(upn, upn),
                "weeks_below_100": len(below),
                "spells": len(lengths),
                "longest_spell_sessions": max(lengths, default=0),
                "absent_sessions": sum(lengths),
                "weeks": attendance,
            }
        )
    pupils.sort(key=lambda pupil: (-pupil["spells"], -pupil["weeks_below_100"], pupil["name"]))
    return {"weeks": [week.isoformat() for week in weeks], "pupils": pupils}
