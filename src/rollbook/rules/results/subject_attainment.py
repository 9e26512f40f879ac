"""Attainment in each subject: entrants, average points and the shares at grade 4, 5 and 7 or above
(docs/curriculum-and-insight.md, "Subject attainment").

Averages and shares are over the subject's entrants (results that count, U included). A technical award's
grade reaches no 9-to-1 grade, so a subject with only such results has no grade shares.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from rollbook.rules.results.exam_result import ExamResult
from rollbook.rules.results.pupil_measures import PupilMeasures

THRESHOLDS = (4, 5, 7)


@dataclass(frozen=True)
class SubjectAttainment:
    subject: str
    entrants: int
    average_points: float
    #: The percentage of entrants at grade 4 or above, 5 or above and 7 or above; None without 9-to-1 grades.
    grade_4: float | None
    grade_5: float | None
    grade_7: float | None


def subject_attainment(pupils: Sequence[PupilMeasures]) -> dict[str, SubjectAttainment]:
    by_subject: dict[str, list[ExamResult]] = {}
    for pupil in pupils:
        for result in pupil.counted:
            by_subject.setdefault(result.subject.key, []).append(result)
    return {subject: _attainment(subject, found) for subject, found in sorted(by_subject.items())}


def _attainment(subject: str, found: list[ExamResult]) -> SubjectAttainment:
    graded = any(result.grade.threshold is not None for result in found)

    def share(grade: int) -> float | None:
        return 100 * statistics.fmean(r.grade.reaches(grade) for r in found) if graded else None

    return SubjectAttainment(
        subject, len(found), statistics.fmean(r.slot_points for r in found), *(share(g) for g in THRESHOLDS)
    )
