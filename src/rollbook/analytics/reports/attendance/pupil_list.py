"""The pupil list: every pupil's attendance week by week, their year-to-date band and early-warning outlook,
chosen by the filters and by band, in any column's order, with the chosen pupils' attendance and absence
together above it.

Pupil-level: only for readers with pupil-level access, and every read is audited.
"""

from __future__ import annotations

from dataclasses import replace

from typing_extensions import TypedDict

from rollbook.analytics.attendance.figures import ListedPupil, Period, Summary
from rollbook.analytics.attendance.pupil_list import BAND_NAMES, pupil_list
from rollbook.analytics.attendance.sessions import summary
from rollbook.analytics.reports.attendance import common, request
from rollbook.analytics.reports.attendance.request import Asked, PupilListQuery
from rollbook.analytics.reports.base import InvalidRequest, Report, ReportContext
from rollbook.rules.years import SESSION_MEASURE_YEARS
from rollbook.rules.years import label as year_label

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


YEAR_ORDER = {year_label(year): position for position, year in enumerate(SESSION_MEASURE_YEARS)}


class PupilListReport(TypedDict):
    school: int
    period: Period
    pupil_list: list[ListedPupil]
    #: The listed pupils' attendance and absence over the period, as one group.
    chosen: Summary | None
    filters: dict[str, list]


def prepare(query: PupilListQuery, context: ReportContext) -> Asked:
    try:
        query.sorted_by(SORTS)
    except ValueError as problem:
        raise InvalidRequest([("sort", f"Sort by: {problem}")]) from problem
    return request.prepare(query, context)


def build(asked: Asked) -> PupilListReport:
    listed = pupil_list(asked.lake, asked.school, asked.period, asked.school_calendar(), asked.filters)
    bands = set(asked.query.band)
    listed = [pupil for pupil in listed if not bands or pupil["band"] in bands]
    if (order := asked.query.sorted_by(SORTS)) is not None:
        listed = sort_pupils(listed, *order)
    chosen = None
    if listed:
        upns = tuple(pupil["upn"] for pupil in listed)
        found = summary(asked.lake, asked.school, asked.shown, replace(asked.filters, upns=upns))
        chosen = found["measures"]
    return common.envelope(asked, pupil_list=listed, chosen=chosen)


def sort_pupils(pupils: list[ListedPupil], column: str, highest_first: bool) -> list[ListedPupil]:
    """Pupils in a column's order, pupils without a figure last either way; year groups in school order
    (Reception before Year 1, Year 9 before Year 10), bands from 100% down; ties by name."""
    by_name = sorted(pupils, key=lambda pupil: pupil["name"])

    def key(pupil: ListedPupil):
        value = pupil[column]  # type: ignore[literal-required]
        if column == "year_group":
            return YEAR_ORDER.get(value, len(YEAR_ORDER))
        if column == "band":
            return -BAND_NAMES.index(value) if value in BAND_NAMES else None
        return value

    held = [pupil for pupil in by_name if key(pupil) is not None]
    return sorted(held, key=key, reverse=highest_first) + [p for p in by_name if key(p) is None]


def tables(data: PupilListReport) -> list[common.Table]:
    shown = [{key: row[key] for key in COLUMNS} for row in common.pupil_rows(data["pupil_list"])]
    return [("Pupils", shown)]


REPORT = Report(
    domain=common.DOMAIN,
    name="pupil-list",
    heading="Pupil list",
    tab="Pupil list",
    order=80,
    query=PupilListQuery,
    prepare=prepare,
    build=build,
    rows=common.in_words(lambda data: common.pupil_rows(data["pupil_list"])),
    tables=tables,
    title=lambda asked, data: common.title(asked, data, "pupil-list"),
    data_type=PupilListReport,
    pupil_level=True,
    listed=lambda data: data["pupil_list"],
    sorts=SORTS,
)
