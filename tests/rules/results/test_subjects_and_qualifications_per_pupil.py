"""Subjects per pupil count each subject with a counted result once; qualifications per pupil count a
double award (combined science) as two; both are over every pupil given."""

from __future__ import annotations

from rollbook.rules.results.entries import qualifications_per_pupil, subjects_per_pupil
from tests.support.entries_cohort import PUPILS


def test_subjects_per_pupil():
    assert subjects_per_pupil(PUPILS) == (6 + 4 + 7 + 2) / 4


def test_qualifications_per_pupil():
    assert qualifications_per_pupil(PUPILS) == (7 + 5 + 7 + 2) / 4
