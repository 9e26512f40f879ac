"""Build a pupil's results from rows as an export writes them: (subject, qualification, grade)."""

from __future__ import annotations

from rollbook.rules.results.attainment8 import Attainment8, Element, Slot
from rollbook.rules.results.exam_result import ExamResult, exam_result
from rollbook.rules.results.grades import Grade
from rollbook.rules.results.qualifications import GCSE
from rollbook.rules.results.subjects import BY_KEY

_ANY = BY_KEY["music"]
#: 2018/19, the year of the national figures the rules are checked against.
YEAR = 2018


def results(*rows: tuple[str, str, str], year: int = YEAR) -> list[ExamResult]:
    return [exam_result(subject, qualification, grade, year) for subject, qualification, grade in rows]


def gcses(year: int = YEAR, **grades: str) -> list[ExamResult]:
    """GCSEs by subject name with underscores for spaces: gcses(maths="7", english_language="8")."""
    return results(*((name.replace("_", " "), "GCSE", grade) for name, grade in grades.items()), year=year)


def elements(english: float = 0, maths: float = 0, ebacc: float = 0, open: float = 0) -> Attainment8:
    """An Attainment 8 with these element totals, each held by one slot (for Progress 8 arithmetic)."""
    slots = [
        Slot(element, ExamResult(_ANY, GCSE, Grade("-", float(points), None)))
        for element, points in ((Element.ENGLISH, english), (Element.MATHS, maths), (Element.EBACC, ebacc),
                                (Element.OPEN, open))
    ]  # fmt: skip
    return Attainment8(tuple(slots))
