"""The attendance officer's latest days: who has been absent day after day, which N marks are overdue, and
which sessions have no mark at all.

Pupil-level: only for readers with pupil-level access, and every read is audited.
"""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.attendance.figures import LatestDays, Period
from rollbook.analytics.attendance.latest_days import latest_days
from rollbook.analytics.attendance.sessions import year_to_date_held
from rollbook.analytics.reports.attendance import common
from rollbook.analytics.reports.attendance.request import Asked, AttendanceQuery, prepare
from rollbook.analytics.reports.base import Report, Table
from rollbook.rules.calendar import academic_year_of


class LatestDaysReport(TypedDict):
    school: int
    period: Period
    data_to: str
    consecutive_days: int
    latest_days: LatestDays
    filters: dict[str, list]


def build(asked: Asked) -> LatestDaysReport:
    """Always the latest days held, whatever period was asked for; the longest absences first, then the
    open sessions oldest first (morning before afternoon), each by name."""
    held = year_to_date_held(asked.lake, asked.school)
    calendar = asked.calendar(academic_year_of(held.end))
    found = latest_days(asked.lake, asked.school, calendar, held.end, asked.consecutive_days, asked.filters)
    found["absent_day_after_day"].sort(key=lambda row: (-row["days"], row["name"]))
    for listed in (found["overdue_n"], found["no_mark"]):
        listed.sort(key=lambda row: (row["date"], row["session"], row["name"]))
    return common.envelope(
        asked, held, data_to=held.end.isoformat(), consecutive_days=asked.consecutive_days, latest_days=found
    )


def _lists(data: LatestDaysReport) -> dict[str, list[dict]]:
    return {
        name.replace("_", " "): [common.english_dates(row) for row in found]
        for name, found in data["latest_days"].items()
    }


def rows(data: LatestDaysReport) -> list[dict[str, object]]:
    return [{"list": name, **row} for name, found in _lists(data).items() for row in found]


def tables(data: LatestDaysReport) -> list[Table]:
    return [(name.capitalize(), found) for name, found in _lists(data).items()]


REPORT = Report(
    domain=common.DOMAIN,
    name="latest-days",
    heading="Latest days: who needs following up",
    tab="Latest days",
    about=(
        "Who has been absent day after day, which marks are overdue and which sessions have no mark: to "
        "follow up today."
    ),
    order=100,
    query=AttendanceQuery,
    prepare=prepare,
    build=build,
    rows=common.in_words(rows),
    tables=tables,
    title=lambda asked, data: common.title(asked, data, "latest-days"),
    data_type=LatestDaysReport,
    pupil_level=True,
)
