"""EBacc achievement: grade 4 (or 5) in English and maths and grade 4 in science, a humanity and a
language; combined science counts as one entry and is not averaged."""

from __future__ import annotations

from rollbook.rules.results.ebacc import ebacc
from tests.support.ks4_results import gcses


def grades(**changes: str):
    base = dict(english_language="5", english_literature="3", maths="5", combined_science="4-4",
                geography="4", spanish="4")  # fmt: skip
    return ebacc(gcses(**{**base, **changes}))


def test_5_in_one_english_and_maths_with_4s_elsewhere_achieves_both_bases():
    result = grades()
    assert (result.achieved_4, result.achieved_5) == (True, True)


def test_a_4_in_english_achieves_only_the_grade_4_basis():
    result = grades(english_language="4")
    assert (result.achieved_4, result.achieved_5) == (True, False)


def test_combined_science_5_4_reaches_4_and_4_3_does_not():
    assert grades(combined_science="5-4").achieved_4
    assert not grades(combined_science="4-3").achieved_4


def test_a_3_in_the_language_fails_both_bases():
    result = grades(spanish="3")
    assert (result.achieved_4, result.achieved_5) == (False, False)


def test_single_sciences_need_4_in_two_of_the_three():
    passing = dict(english_language="5", english_literature="5", maths="5", history="4", german="4")
    assert ebacc(gcses(**passing, biology="4", chemistry="4", physics="3")).achieved_4
    assert not ebacc(gcses(**passing, biology="4", chemistry="3", physics="3")).achieved_4


def test_entering_is_needed_to_achieve():
    assert not ebacc(gcses(english_language="9", maths="9", combined_science="9-9", history="9",
                           french="9")).achieved_4  # fmt: skip
