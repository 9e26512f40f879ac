"""Four pupils' GCSE points, for the relative-difficulty methods worked by hand."""

from __future__ import annotations

from rollbook.rules.results.subject_points import SubjectPoints

PUPILS = {
    "A": {"maths": 6, "french": 4, "history": 5},
    "B": {"maths": 7, "french": 5},
    "C": {"maths": 5, "history": 6},
    "D": {"french": 6},  # one subject: no other subjects to measure it by
}
ENTRIES = [SubjectPoints(pupil, subject, points) for pupil, taken in PUPILS.items()
           for subject, points in taken.items()]  # fmt: skip
