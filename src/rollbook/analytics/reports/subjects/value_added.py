"""Subject attainment and value added: for each subject and EBacc subject area, its entrants, average points
and the shares at grade 4, 5 and 7 or above, and value added against pupils with the same prior attainment
nationally with its 95% interval and, apart from the size, its significance; for the year, and over the
latest three years weighted 3:2:1. Figures of fewer entrants than the reader may see are hidden."""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.reports.base import Table
from rollbook.analytics.reports.ks4 import common as ks4
from rollbook.analytics.reports.ks4.request import Asked
from rollbook.analytics.reports.subjects import common
from rollbook.analytics.results.curriculum import (
    SubjectResults,
    ValueAddedFigures,
    area_results,
    subject_results,
)
from rollbook.charts import subjects as charts


class SubjectValueAddedReport(TypedDict):
    school: int
    academic_year: int
    label: str
    national: ks4.Ks4NationalInfo | None
    #: The years the three-year figures are over, oldest first.
    years: list[int]
    years_label: str
    #: What the value added is measured from ("Subject value added (from KS2 fine levels)").
    measured_as: list[str]
    subjects: list[SubjectResults]
    areas: list[SubjectResults]


def build(asked: Asked) -> SubjectValueAddedReport:
    pupils = asked.cohort().pupils
    national = common.national(asked)
    subject_found, area_found = common.residuals(asked, asked.academic_year)
    earlier_subjects, earlier_areas = [], []
    for year in asked.trend_years:
        if year != asked.academic_year:
            found = common.residuals(asked, year)
            earlier_subjects += found[0]
            earlier_areas += found[1]
    least = asked.min_group_pupils
    measured_as = sorted({r.label for r in subject_found})
    return SubjectValueAddedReport(
        school=asked.school,
        academic_year=asked.academic_year,
        label=asked.label,
        national=ks4.national_info(asked, asked.academic_year),
        years=list(asked.trend_years),
        years_label=common.years_label(list(asked.trend_years)),
        measured_as=measured_as,
        subjects=subject_results(pupils, national, subject_found, earlier_subjects, least),
        areas=area_results(pupils, national, area_found, earlier_areas, least),
    )


def _figures(prefix: str, found: ValueAddedFigures | None) -> dict[str, object]:
    return {
        f"{prefix}": found["value_added"] if found else None,
        f"{prefix}, lower 95% limit": found["ci_low"] if found else None,
        f"{prefix}, upper 95% limit": found["ci_high"] if found else None,
        f"{prefix}, significance": found["significance"] if found else None,
        f"{prefix}, entrants": found["entrants"] if found else None,
    }


def _row(kind: str, row: SubjectResults) -> dict[str, object]:
    return {
        "Kind": kind, "Subject": row["name"], "EBacc subject area": row["area"], "Entrants": row["entrants"],
        "Average points": row["average_points"], "Average points, national": row["national_points"],
        "Grade 4+ %": row["grade_4"], "Grade 5+ %": row["grade_5"], "Grade 7+ %": row["grade_7"],
        **_figures("Value added", row["value_added"]),
        **_figures("Value added, three years 3:2:1", row["three_year"]),
        "Not shown": row["suppressed"],
    }  # fmt: skip


def rows(data: SubjectValueAddedReport) -> list[dict[str, object]]:
    return [_row("EBacc subject area", a) for a in data["areas"]] + [
        _row("Subject", s) for s in data["subjects"]
    ]


def tables(data: SubjectValueAddedReport) -> list[Table]:
    keys = ("Subject", "Entrants", "Average points", "Grade 4+ %", "Value added", "Value added, significance",
            "Value added, three years 3:2:1")  # fmt: skip

    def short(found: list[dict[str, object]]) -> list[dict[str, object]]:
        return [{key: row[key] for key in keys} for row in found]

    return [
        (
            f"EBacc subject areas, {data['label']}",
            short([_row("EBacc subject area", a) for a in data["areas"]]),
        ),
        (f"Subjects, {data['label']}", short([_row("Subject", s) for s in data["subjects"]])),
    ]


REPORT = ks4.report(
    "value-added",
    "Subject attainment and value added",
    domain=common.DOMAIN,
    tab="Value added",
    order=20,
    build=build,
    rows=rows,
    tables=tables,
    data_type=SubjectValueAddedReport,
    context=lambda data: {
        "sections": [
            (f"EBacc subject areas, {data['label']}", data["areas"], False),
            (f"Subjects, {data['label']}", data["subjects"], True),
        ]
    },
    charts=lambda data: {
        "chart": charts.value_added(
            data["subjects"], f"Subject value added, {data['label']}, with 95% intervals"
        )
    },
)
