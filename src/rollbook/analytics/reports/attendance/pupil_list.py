"""The pupil list: every pupil's attendance week by week, their year-to-date band and early-warning outlook.

Pupil-level: only for readers with pupil-level access, and every read is audited.
"""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.attendance.figures import ListedPupil, Period
from rollbook.analytics.attendance.pupil_list import pupil_list
from rollbook.analytics.reports.attendance import common
from rollbook.analytics.reports.attendance.request import Asked, AttendanceQuery, prepare
from rollbook.analytics.reports.base import Report

#: The pupil list's columns on a terminal (CSV and the page have every week too).
COLUMNS = (
    "name", "year group", "attendance rate", "year to date attendance rate",
    "band", "weeks below 100", "at risk",
)  # fmt: skip


class PupilListReport(TypedDict):
    school: int
    period: Period
    pupil_list: list[ListedPupil]
    filters: dict[str, list]


def build(asked: Asked) -> PupilListReport:
    listed = pupil_list(asked.lake, asked.school, asked.period, asked.school_calendar(), asked.filters)
    return common.envelope(asked, pupil_list=listed)


def tables(data: PupilListReport) -> list[common.Table]:
    shown = [{key: row[key] for key in COLUMNS} for row in common.pupil_rows(data["pupil_list"])]
    return [("Pupils, most weeks below 100% first", shown)]


REPORT = Report(
    domain=common.DOMAIN,
    name="pupil-list",
    heading="Pupil list",
    tab="Pupil list",
    order=80,
    query=AttendanceQuery,
    prepare=prepare,
    build=build,
    rows=common.in_words(lambda data: common.pupil_rows(data["pupil_list"])),
    tables=tables,
    title=lambda asked, data: common.title(asked, data, "pupil-list"),
    data_type=PupilListReport,
    pupil_level=True,
)
