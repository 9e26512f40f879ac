"""Combined science can fill two slots, each worth the mean of its grades, in the EBacc or open element or
one of each, or only one slot."""

from __future__ import annotations

from rollbook.rules.results.attainment8 import Element, attainment8
from tests.support.ks4_results import gcses, results


def test_r1_combined_science_takes_two_ebacc_slots_and_french_drops_to_open():
    a8 = attainment8(
        results(("Maths", "GCSE", "5"), ("English Lang", "GCSE", "6"), ("English Lit", "GCSE", "4"),
                ("Combined Science: Trilogy", "GCSE (9-1) double award", "5-4"), ("History", "GCSE", "6"),
                ("French", "GCSE", "3"), ("Art", "GCSE", "7"), ("Sport", "BTEC Tech Award", "L2 Merit"))
    )  # fmt: skip
    # maths 10; English 6 x 2; EBacc 6 + 4.5 + 4.5 of {4.5, 4.5, 6, 3}; open 7 + 5.5 + 4 of {4, 3, 7, 5.5}.
    assert (a8.maths, a8.english, a8.ebacc, a8.open) == (10, 12, 15, 16.5)
    assert a8.total == 53.5


def test_r4_combined_science_9_8_alone_fills_two_ebacc_slots_with_8_5_each():
    a8 = attainment8(results(("Combined Science", "GCSE", "9-8")))
    assert a8.ebacc == 17
    assert a8.filled(Element.EBACC) == 2


def test_combined_science_can_fill_one_ebacc_and_one_open_slot():
    a8 = attainment8(
        results(("Combined Science", "GCSE", "6-6"), ("History", "GCSE", "8"), ("French", "GCSE", "7"))
    )
    # EBacc: history 8, French 7, one combined 6; the other combined 6 is the only open result.
    assert (a8.ebacc, a8.open) == (21, 6)


def test_combined_science_fills_only_one_slot_when_better_results_take_the_rest():
    a8 = attainment8(
        results(("Combined Science", "GCSE", "3-3"), *((s, "GCSE", "8") for s in
                ("History", "Geography", "French", "Art", "Music")))
    )  # fmt: skip
    # EBacc 8 + 8 + 8; open art 8 + music 8 + one combined 3; the second 3 counts nowhere.
    assert (a8.ebacc, a8.open) == (24, 19)


def test_combined_science_written_as_a_plain_gcse_is_a_double_award():
    (result,) = gcses(combined_science="5-4")
    assert result.qualification.slots == 2
    assert result.slot_points == 4.5
