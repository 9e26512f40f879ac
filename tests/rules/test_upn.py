"""Unique Pupil Number check letters (docs/import-formats.md, UPN)."""

from __future__ import annotations

from rollbook.rules import upn


def test_the_check_letter_is_the_weighted_sum_modulo_23():
    # Body 823400124001: digits weighted 2..13:
    # 8*2 + 2*3 + 3*4 + 4*5 + 0*6 + 0*7 + 1*8 + 2*9 + 4*10 + 0*11 + 0*12 + 1*13 = 133; 133 mod 23 = 18 -> "V".
    assert upn.check_letter("823400124001") == "V"
    assert upn.make(823, 4001, 24, 1) == "V823400124001"


def test_a_valid_upn_has_no_problem():
    assert upn.problem_with("V823400124001") is None
    assert upn.is_valid("V823400124001")


def test_a_wrong_check_letter_is_named():
    assert upn.problem_with("A823400124001") == "UPN 'A823400124001' has check letter A, expected V"


def test_wrong_length_and_shape_are_named():
    assert "12 characters" in upn.problem_with("V82340012400")
    assert "not a letter" in upn.problem_with("V82340012400!")


def test_a_upn_is_held_in_capitals_without_spaces():
    assert upn.normalise(" v823400124001\n") == "V823400124001"


def test_a_upn_is_found_standing_alone_in_text_in_any_capitals():
    found = upn.IN_TEXT.findall("pupil v823400124001 and X8234001240012 and V823400124001.")
    assert found == ["v823400124001", "V823400124001"]
