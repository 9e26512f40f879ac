"""Worked example J ("Jack", UK Guide 2018): both Englishes sat, so English is doubled; A8 67."""

from __future__ import annotations

from rollbook.rules.results.attainment8 import Element, attainment8
from tests.support.ks4_results import gcses


def test_jack_scores_67_with_each_element_as_worked():
    a8 = attainment8(
        gcses(maths="7", english_language="8", english_literature="6", core_science="7",
              additional_science="6", french="7", spanish="6", art="5")
    )  # fmt: skip
    # maths 7 x 2; English max(8, 6) x 2; EBacc 7 + 7 + 6 of {7, 7, 6, 6}; open Eng Lit 6 + 6 left + art 5.
    assert (a8.maths, a8.english, a8.ebacc, a8.open) == (14, 16, 20, 17)
    assert a8.total == 67
    assert a8.english_double_weighted


def test_english_literature_is_in_an_open_slot_not_an_ebacc_one():
    a8 = attainment8(
        gcses(maths="7", english_language="8", english_literature="6", core_science="7",
              additional_science="6", french="7", spanish="6", art="5")
    )  # fmt: skip
    placed = {slot.result.subject.key: slot.element for slot in a8.slots if slot.result}
    assert placed["english_literature"] is Element.OPEN
    assert placed["english_language"] is Element.ENGLISH
