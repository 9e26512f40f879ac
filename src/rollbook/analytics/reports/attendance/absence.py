"""Absence: the totals first (overall, authorised, unauthorised), then each absence code's sessions and
rate in the period, each beside national with the school's shading, and a chart of the gaps."""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.attendance import groups
from rollbook.analytics.attendance.figures import Comparison, Gap, Period, Reason
from rollbook.analytics.attendance.sessions import measures
from rollbook.analytics.comparators.beside import gap
from rollbook.analytics.reports.attendance import common
from rollbook.analytics.reports.attendance.request import Asked, AttendanceQuery, prepare
from rollbook.analytics.reports.base import Report
from rollbook.charts import attendance as charts
from rollbook.rules.attendance.measures import DESCRIPTIONS
from rollbook.rules.comparison import difference

COLUMNS = ("code", "meaning", "category", "sessions", "rate", "national_rate")


#: The totals the report heads with, before the reasons.
TOTALS = ("overall_absence_rate", "authorised_absence_rate", "unauthorised_absence_rate")


class Total(TypedDict):
    """One of the absence totals, beside national: the school's rate, national's and the gap."""

    key: str
    label: str
    rate: float | None
    national_rate: float | None
    difference: Gap | None


class AbsenceReport(TypedDict):
    school: int
    period: Period
    comparison: Comparison
    totals: list[Total]
    absence: list[Reason]
    filters: dict[str, list]


def build(asked: Asked) -> AbsenceReport:
    snapshot, published, comparison = common.compared(asked)
    found = groups.absence(asked.lake, snapshot, asked.school, asked.shown, published, asked.filters)
    (ours,) = measures(asked.lake, [asked.school], asked.shown, asked.filters)
    theirs: dict = {}
    if snapshot is not None and published is not None:
        (national,) = snapshot.figures("national", "England", *published, asked.filters)
        theirs = {} if national["suppressed"] else national
    totals = [
        {
            "key": key,
            "label": DESCRIPTIONS[key][0],
            "rate": ours[key],
            "national_rate": theirs.get(key),
            "difference": gap(key, ours[key], theirs.get(key)),
        }
        for key in TOTALS
    ]
    return common.envelope(asked, comparison=comparison, totals=totals, absence=found)


def rows(data: AbsenceReport) -> list[dict[str, object]]:
    """The totals, then a row per reason."""
    totals = [
        {"code": None, "meaning": total["label"], "category": "total", "sessions": None}
        | {"rate": total["rate"], "national_rate": total["national_rate"]}
        for total in data["totals"]
    ]
    return [*totals, *({key: row[key] for key in COLUMNS} for row in data["absence"])]


def chart(data: AbsenceReport) -> dict[str, dict]:
    """The totals' and each reason's gap to national, in points either side of zero."""
    reasons = [
        {
            "label": f"{row['code']} {row['meaning']}",
            "difference": {
                "points": float(difference(row["rate"], row["national_rate"])),
                "shade": row["shade"],
            },
        }
        for row in data["absence"]
        if row["rate"] is not None and row["national_rate"] is not None
    ]
    shown = [*data["totals"], *reasons]
    if not any(each["difference"] for each in shown):
        return {}
    return {"chart": charts.gaps(shown, "Absence against national", "national")}


REPORT = Report(
    domain=common.DOMAIN,
    name="absence",
    heading="Absence by reason",
    tab="Absence",
    about="Overall, authorised and unauthorised absence, then each reason for absence, beside national.",
    order=50,
    query=AttendanceQuery,
    prepare=prepare,
    build=build,
    rows=common.in_words(rows),
    tables=lambda data: [(common.freshness(data["comparison"]), rows(data))],
    title=lambda asked, data: common.title(asked, data, "absence"),
    data_type=AbsenceReport,
    charts=chart,
)
