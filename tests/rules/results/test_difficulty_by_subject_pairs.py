"""By subject pairs, a subject's difficulty is minus the plain mean, over every subject it pairs with, of the
mean difference in points of the pupils who took both; a pair with too few such pupils is left out."""

from __future__ import annotations

import pytest

from rollbook.rules.results.relative_difficulty import difficulty_from_subject_pairs, hardest_first
from tests.support.difficulty_cohort import ENTRIES

# Pairs: French - history, A: 4 - 5 = -1 (1 pupil); French - maths, A: -2, B: -2, mean -2 (2 pupils);
# history - maths, A: -1, C: 1, mean 0 (2 pupils).


def test_every_pair_counts_once_whatever_its_size():
    found = difficulty_from_subject_pairs(ENTRIES, least=1)
    # French: -(-1 + -2) / 2; history: -(1 + 0) / 2; maths: -(2 + 0) / 2
    assert {s: d.difficulty for s, d in found.items()} == pytest.approx(
        {"french": 1.5, "history": -0.5, "maths": -1.0}
    )
    assert [d.subject for d in hardest_first(found)] == ["french", "history", "maths"]


def test_a_pair_with_too_few_pupils_is_left_out():
    found = difficulty_from_subject_pairs(ENTRIES, least=2)
    assert {s: d.difficulty for s, d in found.items()} == pytest.approx(
        {"french": 2.0, "history": 0.0, "maths": -1.0}
    )


def test_pupils_are_the_entrants_with_another_subject():
    found = difficulty_from_subject_pairs(ENTRIES, least=1)
    assert {s: d.pupils for s, d in found.items()} == {"maths": 3, "french": 2, "history": 2}
