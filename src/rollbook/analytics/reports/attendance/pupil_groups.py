"""Pupil groups: girls and boys, FSM6, SEND, EAL and ethnicity, each beside the same group nationally."""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.attendance import groups
from rollbook.analytics.attendance.figures import Comparison, Group, Period
from rollbook.analytics.reports.attendance import common
from rollbook.analytics.reports.attendance.request import Asked, AttendanceQuery, prepare
from rollbook.analytics.reports.base import Report
from rollbook.charts import attendance as charts
from rollbook.rules.groups import GROUPING_NAMES


class PupilGroupsReport(TypedDict):
    school: int
    period: Period
    comparison: Comparison
    pupil_groups: dict[str, list[Group]]
    filters: dict[str, list]


def build(asked: Asked) -> PupilGroupsReport:
    data = common.beside_comparators(asked, "pupil_groups", groups.pupil_groups)
    common.hidden_small(asked, list(data["pupil_groups"].values()))
    return data


def group_charts(data: PupilGroupsReport) -> dict[str, dict]:
    """A chart per grouping, each group's attendance beside national."""
    return {
        "group_charts": {
            column: charts.beside_national(found, f"Attendance by {GROUPING_NAMES[column]}")
            for column, found in data["pupil_groups"].items()
        }
    }


REPORT = Report(
    domain=common.DOMAIN,
    name="pupil-groups",
    heading="Pupil groups",
    tab="Pupil groups",
    about="Girls and boys, FSM6, SEND, EAL and ethnic groups, each beside the same group nationally.",
    order=40,
    query=AttendanceQuery,
    prepare=prepare,
    build=build,
    rows=common.in_words(lambda data: common.group_rows(data["pupil_groups"])),
    tables=lambda data: common.group_tables(data["pupil_groups"], data["comparison"]),
    title=lambda asked, data: common.title(asked, data, "pupil-groups"),
    data_type=PupilGroupsReport,
    charts=group_charts,
)
