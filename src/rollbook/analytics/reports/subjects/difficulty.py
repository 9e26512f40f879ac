"""The relative difficulty of GCSE subjects nationally, from the hardest to the easiest, by pupils' own other
subjects (the method we lead with) and by subject pairs (the check beside it), with the school's subjects
marked and its relative performance in each: its pupils' grades in the subject against their own other
subjects, beside the same nationally, with a 95% interval."""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.reports.base import Table
from rollbook.analytics.reports.ks4 import common as ks4
from rollbook.analytics.reports.ks4.request import Asked
from rollbook.analytics.reports.subjects import common
from rollbook.analytics.results.curriculum import DifficultyRow, difficulty
from rollbook.charts import subjects as charts


class SubjectDifficultyReport(TypedDict):
    school: int
    academic_year: int
    label: str
    national: ks4.Ks4NationalInfo | None
    subjects: list[DifficultyRow]


def build(asked: Asked) -> SubjectDifficultyReport:
    national = common.national(asked)
    pupils = asked.cohort().pupils
    return SubjectDifficultyReport(
        school=asked.school,
        academic_year=asked.academic_year,
        label=asked.label,
        national=ks4.national_info(asked, asked.academic_year),
        subjects=difficulty(pupils, national, asked.academic_year, asked.min_group_pupils)
        if national
        else [],
    )


def rows(data: SubjectDifficultyReport) -> list[dict[str, object]]:
    return [
        {
            "Subject": row["name"], "Difficulty (own other subjects)": row["difficulty"],
            "Difficulty (subject pairs)": row["pair_difficulty"], "National entrants": row["national_pupils"],
            "Entrants here": row["entrants"],
            "Relative performance": (found := row["relative_performance"]) and found["value_added"],
            "Relative performance, lower 95% limit": found and found["ci_low"],
            "Relative performance, upper 95% limit": found and found["ci_high"],
            "Relative performance, significance": found and found["significance"],
        }
        for row in data["subjects"]
    ]  # fmt: skip


def tables(data: SubjectDifficultyReport) -> list[Table]:
    keys = ("Subject", "Difficulty (own other subjects)", "Difficulty (subject pairs)", "Entrants here",
            "Relative performance")  # fmt: skip
    return [(f"GCSE subjects, hardest first, {data['label']}", [{k: r[k] for k in keys} for r in rows(data)])]


REPORT = ks4.report(
    "difficulty",
    "Relative difficulty of subjects",
    domain=common.DOMAIN,
    tab="Difficulty",
    order=30,
    build=build,
    rows=rows,
    tables=tables,
    data_type=SubjectDifficultyReport,
    charts=lambda data: {
        "chart": charts.difficulty(
            data["subjects"], f"GCSE subjects from the hardest to the easiest, {data['label']}"
        )
    },
)
