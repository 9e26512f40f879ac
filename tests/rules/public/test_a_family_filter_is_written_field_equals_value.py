"""A family filter is FIELD=VALUE: coded fields take any of several values, figures a range, Distance a
radius in km; a filter that cannot be read says why."""

from __future__ import annotations

import pytest

from rollbook.rules.public.family import Filter


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Region=London", Filter("Region", values=("London",))),
        ("ofsted rating=Good|Outstanding", Filter("Ofsted rating", values=("Good", "Outstanding"))),
        ("Attainment 8, 2019=40..60", Filter("Attainment 8, 2019", low=40, high=60)),
        ("FSM6, %=..20", Filter("FSM6, %", high=20)),
        ("KS4 pupils, 2019=100..", Filter("KS4 pupils, 2019", low=100)),
        ("Selective=Yes", Filter("Selective", values=("Yes",))),
        ("Total pupils=1000", Filter("Total pupils", low=1000, high=1000)),
        ("Distance=10", Filter("Distance", high=10)),
        ("Distance=5..20", Filter("Distance", low=5, high=20)),
    ],
)
def test_a_filter_is_read(text, expected):
    assert Filter.parse(text, 2019) == expected


@pytest.mark.parametrize(
    "text",
    ["Region=London|South East", "Attainment 8, 2019=40..60", "FSM6, %=..20", "Distance=10", "Distance=5..20",
     "Total pupils=1000", "Progress 8, 2019=-0.5..0.25"],
)  # fmt: skip
def test_a_filter_is_written_as_it_is_read(text):
    assert str(Filter.parse(text, 2019)) == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Region", "write a filter as FIELD=VALUE"),
        ("Postcode=AB1", "Schools Like Yours 2019 has no field 'Postcode'"),
        ("Distance=near", "'near' is not a number"),
        ("Attainment 8, 2019=60..40", "the range runs from the lower number to the higher"),
        ("FSM6, %=..", "give at least one end of the range"),
    ],
)
def test_a_filter_that_cannot_be_read_says_why(text, message):
    with pytest.raises(ValueError, match=message):
        Filter.parse(text, 2019)
