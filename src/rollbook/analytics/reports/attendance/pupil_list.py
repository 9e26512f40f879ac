"""The pupil list: every pupil's attendance week by week, their year-to-date band and early-warning outlook,
chosen by the filters and by band, in any column's order, with the chosen pupils' attendance and absence
together above it.

Pupil-level: only for readers with pupil-level access, and every read is audited.
"""

from __future__ import annotations

from dataclasses import replace

from typing_extensions import TypedDict

from rollbook.analytics.attendance.figures import ListedPupil, Period, Summary
from rollbook.analytics.attendance.pupil_list import pupil_list
from rollbook.analytics.attendance.sessions import measures
from rollbook.analytics.reports.attendance import common
from rollbook.analytics.reports.attendance.request import Asked, BandedQuery, sorted_prepare
from rollbook.analytics.reports.base import Report

#: The pupil list's columns on a terminal (CSV and the page have every week too).
COLUMNS = (
    "name", "year group", "attendance rate", "year to date attendance rate",
    "band", "weeks below 100", "at risk",
)  # fmt: skip


#: The columns the list can be sorted by, as the page offers them; by default, most weeks below 100% first.
SORTS = {
    "weeks_below_100": "Weeks below 100%", "name": "Name", "year_group": "Year group",
    "reg_group": "Registration group", "attendance_rate": "Attendance", "band": "Band",
    "year_to_date_attendance_rate": "Year to date",
}  # fmt: skip


class PupilListReport(TypedDict):
    school: int
    period: Period
    pupil_list: list[ListedPupil]
    #: The listed pupils' attendance and absence over the period, as one group.
    chosen: Summary | None
    filters: dict[str, list]


def build(asked: Asked) -> PupilListReport:
    listed = pupil_list(asked.lake, asked.school, asked.period, asked.school_calendar(), asked.filters)
    listed = common.in_bands(listed, asked.query.band)
    if (order := asked.query.sorted_by(SORTS)) is not None:
        listed = common.sort_pupils(listed, *order)
    chosen = None
    if listed:
        upns = tuple(pupil["upn"] for pupil in listed)
        (chosen,) = measures(asked.lake, [asked.school], asked.shown, replace(asked.filters, upns=upns))
    return common.envelope(asked, pupil_list=listed, chosen=chosen)


def tables(data: PupilListReport) -> list[common.Table]:
    shown = [{key: row[key] for key in COLUMNS} for row in common.pupil_rows(data["pupil_list"])]
    return [("Pupils", shown)]


REPORT = Report(
    domain=common.DOMAIN,
    name="pupil-list",
    heading="Pupil list",
    tab="Pupil list",
    about=(
        "Every pupil's attendance so far in bands, week by week, with an early warning: to find who needs"
        " help."
    ),
    order=80,
    query=BandedQuery,
    prepare=sorted_prepare(SORTS),
    build=build,
    rows=common.in_words(lambda data: common.pupil_rows(data["pupil_list"])),
    tables=tables,
    title=lambda asked, data: common.title(asked, data, "pupil-list"),
    data_type=PupilListReport,
    pupil_level=True,
    listed=lambda data: data["pupil_list"],
    sorts=SORTS,
)
