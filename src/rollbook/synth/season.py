"""The national shape of absence through the year and the week (attendance.md §4.7-§4.11).

Each school day gets multipliers for the rate at which illness and unauthorised absence start, read from
knots along the year (linear between them) and lifted in the last days before a break, in the final fortnight
of July and on Fridays. The knots were set by hand against DfE's real-time secondary series: September's
first week about 6%, late September about 8%, a December peak, January about 8%, summer the highest term.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from rollbook.rules.calendar import SchoolCalendar

#: (month, day, illness, unauthorised) along the academic year.
KNOTS = (
    (9, 1, 0.50, 0.72),
    (9, 10, 0.60, 0.74),
    (9, 22, 0.98, 0.80),
    (10, 2, 1.12, 0.82),
    (10, 12, 1.00, 0.84),
    (11, 3, 0.85, 0.86),
    (11, 20, 1.05, 0.88),
    (12, 5, 1.25, 0.92),
    (12, 20, 1.32, 1.00),
    (1, 3, 0.85, 0.95),
    (1, 12, 0.95, 0.98),
    (1, 25, 1.15, 0.98),
    (2, 10, 1.15, 1.00),
    (2, 24, 0.95, 1.00),
    (3, 15, 1.00, 1.02),
    (3, 30, 1.05, 1.05),
    (4, 15, 0.85, 1.08),
    (5, 10, 0.85, 1.08),
    (6, 10, 0.88, 1.10),
    (7, 1, 0.92, 1.18),
    (7, 23, 1.05, 1.30),
)
#: Monday to Friday. Fridays run about a point above Mondays nationally (§4.8).
WEEKDAY = np.array([0.96, 0.98, 0.98, 1.01, 1.12])
#: School days before a break of a week or more that count as "the last days before a break".
BEFORE_BREAK_DAYS = 5
#: Unauthorised absence in those days, and in the final fortnight of July, over the usual rate.
BEFORE_BREAK_LIFT, FINAL_FORTNIGHT_LIFT = 1.1, 1.35
FINAL_FORTNIGHT_DAYS = 10
#: A gap of this many calendar days or more between school days is a break.
BREAK_GAP = 5


@dataclass(frozen=True)
class Season:
    """Per-school-day multipliers (arrays the length of the school days)."""

    illness: np.ndarray
    unauthorised: np.ndarray
    before_break: np.ndarray  # bool: within the last days before a break or the end of the year
    final_fortnight: np.ndarray  # bool
    weekday: np.ndarray  # 0 Monday .. 4 Friday


def season(calendar: SchoolCalendar, days: list[dt.date]) -> Season:
    year = calendar.academic_year
    start = dt.date(year, 9, 1)
    knot_days = [(dt.date(year + (month < 8), month, day) - start).days for month, day, _, _ in KNOTS]
    offsets = np.array([(day - start).days for day in days])
    illness = np.interp(offsets, knot_days, [knot[2] for knot in KNOTS])
    unauthorised = np.interp(offsets, knot_days, [knot[3] for knot in KNOTS])
    weekday = np.array([day.weekday() for day in days])

    ordinals = np.array([day.toordinal() for day in days])
    gap_after = np.append(np.diff(ordinals), BREAK_GAP)
    last_before_break = np.flatnonzero(gap_after >= BREAK_GAP)
    days_to_break = last_before_break[np.searchsorted(last_before_break, np.arange(len(days)))] - np.arange(
        len(days)
    )
    before_break = days_to_break < BEFORE_BREAK_DAYS
    final_fortnight = np.arange(len(days)) >= len(days) - FINAL_FORTNIGHT_DAYS
    lift = np.where(final_fortnight, FINAL_FORTNIGHT_LIFT, np.where(before_break, BEFORE_BREAK_LIFT, 1.0))
    unauthorised = unauthorised * lift
    return Season(
        illness * WEEKDAY[weekday], unauthorised * WEEKDAY[weekday], before_break, final_fortnight, weekday
    )
