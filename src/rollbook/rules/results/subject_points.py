"""A pupil's points in each subject and in each EBacc subject area: what subject value added, relative
difficulty and the curriculum report count (docs/curriculum-and-insight.md, "Points in a subject").

A subject's points are its counted result's points per slot (combined science 5-4 is 4.5); discounting
leaves one result in each subject. An EBacc subject area's points are the pupil's pillar points as the EBacc
average point score counts them (English the better of the two, science the mean of its two pillars), for
the areas the pupil is entered in as EBacc entry counts them.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from rollbook.rules.results.ebacc import Area, EBacc, ebacc
from rollbook.rules.results.exam_result import ExamResult


@dataclass(frozen=True)
class SubjectPoints:
    pupil: str
    #: A subject's key (subjects.py), or an EBacc subject area's name (ebacc.Area).
    subject: str
    points: float


def subject_points(pupil: str, counted: Iterable[ExamResult], gcse_only: bool = False) -> list[SubjectPoints]:
    """One row per subject the pupil's counted results cover; only GCSEs when `gcse_only`."""
    return [
        SubjectPoints(pupil, result.subject.key, result.slot_points)
        for result in counted
        if result.attempted and (result.qualification.gcse or not gcse_only)
    ]


def area_points(pupil: str, counted: Iterable[ExamResult]) -> list[SubjectPoints]:
    """One row per EBacc subject area the pupil is entered in, worth its pillar points."""
    return ebacc_area_points(pupil, ebacc(counted))


def ebacc_area_points(pupil: str, measured: EBacc) -> list[SubjectPoints]:
    """As `area_points`, from the pupil's EBacc already measured (the engine measures a nation's at once)."""
    english, maths, science, second_science, humanities, languages = measured.pillar_points
    points = {
        Area.ENGLISH: english,
        Area.MATHS: maths,
        Area.SCIENCE: statistics.fmean((science, second_science)),
        Area.HUMANITIES: humanities,
        Area.LANGUAGES: languages,
    }
    return [SubjectPoints(pupil, area, points[area]) for area in Area if area in measured.areas_entered]
