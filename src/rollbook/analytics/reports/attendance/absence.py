"""Absence by reason: each absence code's sessions and rate in the period, beside national."""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.attendance import groups
from rollbook.analytics.attendance.figures import Comparison, Period, Reason
from rollbook.analytics.reports.attendance import common
from rollbook.analytics.reports.attendance.request import Asked, AttendanceQuery, prepare
from rollbook.analytics.reports.base import Report

COLUMNS = ("code", "meaning", "category", "sessions", "rate", "national_rate")


class AbsenceReport(TypedDict):
    school: int
    period: Period
    comparison: Comparison
    absence: list[Reason]
    filters: dict[str, list]


def build(asked: Asked) -> AbsenceReport:
    return common.beside_comparators(asked, "absence", groups.absence)


def rows(data: AbsenceReport) -> list[dict[str, object]]:
    return [{key: row[key] for key in COLUMNS} for row in data["absence"]]


REPORT = Report(
    domain=common.DOMAIN,
    name="absence",
    heading="Absence by reason",
    tab="Absence",
    order=50,
    query=AttendanceQuery,
    prepare=prepare,
    build=build,
    rows=common.in_words(rows),
    tables=lambda data: [(common.freshness(data["comparison"]), rows(data))],
    title=lambda asked, data: common.title(asked, data, "absence"),
    data_type=AbsenceReport,
)
