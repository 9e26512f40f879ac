"""Absence frequency, worked out by the engine, gives every pupil of a realistic school the spells, weekly
attendance and year-to-date band the rules give when each register is read mark by mark (`rules.spells`,
`Tally`, `rate`).

The school (see synthetic_school) has every kind of code, pupils admitted and leaving during the term, and
sixth-formers and pupils with no year group, who are left out; absences run across weeks and are broken by
sessions that are not possible, which neither end nor extend a spell.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from rollbook.analytics.attendance.absence_frequency import absence_frequency
from rollbook.analytics.attendance.pupil_list import band
from rollbook.rules.attendance.codes import ABSENT, CATEGORY_OF
from rollbook.rules.attendance.measures import Tally, on_roll, rate
from rollbook.rules.attendance.spells import spells
from rollbook.rules.calendar import week_commencing
from rollbook.rules.periods import custom
from rollbook.rules.years import SESSION_MEASURE_YEARS
from tests.support.synthetic_school import school_partitions

URN, YEAR = 100001, 2024
FIRST_DAY, LAST_DAY = dt.date(2024, 9, 2), dt.date(2024, 12, 20)
PERIOD = custom(dt.date(2024, 9, 9), dt.date(2024, 12, 13))


def read_by_the_rules(partitions: dict) -> tuple[list[dict], int]:
    """Each listed pupil as the report should show them, from the rules reading each register in order;
    and how many of them have a spell that runs over a session that was not possible."""
    tables = {key.table: table for key, table in partitions.items()}
    pupils = {row["upn"]: row for row in tables["pupils"].to_pylist()}
    marks = tables["marks"].sort_by([("upn", "ascending"), ("date", "ascending"), ("session", "ascending")])
    listed, bridged = [], 0
    for upn, rows in groupby(marks.to_pylist(), key=lambda row: row["upn"]):
        pupil = pupils[upn]
        if pupil["nc_year"] not in SESSION_MEASURE_YEARS:
            continue
        # The year so far: every mark the pupil has while on roll, which the period is a part of.
        year = [
            row
            for row in rows
            if row["code"] in CATEGORY_OF
            and on_roll(row["date"], pupil["admission_date"], pupil["leaving_date"])
        ]
        counted = [row for row in year if row["date"] in PERIOD]
        weeks = {
            week.isoformat(): Tally.of(CATEGORY_OF[row["code"]] for row in in_week)
            for week, in_week in groupby(counted, key=lambda row: week_commencing(row["date"]))
        }
        rates = {week: rate(tally.attendance, tally.possible) for week, tally in weeks.items()}
        below = sum(value is not None and value < 100 for value in rates.values())
        if below:
            categories = [CATEGORY_OF[row["code"]] for row in counted]
            lengths = spells(categories)
            runs = [absent for absent, _ in groupby(categories, key=lambda category: category in ABSENT)]
            bridged += sum(runs) > len(lengths)
            so_far = Tally.of(CATEGORY_OF[row["code"]] for row in year)
            year_rate = rate(so_far.attendance, so_far.possible)
            listed.append(
                {
                    "upn": upn,
                    "name": f"{pupil['surname']}, {pupil['forename']}",
                    "year_to_date_attendance_rate": year_rate,
                    "band": band(year_rate),
                    "weeks_below_100": below,
                    "spells": len(lengths),
                    "longest_spell_sessions": max(lengths, default=0),
                    "absent_sessions": sum(lengths),
                    "weeks": rates,
                }
            )
    order = sorted(listed, key=lambda pupil: (-pupil["spells"], -pupil["weeks_below_100"], pupil["name"]))
    return order, bridged


def test_every_pupil_has_the_spells_and_weeks_the_rules_give(lake):
    partitions = school_partitions(URN, YEAR, 300, FIRST_DAY, LAST_DAY, seed=7)
    lake.replace(partitions)
    expected, bridged = read_by_the_rules(partitions)
    found = absence_frequency(lake, URN, PERIOD)
    assert found["pupils"] == expected
    assert found["weeks"] == [f"2024-{month:02}-{day:02}" for month, day in WEEKS]  # none at half-term
    assert len(expected) > 100 and bridged > 0  # the school tests something


WEEKS = [(9, 9), (9, 16), (9, 23), (9, 30), (10, 7), (10, 14), (10, 21), (11, 4), (11, 11), (11, 18),
         (11, 25), (12, 2), (12, 9)]  # fmt: skip
