"""Attendance summary: the period's figures beside each comparator, then week by week against national."""

from __future__ import annotations

import datetime as dt

from rollbook.analytics.attendance.figures import Comparator, Comparison, SchoolSummary
from rollbook.analytics.attendance.sessions import summary
from rollbook.analytics.comparators.beside import beside, beside_family
from rollbook.analytics.public.family_figures import FamilyFigures, family_absence
from rollbook.analytics.reports.attendance import common
from rollbook.analytics.reports.attendance.request import Asked, SummaryQuery, prepare
from rollbook.analytics.reports.base import InvalidRequest, Report, Table
from rollbook.charts import attendance as charts
from rollbook.rules.attendance.measures import DESCRIPTIONS, SUMMARY_KEYS
from rollbook.rules.calendar import academic_year_label
from rollbook.rules.public.fields import absence_year

#: The figures the page heads with; persistence is a measure over time, so not for a single week.
HEADLINE = (
    "attendance_rate",
    "overall_absence_rate",
    "authorised_absence_rate",
    "unauthorised_absence_rate",
    "persistent_absence_rate",
    "severe_absence_rate",
)


class SummaryReport(SchoolSummary):
    comparison: Comparison
    filters: dict[str, list]


def build(asked: Asked) -> SummaryReport:
    """The school's summary and weeks, each beside the latest published comparators where they exist; the
    whole period beside the school's public family too, when asked."""
    snapshot, published, comparison = common.compared(asked)
    data = summary(asked.lake, asked.school, asked.shown, asked.filters)
    data["comparison"] = comparison
    if not comparison["unavailable"]:
        comparison["comparators"] = beside(
            asked.lake, snapshot, asked.school, data["measures"], asked.shown, published, asked.filters
        )
        weekly = snapshot.figures("national", "England", "week", None, asked.filters)
        national = {row["period"]: row for row in weekly}
        for week in data["weeks"]:
            figures = national.get(week["week_commencing"])
            week["national"] = {key: figures[key] for key in SUMMARY_KEYS} if figures else None
    if asked.query.family:
        comparison.setdefault("comparators", []).append(beside_family(data["measures"], _family(asked)))
    data["filters"] = common.chosen(asked.filters)
    return data


def _family(asked: Asked) -> FamilyFigures:
    """The school's public family's absence; a question the public data cannot answer is refused, saying
    why, as any other choice the school's data cannot answer."""
    try:
        return family_absence(asked.school)
    except (LookupError, ValueError) as problem:
        raise InvalidRequest([("family", f"Schools like yours cannot be shown: {problem}")]) from None


def rows(data: SummaryReport) -> list[dict[str, object]]:
    """One row for the whole period, one per comparator, then one per week (named by Monday, DD/MM/YYYY)."""
    whole = {"period": data["period"]["label"], **{key: data["measures"][key] for key in SUMMARY_KEYS}}
    comparators = [
        {
            "period": f"{row['label']} ({row['schools']:,} school{'' if row['schools'] == 1 else 's'})",
            **{key: row["measures"][key] for key in SUMMARY_KEYS},
        }
        for row in data["comparison"].get("comparators", [])
    ]
    weeks = [
        {
            "period": f"Week commencing {dt.date.fromisoformat(week['week_commencing']):%d/%m/%Y}",
            **{key: week[key] for key in SUMMARY_KEYS},
        }
        for week in data["weeks"]
    ]
    return [whole, *comparators, *weeks]


def tables(data: SummaryReport) -> list[Table]:
    """Measures down the side with the school and each comparator across; then the weeks, with national."""
    comparators = data["comparison"].get("comparators", [])
    figures = [
        {
            "measure": DESCRIPTIONS[key][0],
            "school": data["measures"][key],
            **{row["label"]: row["measures"][key] for row in comparators},
        }
        for key in SUMMARY_KEYS
    ]
    weeks = [
        {
            "week commencing": f"{dt.date.fromisoformat(week['week_commencing']):%d/%m/%Y}",
            "pupils": week["pupils"],
            "attendance": week["attendance_rate"],
            "national attendance": (week.get("national") or {}).get("attendance_rate"),
            "authorised absence": week["authorised_absence_rate"],
            "unauthorised absence": week["unauthorised_absence_rate"],
        }
        for week in data["weeks"]
    ]
    note = common.freshness(data["comparison"])
    return [(f"{data['period']['label']}; {note}", figures), ("Week by week", weeks)]


def context(data: SummaryReport) -> dict[str, object]:
    """The headline figures, each with its comparators beside it, as the page lays them out. The school's
    own figure carries the shading, against the first comparator with figures (national, as a rule): the
    colour is the school's, never the comparator's. A comparator too small to show takes no column: it is
    named once, with why."""
    every = data["comparison"].get("comparators", [])
    comparators = [row for row in every if not row["suppressed"]]
    start, end = (dt.date.fromisoformat(data["period"][key]) for key in ("from", "to"))
    shown = HEADLINE if (end - start).days > 6 else HEADLINE[:4]
    against = comparators[0] if comparators else None
    headline = [
        {
            "key": key,
            "label": DESCRIPTIONS[key][0],
            "help": DESCRIPTIONS[key][1],
            "value": data["measures"][key],
            "difference": against["differences"][key] if against else None,
            "beside": [
                {"label": row["label"], "value": row["measures"][key], "difference": row["differences"][key]}
                for row in comparators
            ],
        }
        for key in shown
    ]
    not_shown = [{"label": row["label"], "reason": row["suppressed"]} for row in every if row["suppressed"]]
    return {
        "comparators": comparators,
        "not_shown": not_shown,
        "headline": headline,
        "shaded_against": against,
        "family": next((_family_words(row) for row in comparators if row["kind"] == "family"), None),
    }


def _family_words(row: Comparator) -> dict[str, object]:
    """What the page says of the school's public family: its size, pupils and years."""
    year = int(row["name"])
    return {
        "results_year": year,
        "public_year": academic_year_label(year - 1),
        "absence_year": academic_year_label(absence_year(year)),
        "schools": row["schools"],
        "pupils": row["measures"]["pupils"],
    }


REPORT = Report(
    domain=common.DOMAIN,
    name="summary",
    heading="Attendance summary",
    tab="Summary",
    about=(
        "The school's attendance and absence so far, beside national, its region, its local authority and"
        " similar schools, then week by week."
    ),
    order=20,
    query=SummaryQuery,
    prepare=prepare,
    build=build,
    rows=common.in_words(rows),
    tables=tables,
    title=lambda asked, data: common.title(asked, data, "summary"),
    data_type=SummaryReport,
    charts=lambda data: {"chart": charts.weekly_attendance(data["weeks"])},
    context=context,
)
