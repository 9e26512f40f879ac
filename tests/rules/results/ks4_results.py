"""Build a pupil's results from rows as an export writes them: (subject, qualification, grade)."""

from __future__ import annotations

from rollbook.rules.results.exam_result import ExamResult, exam_result

#: 2018/19, the year of the national figures the rules are checked against.
YEAR = 2018


def results(*rows: tuple[str, str, str], year: int = YEAR) -> list[ExamResult]:
    return [exam_result(subject, qualification, grade, year) for subject, qualification, grade in rows]


def gcses(year: int = YEAR, **grades: str) -> list[ExamResult]:
    """GCSEs by subject name with underscores for spaces: gcses(maths="7", english_language="8")."""
    return results(*((name.replace("_", " "), "GCSE", grade) for name, grade in grades.items()), year=year)
