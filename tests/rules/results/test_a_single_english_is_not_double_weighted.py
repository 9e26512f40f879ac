"""With only one of English language and literature sat, English counts once: the published answers to
John Warner School's examples (55 and 40) double it, and are wrong."""

from __future__ import annotations

from rollbook.rules.results.attainment8 import attainment8
from tests.support.ks4_results import gcses


def test_student_a_with_english_language_alone_scores_50_not_55():
    a8 = attainment8(
        gcses(maths="6", english_language="5", biology="6", chemistry="6", physics="6", geography="5",
              art="5", pe="5")
    )  # fmt: skip
    # 12 + 5 + (6 + 6 + 6) + (5 + 5 + 5)
    assert a8.total == 50
    assert a8.total != 55
    assert not a8.english_double_weighted


def test_student_b_with_english_literature_alone_scores_36_not_40():
    a8 = attainment8(
        gcses(maths="4", english_literature="4", history="4", french="4", biology="4", business="4",
              drama="4", music="4")
    )  # fmt: skip
    # 8 + 4 + 12 + 12
    assert a8.total == 36
    assert a8.total != 40


def test_english_language_and_maths_alone_score_15():
    a8 = attainment8(gcses(english_language="5", maths="5"))
    assert a8.total == 15
    assert (a8.ebacc, a8.open) == (0, 0)
