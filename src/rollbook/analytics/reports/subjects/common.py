"""What the curriculum reports share: their domain, the question they take (the KS4 reports' own: a year of
exams, one year or three) and the national subject figures they are set beside."""

from __future__ import annotations

from rollbook.analytics.reports.ks4.request import Asked
from rollbook.analytics.results import subjects
from rollbook.analytics.results.curriculum import year_residuals
from rollbook.analytics.results.subjects import SubjectsNational
from rollbook.analytics.results.value_added import baseline_scores
from rollbook.rules.calendar import academic_year_label
from rollbook.rules.results.subject_value_added import Residual

DOMAIN = "subjects"
TEMPLATES = "results"


def national(asked: Asked, academic_year: int | None = None) -> SubjectsNational | None:
    """The subject figures published with the national figures the year is set beside."""
    found = subjects.latest(asked.national_root, academic_year or asked.academic_year)
    return found[0] if found else None


def scores(asked: Asked, academic_year: int) -> dict[str, dict[str, float]]:
    """The school's Year 11 pupils' scores on the baselines it supplies (UPN -> baseline -> score)."""
    found = baseline_scores(asked.lake, [asked.school], academic_year)
    return {upn: held for (_, upn), held in found.items()}


def residuals(asked: Asked, academic_year: int) -> tuple[list[Residual], list[Residual]]:
    """The year's residuals of the school's entries in subjects and in areas (curriculum.year_residuals)."""
    return year_residuals(
        asked.cohort(academic_year).pupils, national(asked, academic_year), academic_year,
        scores(asked, academic_year),
    )  # fmt: skip


def years_asked(asked: Asked) -> list[int]:
    """The year alone, or the years held up to it taken together (three at most), oldest first."""
    return list(asked.trend_years if asked.query.years == 3 else (asked.academic_year,))


def years_label(years: list[int]) -> str:
    return " to ".join(dict.fromkeys((academic_year_label(years[0]), academic_year_label(years[-1]))))
