"""Year groups: each year group's attendance beside the same year group nationally."""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.attendance import groups
from rollbook.analytics.attendance.figures import Comparison, Group, Period
from rollbook.analytics.reports.attendance import common
from rollbook.analytics.reports.attendance.request import Asked, AttendanceQuery, prepare
from rollbook.analytics.reports.base import Report
from rollbook.charts import attendance as charts


class YearGroupsReport(TypedDict):
    school: int
    period: Period
    comparison: Comparison
    year_groups: list[Group]
    filters: dict[str, list]


def build(asked: Asked) -> YearGroupsReport:
    data = common.beside_comparators(asked, "year_groups", groups.year_groups)
    common.hidden_small(asked, [data["year_groups"]])
    return data


REPORT = Report(
    domain=common.DOMAIN,
    name="year-groups",
    heading="Year groups",
    tab="Year groups",
    about="Each year group's attendance and absence, beside the same year group nationally.",
    order=30,
    query=AttendanceQuery,
    prepare=prepare,
    build=build,
    rows=common.in_words(lambda data: common.group_rows({"nc_year": data["year_groups"]})),
    tables=lambda data: common.group_tables({"nc_year": data["year_groups"]}, data["comparison"]),
    title=lambda asked, data: common.title(asked, data, "year-groups"),
    data_type=YearGroupsReport,
    charts=lambda data: {"chart": charts.beside_national(data["year_groups"], "Attendance by year group")},
)
