"""The data check: week by week, is every session of every pupil on roll marked, and marked finally?"""

from __future__ import annotations

import datetime as dt

from typing_extensions import TypedDict

from rollbook.analytics.attendance.data_check import data_check
from rollbook.analytics.attendance.figures import DataCheckWeek, Period
from rollbook.analytics.attendance.sessions import data_to
from rollbook.analytics.reports.attendance import common
from rollbook.analytics.reports.attendance.request import Asked, AttendanceQuery, prepare
from rollbook.analytics.reports.base import Report
from rollbook.rules.calendar import academic_year_of


class DataCheckReport(TypedDict):
    school: int
    period: Period
    data_to: str
    weeks: list[DataCheckWeek]
    filters: dict[str, list]


def build(asked: Asked) -> DataCheckReport:
    year = academic_year_of(asked.shown.end)
    as_of = data_to(asked.lake, asked.school, year) or asked.shown.end
    weeks = data_check(asked.lake, asked.school, asked.shown, asked.calendar(year), as_of, asked.filters)
    return common.envelope(asked, data_to=as_of.isoformat(), weeks=weeks)


#: The kinds of mark the page counts each week, beside the totals, as a school checks them against its MIS.
KINDS = (
    ("Illness", "I"),
    ("Medical", "M"),
    ("Holiday, authorised", "H"),
    ("Holiday, unauthorised", "G"),
    ("Suspended or excluded", "E"),
    ("Absent without authorisation", "O"),
    ("Reason not yet provided", "N"),
    ("Late after registers closed", "U"),
    ("X (not required to attend)", "X"),
)


def context(data: DataCheckReport) -> dict[str, object]:
    """Each week's count of every kind of mark the page shows by name."""
    kinds = [label for label, _ in KINDS]
    counts = {
        week["week_commencing"]: [week["codes"].get(code, 0) for _, code in KINDS] for week in data["weeks"]
    }
    return {"mark_kinds": kinds, "kind_counts": counts}


def rows(data: DataCheckReport) -> list[dict[str, object]]:
    """One row per week, with a column for every code used in any week (0 where a week has none)."""
    used = sorted({code for week in data["weeks"] for code in week["codes"]})
    return [
        {
            "week commencing": f"{dt.date.fromisoformat(week['week_commencing']):%d/%m/%Y}",
            **{
                key.replace("_", " "): value
                for key, value in week.items()
                if key not in ("week_commencing", "codes")
            },
            **{f"code {code}": week["codes"].get(code, 0) for code in used},
        }
        for week in data["weeks"]
    ]


REPORT = Report(
    domain=common.DOMAIN,
    name="data-check",
    heading="Data check",
    tab="Data check",
    about=(
        "Week by week, every mark the registers hold by kind, to check the data from the MIS before "
        "reading the other reports."
    ),
    order=70,
    query=AttendanceQuery,
    prepare=prepare,
    build=build,
    rows=common.in_words(rows),
    tables=lambda data: [("Week by week: what was expected, marked and left open", rows(data))],
    title=lambda asked, data: common.title(asked, data, "data-check"),
    data_type=DataCheckReport,
    context=context,
)
