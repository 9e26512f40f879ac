"""English is doubled only when the pupil sat both English language and literature; an X (absent) is not
sitting it, a U is."""

from __future__ import annotations

from rollbook.rules.results.attainment8 import Element, attainment8
from tests.support.ks4_results import gcses


def test_literature_9_is_doubled_and_language_7_goes_to_open():
    a8 = attainment8(gcses(english_language="7", english_literature="9"))
    assert a8.english == 18
    assert a8.open == 7
    assert [s.result.subject.key for s in a8.slots if s.element is Element.OPEN and s.result] == [
        "english_language"
    ]


def test_absent_for_literature_leaves_language_single_weighted():
    a8 = attainment8(gcses(english_language="6", english_literature="X"))
    assert a8.english == 6
    assert not a8.english_double_weighted


def test_a_u_in_literature_is_sitting_it_so_language_is_doubled():
    a8 = attainment8(gcses(english_language="6", english_literature="U"))
    assert a8.english == 12
    assert a8.open == 0
