"""Sex and SEN provision are read in any capitals as their codes, the legacy SEN codes as their successors
(S, a statement, as E, an EHC plan; A and P, School Action and School Action Plus, as K, SEN support)."""

from __future__ import annotations

import pytest

from rollbook.rules.characteristics import parse_sen, parse_sex


@pytest.mark.parametrize(("text", "code"), [("f", "F"), (" M ", "M")])
def test_sex_is_read_as_its_code(text, code):
    assert parse_sex(text) == code


@pytest.mark.parametrize(
    ("text", "code"), [("n", "N"), ("K", "K"), ("e", "E"), ("S", "E"), ("a", "K"), ("P", "K")]
)
def test_sen_provision_is_read_as_its_code(text, code):
    assert parse_sen(text) == code


def test_anything_else_is_refused_naming_the_codes():
    with pytest.raises(ValueError, match="'X' is not M or F"):
        parse_sex("X")
    with pytest.raises(ValueError, match="'U' is not N, K or E"):
        parse_sen("U")
