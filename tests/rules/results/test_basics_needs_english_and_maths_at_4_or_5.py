"""English and maths at 4+ and 5+: either English will do, and one need not sit both."""

from __future__ import annotations

from rollbook.rules.results.basics import basics
from tests.support.ks4_results import gcses, results


def test_4_in_literature_alone_and_4_in_maths_is_a_standard_pass():
    result = basics(gcses(english_literature="4", maths="4"))
    assert (result.achieved_4, result.achieved_5) == (True, False)


def test_the_better_english_counts():
    assert basics(gcses(english_language="3", english_literature="5", maths="6")).achieved_5


def test_a_3_in_maths_fails_both():
    result = basics(gcses(english_language="9", maths="3"))
    assert (result.achieved_4, result.achieved_5) == (False, False)


def test_an_unreformed_c_counts_as_a_4_and_b_as_a_5():
    assert basics(results(("Maths", "GCSE (A*-G)", "C"), ("English Lang", "GCSE", "4"))).achieved_4
    assert not basics(results(("Maths", "GCSE (A*-G)", "C"), ("English Lang", "GCSE", "5"))).achieved_5
    assert basics(results(("Maths", "GCSE (A*-G)", "B"), ("English Lang", "GCSE", "5"))).achieved_5


def test_entry_needs_both_subjects_sat():
    assert basics(gcses(english_language="U", maths="2")).entered
    assert not basics(gcses(english_language="X", maths="2")).entered
