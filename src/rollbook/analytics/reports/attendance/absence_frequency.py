"""Absence frequency: pupils × weeks for the year, every week under 100% marked, spells of absence counted.

Pupil-level: only for readers with pupil-level access, and every read is audited.
"""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.attendance.absence_frequency import absence_frequency
from rollbook.analytics.attendance.figures import AbsenceFrequency, Period
from rollbook.analytics.reports.attendance import common
from rollbook.analytics.reports.attendance.request import Asked, BandedQuery, sorted_prepare
from rollbook.analytics.reports.base import Report, Table
from rollbook.charts import attendance as charts

COLUMNS = ("name", "spells", "longest spell sessions", "weeks below 100", "band")
#: The columns the list can be sorted by; by default, most spells first.
SORTS = {"spells": "Spells", "name": "Name", "longest_spell_sessions": "Longest spell",
         "weeks_below_100": "Weeks below 100%", "year_to_date_attendance_rate": "Year to date",
         "band": "Band"}  # fmt: skip


class AbsenceFrequencyReport(TypedDict):
    school: int
    period: Period
    absence_frequency: AbsenceFrequency
    filters: dict[str, list]


def build(asked: Asked) -> AbsenceFrequencyReport:
    found = absence_frequency(asked.lake, asked.school, asked.shown, asked.filters)
    pupils = common.in_bands(found["pupils"], asked.query.band)
    if (order := asked.query.sorted_by(SORTS)) is not None:
        pupils = common.sort_pupils(pupils, *order)
    found = AbsenceFrequency(weeks=found["weeks"], pupils=pupils)
    return common.envelope(asked, absence_frequency=found)


def tables(data: AbsenceFrequencyReport) -> list[Table]:
    shown = [
        {key: row[key] for key in COLUMNS} for row in common.pupil_rows(data["absence_frequency"]["pupils"])
    ]
    return [("Pupils with a week under 100%, most spells of absence first", shown)]


REPORT = Report(
    domain=common.DOMAIN,
    name="absence-frequency",
    heading="Absence frequency",
    tab="Absence frequency",
    about=(
        "Each pupil's attendance week by week as a grid, weeks under 100% marked and spells of absence "
        "counted."
    ),
    order=90,
    query=BandedQuery,
    prepare=sorted_prepare(SORTS),
    build=build,
    rows=common.in_words(lambda data: common.pupil_rows(data["absence_frequency"]["pupils"])),
    tables=tables,
    title=lambda asked, data: common.title(asked, data, "absence-frequency"),
    data_type=AbsenceFrequencyReport,
    pupil_level=True,
    listed=lambda data: data["absence_frequency"]["pupils"],
    listed_chart=charts.absence_heatmap,
    sorts=SORTS,
)
