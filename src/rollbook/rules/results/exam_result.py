"""One pupil's result in one subject, read from the names and grade an export writes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rollbook.rules.results import qualifications, subjects
from rollbook.rules.results.grades import Grade, parse_grade
from rollbook.rules.results.qualifications import DOUBLE_AWARD, GCSE, Qualification, qualification
from rollbook.rules.results.subjects import Science, Subject, subject

_MONTHS = {
    month: number
    for number, month in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_SEASONS = {"summer": 6, "winter": 11, "autumn": 11, "spring": 3}
_WORDS = re.compile(r"^(?:([a-z]+)\s+(\d{4})|(\d{4})\s+([a-z]+))$")
_NUMBERS = re.compile(r"^(?:(\d{1,2})[/-](\d{4})|(\d{4})[/-](\d{1,2}))$")


class BadResult(ValueError):
    pass


@dataclass(frozen=True)
class ExamResult:
    subject: Subject
    qualification: Qualification
    grade: Grade
    #: The first day of the exam series' month, when the export gives it (first-entry rule).
    series: dt.date | None = None

    @property
    def slot_points(self) -> float:
        """Points for each Attainment 8 slot it fills."""
        return self.grade.points

    @property
    def attempted(self) -> bool:
        return self.grade.attempted

    def describe(self) -> str:
        """As a report names it: "Combined science (GCSE (9-1) double award) 5-4"."""
        return f"{self.subject.name} ({self.qualification.name}) {self.grade.text}"


def exam_result(
    subject_name: str, qualification_name: str, grade: str, academic_year: int, exam_series: str | None = None
) -> ExamResult:
    """The result an export's row means, in `academic_year` (2018 is 2018/19).

    Combined science given as a plain GCSE is its double award, as the DfE counts it. Raises
    UnknownSubject, UnknownQualification, BadGrade or BadResult, each saying why."""
    found = subject(subject_name)
    kind = qualification(qualification_name)
    if found.science is Science.COMBINED and kind is GCSE:
        kind = DOUBLE_AWARD
    if kind.slots == 2 and found.science is not Science.COMBINED:
        raise BadResult(f"{found.name} is not a double award; only combined science is")
    series = exam_series_date(exam_series) if exam_series and exam_series.strip() else None
    return ExamResult(found, kind, parse_grade(kind.scale, grade, academic_year), series)


def held_result(
    subject_key: str, qualification_key: str, grade: str, academic_year: int, series: dt.date | None = None
) -> ExamResult:
    """A result as the lake holds it: subject and qualification by key, the grade as Rollbook wrote it
    (all checked when it was imported)."""
    kind = qualifications.BY_KEY[qualification_key]
    found = subjects.BY_KEY[subject_key]
    return ExamResult(found, kind, parse_grade(kind.scale, grade, academic_year), series)


def exam_series_date(text: str) -> dt.date:
    """The month an exam series names ("June 2019", "Summer 2019", "2018 November", "06/2019")."""
    cleaned = " ".join(text.strip().lower().split())
    if found := _WORDS.match(cleaned):
        word, year = (found[1], found[2]) if found[1] else (found[4], found[3])
        month = _SEASONS.get(word) or _MONTHS.get(word[:3])
        if month is not None:
            return dt.date(int(year), month, 1)
    elif found := _NUMBERS.match(cleaned):
        month, year = (found[1], found[2]) if found[1] else (found[4], found[3])
        if 1 <= int(month) <= 12:
            return dt.date(int(year), int(month), 1)
    raise BadResult(f"exam series {text!r} is not a month and year such as June 2019")
