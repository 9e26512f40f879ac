"""How hard each subject is graded, by two methods, and a school's relative performance in each subject
against the first (docs/curriculum-and-insight.md, "Relative difficulty").

Own other subjects, the method we lead with: a pupil's residual in a subject is their points in it minus the
mean of their points in their other subjects, and a subject's difficulty is minus its mean residual
nationally, in grades: 0.5 means its entrants score half a grade lower in it than in their other subjects.

Subject pairs, the check beside it: for each pair of subjects, the mean of (points in one minus points in
the other) over the pupils who took both, for pairs with at least PAIR_PUPILS such pupils; a subject's
difficulty is minus the plain mean of its differences against every subject it pairs with. Each pair
counts once whatever its size, the unweighted form that agrees best with the other methods.

Both methods read only pupils with two subjects or more; the subjects given should be GCSEs, graded on one
scale (subject_points(gcse_only=True)).

A school's relative performance in a subject is its entrants' mean residual minus the national mean
residual, with a 95% interval from the national spread of the subject's residuals: above 0, its pupils did
better in the subject, against their own other subjects, than pupils nationally.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rollbook.rules.results.subject_points import SubjectPoints
from rollbook.rules.results.subject_value_added import Residual, SubjectValueAdded, school_value_added

#: Pupils a pair of subjects needs in common to count in the subject pairs method.
PAIR_PUPILS = 30
RELATIVE_PERFORMANCE = "Relative performance (against the pupils' own other subjects)"


@dataclass(frozen=True)
class Difficulty:
    subject: str
    #: In grades: above 0 harder, below 0 easier.
    difficulty: float
    #: Entrants with at least one other subject.
    pupils: int
    #: The spread of the national residuals (own other subjects only), for a school's interval.
    sigma: float | None = None


def difficulty_from_other_subjects(entries: Iterable[SubjectPoints]) -> dict[str, Difficulty]:
    by_subject: dict[str, list[float]] = {}
    for entry, others in _against_other_subjects(entries):
        by_subject.setdefault(entry.subject, []).append(entry.points - others)
    return {
        subject: Difficulty(subject, -statistics.fmean(found), len(found), statistics.pstdev(found))
        for subject, found in by_subject.items()
    }


def difficulty_from_subject_pairs(
    entries: Iterable[SubjectPoints], least: int = PAIR_PUPILS
) -> dict[str, Difficulty]:
    gaps: dict[tuple[str, str], list[float]] = {}
    entrants: dict[str, int] = {}
    for taken in _by_pupil(entries).values():
        if len(taken) < 2:
            continue
        for subject in taken:
            entrants[subject] = entrants.get(subject, 0) + 1
        for (first, a), (second, b) in itertools.combinations(sorted(taken.items()), 2):
            gaps.setdefault((first, second), []).append(a - b)
    means: dict[str, list[float]] = {}
    for (first, second), found in gaps.items():
        if len(found) >= least:
            gap = statistics.fmean(found)
            means.setdefault(first, []).append(gap)
            means.setdefault(second, []).append(-gap)
    return {
        subject: Difficulty(subject, -statistics.fmean(found), entrants[subject])
        for subject, found in means.items()
    }


def hardest_first(difficulties: Mapping[str, Difficulty]) -> list[Difficulty]:
    """Subjects from the hardest to the easiest, as the difficulty chart shows them; ties by name."""
    return sorted(difficulties.values(), key=lambda d: (-d.difficulty, d.subject))


def relative_performance(
    entries: Iterable[SubjectPoints], national: Mapping[str, Difficulty], year: int
) -> dict[str, SubjectValueAdded]:
    """A school's relative performance in each subject with a national difficulty by own other subjects."""
    found = [
        Residual(entry.pupil, entry.subject, year, entry.points, others - difficulty.difficulty,
                 difficulty.sigma, RELATIVE_PERFORMANCE)
        for entry, others in _against_other_subjects(entries)
        if (difficulty := national.get(entry.subject)) is not None and difficulty.sigma is not None
    ]  # fmt: skip
    return school_value_added(found)


def _against_other_subjects(entries: Iterable[SubjectPoints]) -> list[tuple[SubjectPoints, float]]:
    """Each entry of a pupil with two subjects or more, with the mean of their points in the others."""
    paired = []
    for pupil, taken in _by_pupil(entries).items():
        if len(taken) < 2:
            continue
        total = sum(taken.values())
        for subject, points in taken.items():
            paired.append((SubjectPoints(pupil, subject, points), (total - points) / (len(taken) - 1)))
    return paired


def _by_pupil(entries: Iterable[SubjectPoints]) -> dict[str, dict[str, float]]:
    by_pupil: dict[str, dict[str, float]] = {}
    for entry in entries:
        taken = by_pupil.setdefault(entry.pupil, {})
        if entry.subject in taken:
            raise ValueError(f"pupil {entry.pupil} has two results in {entry.subject}; give the counted one")
        taken[entry.subject] = entry.points
    return by_pupil
