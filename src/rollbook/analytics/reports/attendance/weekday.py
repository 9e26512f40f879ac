"""Attendance by weekday and session, beside national: where Friday afternoon absence shows."""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.attendance import groups
from rollbook.analytics.attendance.figures import Comparison, Period, Weekday
from rollbook.analytics.reports.attendance import common
from rollbook.analytics.reports.attendance.request import Asked, AttendanceQuery, prepare
from rollbook.analytics.reports.base import Report
from rollbook.charts import attendance as charts


class WeekdayReport(TypedDict):
    school: int
    period: Period
    comparison: Comparison
    weekday: list[Weekday]
    filters: dict[str, list]


def build(asked: Asked) -> WeekdayReport:
    return common.beside_comparators(asked, "weekday", groups.weekdays)


def rows(data: WeekdayReport) -> list[dict[str, object]]:
    return [
        {
            "session": row["label"],
            **row["school"],
            **{f"national {key}": (row["national"] or {}).get(key) for key in groups.WEEKDAY_MEASURES},
        }
        for row in data["weekday"]
    ]


REPORT = Report(
    domain=common.DOMAIN,
    name="weekday",
    heading="Attendance by weekday",
    tab="Weekday",
    about=(
        "Attendance on each day of the week and in each session, beside national: where Friday afternoons"
        " show."
    ),
    order=60,
    query=AttendanceQuery,
    prepare=prepare,
    build=build,
    rows=common.in_words(rows),
    tables=lambda data: [(common.freshness(data["comparison"]), rows(data))],
    title=lambda asked, data: common.title(asked, data, "weekday"),
    data_type=WeekdayReport,
    charts=lambda data: {
        "chart": charts.beside_national(data["weekday"], "Attendance by session of the week")
    },
)
