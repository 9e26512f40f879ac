"""The DfE's codes for an unpublished figure (SUPP, NE, x, c…) read as missing; anything else that is not a
number is refused with the value quoted."""

from __future__ import annotations

import pytest

from rollbook.rules.public.values import read_count, read_identifier, read_number, read_rate


@pytest.mark.parametrize(
    "code", ["", "  ", "SUPP", "supp", "NE", "NA", "NP", "LOW", "LOWCOV", "x", "c", "z", ":"]
)
def test_each_code_is_missing(code):
    assert read_number(code) is None
    assert read_rate(code) is None
    assert read_count(code) is None


def test_figures_are_read_with_or_without_a_percent_sign():
    assert read_number("-0.03") == -0.03
    assert read_rate("65.9%") == 65.9
    assert read_count("1,425") == 1425


@pytest.mark.parametrize(
    ("reader", "text", "message"),
    [
        (read_number, "abc", "'abc' is not a number"),
        (read_number, "nan", "'nan' is not a number"),
        (read_rate, "104.2%", "'104.2%' is not a percentage from 0 to 100"),
        (read_count, "12.5", "'12.5' is not a whole number"),
        (read_count, "-3", "'-3' is not a whole number"),
        (read_identifier, "1000A9", "'1000A9' is not a number"),
    ],
)
def test_anything_else_is_refused(reader, text, message):
    with pytest.raises(ValueError) as refused:
        reader(text)
    assert str(refused.value) == message


def test_a_row_of_national_totals_has_no_urn():
    assert read_identifier("NAT") is None
    assert read_identifier("") is None
    assert read_identifier(" 100049 ") == 100049
